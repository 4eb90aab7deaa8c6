"""A VARX whose exogenous columns are its own variables or its trend in disguise is refused; a test that
cannot be computed (p = nan) says so instead of claiming a failure."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from statsmodels.tsa.vector_ar.var_model import VAR

from varlib import InvalidInputError, ModelSpec, load_dataset, train_model
from varlib.adequacy import lm_whiteness_check, normality_check, var_lm_test, whiteness_verdict
from varlib.artifact import build_artifact
from varlib.backtest import backtest
from varlib.normality import JointNormality

ENDOG = ("realgdp", "realcons")


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    """statsmodels' macrodata, 1980Q1-1999Q4 (80 rows), with the columns the findings were made with."""
    data = sm.datasets.macrodata.load_pandas().data
    data.index = pd.PeriodIndex.from_fields(year=data.year.astype(int), quarter=data.quarter.astype(int), freq="Q")
    data = data.loc["1980Q1":"1999Q4", ["realgdp", "realcons", "realint", "unemp"]].copy()
    assert len(data) == 80
    data.index = data.index.to_timestamp().rename("date")
    data["gap"] = data.realgdp - data.realcons
    # near exact: the identity up to noise of a ten-millionth of gap's variation (rounding in a spreadsheet)
    data["near_gap"] = data.gap + np.random.default_rng(0).normal(0, 1e-7 * data.gap.std(), len(data))
    data["dlog_gap"] = np.log(data.realgdp).diff() - np.log(data.realcons).diff()
    data["t"] = np.arange(1.0, len(data) + 1.0)
    data["one"] = 1.0
    return data


def _train(frame: pd.DataFrame, exog: tuple[str, ...], transform="none", trend="c", rows=slice(None)):
    data = frame.iloc[rows]
    columns = [*ENDOG, *exog]
    dataset = load_dataset(data[columns].to_csv().encode(), variables=columns, csv_name="macro.csv")
    spec = ModelSpec(variables=ENDOG, exog=exog, transform=transform, trend=trend, lags=2, holdout=0.1)
    return train_model(dataset, spec)


@pytest.mark.parametrize(("column", "transform"), [("gap", "none"), ("near_gap", "none"), ("dlog_gap", "logdiff")])
def test_an_exogenous_combination_of_the_variables_is_refused_in_model_space(frame, column, transform):
    rows = slice(1, None) if column == "dlog_gap" else slice(None)  # its first row has no difference
    with pytest.raises(InvalidInputError) as refused:
        _train(frame, (column,), transform, rows=rows)
    message = str(refused.value)
    assert f"the exogenous {column} and the variables realgdp and realcons move together exactly" in message
    assert "same period" in message and message.endswith(f"drop {column}")
    assert refused.value.field == "exog" and set(refused.value.value) == {column, *ENDOG}


