"""The unit-root advice to compare a VAR in levels with the model it calls for named "the Compare page" in a report,
a diagnosis and its JSON made by the CLI and the REST API's diagnostics too, whose readers have no page. Each now
names what its reader can do: the CLI's `varlib compare` with this version, the REST API's compare route as typed,
the dashboard's Compare page."""

from __future__ import annotations

import json
import os

import pytest

from tests.api.local_store import local_client
from varlib import ModelSpec, Registry, load_dataset, publish_result, render_report, train_model
from varlib.cli import main
from varlib.config import Settings
from varlib.diagnostics import diagnose
from varlib.report_diagnostics import prose

COMMAND = "train it, then `varlib compare --name gdp 0.0.1 NEW_VERSION`"
ROUTE = "train it, then `GET /models/gdp/compare?versions=0.0.1&versions=NEW_VERSION`"


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(tmp_path, monkeypatch) -> Settings:
    """A VAR in levels of two integrated series, published as gdp 0.0.1 (the advice is to compare it with
    `logdiff`), in the store the CLI reads."""
    settings = Settings(store_dir=tmp_path / "store", author="tester")
    dataset = load_dataset(variables=["realgdp", "realcons"])
    result = train_model(dataset, ModelSpec(("realgdp", "realcons"), transform="none", lags=2, holdout=0))
    publish_result(Registry.from_settings(settings), result, "gdp")
    for key in [k for k in os.environ if k.startswith(("MINIO_", "VARLIB_"))]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    return settings


@pytest.fixture
def levels_var(store):
    return Registry.from_settings(store).load("gdp", "0.0.1")


def test_the_cli_diagnosis_names_its_compare_command(levels_var, capsys):
    code, out, _ = run_cli(capsys, "diagnose", "0.0.1", "--name", "gdp")
    advice = next(line for line in out.splitlines() if line.startswith("advice: "))
    assert code == 0 and advice.endswith(f"on the holdout ({COMMAND}).") and "Compare page" not in out


def test_the_cli_json_names_its_compare_command_as_its_text_does(levels_var, capsys):
    code, out, _ = run_cli(capsys, "diagnose", "0.0.1", "--name", "gdp", "--json")
    advice = json.loads(out)["integration_advice"]
    assert code == 0 and advice.endswith(f"on the holdout ({COMMAND}).")
    _, text, _ = run_cli(capsys, "diagnose", "0.0.1", "--name", "gdp")
    assert f"advice: {advice}\n" in text  # the JSON carries what the text prints


def test_the_rest_diagnostics_name_the_compare_route_a_caller_can_type(store):
    for client in local_client(store):
        advice = client.get("/models/gdp/versions/0.0.1/diagnostics").json()["integration_advice"]
        assert advice.endswith(f"on the holdout ({ROUTE}).")
        dataset = load_dataset(variables=["realgdp", "realcons"])  # the model advised: log differences
        advised = train_model(dataset, ModelSpec(("realgdp", "realcons"), transform="logdiff", lags=2, holdout=0))
        newer = publish_result(Registry.from_settings(store), advised, "gdp", bump="major")  # another shape
        typed = advice.split("`GET ")[1].split("`")[0].replace("NEW_VERSION", str(newer.version))
        answer = client.get(typed)  # the route as the advice names it compares the two
        assert answer.status_code == 200, answer.text
        assert [label.split()[-1] for label in answer.json()["versions"]] == ["0.0.1", str(newer.version)]


def test_the_cli_report_names_its_compare_command(levels_var, tmp_path, capsys):
    code, _, _ = run_cli(capsys, "report", "0.0.1", "--name", "gdp", "--out", str(tmp_path / "r.html"))
    page = (tmp_path / "r.html").read_text()
    assert code == 0 and f"on the holdout ({prose(COMMAND)})." in page and "Compare page" not in page


def test_the_dashboards_report_names_the_compare_page(levels_var):
    diagnostics = diagnose(levels_var)
    assert diagnostics.integration_advice.endswith("on the holdout (the Compare page).")  # the Diagnostics page's
    page = render_report(levels_var, diagnostics)  # as ui.diagnostics_report calls it
    assert "on the holdout (the Compare page)." in page and "varlib compare" not in page and "GET /" not in page
