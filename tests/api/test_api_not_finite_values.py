"""A NaN or an infinity sent as JSON's `NaN`, `Infinity` or `-Infinity` (Python writes them, the service reads
them) is refused with its `value` named as the body wrote it, in every endpoint that checks lag inputs, exogenous
values, conditions or alpha: JSON would make the number itself null, a detail that named nothing."""

from __future__ import annotations

import json
import math

import pytest

from tests.api.local_store import local_client
from tests.support.models import publish_varx
from varlib import Actor, Registry, Settings

ADMIN = Actor("Ada Admin", "ada", "https://issuer.test", via="rest")
FORECAST = "/models/varx/versions/0.0.1/forecast"
SCENARIO = "/models/varx/versions/0.0.1/scenarios/not-finite"
SENT = [(math.nan, "NaN"), (math.inf, "Infinity"), (-math.inf, "-Infinity")]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(store_dir=tmp_path_factory.mktemp("not-finite"), author="api-test")
    artifact, _ = publish_varx(Registry.from_settings(settings))
    rows = artifact.default_lag_inputs().to_numpy().tolist()
    for test_client in local_client(settings, actor=ADMIN):
        yield test_client, rows


def _refused(client, method: str, path: str, body: dict) -> dict:
    answer = client.request(method, path, content=json.dumps(body), headers={"content-type": "application/json"})
    assert answer.status_code == 422, answer.text
    return answer.json()


def _with(rows: list[list[float]], number: float) -> list[list[float]]:
    changed = [list(row) for row in rows]
    changed[-1][1] = number  # realcons in the last row
    return changed


@pytest.mark.parametrize("path, method", [(FORECAST, "POST"), (SCENARIO, "PUT")])
@pytest.mark.parametrize("number, named", SENT)
def test_a_lag_input_that_is_no_finite_number_is_named_as_sent(client, path, method, number, named):
    http, rows = client
    exog = {"realint": [1.0, 1.0]}
    refused = _refused(http, method, path, {"steps": 2, "exog": exog, "lag_inputs": _with(rows, number)})
    assert (refused["field"], refused["value"]) == ("lag_inputs", named), refused
    assert f"is {f'{number:g}'!r}; use a finite number" in refused["error"]  # the words every surface gives


@pytest.mark.parametrize("number, named", SENT)
def test_dated_lag_inputs_name_it_alike(client, number, named):
    http, rows = client
    dates = ["2009-01-01", "2009-04-01", "2009-07-01"][-len(rows) :]
    body = {"steps": 2, "exog": {"realint": [1.0, 1.0]}, "lag_inputs": _with(rows, number), "lag_dates": dates}
    assert _refused(http, "POST", FORECAST, body)["value"] == named


@pytest.mark.parametrize(
    "body, field",
    [
        ({"steps": 2, "exog": {"realint": [1.0, "X"]}}, "exog.realint"),
        ({"steps": 2, "exog": {"realint": [1.0, 1.0]}, "conditions": {"realgdp": [None, "X"]}}, "conditions.realgdp"),
        ({"steps": 2, "exog": {"realint": [1.0, 1.0]}, "alpha": "X"}, "alpha"),
    ],
)
@pytest.mark.parametrize("number, named", SENT)
def test_exogenous_values_conditions_and_alpha_name_it_alike(client, body, field, number, named):
    sent = json.loads(json.dumps(body).replace('"X"', json.dumps(number)))
    refused = _refused(client[0], "POST", FORECAST, sent)
    assert (refused["field"], refused["value"]) == (field, named), refused
