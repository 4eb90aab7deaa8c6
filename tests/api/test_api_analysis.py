"""GET .../versions/{version}/diagnostics and .../backtest on a local store: the very JSON of `varlib diagnose --json`
(its advice naming the compare route, not the command) and `varlib backtest --json` plus the version's withdrawal,
`latest` and aliases followed at once, answers kept per concrete version and options, and the refusals (422 naming
the value, 404, 410) and closed reads."""

from __future__ import annotations

import json
import re
from typing import get_args

import pytest

from tests.api.local_store import local_client
from tests.conftest import point_cli_at
from varlib import LAG_POLICIES, AuthSettings, ModelSpec, Registry, Settings, load_dataset, publish_result, train_model
from varlib.api.analysis import LagPolicy
from varlib.api.security import guard_reads
from varlib.cli import main


def _diagnostics(client, version: str, **options):
    return client.get(f"/models/var/versions/{version}/diagnostics", params=options)


def _backtest(client, version: str, model: str = "var", **options):
    return client.get(f"/models/{model}/versions/{version}/backtest", params=options)


@pytest.fixture(scope="module")
def results():
    """Fits of lag order 2 and 3 (fixed by hand), then one whose order the criterion chose."""
    dataset = load_dataset()
    fixed = [train_model(dataset, ModelSpec(variables=tuple(dataset.variables), lags=lags)) for lags in (2, 3)]
    return fixed, train_model(dataset, ModelSpec(variables=tuple(dataset.variables)))


def _store(folder, results) -> tuple[Settings, Registry]:
    settings = Settings(store_dir=folder, author="api-test")
    registry = Registry.from_settings(settings)
    fixed, chosen = results
    for result in fixed:
        publish_result(registry, result, "var")
    publish_result(registry, chosen, "chosen")
    registry.set_alias("var", "champion", "0.0.1")
    return settings, registry


@pytest.fixture(scope="module")
def store(results, tmp_path_factory):
    return _store(tmp_path_factory.mktemp("analysis"), results)


@pytest.fixture(scope="module")
def client(store):
    yield from local_client(store[0])


def _cli_json(settings, monkeypatch, capsys, *args: str) -> dict:
    point_cli_at(settings, monkeypatch)
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_diagnostics_are_the_clis_json_with_the_withdrawal(client, store, monkeypatch, capsys):
    printed = _cli_json(store[0], monkeypatch, capsys, "diagnose", "--name", "var", "0.0.2", "--irf-periods", "6")
    answer = _diagnostics(client, "0.0.2", irf_periods=6)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body.pop("withdrawn") is None
    rest, cli = body.pop("integration_advice"), printed.pop("integration_advice")  # a VAR in levels of I(1) series
    assert rest.endswith("(train it, then `GET /models/var/compare?versions=0.0.2&versions=NEW_VERSION`).")
    assert rest.rsplit(" (", 1)[0] == cli.rsplit(" (", 1)[0]  # the same advice, each naming its reader's way to compare
    assert body == printed
    assert body["k_ar"] == 3 and len(body["fevd"][0]) == 6  # the version asked for, the horizon asked for


def test_the_options_reach_the_tests(client):
    body = _diagnostics(client, "0.0.1", whiteness_lags=12, arch_lags=2).json()
    assert body["whiteness"]["lags"] == 12 and body["whiteness"]["df"] == 4 * (12 - 2)  # K^2 (h - p)
    assert body["arch"]["lags"] == 2


def test_a_backtest_is_the_clis_json_with_the_withdrawal(client, store, monkeypatch, capsys):
    args = ("backtest", "--name", "chosen", "latest", "--origins", "5", "--horizon", "3", "--reselect")
    printed = _cli_json(store[0], monkeypatch, capsys, *args)
    answer = _backtest(client, "latest", "chosen", origins=5, horizon=3, lag_policy="reselect")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body.pop("withdrawn") is None
    assert printed.pop("seconds") >= 0 and "seconds" not in body  # how long it took: the answer's Server-Timing
    assert body == printed
    assert re.fullmatch(r"backtest;dur=\d+\.\d", answer.headers["server-timing"])
    assert (body["lag_policy"], len(body["origins"]), body["horizon"]) == ("reselect", 5, 3)


def test_an_alias_and_latest_name_their_version_and_a_kept_answer_is_the_same(client):
    by_alias = _backtest(client, "@champion", origins=4).json()
    by_number = _backtest(client, "0.0.1", origins=4).json()
    assert by_alias["version"] == by_number["version"] == "0.0.1"
    assert by_alias == by_number  # the second answer is the first one kept
    kept = _backtest(client, "0.0.1", origins=4).headers["server-timing"]
    assert re.fullmatch(r'backtest;dur=\d+\.\d;desc="kept"', kept)  # the earlier run's time, said to be kept
    assert _diagnostics(client, "0.0.1").headers["server-timing"].startswith("diagnostics;dur=")
    assert _diagnostics(client, "latest").json()["version"] == "0.0.2"
    lookups = client.get("/metrics").text
    assert 'varlib_cache_lookups_total{cache="analysis_answers",result="hit"}' in lookups


