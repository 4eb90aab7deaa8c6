"""The joint normality verdict is Doornik and Hansen's test (varlib.normality): it does not change with the order
of the variables or their units, as Lütkepohl's Cholesky-based test does (statsmodels' `test_normality`), its
skewness part is D'Agostino's transform, and it holds its size on small samples."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from varlib import ModelSpec, diagnose, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.normality import MIN_ROWS, _skewness_z, doornik_hansen

GROWTH = ("realgdp", "realcons", "realinv")


def _normality(variables: tuple[str, ...]):
    """The stored normality check of a VAR of the last 80 quarters' log growth rates, in this order."""
    dataset = load_dataset(variables=list(variables), start="1989Q4")
    spec = ModelSpec(variables=variables, transform="logdiff", holdout=0)
    return train_model(dataset, spec).adequacy.checks[2]


def test_the_verdict_does_not_depend_on_the_order_of_the_variables():
    checks = [_normality(order) for order in (GROWTH, ("realinv", "realgdp", "realcons"))]
    assert checks[0].statistic == pytest.approx(checks[1].statistic, rel=1e-10)
    assert checks[0].ok == checks[1].ok and checks[0].df == 6


def test_lutkepohls_test_does_on_the_same_data_which_is_why_it_is_not_the_verdict():
    from statsmodels.tsa.api import VAR

    frame = np.log(load_dataset(variables=list(GROWTH), start="1989Q4").frame).diff().dropna().to_numpy()
    orders = ([0, 1, 2], [2, 0, 1])
    lutkepohl = [VAR(frame[:, order]).fit(1).test_normality().pvalue for order in orders]
    doornik = [doornik_hansen(VAR(frame[:, order]).fit(1).resid).pvalue for order in orders]
    assert (lutkepohl[0] < 0.05) != (lutkepohl[1] < 0.05)  # one order rejects, the other does not
    assert doornik[0] == pytest.approx(doornik[1], rel=1e-10)


def test_neither_units_nor_order_change_the_statistic():
    rng = np.random.default_rng(3)
    resid = rng.standard_t(6, size=(90, 3)) @ np.array([[1.0, 0.4, 0.1], [0.0, 1.0, 0.6], [0.0, 0.0, 2.0]])
    rescaled = resid[:, [2, 0, 1]] * np.array([1e4, 1.0, 1e-3])
    assert doornik_hansen(rescaled).statistic == pytest.approx(doornik_hansen(resid).statistic, rel=1e-9)


def test_the_skewness_part_is_dagostinos_transform_as_scipy_computes_it():
    rng = np.random.default_rng(4)
    for n in (20, 60, 250):
        sample = rng.gamma(2.0, size=n)
        assert _skewness_z(np.float64(stats.skew(sample)), n) == pytest.approx(stats.skewtest(sample).statistic)


def test_it_holds_its_size_on_normal_residuals_and_rejects_heavy_tails():
    rng = np.random.default_rng(5)
    normal = np.mean([doornik_hansen(rng.standard_normal((60, 3))).pvalue < 0.05 for _ in range(1500)])
    heavy = np.mean([doornik_hansen(rng.standard_t(3, size=(80, 3))).pvalue < 0.05 for _ in range(300)])
    assert 0.035 <= normal <= 0.075 and heavy > 0.8


def test_too_few_rows_are_not_tested_and_a_constant_residual_is_refused():
    short = doornik_hansen(np.random.default_rng(6).standard_normal((MIN_ROWS - 1, 2)))
    assert np.isnan(short.statistic) and np.isnan(short.pvalue) and short.df == 4
    flat = np.column_stack([np.random.default_rng(7).standard_normal(40), np.zeros(40)])
    with pytest.raises(np.linalg.LinAlgError, match="does not vary"):
        doornik_hansen(flat)


def test_a_passing_joint_test_names_a_variable_whose_own_test_rejects():
    dataset = load_dataset(variables=list(GROWTH), start="1989Q4")
    result = train_model(dataset, ModelSpec(variables=GROWTH, transform="logdiff", lags=1, holdout=0))
    diag = diagnose(build_artifact(result, "growth", "tester"))
    realinv = diag.normality_by_variable[2]
    assert not diag.normality.rejected and realinv.rejected  # the joint test passes, realinv's own fails
    assert f"Yet the Jarque-Bera test of realinv (p = {realinv.pvalue:.3g}) alone rejects normality" in (
        diag.normality.verdict
    )
    assert diag.normality_lutkepohl.name == "jarque-bera (joint, Cholesky)"  # shown beside it, not the verdict's
