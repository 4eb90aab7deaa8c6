"""A request the schema refuses answers as a library refusal does: `field` (the place, without `body.` or
`query.`) and `value` (as received) at the top, beside `details`; a whole number out of its range is told
with the range and what it is for; a condition without a value echoes the values it was sent."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import Actor

FORECAST = "/models/var/versions/0.0.1/forecast"


@pytest.fixture(scope="module")
def client(macro_result, tmp_path_factory):
    settings, _ = local_registry(tmp_path_factory.mktemp("schema-refusals"), macro_result, versions=1)
    yield from local_client(settings, actor=Actor("Ada Admin", "ada", "https://issuer.test", via="rest"))


def _refused(answer) -> dict:
    assert answer.status_code == 422 and answer.json()["type"] == "InvalidInputError", answer.text[:600]
    return answer.json()


@pytest.mark.parametrize(
    ("body", "field", "value"),
    [
        ({"steps": "soon"}, "steps", "soon"),
        ({"steps": 2, "conditions": {"realgdp": {"step": 1}}}, "conditions.realgdp", {"step": 1}),
        ({"steps": 2, "lag_inputs": [[1.0, "x"]]}, "lag_inputs.0.1", "x"),
        ({"steps": 2, "alpah": 0.1}, "alpah", 0.1),
    ],
)
def test_a_schema_refusal_names_its_field_and_value_at_the_top(client, body, field, value):
    refused = _refused(client.post(FORECAST, json=body))
    assert (refused["field"], refused["value"]) == (field, value), refused
    assert refused["details"][0]["loc"][-1] == field.split(".")[-1], refused  # the details as before


def test_a_missing_field_is_named_without_a_value(client):
    refused = _refused(client.post("/models/var/versions/0.0.1/withdraw", json={}))
    assert refused["field"] == "reason" and "value" not in refused, refused


def test_a_long_refused_value_is_named_by_its_place_only(client):
    refused = _refused(client.post(FORECAST, json={"steps": 2, "conditions": ["x"] * 5000}))
    assert refused["field"] == "conditions" and "value" not in refused, refused
    assert len(client.post(FORECAST, json={"steps": 2, "conditions": ["x"] * 5000}).content) < 2000


@pytest.mark.parametrize(
    ("path", "field", "words"),
    [
        ("/models/var/versions/0.0.1/diagnostics?irf_periods=0", "irf_periods", "0 must be a whole number from 1"),
        ("/models/var/versions/0.0.1/diagnostics?irf_periods=101", "irf_periods", "101 must be a whole number from 1"),
        ("/models/var/versions/0.0.1/backtest?origins=5000", "origins", "5000 must be a whole number from 1 to 200"),
        ("/models/var/versions/0.0.1/backtest?horizon=0", "horizon", "0 must be a whole number from 1 to 40"),
        ("/models/var/history?limit=0", "limit", "0 must be a whole number from 1 to 1000 (how many records"),
    ],
)
def test_a_whole_number_out_of_range_is_told_with_its_range(client, path, field, words):
    refused = _refused(client.get(path))
    assert f"query.{field}: {field} {words}" in refused["error"], refused
    assert "Input should be" not in refused["error"] and refused["field"] == field, refused
    assert refused["value"] == path.rsplit("=", 1)[1], refused  # as received: the query's text


@pytest.mark.parametrize(("values", "echoed"), [([None, None], [None, None]), ([None] * 500, None)])
def test_a_condition_without_a_value_echoes_the_values_sent(client, values, echoed):
    refused = _refused(client.post(FORECAST, json={"steps": 2, "conditions": {"realgdp": values}}))
    assert refused["field"] == "conditions.realgdp" and refused.get("value") == echoed, refused
