"""The CLI's scenarios, from outside: train --exog, forecast with exogenous and condition CSVs (equal to
statsmodels and to the library), saved scenarios reopened by name, and one-line refusals."""

from __future__ import annotations

import json
import re
import warnings

import numpy as np
import pytest
from statsmodels.tsa.vector_ar.var_model import VAR

from tests.conftest import new_bucket
from tests.integration.test_cli import cli
from varlib import Registry, Settings, forecast_artifact, load_dataset


@pytest.fixture(params=["local", pytest.param("minio", marks=pytest.mark.minio)])
def env(request, tmp_path):
    if request.param == "local":
        return {"VARLIB_STORE_DIR": str(tmp_path / "store")}
    return request.getfixturevalue("minio").env(new_bucket())


@pytest.fixture
def local_env(tmp_path):
    return {"VARLIB_STORE_DIR": str(tmp_path / "store")}


RATE = "date,realint\n2009-10-01,1.0\n2010-01-01,2.0\n2010-04-01,2.0\n2010-07-01,2.5\n"


def _train_varx(env):
    trained = cli(env, "train", "--vars", "realgdp,realcons", "--exog", "realint", "--lags", "2", "--publish", "--json")
    assert trained.returncode == 0, trained.stderr
    summary = json.loads(trained.stdout)
    assert summary["exog"] == ["realint"] and summary["version"] == "0.0.1"
    return summary["name"]


def test_varx_forecast_with_an_exogenous_csv_equals_statsmodels(env, tmp_path):
    name = _train_varx(env)
    (tmp_path / "rate.csv").write_text(RATE)
    answer = cli(env, "forecast", "--name", name, "--steps", "4", "--exog-csv", str(tmp_path / "rate.csv"), "--json")
    assert answer.returncode == 0, answer.stderr
    body = json.loads(answer.stdout)
    frame = load_dataset(variables=["realgdp", "realcons", "realint"]).frame
    endog, exog = frame[["realgdp", "realcons"]].to_numpy(), frame[["realint"]].to_numpy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = VAR(endog, exog).fit(2)
    mean, lower, upper = reference.forecast_interval(endog[-2:], 4, 0.05, exog_future=[[1.0], [2.0], [2.0], [2.5]])
    np.testing.assert_allclose(body["mean"], mean, rtol=1e-8)
    np.testing.assert_allclose(body["lower"], lower, rtol=1e-8)
    np.testing.assert_allclose(body["upper"], upper, rtol=1e-8)
    assert body["exog"] == {"realint": [1.0, 2.0, 2.0, 2.5]}
    missing = cli(env, "forecast", "--name", name, "--steps", "4")
    assert missing.returncode == 2 and "exogenous variable realint: a forecast needs its values" in missing.stderr


def test_conditions_csv_then_a_saved_scenario_reopened_by_name(env, tmp_path):
    assert cli(env, "train", "--name", "var", "--lags", "2", "--publish").returncode == 0
    conditions = tmp_path / "gdp.csv"
    conditions.write_text("step,realgdp,realcons\n1,12990,\n3,13100,\n")
    direct = cli(env, "forecast", "--steps", "4", "--conditions-csv", str(conditions), "--json")
    assert direct.returncode == 0, direct.stderr
    body = json.loads(direct.stdout)
    assert [(c["variable"], c["step"], c["value"]) for c in body["conditions"]] == [
        ("realgdp", 1, 12990.0),
        ("realgdp", 3, 13100.0),
    ]
    settings = Settings(store_dir=env["VARLIB_STORE_DIR"]) if "VARLIB_STORE_DIR" in env else None
    if settings is not None:  # the library gives the same numbers from the same conditions
        artifact = Registry.from_settings(settings).load("var", "0.0.1")
        expected = forecast_artifact(artifact, 4, conditions={"realgdp": [12990.0, None, 13100.0]})
        np.testing.assert_array_equal(body["mean"], expected.forecast.mean)
    saved = cli(env, "scenario", "save", "gdp-path", "--steps", "4", "--conditions-csv", str(conditions), "--json")
    assert saved.returncode == 0, saved.stderr
    assert json.loads(saved.stdout)["version"] == "0.0.1"
    again = cli(env, "scenario", "save", "gdp-path", "--steps", "8")
    assert again.returncode == 1 and "scenario 'gdp-path' of var 0.0.1 already exists" in again.stderr
    reopened = json.loads(cli(env, "forecast", "0.0.1", "--scenario", "gdp-path", "--json").stdout)
    assert reopened["scenario"] == "gdp-path" and reopened["mean"] == body["mean"]
    listed = json.loads(cli(env, "scenario", "list", "--json").stdout)
    assert [s["scenario"] for s in listed] == ["gdp-path"] and listed[0]["actor"]["name"] == "cli-test"
    assert "gdp-path" in cli(env, "scenario", "list").stdout
    shown = json.loads(cli(env, "scenario", "show", "gdp-path", "--json").stdout)
    assert shown["conditions"] == {"realgdp": [12990.0, None, 13100.0, None]}
    history = json.loads(cli(env, "history", "--json").stdout)
    assert history[0]["action"] == "scenario.save" and history[0]["scenario"] == "gdp-path"


