"""A condition far from what the model expects is flagged: conditions of a=100, b=50, c=250 on a model where
c is about a + b drew a = -3438 with a band of ±0.8, and a GDP of -5 a negative path, without a word (review).
Each condition carries how many standard deviations of the forecast without conditions it lies from it; from
FAR_SD on, the CLI, the Forecast page and the report say so."""

from __future__ import annotations

import json

import numpy as np
import pytest

from varlib import ModelSpec, forecast_artifact, load_dataset
from varlib.artifact import build_artifact
from varlib.diagnostics import diagnose
from varlib.report import render_report
from varlib.training import train
from varlib.version_forecast import FAR_SD


@pytest.fixture(scope="module", params=["none", "logdiff"])
def artifact(request):
    spec = ModelSpec(("realgdp", "realcons"), transform=request.param, lags=2)
    return build_artifact(train(load_dataset(), spec), "var", "t")


def _held(artifact, sds: float):
    """A condition on realgdp at step 2, `sds` standard deviations of the plain forecast above it (model scale)."""
    plain = forecast_artifact(artifact, 4, 0.05).forecast
    logged = plain.point == "median"
    centre, sd = plain.center[1, 0], plain.sd[1, 0]
    value = float(np.exp(centre + sds * sd) if logged else centre + sds * sd)
    return forecast_artifact(artifact, 4, 0.05, conditions={"realgdp": [None, value, None, None]})


def test_each_condition_says_how_far_it_lies_from_the_forecast_without_it(artifact):
    for sds in (1.5, -7.0):
        [condition] = _held(artifact, sds).conditions
        assert condition["step"] == 2 and condition["sd_from_forecast"] == pytest.approx(sds, rel=1e-9)


def test_only_a_far_condition_is_flagged_with_its_value_period_and_distance(artifact):
    assert _held(artifact, FAR_SD - 0.5).far_conditions() is None  # a stress scenario is the user's to make
    far = _held(artifact, -12.0)
    said = far.far_conditions()
    value = far.conditions[0]["value"]
    assert said is not None and said.startswith(f"1 condition lies {FAR_SD:g} or more standard deviations from")
    assert far.index[1] == "2010-01-01"  # named in the message as people name quarters
    assert f"realgdp {value:g} at 2010Q1 (-12.0 sd)" in said and "check the values and their units" in said
    assert "the path it draws through it is arithmetic" in said  # one condition: it, not them
    page = render_report(artifact, diagnose(artifact), forecast=far)
    assert f"<strong>{said}</strong>" in page


def test_an_absurd_condition_says_its_distance_in_a_few_digits(artifact):
    """A value in the wrong units by many orders (1e140) lies some 1e138 sd away in levels (in logs, 25,682): said in a
    few digits, not in 140."""
    said = forecast_artifact(artifact, 4, 0.05, conditions={"realgdp": [None, 1e140]}).far_conditions()
    assert said is not None and "realgdp 1e+140 at 2010Q1 (+" in said
    distance = said.split("(+", 1)[1].split(" sd)", 1)[0]
    assert len(distance) <= 9 and float(distance) > 1e4, said


def test_the_cli_warns_on_stderr_and_the_json_carries_the_distance(tmp_path, monkeypatch, capsys):
    from varlib.cli import main

    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    assert main(["train", "--name", "var", "--lags", "2", "--publish"]) == 0
    conditions = tmp_path / "c.csv"
    conditions.write_text("step,realgdp\n1,5\n")  # GDP of 5 (billions of 2005 dollars): a unit slip, not a recession
    capsys.readouterr()
    assert main(["forecast", "--name", "var", "--steps", "3", "--conditions-csv", str(conditions)]) == 0
    out, err = capsys.readouterr()
    assert err.startswith("warning: 1 condition lies") and "realgdp 5 at 2009Q4 (" in err and "warning" not in out
    assert "  conditioned: realgdp = 5 at 2009Q4\n" in out  # the period named as the warning names it
    assert main(["forecast", "--name", "var", "--steps", "3", "--conditions-csv", str(conditions), "--json"]) == 0
    out, err = capsys.readouterr()
    assert '"sd_from_forecast": -' in out and json.loads(out)["warnings"]  # the JSON alone on stdout
    assert err.startswith("warning: 1 condition lies")  # and on stderr, as --json's help says: a person sees it
