"""GET /models/{name}/compare on a local store holding `var` 0.0.1 (VAR(2)) and 0.0.2 (VAR(3)): the columns in the
order given, the forecasts those of the forecast endpoint, the very JSON of `varlib compare --json` (plus each
forecast's withdrawal), aliases and withdrawn versions, the refusals (422 naming the value, 404) and closed reads."""

from __future__ import annotations

import json

import pytest

from tests.api.local_store import local_client
from tests.conftest import point_cli_at
from varlib import AuthSettings, ModelSpec, Registry, Settings, load_dataset, publish_result, train_model
from varlib.api.security import guard_reads
from varlib.cli import main

COMPARE = "/models/var/compare"


@pytest.fixture(scope="module")
def results():
    """Fits of lag order 2 and 3, published as 0.0.1 and 0.0.2 into each store."""
    dataset = load_dataset()
    return [train_model(dataset, ModelSpec(variables=tuple(dataset.variables), lags=lags)) for lags in (2, 3)]


def _store(folder, results) -> tuple[Settings, Registry]:
    settings = Settings(store_dir=folder, author="api-test")
    registry = Registry.from_settings(settings)
    for result in results:
        publish_result(registry, result, "var")
    return settings, registry


@pytest.fixture(scope="module")
def store(results, tmp_path_factory):
    settings, registry = _store(tmp_path_factory.mktemp("compare"), results)
    registry.set_alias("var", "champion", "0.0.1")
    return settings, registry


@pytest.fixture(scope="module")
def client(store):
    yield from local_client(store[0])


def _compare(client, *versions: str, **options):
    return client.get(COMPARE, params={"versions": list(versions), **options})


def test_the_columns_follow_the_order_given_and_the_lag_order_differs(client):
    answer = _compare(client, "0.0.2", "0.0.1")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["name"] == "var" and body["versions"] == ["var 0.0.2", "var 0.0.1"]
    assert list(body["fields"]["lag order (k_ar)"].items()) == [("var 0.0.2", 3), ("var 0.0.1", 2)]
    assert "lag order (k_ar)" in body["differs"] and "dataset" not in body["differs"]
    assert body["holdout_notes"] == []  # GDP and consumption: every MAPE scored, no exogenous path
    assert [item["version"] for item in body["forecasts"]] == ["var 0.0.2", "var 0.0.1"]
    assert [item["withdrawn"] for item in body["forecasts"]] == [None, None]
    assert body["steps"] == 8 and body["level"] == 95  # the CLI's defaults


def test_the_first_forecast_is_the_one_the_forecast_endpoint_answers(client):
    compared = _compare(client, "0.0.2", "0.0.1", steps=3, level=90)
    assert compared.status_code == 200, compared.text
    first = compared.json()["forecasts"][0]
    assert first["shared"] is True and len(first["rows"]) == 3 * 2
    alone = client.post("/models/var/versions/0.0.2/forecast", json={"steps": 3, "alpha": 0.1})
    assert alone.status_code == 200, alone.text
    expected = alone.json()
    row = first["rows"][0]
    assert (row["date"], row["variable"]) == (expected["index"][0], expected["variables"][0])
    assert [row["mean"], row["lower"], row["upper"]] == pytest.approx(
        [expected["mean"][0][0], expected["lower"][0][0], expected["upper"][0][0]], rel=1e-12
    )