def test_the_same_column_in_another_space_is_no_combination_and_fits_as_statsmodels_does(frame):
    # gap in levels is no combination of first differences: the VARX is identified, and equals statsmodels'
    result = _train(frame, ("gap",), "diff")
    endog = np.diff(frame[list(ENDOG)].to_numpy(), axis=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = VAR(endog, frame[["gap"]].to_numpy()[1:]).fit(2, trend="c")
    np.testing.assert_allclose(result.params.coefs, reference.coefs, rtol=1e-8)
    assert np.linalg.eigvalsh(result.params.sigma_u).min() > 1.0


def test_a_dummy_still_zero_before_the_holdout_and_the_origins_trains_and_backtests(frame):
    """The check runs once, on every training row: a step dummy is 0 on the rows before the holdout and before
    each backtest origin, and those part fits must not refuse it as constant."""
    data = frame.assign(dummy=(np.arange(len(frame)) >= len(frame) - 5).astype(float))
    result = _train(data, ("dummy",), "logdiff")
    assert result.spec.exog == ("dummy",) and result.evaluation is not None
    artifact = build_artifact(result, "dummy", "tester")
    assert len(backtest(artifact, 8, 2).origins) == 8


def test_large_values_that_vary_and_a_relation_of_the_variables_alone_are_not_the_exog_columns_doing(frame):
    """Size is no constancy (100,000 plus noise of 0.01 varies); a tight but real relation is kept; and the
    variables moving together is not said of an unrelated exogenous column."""
    rng = np.random.default_rng(1)
    data = frame.assign(
        big=100_000 + rng.normal(0, 0.01, len(frame)),
        tight=frame.gap + rng.normal(0, 1e-4 * frame.gap.std(), len(frame)),
    )
    assert _train(data, ("big",)).spec.exog == ("big",)
    assert _train(data, ("tight",)).spec.exog == ("tight",)
    twin = frame.assign(realcons=frame.realgdp * 0.5 + 0.25 * frame.t, x=rng.normal(size=len(frame)))
    with pytest.raises(InvalidInputError) as refused:  # refused as the variables' own relation, not x's
        _train(twin, ("x",), trend="ct")
    assert str(refused.value).startswith("the variables realgdp and realcons move together exactly")
    assert "up to a constant and a time trend" in str(refused.value) and refused.value.field == "variables"


@pytest.mark.parametrize("transform", ["none", "diff"])
def test_an_exogenous_time_trend_beside_trend_ct_is_refused(frame, transform):
    with pytest.raises(InvalidInputError) as refused:
        _train(frame, ("t",), transform, "ct")
    message = str(refused.value)
    assert message.startswith("the exogenous t rises by the same step every row") and "trend `ct`" in message
    assert message.endswith("drop t, or keep it and use trend `c`")
    assert refused.value.field == "exog" and refused.value.value == "t"


def test_two_exogenous_columns_that_differ_by_the_time_trend_are_refused_with_ct(frame):
    data = frame.assign(shifted=frame.unemp + 0.25 * frame.t)
    with pytest.raises(InvalidInputError, match="the exogenous unemp and shifted move together exactly.*trend `ct`"):
        _train(data, ("unemp", "shifted"), trend="ct")
    _train(data, ("unemp", "shifted"), trend="c")  # with a constant only they are two different regressors


@pytest.mark.parametrize("trend", ["c", "n"])
def test_an_exogenous_time_trend_is_still_taken_with_trend_c_or_n(frame, trend):
    result = _train(frame, ("realint", "t"), trend=trend)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = VAR(frame[list(ENDOG)].to_numpy(), frame[["realint", "t"]].to_numpy()).fit(2, trend=trend)
    np.testing.assert_allclose(result.params.exog_coefs, reference.coefs_exog.T[-2:], rtol=1e-8)


@pytest.mark.parametrize("trend", ["c", "ct"])
def test_a_constant_exogenous_column_is_refused_beside_a_constant(frame, trend):
    with pytest.raises(InvalidInputError, match="one is constant.*a constant belongs in the trend"):
        _train(frame, ("one",), trend=trend)


def _degenerate_results(frame):
    """statsmodels' fit with gap as exogenous: realgdp - realcons is fitted exactly (singular residuals)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return VAR(frame[list(ENDOG)].to_numpy(), frame[["gap"]].to_numpy()).fit(2, trend="c")


def test_an_lm_test_that_cannot_be_computed_is_not_tested_not_failed_and_warns_nothing(frame):
    results = _degenerate_results(frame)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a negative determinant ratio warns nothing
        test = var_lm_test(results)
    assert test is not None and np.isnan(test.lmf_pvalue)
    check = lm_whiteness_check(test)
    assert check.ok and "autocorrelated" not in check.verdict
    assert check.verdict.startswith("Not tested: the autocorrelation test could not be computed")
    assert "5 lagged residuals: p not computable" in check.verdict


def test_a_nan_p_value_of_any_residual_test_is_no_rejection():
    check = normality_check(JointNormality(float("nan"), float("nan"), 4), "none")
    assert check.ok and check.verdict.startswith("Not tested: the normality test could not be computed")
    assert "not normal" not in check.verdict
    verdict = whiteness_verdict(float("nan"), 10, adjusted=True)
    assert verdict.startswith("Not tested") and "adjusted portmanteau p not computable" in verdict
    assert not lm_whiteness_check(None).verdict.startswith("Not tested: the")  # too few rows keeps its words


def test_a_diagnostics_test_with_a_nan_p_value_is_not_computed_in_its_table_json_and_report():
    """Neither "do not reject" nor "reject": the Diagnostics table, the HTML report and `diagnose --json` say
    the test was not computed."""
    from varlib.diagnostics import TestResult
    from varlib.report_diagnostics import result_row

    missing, passed = (TestResult("jarque-bera", stat, p, 2, 5.99, 0.05) for stat, p in ((np.nan, np.nan), (1.0, 0.6)))
    assert (missing.rejected, missing.decision, missing.to_dict()["rejected"]) == (None, "not computed", None)
    assert (passed.rejected, passed.decision) == (False, "do not reject")
    assert result_row(missing)["at 0.05"] == "not computed"
