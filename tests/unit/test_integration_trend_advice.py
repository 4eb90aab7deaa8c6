"""Series that the unit-root tests (with a constant and a trend) call stationary may be stationary around a
trend: the advice then names a VAR in levels with a trend, and says when a version lacks it (review: the
advice said a VAR in levels fits realinv and realdpi 1970-1990 while the stability check of trend `c` failed)."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.tsa.api import VAR
from statsmodels.tsa.stattools import adfuller

from varlib import ModelSpec, analyse_integration, load_dataset, train_model
from varlib.version_advice import advice_for_model

ADVICE = "a VAR in levels with a trend (transform `none`, trend `ct`)"


def _inv_dpi():
    return load_dataset(variables=["realinv", "realdpi"], start="1970-01-01", end="1990-12-31")


def test_trend_stationary_series_are_advised_a_var_in_levels_with_a_trend():
    dataset = _inv_dpi()
    result = analyse_integration(dataset.frame.to_numpy(dtype=float), dataset.variables, k_ar=3)
    assert [u.verdict for u in result.unit_roots] == ["stationary", "stationary"]
    assert {u.regression for u in result.unit_roots} == {"ct"} and result.unit_roots[0].to_dict()["regression"] == "ct"
    # the trend is there: its t-test in statsmodels' ADF regression (of the logs, the series tested) is significant
    for root, logs in zip(result.unit_roots, np.log(dataset.frame.to_numpy(dtype=float)).T, strict=True):
        ols = adfuller(logs, regression="ct", autolag="AIC", regresults=True, result_object=False)[-1].resols
        assert root.trend_pvalue == pytest.approx(float(ols.pvalues[-1]), rel=1e-10) and root.trend_pvalue < 0.05
        assert root.trending and root.verdict_text == f"stationary around a trend (trend p {root.trend_pvalue:.3g})"
    assert result.recommended_transform == "none" and ADVICE in result.advice
    without = advice_for_model(result, False, "none", trend="c")
    assert "without a linear trend (trend `c`)" in without and "`--trend ct`" in without
    assert "This version does so" not in without
    assert advice_for_model(result, False, "none", trend="ct").endswith(
        "This version does so (transform `none`, trend `ct`)."
    )
    assert "compare it with a VAR in levels with a trend (trend `ct`)" in advice_for_model(
        result, False, "logdiff", trend="c"
    )


def test_the_advised_trend_is_what_makes_the_var_stable_as_statsmodels_finds():
    dataset = _inv_dpi()
    levels = dataset.frame.to_numpy(dtype=float)
    for trend, stable in (("c", False), ("ct", True)):
        ours = train_model(dataset, ModelSpec(tuple(dataset.variables), lags=3, trend=trend, holdout=0))
        theirs = VAR(levels).fit(3, trend=trend)
        assert ours.adequacy.checks[0].ok is bool(theirs.is_stable()) is stable


def test_the_diagnose_command_prints_the_advice_with_the_versions_trend(tmp_path, monkeypatch, capsys):
    from varlib.cli import main

    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    csv = tmp_path / "inv_dpi.csv"
    _inv_dpi().frame.rename_axis("date").to_csv(csv)
    for name, trend in (("plain", "c"), ("trended", "ct")):
        args = ["train", "--csv", str(csv), "--name", name, "--lags", "3", "--trend", trend, "--publish"]
        assert main(args) == 0
    capsys.readouterr()
    assert main(["diagnose", "--name", "plain"]) == 0
    assert "without a linear trend (trend `c`)" in capsys.readouterr().out
    assert main(["diagnose", "--name", "trended"]) == 0
    assert "This version does so (transform `none`, trend `ct`)." in capsys.readouterr().out
