"""Every diagnostic equals statsmodels' VARResults on the same data and spec, to 1e-8 relative.

The statsmodels side is computed here from scratch: the bundled macro data read afresh, the
transform applied by hand on a named DataFrame, VAR(...).fit with the version's order and trend.
"""

import json
import subprocess
import sys

import numpy as np
import pytest
from scipy import stats
from statsmodels.datasets import macrodata
from statsmodels.tsa.vector_ar.var_model import VAR

from tests.support.normality_reference import check_normality
from varlib import ModelSpec, load_dataset
from varlib.artifact import build_artifact, decode, encode
from varlib.autocorrelation_lm import lm_test
from varlib.diagnostics import check_irf_periods, diagnose
from varlib.errors import InvalidInputError
from varlib.training import train

RTOL = 1e-8
ATOL = 1e-14  # exact zeros (e.g. orthogonalised responses above the diagonal at period 0)

CASES = {
    "levels-aic": (("realgdp", "realcons"), "none", "c", None, 8),
    "logdiff-3var": (("realgdp", "realcons", "realinv"), "logdiff", "c", None, 15),
    "diff-ct-fixed": (("realgdp", "realinv", "unemp"), "diff", "ct", 2, 6),
    "levels-n": (("infl", "realint"), "none", "n", 3, 10),
}


def _artifact(case):
    variables, transform, trend, lags, max_lags = CASES[case]
    dataset = load_dataset(variables=list(variables))
    spec = ModelSpec(variables=variables, transform=transform, trend=trend, lags=lags, max_lags=max_lags, holdout=0)
    # through the on-store format, as a loaded version would be
    return decode(encode(build_artifact(train(dataset, spec), "var", "tester")))


def _reference_series(variables, transform):
    frame = macrodata.load_pandas().data[list(variables)].astype(float)
    if transform == "logdiff":
        frame = np.log(frame).diff().iloc[1:]
    elif transform == "diff":
        frame = frame.diff().iloc[1:]
    return frame.reset_index(drop=True)


@pytest.fixture(scope="module", params=list(CASES))
def case(request):
    variables, transform, trend, _, max_lags = CASES[request.param]
    artifact = _artifact(request.param)
    series = _reference_series(variables, transform)
    reference = VAR(series).fit(artifact.k_ar, trend=trend)
    return {
        "artifact": artifact,
        "series": series,
        "reference": reference,
        "trend": trend,
        "max_lags": max_lags,
        "diag": diagnose(artifact, irf_periods=7, whiteness_lags=artifact.k_ar + 5),
    }


def close(got, want):
    np.testing.assert_allclose(np.asarray(got, dtype=float), np.asarray(want, dtype=float), rtol=RTOL, atol=ATOL)


def test_lag_order_table_and_choices_equal_select_order(case):
    """The table is statsmodels' select_order on its common sample; the search starts at lag 1, so each
    choice is the criterion's minimum over lags 1..max (statsmodels' own choice may be 0)."""
    expected = VAR(case["series"]).select_order(case["max_lags"], trend=case["trend"])
    out = case["diag"].to_dict()
    skip = 0 if case["trend"] == "n" else 1  # statsmodels' table starts at 0 unless there is no deterministic term
    choices = {ic: 1 + int(np.argmin(expected.ics[ic][skip:])) for ic in ("aic", "bic", "hqic", "fpe")}
    assert out["lag_order"] == choices
    table = out["lag_order_table"]["table"]
    assert [row["lag"] for row in table] == list(range(1, case["max_lags"] + 1))
    for ic in ("aic", "bic", "hqic", "fpe"):
        close([row[ic] for row in table], expected.ics[ic][skip:])


def test_coefficients_standard_errors_t_and_p_per_equation(case):
    reference, coefs = case["reference"], case["diag"].coefficients
    assert coefs.regressors == tuple(reference.exog_names)  # same labels: named by the version's variables
    for equation in case["artifact"].variables:
        rows = coefs.table(equation)
        close([r["coef"] for r in rows], reference.params[equation])
        close([r["stderr"] for r in rows], reference.stderr[equation])
        close([r["t"] for r in rows], reference.tvalues[equation])
        close([r["p_normal"] for r in rows], reference.pvalues[equation])  # statsmodels: the normal distribution
        # the default p: Student t with the equation's residual degrees of freedom (T - Kp - d), as R's vars/lm
        close([r["p"] for r in rows], 2 * stats.t.sf(np.abs(reference.tvalues[equation]), reference.df_resid))
    assert coefs.df_resid == reference.nobs - reference.df_model


