"""A VECM fit warns when its premises look shaky on a small real sample (statsmodels' macrodata cut to
80 or 64 quarters): a variable that ADF and KPSS both call stationary, and a tested rank that Reinsel and Ahn's
small-sample factor would change. The figures are statsmodels' own tests on the same rows."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from statsmodels.tsa.stattools import adfuller, kpss
from statsmodels.tsa.vector_ar.vecm import coint_johansen

from studies.samples import as_quarterly
from varlib import ModelSpec, cli, load_dataset, train_model

COLUMNS = ["realgdp", "realcons", "realinv", "tbilrate", "realint"]


@pytest.fixture(scope="module")
def macro():
    return load_dataset(variables=COLUMNS).frame


def test_a_stationary_variable_is_named_with_its_tests(macro):
    frame = macro.loc["1980-01-01":"1999-10-01"]  # 80 quarters
    result = train_model(as_quarterly(frame, "macro80"), ModelSpec(("tbilrate", "realint"), kind="vecm"))
    assert result.params.coint_rank == 1  # the rank stays the test's
    realint = frame["realint"].to_numpy()  # has negative values: tested in levels, as the Unit roots tab does
    adf_p = adfuller(realint, regression="ct", autolag="AIC", result_object=False)[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # KPSS warns that its p-value is at the edge of its table
        kpss_p = kpss(realint, regression="ct", nlags="auto", result_object=False)[1]
    assert adf_p < 0.05 <= kpss_p  # the premise: both tests call it stationary
    (warning,) = [w for w in result.warnings if "stationary" in w]
    assert warning.startswith("realint looks stationary around a linear trend, not integrated as a VECM assumes")
    assert f"ADF p = {adf_p:.3g} rejects a unit root, KPSS p = {kpss_p:.3g} does not reject" in warning
    assert "on the levels of the training sample" in warning
    assert "the rank-1 long-run relation may be no more than realint itself; consider a VAR" in warning
    assert "tbilrate" not in warning  # integrated by both tests: not named


def test_integrated_log_levels_give_no_warning(macro):
    frame = macro.loc["1980-01-01":"1999-10-01", ["realgdp", "realcons"]]
    spec = ModelSpec(("realgdp", "realcons"), kind="vecm", transform="log")
    result = train_model(as_quarterly(frame, "macro80"), spec)
    assert result.params.coint_rank == 1
    assert result.warnings == ()


def test_a_rank_the_small_sample_factor_would_change_is_named(macro):
    frame = macro.loc["1990-01-01":"2005-10-01", ["realgdp", "realcons", "realinv"]]  # 64 quarters
    spec = ModelSpec(("realgdp", "realcons", "realinv"), kind="vecm")
    result = train_model(as_quarterly(frame, "macro64"), spec)
    assert result.params.k_ar == 4 and result.params.coint_rank == 1  # AIC's order; the rank stays Johansen's
    johansen = coint_johansen(frame.to_numpy(), det_order=0, k_ar_diff=3)
    t = len(frame) - 4  # the test's effective sample: statsmodels multiplies by the rows of its residuals
    assert johansen.r0t.shape[0] == t == 60
    factor = (t - 3 * 4) / t
    trace, critical = johansen.lr1[0], johansen.cvt[0, 1]
    assert trace > critical > trace * factor  # the premise: rank 1 by the test, rank 0 once scaled
    (warning,) = [w for w in result.warnings if "Reinsel" in w]
    assert warning.startswith("Johansen's trace test chose rank 1 at 5% on 60 rows, close to its critical value")
    assert "(T - Kp)/T = (60 - 3×4)/60 = 0.800 it would choose rank 0" in warning
    assert f"rank <= 0: trace {trace:.2f}, scaled {trace * factor:.2f}, 5% critical value {critical:.2f}" in warning
    assert "29.88" in warning and "23.90" in warning and "29.80" in warning
    assert "compare a VAR in differences (model `var`, transform `diff`) on the holdout" in warning
    assert "force it (CLI --coint-rank 1, dashboard: Cointegration rank on the Train page)" in warning
    fixed = train_model(as_quarterly(frame, "macro64"), spec.with_(coint_rank=1))
    assert not [w for w in fixed.warnings if "Reinsel" in w]  # a rank given is not the test's to question


def test_figures_that_decide_the_rank_are_printed_with_digits_enough_to_tell_them_apart(macro):
    # the bundled quarters: a scaled trace of 15.488 against a critical value of 15.494, both "15.49" at 2 decimals
    spec = ModelSpec(("realgdp", "realcons"), kind="vecm")
    result = train_model(as_quarterly(macro[["realgdp", "realcons"]], "macro"), spec)
    (warning,) = [w for w in result.warnings if "Reinsel" in w]
    assert "rank <= 0: trace 16.137, scaled 15.488, 5% critical value 15.494" in warning


def test_the_cli_prints_the_warning_on_stderr(macro, tmp_path, capsys):
    path = tmp_path / "macro80.csv"
    frame = macro.loc["1980-01-01":"1999-10-01", ["tbilrate", "realint"]]
    frame.rename_axis("date").to_csv(path)
    assert not np.isnan(frame.to_numpy()).any()
    code = cli.main(["train", "--csv", str(path), "--vars", "tbilrate,realint", "--model", "vecm"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "realint looks stationary around a linear trend" in captured.err


def _trend_p(x: np.ndarray) -> float:
    """The trend's p-value in statsmodels' own ADF regression with a constant and a trend (AIC's lags)."""
    store = adfuller(x, regression="ct", autolag="AIC", regresults=True, result_object=False)[-1]
    return float(store.resols.pvalues[-1])


def test_a_stationary_variable_without_a_significant_trend_is_said_stationary_around_a_constant():
    # 99 quarters, 1985Q1-2009Q3: infl passes ADF and KPSS with a trend, but that trend's t-test finds none, so the
    # Unit roots tab calls it stationary around a constant; tbilrate's trend is there. The warning said both were
    # "stationary around a linear trend"
    names = ["realgdp", "unemp", "infl", "tbilrate"]
    frame = load_dataset(variables=names).frame.loc["1985-01-01":"2009-07-01", names]
    result = train_model(as_quarterly(frame, "macro99"), ModelSpec(tuple(names), kind="vecm"))
    infl_p, tbilrate_p = _trend_p(frame["infl"].to_numpy()), _trend_p(frame["tbilrate"].to_numpy())
    assert infl_p >= 0.05 > tbilrate_p  # the premise
    (warning,) = [w for w in result.warnings if "stationary" in w]
    assert warning.startswith(
        "infl and tbilrate look stationary (infl around a constant; tbilrate around a linear trend), not integrated"
    )
    assert f"and the trend's t-test in the ADF regression, p = {infl_p:.3g}, finds no trend; tbilrate:" in warning