def test_the_answer_is_the_clis_json_with_each_forecasts_withdrawal(client, store, monkeypatch, capsys):
    point_cli_at(store[0], monkeypatch)
    assert main(["compare", "--name", "var", "0.0.2", "@champion", "--steps", "4", "--level", "80", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    answer = _compare(client, "0.0.2", "@champion", steps=4, level=80)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [item["withdrawn"] for item in body["forecasts"]] == [None, None]
    assert body == printed  # withdrawals included: the CLI's JSON carried none
    assert printed["level"] == 80 and len(printed["forecasts"][1]["rows"]) == 4 * 2


def test_an_alias_names_its_version(client):
    answer = _compare(client, "@champion", "latest")
    assert answer.status_code == 200, answer.text
    assert answer.json()["versions"] == ["var 0.0.1", "var 0.0.2"]
    twice = _compare(client, "@champion", "0.0.1")
    assert twice.status_code == 422
    assert "var 0.0.1 is given twice (@champion and 0.0.1 both name it)" in twice.json()["error"]


def test_one_version_is_not_a_comparison(client):
    answer = _compare(client, "0.0.1")
    assert answer.status_code == 422 and answer.json()["type"] == "InvalidInputError"
    message = answer.json()["error"]
    assert 'query.versions: ["0.0.1"]: compare needs at least two versions and got one (0.0.1): give' in message
    assert "`versions` once per version (versions=0.0.1&versions=0.0.2)" in message  # as the CLI words it
    assert message.endswith("as GET /models/var/versions lists them")  # the model asked about, not a template
    comma = _compare(client, "0.0.1,0.0.2").json()["error"]  # the dashboard's address writes them so
    assert "version '0.0.1,0.0.2' is not valid" in comma and comma.endswith("; give `versions` once per version")


def test_latest_and_its_number_are_one_version_named_twice(client):
    answer = _compare(client, "latest", "0.0.2")
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert body["error"] == "var 0.0.2 is given twice (latest and 0.0.2 both name it): compare distinct versions"
    assert (body["field"], body["value"]) == ("versions", "0.0.2")


@pytest.mark.parametrize(
    ("query", "named"),
    [
        # out of range: in the CLI's words, by the library's checks
        ("versions=0.0.1&versions=0.0.2&steps=0", "query.steps: steps 0 must be a whole number from 1 to 400"),
        ("versions=0.0.1&versions=0.0.2&steps=401", "query.steps: steps 401 must be a whole number from 1 to 400"),
        ("versions=0.0.1&versions=0.0.2&level=101", "query.level: level 101 must be a percentage from 50 to 99.99 (95"),
        ("versions=0.0.1&versions=0.0.2&level=30", "query.level: level 30 must be a percentage from 50 to 99.99"),
        ("versions=0.0.1&versions=0.0.x", "query.versions.1: version '0.0.x' is not valid: use M.m.p"),
        ("versions=0.0.1&versions=0.0.2&alpha=0.1", "query.alpha: not a parameter of this endpoint"),
        ("versions=0.0.1&versions=0.0.2&steps=2&steps=3", "query parameter 'steps' is given 2 times; give it once"),
    ],
)
def test_bad_input_is_422_naming_the_value(client, query, named):
    answer = client.get(f"{COMPARE}?{query}")
    assert answer.status_code == 422, answer.text
    assert named in answer.json()["error"]


def test_an_unknown_version_or_model_is_404(client):
    answer = _compare(client, "0.0.1", "0.0.9")
    assert answer.status_code == 404 and "var 0.0.9 does not exist" in answer.json()["error"]
    nobody = client.get("/models/nope/compare", params={"versions": ["0.0.1", "0.0.2"]})
    assert nobody.status_code == 404 and "model 'nope' has no versions" in nobody.json()["error"]


def test_a_withdrawn_version_named_by_its_number_is_compared_saying_so(results, tmp_path, monkeypatch, capsys):
    settings, registry = _store(tmp_path, results)
    registry.withdraw("var", "0.0.1", "trained on the wrong file")
    point_cli_at(settings, monkeypatch)
    assert main(["compare", "--name", "var", "latest", "0.0.1", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)["forecasts"]
    assert printed[0]["withdrawn"] is None and printed[1]["withdrawn"]["reason"] == "trained on the wrong file"
    for client in local_client(settings):
        answer = _compare(client, "latest", "0.0.1")
        assert answer.status_code == 200, answer.text
        latest, withdrawn = answer.json()["forecasts"]
        assert latest["version"] == "var 0.0.2" and latest["withdrawn"] is None
        assert withdrawn["version"] == "var 0.0.1" and withdrawn["rows"]
        assert withdrawn["withdrawn"]["reason"] == "trained on the wrong file"
        assert set(withdrawn["withdrawn"]["actor"]) <= {"name", "via"}  # as open reads name people


def test_closed_reads_need_a_token_here_too(store):
    auth = AuthSettings(issuer="http://127.0.0.1:8797", audience="varlib", open_reads=False)
    for client in local_client(store[0], auth):
        refused = _compare(client, "0.0.1", "0.0.2")
        assert refused.status_code == 401, refused.text
        operation = client.get("/openapi.json").json()["paths"]["/models/{name}/compare"]["get"]
        assert {"401", "403", "404", "410", "422"} <= set(operation["responses"])
        client.app.dependency_overrides[guard_reads] = lambda: None  # a verified viewer, as far as the route knows
        assert _compare(client, "0.0.1", "0.0.2").status_code == 200


def test_every_key_of_a_forecast_entry_is_in_the_document(client):
    """`point` was answered but not declared, so a client generated from /openapi.json dropped it."""
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    declared = schemas["ComparedForecast"]["properties"]
    for entry in _compare(client, "0.0.1", "0.0.2", steps=2).json()["forecasts"]:
        assert set(entry) <= set(declared), set(entry) - set(declared)
        assert entry["point"] == "mean"
