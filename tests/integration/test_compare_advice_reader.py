"""The unit-root advice to compare a VAR in levels with the model it calls for named "the Compare page" in a report
and a diagnosis made by the CLI too, whose reader has no page. Each now names what its reader can do: the CLI's
`varlib compare` with this version, the dashboard's Compare page."""

from __future__ import annotations

import os

import pytest

from varlib import ModelSpec, Registry, load_dataset, publish_result, render_report, train_model
from varlib.cli import main
from varlib.config import Settings
from varlib.diagnostics import diagnose
from varlib.report_diagnostics import prose

COMMAND = "train it, then `varlib compare --name gdp 0.0.1 NEW_VERSION`"


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def levels_var(tmp_path, monkeypatch):
    """A VAR in levels of two integrated series, published as gdp 0.0.1: the advice is to compare it with `logdiff`."""
    settings = Settings(store_dir=tmp_path / "store", author="tester")
    dataset = load_dataset(variables=["realgdp", "realcons"])
    result = train_model(dataset, ModelSpec(("realgdp", "realcons"), transform="none", lags=2, holdout=0))
    registry = Registry.from_settings(settings)
    publish_result(registry, result, "gdp")
    for key in [k for k in os.environ if k.startswith(("MINIO_", "VARLIB_"))]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    return registry.load("gdp", "0.0.1")


def test_the_cli_diagnosis_names_its_compare_command(levels_var, capsys):
    code, out, _ = run_cli(capsys, "diagnose", "0.0.1", "--name", "gdp")
    advice = next(line for line in out.splitlines() if line.startswith("advice: "))
    assert code == 0 and advice.endswith(f"on the holdout ({COMMAND}).") and "Compare page" not in out


def test_the_cli_report_names_its_compare_command(levels_var, tmp_path, capsys):
    code, _, _ = run_cli(capsys, "report", "0.0.1", "--name", "gdp", "--out", str(tmp_path / "r.html"))
    page = (tmp_path / "r.html").read_text()
    assert code == 0 and f"on the holdout ({prose(COMMAND)})." in page and "Compare page" not in page


def test_the_dashboards_report_names_the_compare_page(levels_var):
    diagnostics = diagnose(levels_var)
    assert diagnostics.integration_advice.endswith("on the holdout (the Compare page).")  # the Diagnostics page's
    page = render_report(levels_var, diagnostics)  # as ui.diagnostics_report calls it
    assert "on the holdout (the Compare page)." in page and "varlib compare" not in page