def test_a_withdrawn_version_is_analysed_saying_so_and_latest_moves_on(results, tmp_path):
    settings, registry = _store(tmp_path, results)
    for client in local_client(settings):
        assert _diagnostics(client, "latest").json()["version"] == "0.0.2"  # kept per concrete version
        registry.withdraw("var", "0.0.2", "trained on the wrong file")
        pinned = _diagnostics(client, "0.0.2")
        assert pinned.status_code == 200, pinned.text
        assert pinned.json()["withdrawn"]["reason"] == "trained on the wrong file"
        assert set(pinned.json()["withdrawn"]["actor"]) <= {"name", "via"}  # as open reads name people
        moved = _diagnostics(client, "latest").json()
        assert (moved["version"], moved["withdrawn"]) == ("0.0.1", None)
        registry.withdraw("var", "0.0.1", "superseded")
        gone = _backtest(client, "@champion")
        assert gone.status_code == 410 and "superseded" in gone.json()["error"]


@pytest.mark.parametrize(
    ("path", "named"),
    [
        ("backtest?origins=190&horizon=10", "a backtest of 190 origins at horizon 10 is larger than the data allow"),
        (
            "backtest?origins=0",
            "query.origins: origins 0 must be a whole number from 1 to 200 (cut points: the last N)",
        ),
        ("backtest?lag_policy=reselect", "lag policy 'reselect' re-runs the criterion that chose the lag order"),
        ("backtest?lag_policy=both", "query.lag_policy: lag_policy 'both' must be one of fixed, reselect"),
        ("backtest?steps=3", "query.steps: not a parameter of this endpoint"),
        ("diagnostics?whiteness_lags=2", "whiteness lags 2 must be a whole number above the lag order 2"),
        ("diagnostics?arch_lags=150", "ARCH lags 150 must be a whole number from 1 to"),
        # below the schema's minimum too: the library's whole rule, not pydantic's "greater than or equal to 1"
        (
            "diagnostics?arch_lags=0",
            "ARCH lags 0 must be a whole number from 1 to 66 (201 residuals hold no more); try 4",
        ),
        ("diagnostics?arch_lags=-2", "ARCH lags -2 must be a whole number from 1 to"),
        ("diagnostics?whiteness_lags=0", "whiteness lags 0 must be a whole number above the lag order 2 and at most"),
        (
            "diagnostics?irf_periods=101",
            "query.irf_periods: irf_periods 101 must be a whole number from 1 to 100 (periods of",
        ),
        ("diagnostics?irf_periods=six", "query.irf_periods: 'six' is not a whole number written in digits"),
    ],
)
def test_bad_input_is_422_naming_the_value(client, path, named):
    answer = client.get(f"/models/var/versions/0.0.1/{path}")
    assert answer.status_code == 422, answer.text
    assert named in answer.json()["error"]


def test_an_unknown_version_or_model_is_404(client):
    answer = _diagnostics(client, "0.0.9")
    assert answer.status_code == 404 and "var 0.0.9 does not exist" in answer.json()["error"]
    nobody = _backtest(client, "latest", "nope")
    assert nobody.status_code == 404 and "model 'nope' has no versions" in nobody.json()["error"]


def test_the_lag_policies_are_the_librarys():
    assert get_args(LagPolicy) == tuple(LAG_POLICIES)


def test_closed_reads_need_a_token_here_too(store):
    auth = AuthSettings(issuer="http://127.0.0.1:8797", audience="varlib", open_reads=False)
    for client in local_client(store[0], auth):
        for path in ("diagnostics", "backtest"):
            assert client.get(f"/models/var/versions/0.0.1/{path}").status_code == 401
            operation = client.get("/openapi.json").json()["paths"][f"/models/{{name}}/versions/{{version}}/{path}"]
            assert {"401", "403", "404", "410", "422"} <= set(operation["get"]["responses"])
        client.app.dependency_overrides[guard_reads] = lambda: None  # a verified viewer, as far as the route knows
        assert _diagnostics(client, "0.0.1").status_code == 200


def test_every_bound_in_the_schema_is_one_json_schema_knows(client):
    """The optional lag counts of diagnostics were written `{"type": "integer", "ge": 1}`: `ge` is pydantic's
    word, not JSON Schema's, so generated clients and validators let 0 through."""
    schema = client.get("/openapi.json").json()
    leaks: list[str] = []

    def walk(node, where: str) -> None:
        if isinstance(node, dict):
            leaks.extend(f"{where}/{key}" for key in ("ge", "le", "gt", "lt") if key in node)
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for position, value in enumerate(node):
                walk(value, f"{where}[{position}]")

    walk(schema, "")
    assert leaks == []
    path = next(p for p in schema["paths"] if p.endswith("/diagnostics"))
    counts = {p["name"]: p["schema"] for p in schema["paths"][path]["get"]["parameters"]}
    for name in ("whiteness_lags", "arch_lags"):
        assert {"type": "integer", "minimum": 1} in counts[name]["anyOf"], counts[name]