def test_stability_matches_is_stable_and_roots(case):
    reference, stab = case["reference"], case["diag"].stability
    assert stab.stable is bool(reference.is_stable())
    close(stab.moduli, np.sort(1 / np.abs(reference.roots))[::-1])
    # and the companion matrix built by hand
    p, k = reference.k_ar, reference.neqs
    companion = np.zeros((k * p, k * p))
    companion[:k] = np.hstack(list(reference.coefs))
    companion[k:, :-k] = np.eye(k * (p - 1))
    close(stab.moduli, np.sort(np.abs(np.linalg.eigvals(companion)))[::-1])
    assert case["diag"].to_dict()["stability"]["moduli"] == stab.moduli.tolist()


def test_whiteness_and_normality(case):
    reference, out = case["reference"], case["diag"].to_dict()
    lags = case["artifact"].k_ar + 5
    white = reference.test_whiteness(nlags=lags)
    assert out["whiteness"]["lags"] == lags and out["whiteness"]["df"] == white.df
    close([out["whiteness"]["statistic"], out["whiteness"]["pvalue"]], [white.test_statistic, white.pvalue])
    check_normality(out, reference, close)
    close(case["diag"].resid, reference.resid)
    close(case["diag"].resid_acorr, reference.resid_acorr(lags))


def test_granger_in_both_group_directions_and_every_ordered_pair(case):
    """One variable -> all others (JMulTi, R vars), all others -> one (EViews), and every pair; with two
    variables a group is one variable, so only the pairs, never a test twice."""
    reference, names = case["reference"], case["artifact"].variables
    entries = case["diag"].to_dict()["granger"]
    k = len(names)
    assert len(entries) == (2 * k if k > 2 else 0) + k * (k - 1)
    keys = [(tuple(e["causing"]), tuple(e["caused"])) for e in entries]
    assert len(set(keys)) == len(keys)
    pairs = {(tuple(e["causing"]), tuple(e["caused"])) for e in entries if e["scope"] == "pair"}
    assert pairs == {((a,), (b,)) for a in names for b in names if a != b}
    if k > 2:
        outward = {e["causing"][0]: set(e["caused"]) for e in entries if e["scope"] == "one_to_others"}
        inward = {e["caused"][0]: set(e["causing"]) for e in entries if e["scope"] == "others_to_one"}
        assert outward == inward == {n: set(names) - {n} for n in names}
    for entry in entries:
        want = reference.test_causality(entry["caused"], entry["causing"], kind="f")
        assert set(entry["causing"]) == set(want.causing) and entry["df"] == [int(d) for d in want.df]
        close([entry["statistic"], entry["pvalue"]], [want.test_statistic, want.pvalue])


def test_instantaneous_causality(case):
    reference = case["reference"]
    entries = case["diag"].to_dict()["instantaneous"]
    assert [e["causing"] for e in entries] == [[n] for n in case["artifact"].variables]
    for entry in entries:
        want = reference.test_inst_causality(entry["causing"])
        assert entry["df"] == want.df
        close([entry["statistic"], entry["pvalue"]], [want.test_statistic, want.pvalue])


def test_impulse_responses_bands_and_fevd(case):
    reference, diag = case["reference"], case["diag"]
    irf = reference.irf(7)
    out = diag.to_dict()
    assert out["irf"]["periods"] == 7 and np.shape(out["irf"]["orth"]) == (8, len(diag.variables), len(diag.variables))
    close(out["irf"]["orth"], irf.orth_irfs)  # [period][response][impulse]
    close(out["irf"]["plain"], irf.irfs)
    close(diag.irf.orth_stderr, irf.stderr(orth=True))
    close(diag.irf.plain_stderr, irf.stderr(orth=False))
    lower, upper = diag.irf.bands(orth=True)
    close(upper - lower, 2 * 1.959963984540054 * irf.stderr(orth=True))
    close(out["fevd"], reference.fevd(7).decomp)  # [variable][period][shock]
    close(np.sum(out["fevd"], axis=2), np.ones((len(diag.variables), 7)))


