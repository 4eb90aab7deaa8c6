"""Adequacy checks at training time and the unit-root and cointegration tests equal statsmodels' own
functions on real samples, and their verdicts say what the figures say."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.tsa.api import VAR
from statsmodels.tsa.stattools import adfuller, kpss
from statsmodels.tsa.vector_ar.vecm import coint_johansen

from studies.samples import danish, lutkepohl_e1
from varlib import InvalidInputError, ModelSpec, analyse_integration, load_dataset, train_model
from varlib.adequacy import assess, default_whiteness_lags
from varlib.autocorrelation_lm import lm_test
from varlib.normality import doornik_hansen


def _statsmodels_fit(dataset, transform, lags, trend="c"):
    levels = dataset.frame.to_numpy(dtype=float)
    series = levels if transform == "none" else np.diff(np.log(levels), axis=0)
    return VAR(series).fit(lags, trend=trend)


@pytest.mark.parametrize(
    "make, transform, lags", [(lutkepohl_e1, "logdiff", 2), (danish, "none", 2), (danish, "none", 5)]
)
def test_training_adequacy_equals_statsmodels_tests_of_the_final_fit(make, transform, lags):
    dataset = make()
    result = train_model(dataset, ModelSpec(tuple(dataset.variables), transform=transform, lags=lags, holdout=0))
    stability, whiteness, normality = result.adequacy.checks
    reference = _statsmodels_fit(dataset, transform, lags)
    assert stability.ok == reference.is_stable()
    # the LM test's F form on statsmodels' own residuals and regressors (equal to JMulTi: test_autocorrelation_lm)
    lm = lm_test(np.asarray(reference.resid), np.asarray(reference.endog_lagged), 5)
    assert whiteness.lags == 5 and whiteness.df == lm.df1 == 5 * len(dataset.variables) ** 2
    assert whiteness.statistic == pytest.approx(lm.lmf, rel=1e-10)
    assert whiteness.pvalue == pytest.approx(lm.lmf_pvalue, rel=1e-10)
    assert whiteness.ok == (lm.lmf_pvalue >= 0.05)
    joint = doornik_hansen(reference.resid)
    assert normality.statistic == pytest.approx(joint.statistic, rel=1e-10)
    assert normality.ok == (joint.pvalue >= 0.05)
    assert result.adequacy.flags == tuple(c.flag for c in (stability, whiteness, normality) if not c.ok)


def test_whiteness_lags_are_at_least_ten_and_beyond_the_order_but_fewer_than_the_residuals():
    assert default_whiteness_lags(2, 73) == 10
    assert default_whiteness_lags(12, 200) == 13
    assert default_whiteness_lags(1, 8) == 7


def test_data_too_small_for_floating_point_is_refused_with_the_fix_not_a_linear_algebra_error():
    # found by tests/reliability/test_fuzz_inputs.py: statsmodels' whiteness test raised numpy's "Singular
    # matrix"; the fit itself had already lost values this small beside the intercept
    # (varlib.fit_checks.check_magnitude)
    rng = np.random.default_rng(1)
    values = (np.cumsum(rng.normal(size=(40, 2)), axis=0) + 100) * 1e-300
    dates = [f"{2000 + i // 4}-{3 * (i % 4) + 1:02d}-01" for i in range(40)]
    csv = "date,v0,v1\n" + "\n".join(f"{d},{a!r},{b!r}" for d, (a, b) in zip(dates, values.tolist(), strict=True))
    dataset = load_dataset(csv.encode())
    with pytest.raises(
        InvalidInputError, match="too small to fit a VAR on: v[01] reaches only 1.[01][0-9]e-298.*Rescale the data"
    ):
        train_model(dataset, ModelSpec(variables=("v0", "v1"), lags=1, holdout=0))


def test_verdicts_say_pass_or_fail_with_advice():
    stable = assess(_statsmodels_fit(lutkepohl_e1(), "logdiff", 2), "logdiff")
    assert [c.ok for c in stable.checks] == [True, True, False] and stable.flags == ("non-normal residuals",)
    assert stable.checks[0].verdict.startswith("Stable: every eigenvalue of the companion matrix is inside")
    assert stable.checks[1].verdict.startswith("No evidence of residual autocorrelation (LM test, Edgerton-Shukur F")
    # Lütkepohl's example has outlying quarters: its residuals fail the joint normality tests, as in JMulTi
    assert stable.checks[2].verdict.startswith("The residuals are not normal (Doornik-Hansen p = ")
    assert "intervals may be too narrow or too wide" in stable.checks[2].verdict

    levels = load_dataset(variables=["realgdp", "realcons"])
    fit = VAR(levels.frame.to_numpy(dtype=float)).fit(1, trend="n")
    verdicts = assess(fit, "none")
    stability = verdicts.checks[0]
    if stability.ok:  # a random walk without drift in levels sits at the unit circle either way
        assert "close to 1" in stability.verdict and "`logdiff`" in stability.verdict
    else:
        assert stability.verdict.startswith("Not stable") and "refit with transform `diff`" in stability.verdict
    white = verdicts.checks[1]
    assert not white.ok and white.verdict.startswith("The residuals are autocorrelated (LM test, Edgerton-Shukur")
    assert "autocorrelated residuals" in verdicts.flags


def test_unit_roots_equal_adfuller_and_kpss_on_log_levels():
    dataset = danish()
    levels = dataset.frame.to_numpy(dtype=float)
    result = analyse_integration(levels[:, :2], ["lrm", "lry"], k_ar=2)
    assert result.tested_on == "log levels"  # every value positive
    for j, root in enumerate(result.unit_roots):
        x = np.log(levels[:, j])
        adf = adfuller(x, regression="ct", autolag="AIC", result_object=False)
        level_kpss = kpss(x, regression="ct", nlags="auto", result_object=False)
        assert root.adf_statistic == pytest.approx(adf[0]) and root.adf_pvalue == pytest.approx(adf[1])
        assert root.kpss_statistic == pytest.approx(level_kpss[0]) and root.kpss_pvalue == pytest.approx(level_kpss[1])
        diff_adf = adfuller(np.diff(x), regression="c", autolag="AIC", result_object=False)
        assert root.diff_adf_pvalue == pytest.approx(diff_adf[1])


def test_a_series_with_negative_values_is_tested_on_levels():
    dataset = danish()  # lpy, the log price level, is negative
    levels = dataset.frame[["lrm", "lpy"]].to_numpy(dtype=float)
    result = analyse_integration(levels, ["lrm", "lpy"])
    assert result.tested_on == "levels"
    adf = adfuller(levels[:, 1], regression="ct", autolag="AIC", result_object=False)
    assert result.unit_roots[1].adf_pvalue == pytest.approx(adf[1])


def test_integrated_macro_series_get_differencing_advice_and_johansen_equals_statsmodels():
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    levels = dataset.frame.to_numpy(dtype=float)
    result = analyse_integration(levels, dataset.variables, k_ar=2)
    assert [u.verdict for u in result.unit_roots].count("integrated") >= 2
    assert result.recommended_transform == "logdiff" and "transform `logdiff`" in result.advice
    # positive series are advised in logs; a file may hold logs (log GDP, about 9) or rates: diff is named for them
    assert "(transform `logdiff`, or `diff` if the values are logs already, or rates)" in result.advice
    logged = analyse_integration(np.log(levels), dataset.variables, k_ar=2)  # logs are positive too: still said
    assert "or `diff` if the values are logs already" in logged.advice
    growth = analyse_integration(np.diff(np.log(levels), axis=0) - 0.01, dataset.variables, k_ar=2)
    assert "logs already" not in growth.advice  # not all positive: tested and advised in levels
    johansen = result.johansen
    reference = coint_johansen(np.log(levels), det_order=0, k_ar_diff=1)
    assert johansen.lagged_differences == 1
    np.testing.assert_allclose(johansen.trace, reference.lr1, rtol=1e-12)
    np.testing.assert_allclose(johansen.max_eigen, reference.lr2, rtol=1e-12)
    np.testing.assert_allclose(johansen.trace_critical, reference.cvt, rtol=1e-12)
    expected_rank = next((r for r in range(3) if reference.lr1[r] < reference.cvt[r, 1]), 3)
    assert johansen.rank == expected_rank
    said = f"finds {expected_rank} cointegrating {'relation' if expected_rank == 1 else 'relations'} at 5%"
    assert (said in result.advice) == (0 < expected_rank < 3)


def test_the_advice_never_says_difference_when_it_advises_a_vecm_and_says_what_a_version_does():
    from varlib.version_advice import advice_for_model

    rng = np.random.default_rng(0)  # a and b share one random walk; c is a walk of its own
    shared = np.cumsum(rng.standard_normal(160))
    levels = np.column_stack(
        [
            200 + shared + rng.standard_normal(160),
            150 + shared + rng.standard_normal(160),
            100 + np.cumsum(rng.standard_normal(160)),
        ]
    )
    linked = analyse_integration(levels, ["a", "b", "c"], k_ar=2)
    assert linked.johansen is not None and linked.johansen.rank == 1 and linked.recommended_transform == "logdiff"
    assert "vecm" in linked.advice and "difference them" not in linked.advice
    assert "discards that link: compare it with a VECM" in advice_for_model(linked, False, "logdiff")
    assert "instead of differencing" in advice_for_model(linked, True, "log", linked.johansen.rank)
    assert "models the levels (transform `none`)" in advice_for_model(linked, False, "none")
    rng = np.random.default_rng(11)
    stationary = analyse_integration(10 + rng.normal(size=(120, 2)), ["a", "b"])
    assert advice_for_model(stationary, False, "none").endswith("This version does so (transform `none`).")
    assert "which the tests do not call for" in advice_for_model(stationary, False, "diff")


def test_a_full_rank_johansen_result_is_not_called_no_relation():
    from dataclasses import replace

    from varlib.integration_advice import recommend

    dataset = load_dataset(variables=["realgdp", "realcons"])
    result = analyse_integration(dataset.frame.to_numpy(dtype=float), dataset.variables, k_ar=3)
    assert result.johansen is not None
    full = replace(result.johansen, rank=2)
    _, text = recommend(result.unit_roots, True, full)
    assert "no cointegrating relation" not in text and "as many cointegrating relations as variables" in text
    assert not full.links and not replace(full, rank=0).links and replace(full, rank=1).links


def test_stationary_noise_is_left_in_levels():
    rng = np.random.default_rng(11)
    noise = 10 + rng.normal(size=(120, 2))
    result = analyse_integration(noise, ["a", "b"])
    assert [u.verdict for u in result.unit_roots] == ["stationary", "stationary"]
    assert result.recommended_transform == "none" and result.johansen is None


def test_data_too_small_for_double_precision_is_refused_by_name_not_by_a_linear_algebra_error():
    """Found by the CSV fuzzer: values near 1e-298 give a singular residual covariance in the checks."""
    import pandas as pd

    from varlib import InvalidInputError

    rng = np.random.default_rng(0)
    tiny = 1e-298 * (1 + 0.01 * np.cumsum(rng.normal(size=(40, 2)), axis=0))
    frame = pd.DataFrame(tiny, columns=["v0", "v1"], index=pd.date_range("2000-01-01", periods=40, freq="QS"))
    dataset = load_dataset(frame.rename_axis("date").to_csv().encode())
    with pytest.raises(
        InvalidInputError, match="too small to fit a VAR on: v[01] reaches only 1.[01][0-9]e-298.*Rescale the data"
    ):
        train_model(dataset, ModelSpec(variables=("v0", "v1"), lags=1, holdout=0))


@pytest.mark.parametrize(
    "column", [np.arange(80.0), np.arange(1.0, 81.0), np.full(80, 3.0), 5.0 + 0.25 * np.arange(80)]
)
def test_a_counter_or_constant_column_is_named_not_an_error_and_the_others_are_still_tested(column):
    """adfuller refuses a series with nothing random in it (a pandas index written to the CSV, a constant):
    the advice names it and tests the rest, as if it were not there."""
    levels = load_dataset(variables=["realgdp", "realcons"]).frame.to_numpy()[:80]
    alone = analyse_integration(levels, ["realgdp", "realcons"])
    with_it = analyse_integration(np.column_stack([column, levels]), ["counter", "realgdp", "realcons"])
    assert with_it.unit_roots[0].verdict == "constant or a straight line"
    assert with_it.advice.startswith("counter is constant or moves by the same step every period")
    if bool(np.all(column > 0)):  # the others tested on the same scale (logs) as alone
        assert [u.verdict for u in with_it.unit_roots[1:]] == [u.verdict for u in alone.unit_roots]
        assert with_it.advice.endswith(alone.advice) and with_it.recommended_transform == alone.recommended_transform


def test_a_long_sample_is_tested_on_its_last_rows_and_says_so():
    rng = np.random.default_rng(7)
    walks = 100 + np.cumsum(rng.normal(size=(5_600, 2)), axis=0)
    walks[0, 1] = -1.0  # outside the tested rows, yet it keeps the tests off log levels
    result = analyse_integration(walks, ["a", "b"])
    assert (result.rows_tested, result.rows) == (5_000, 5_600)
    assert result.sample_note == (
        "The tests ran on the last 5,000 of the 5,600 rows: on a longer sample they take minutes."
    )
    assert result.tested_on == "levels"
    for j, root in enumerate(result.unit_roots):
        adf = adfuller(walks[-5_000:, j], regression="ct", autolag="AIC", result_object=False)
        assert root.adf_pvalue == pytest.approx(adf[1])
    assert result.to_dict()["rows_tested"] == 5_000


def test_a_sample_within_the_limit_is_tested_whole_without_a_note():
    dataset = danish()
    result = analyse_integration(dataset.frame.to_numpy(dtype=float), dataset.variables)
    assert result.rows_tested == result.rows == len(dataset.frame)
    assert result.sample_note == ""


def test_a_modulus_next_to_one_shows_on_which_side_of_the_circle_it_is():
    from varlib.adequacy import modulus, stability_verdict

    assert [modulus(v) for v in (1.0000249, 0.99999, 0.70674, 1.0)] == ["1.00002", "0.99999", "0.7067", "1.0000"]
    assert "modulus is 1.00002, on or outside" in stability_verdict(False, 1.0000249, "none")


def test_a_vecms_advice_says_which_rank_it_uses_when_the_unit_root_johansen_test_finds_another():
    from varlib.version_advice import advice_for_model

    dataset = load_dataset(variables=["realgdp", "realcons"])
    result = analyse_integration(dataset.frame.to_numpy(dtype=float), dataset.variables)
    tested = result.johansen.rank
    other = advice_for_model(result, True, "none", rank=tested + 1)
    assert f"rank {tested + 1}, the rank its own test chose" in other and f"other settings, finds {tested}" in other
    same = advice_for_model(result, True, "none", rank=tested)
    assert "its own rank test is under Cointegration" in same and "other settings" not in same
    given = advice_for_model(result, True, "none", rank=tested + 1, rank_fixed=True)  # `--coint-rank`
    assert f"rank {tested + 1}, the rank it was given when it was trained (its own test is under" in given
    assert "its own test chose" not in given and f"the test above finds {tested}" in given
    fixed = advice_for_model(result, True, "none", rank=tested, rank_fixed=True)
    assert f"rank {tested} (given when it was trained): it keeps" in fixed and ",:" not in fixed, fixed


def test_kpss_p_values_at_the_ends_of_its_table_read_as_bounds():
    # statsmodels reads KPSS p-values from a table spanning 0.01-0.10 and returns its end beyond it
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    roots = analyse_integration(dataset.frame.to_numpy(dtype=float), dataset.variables).unit_roots
    by_name = {u.variable: u for u in roots}
    assert by_name["realcons"].kpss_pvalue == 0.01 and by_name["realcons"].kpss_p_text == "≤ 0.01"
    assert by_name["realinv"].kpss_pvalue == 0.1 and by_name["realinv"].kpss_p_text == "≥ 0.1"
    assert by_name["realgdp"].kpss_p_text == f"{by_name['realgdp'].kpss_pvalue:.3g}"  # inside the table: as it is
    assert [u.to_dict()["kpss_pvalue_beyond_table"] for u in roots] == [None, "below", "above"]  # and in JSON


def test_a_vecm_of_a_fixed_rank_is_not_said_to_have_chosen_it_by_its_own_test():
    from varlib import diagnose
    from varlib.artifact import build_artifact

    variables = ("realgdp", "realcons", "realinv")
    dataset = load_dataset(variables=list(variables), start="1989Q4")
    spec = ModelSpec(variables=variables, kind="vecm", transform="log", lags=2, coint_rank=1, holdout=0)
    diag = diagnose(build_artifact(train_model(dataset, spec), "fixed", "tester"))
    assert diag.cointegration is not None and diag.cointegration.rank_method == "fixed"
    advice = diag.integration_advice or ""
    assert "rank 1, the rank it was given when it was trained" in advice and "own test chose" not in advice


def test_the_stored_whiteness_check_gives_both_degrees_of_freedom_of_its_f_test():
    """It stored df 45 alone for an F(45, 523.6) statistic, which read as a chi-squared(45) would mean p near 1."""
    from scipy.stats import f as f_distribution

    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    result = train_model(dataset, ModelSpec(tuple(dataset.variables), transform="logdiff", lags=2, holdout=0))
    [check] = [c for c in result.adequacy.to_dict()["checks"] if c["name"] == "whiteness"]
    assert check["df"] == 45 and 500 < check["df2"] < 550
    assert check["pvalue"] == pytest.approx(f_distribution.sf(check["statistic"], check["df"], check["df2"]))