@pytest.mark.parametrize(
    "csv, message",
    [
        (
            "step,realgdp\n9,1\n",
            "conditions: realgdp has a value at step 9, which lies beyond the horizon: the forecast has 4 steps",
        ),
        (
            "date,realgdp,realcons\n2011-06-01,1,2\n",
            r"conditions: realgdp and realcons have values at 2011Q2 \(the row dated 2011-06-01\), which lies beyond"
            r" the horizon: the forecast has 4 steps \(2009Q4 to 2010Q3\); forecast more steps or remove that row",
        ),
        ("date,gdp\n2009-10-01,1\n", "conditions: 'gdp' is not a variable of this model; use realgdp, realcons"),
        ("date,realgdp\n2009-10-01,inf\n", r"condition realgdp at step 1 \(2009Q4\) is 'inf'"),
    ],
)
def test_impossible_conditions_are_one_line_each(local_env, tmp_path, csv, message):
    assert cli(local_env, "train", "--name", "var", "--lags", "2", "--publish").returncode == 0
    (tmp_path / "c.csv").write_text(csv)
    result = cli(local_env, "forecast", "--steps", "4", "--conditions-csv", str(tmp_path / "c.csv"))
    assert result.returncode == 2
    assert re.search(message, result.stderr), result.stderr


def test_a_scenario_is_reopened_as_saved_or_not_at_all(local_env, tmp_path):
    assert cli(local_env, "train", "--name", "var", "--lags", "2", "--publish").returncode == 0
    assert cli(local_env, "scenario", "save", "plain", "--steps", "3").returncode == 0
    mixed = cli(local_env, "forecast", "--scenario", "plain", "--steps", "5")
    assert mixed.returncode == 2 and "reopens a saved scenario exactly as it was saved, so --steps" in mixed.stderr
    unknown = cli(local_env, "forecast", "--scenario", "nope")
    assert unknown.returncode == 1 and "var 0.0.1 has no scenario 'nope'; saved: plain" in unknown.stderr
    bad = cli(local_env, "scenario", "save", "Bad Name")
    assert bad.returncode == 2 and "scenario name 'Bad Name' is not valid" in bad.stderr
    report = tmp_path / "report.html"
    written = cli(local_env, "report", "--scenario", "plain", "--fan", "30,60,90", "--out", str(report))
    assert written.returncode == 0, written.stderr
    page = report.read_text()
    start = page.index("<h2>Scenario plain: 3 steps, 30%, 60%, 90% fan</h2>")
    section = page[start : page.index("<h2>", start + 4)]
    assert section.count("<svg") == 2 and section.count("<polygon") == 6  # a fan of three layers per variable
    bad_fan = cli(local_env, "report", "--fan", "30,abc", "--out", str(report))
    assert bad_fan.returncode == 2 and "--fan '30,abc' must list interval levels" in bad_fan.stderr
    mixed = cli(local_env, "report", "--scenario", "plain", "--steps", "4", "--out", str(report))
    assert mixed.returncode == 2 and "is reported as it was saved, so --steps cannot change it" in mixed.stderr
    read_only = cli({**local_env, "VARLIB_READ_ONLY": "1"}, "scenario", "save", "other")
    assert read_only.returncode == 1 and "read-only" in read_only.stderr


def test_a_withdrawn_version_takes_no_new_scenario(local_env):
    assert cli(local_env, "train", "--name", "var", "--lags", "2", "--publish").returncode == 0
    assert cli(local_env, "withdraw", "0.0.1", "--reason", "wrong file").returncode == 0
    refused = cli(local_env, "scenario", "save", "after", "0.0.1", "--steps", "3")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert refused.stderr.startswith("error: var 0.0.1 was withdrawn (wrong file); a scenario cannot be saved")
    listed = cli(local_env, "scenario", "list", "0.0.1")
    assert listed.returncode == 0 and "after" not in listed.stdout


def test_a_varx_report_without_a_scenario_notes_it_on_stderr_below_what_it_wrote(local_env, tmp_path):
    """The note went to stdout beside `--out FILE`'s line (stderr with `--out -`), and before the page was written."""
    name = _train_varx(local_env)
    report = tmp_path / "report.html"
    written = cli(local_env, "report", "--name", name, "--out", str(report))
    assert written.returncode == 0 and report.exists(), written.stderr
    assert "note:" not in written.stdout
    assert written.stderr.startswith(f"note: {name} 0.0.1 has exogenous variables; add --scenario NAME"), written.stderr