def test_accumulated_responses_are_statsmodels_cumulative_effects(case):
    """Summed over the periods, with their own asymptotic errors (Lütkepohl 2005, 3.7.1): a VAR of differences'
    responses of the levels, offered for such versions only."""
    reference, diag = case["reference"], case["diag"]
    irf, out = reference.irf(7), diag.to_dict()["irf"]
    close(out["accumulated_plain"], irf.cum_effects)
    close(out["accumulated_orth"], irf.orth_cum_effects)
    close(out["accumulated_plain_stderr"], irf.cum_effect_stderr(orth=False))
    close(out["accumulated_orth_stderr"], irf.cum_effect_stderr(orth=True))
    lower, upper = diag.irf.bands(orth=True, accumulated=True)
    close((lower + upper) / 2, irf.orth_cum_effects)
    assert diag.level_responses == (diag.transform in ("diff", "logdiff"))


def test_portmanteau_adjusted_and_unadjusted_equal_statsmodels(case):
    reference, diag = case["reference"], case["diag"]
    for test, adjusted in ((diag.whiteness, False), (diag.whiteness_adjusted, True)):
        want = reference.test_whiteness(nlags=diag.whiteness_lags, adjusted=adjusted)
        close([test.statistic, test.pvalue], [want.test_statistic, want.pvalue])
        assert test.df == want.df and ("adjusted" in test.name) and (("unadjusted" in test.name) is not adjusted)
        assert test.verdict.startswith("No evidence" if want.pvalue >= 0.05 else "The residuals are autocorrelated")
    out = diag.to_dict()
    assert out["whiteness_adjusted"]["lags"] == out["whiteness"]["lags"] == diag.whiteness_lags


def test_the_lm_test_is_the_verdict_and_equals_it_on_statsmodels_residuals(case):
    reference, test = case["reference"], case["diag"].whiteness_lm
    want = lm_test(np.asarray(reference.resid), np.asarray(reference.endog_lagged), 5)
    close([test.statistic, test.pvalue], [want.lmf, want.lmf_pvalue])
    assert test.df == (want.df1, round(want.df2, 1)) and test.name == "LM, Edgerton-Shukur F, 5 lags"
    assert test.crit_value == pytest.approx(stats.f.isf(0.05, want.df1, want.df2))
    assert test.verdict == case["artifact"].adequacy["checks"][1]["verdict"]  # the training check's own words
    assert case["diag"].to_dict()["whiteness_lm"]["df"] == [
        want.df1,
        round(want.df2, 1),
    ]


def test_json_is_strict_and_carries_the_required_keys(case):
    out = json.loads(json.dumps(case["diag"].to_dict(), allow_nan=False))
    assert {"lag_order", "stability", "whiteness", "normality", "granger", "irf", "fevd"} <= set(out)
    assert {"statistic", "pvalue", "df", "lags"} <= set(out["whiteness"])
    assert {"statistic", "pvalue", "df"} <= set(out["normality"])
    assert set(out["stability"]) >= {"stable", "moduli"}
    assert out["refit_gap"] < 1e-9  # the refit reproduces the stored coefficients


def test_verdict_in_levels_suggests_a_transform_and_differences_are_stable():
    levels = diagnose(_artifact("levels-aic"))
    assert "diff" in levels.stability.verdict and "logdiff" in levels.stability.verdict
    growth = diagnose(_artifact("logdiff-3var"))
    assert growth.stability.stable and growth.stability.verdict.startswith("Stable")


def test_bad_options_name_the_value_and_the_fix():
    artifact = _artifact("logdiff-3var")
    with pytest.raises(InvalidInputError, match=r"whiteness lags 3 .* above the lag order 3"):
        diagnose(artifact, whiteness_lags=artifact.k_ar)
    with pytest.raises(InvalidInputError, match="whiteness lags 100000"):
        diagnose(artifact, whiteness_lags=100000)
    # the page's bound: 86 of 87 residuals passed the CLI with p-values that meant nothing
    with pytest.raises(InvalidInputError, match=r"whiteness lags 61 .* at most 60 \(below the \d+ residuals"):
        diagnose(artifact, whiteness_lags=61)
    assert diagnose(artifact, whiteness_lags=60).whiteness_lags == 60
    for bad in (0, -1, 101, 2.5, True):
        with pytest.raises(InvalidInputError, match="impulse-response horizon"):
            check_irf_periods(bad)


def test_new_modules_do_not_import_streamlit_or_plotly():
    code = (
        "import sys, varlib.diagnostics, varlib.backtest, varlib.compare, varlib.report;"
        " print('streamlit' in sys.modules, 'plotly' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
