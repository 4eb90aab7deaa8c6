"""A VECM's Granger and instantaneous-causality tests, with the VAR in levels statsmodels refits for every test
fitted once (varlib/diagnostics/granger.py), equal `VECMResults.test_granger_causality` and
`test_inst_causality` test by test, bit for bit: statistic, p-value, critical value, degrees of freedom and
decision. The statsmodels side is fitted here from scratch.

Cases: the bundled macro data in logs with every deterministic case (through the stored version and the
diagnostics' own refit), VAR orders 1 to 4, and a 12-variable simulated VECM (the most varlib fits) and a
20-variable one straight from statsmodels (the size whose 420 tests took 20-80 s).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from statsmodels.datasets import macrodata
from statsmodels.tsa.vector_ar.vecm import VECM, VECMResults

from studies.wide import two_walk_levels as cointegrated
from varlib import ModelSpec, load_dataset
from varlib.artifact import build_artifact, decode, encode
from varlib.data import Dataset
from varlib.diagnostics.granger import instantaneous_wald, vecm_granger_f, vecm_levels_var
from varlib.diagnostics.vecm import refit
from varlib.diagnostics.vecm_tests import VecmRefit, granger_tests, instantaneous_tests
from varlib.model_space import DETERMINISTIC
from varlib.training import train

MACRO = ("realgdp", "realcons", "realinv")


def _vecm(levels: np.ndarray, lags: int, rank: int, deterministic: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return VECM(levels, k_ar_diff=lags - 1, coint_rank=rank, deterministic=deterministic).fit()


def _same(got, want) -> None:
    """Bit for bit: the same products of the same numbers, in the same order."""
    assert got.statistic == float(want.test_statistic), (got.statistic, want.test_statistic)
    assert got.pvalue == float(want.pvalue), (got.pvalue, want.pvalue)
    assert got.crit_value == float(want.crit_value), (got.crit_value, want.crit_value)
    assert got.df == (tuple(int(d) for d in want.df) if isinstance(got.df, tuple) else int(want.df))
    if hasattr(got, "rejected"):  # a TestResult (the raw GrangerF and InstantWald carry no decision)
        assert got.rejected == (want.conclusion == "reject")


def check_against_statsmodels(granger, instantaneous, reference, names, signif, wanted=lambda test: True) -> None:
    for test in granger:
        if wanted(test):
            caused = [names.index(n) for n in test.caused]
            causing = [names.index(n) for n in test.causing]
            _same(test.result, reference.test_granger_causality(caused=caused, causing=causing, signif=signif))
    assert [(t.causing, t.caused) for t in instantaneous] == [((n,), tuple(m for m in names if m != n)) for n in names]
    for i, test in enumerate(instantaneous):
        _same(test.result, reference.test_inst_causality(causing=[i], signif=signif))


@pytest.mark.parametrize("deterministic", DETERMINISTIC)
def test_bundled_data_in_logs_through_the_stored_version_equals_statsmodels(deterministic):
    spec = ModelSpec(MACRO, kind="vecm", transform="log", lags=2, coint_rank=1, deterministic=deterministic, holdout=0)
    artifact = decode(encode(build_artifact(train(load_dataset(variables=list(MACRO)), spec), "g", "tester")))
    reference = _vecm(np.log(macrodata.load_pandas().data[list(MACRO)].to_numpy(dtype=float)), 2, 1, deterministic)
    fitted = refit(artifact)
    for signif in (0.05, 0.1):
        granger = granger_tests(fitted, signif)
        check_against_statsmodels(granger, instantaneous_tests(fitted, signif), reference, list(MACRO), signif)
    names = list(MACRO)
    groups = [(scope, (n,), tuple(m for m in names if m != n)) for n in names for scope in ("one_to_others", "")]
    expected = [(s, a, b) if s else ("others_to_one", b, a) for s, a, b in groups]
    expected += [("pair", (names[i],), (names[j],)) for j in range(3) for i in range(3) if i != j]
    assert [(t.scope, t.causing, t.caused) for t in granger] == expected  # the VAR page's order, as before


@pytest.mark.parametrize("lags", [1, 3, 4])
def test_other_orders_equal_statsmodels(lags):
    """A VECM without lagged differences (its Granger VAR has two lags, one tested) and longer ones."""
    levels = cointegrated(4, 150, seed=lags)
    reference = _vecm(levels, lags, 2, "colo")
    names = ["a", "b", "c", "d"]

    class Version:
        variables = names

    fitted = VecmRefit(Version(), levels, (), reference)  # type: ignore[arg-type]
    check_against_statsmodels(granger_tests(fitted, 0.05), instantaneous_tests(fitted, 0.05), reference, names, 0.05)


@pytest.mark.parametrize("deterministic", ["co", "cili"])
def test_twelve_variables_through_the_stored_version_equal_statsmodels(deterministic):
    names = [f"y{i + 1}" for i in range(12)]
    levels = cointegrated(len(names))
    index = pd.date_range("1970-01-01", periods=len(levels), freq="QS", name="date")
    dataset = Dataset("wide12", pd.DataFrame(levels, columns=names, index=index), "0" * 64, "QS-JAN")
    spec = ModelSpec(tuple(names), kind="vecm", lags=2, coint_rank=4, deterministic=deterministic, holdout=0)
    fitted = refit(decode(encode(build_artifact(train(dataset, spec), "g", "tester"))))
    granger = granger_tests(fitted, 0.05)
    assert len(granger) == 2 * 12 + 12 * 11
    # statsmodels refits a VAR per test: every group test, and the pairs from or to the first or the last variable
    ends = {names[0], names[-1]}
    wanted = lambda t: t.scope != "pair" or bool(ends & {*t.causing, *t.caused})  # noqa: E731
    check_against_statsmodels(
        granger, instantaneous_tests(fitted, 0.05), _vecm(levels, 2, 4, deterministic), names, 0.05, wanted
    )


def test_twenty_variables_straight_from_statsmodels():
    """The size of the report (20 variables), on VECMResults directly: varlib fits at most 12."""
    reference = _vecm(cointegrated(20), 2, 4, "co")
    pairs = [([i], [j]) for i, j in ((0, 1), (19, 0), (7, 13))] + [([0], list(range(1, 20))), (list(range(19)), [19])]
    for (causing, caused), test in zip(pairs, vecm_granger_f(reference, pairs, 0.05), strict=True):
        _same(test, reference.test_granger_causality(caused=caused, causing=causing, signif=0.05))
    levels = vecm_levels_var(reference)
    tests = instantaneous_wald(levels.sigma_u, int(levels.nobs), [[0], [12], [19]], 0.05)
    for i, test in zip([0, 12, 19], tests, strict=True):
        _same(test, reference.test_inst_causality(causing=[i], signif=0.05))


def test_the_product_path_refits_once_not_per_test(monkeypatch):
    """The speed fix itself: neither of statsmodels' per-test routes is taken (each refits a VAR and builds a
    covariance per test); the numbers are above."""
    reference = _vecm(cointegrated(4, 120), 2, 2, "co")

    def refuse(*args, **kwargs):
        raise AssertionError("the VECM's causality tests went through statsmodels' per-test route")

    monkeypatch.setattr(VECMResults, "test_granger_causality", refuse)
    monkeypatch.setattr(VECMResults, "test_inst_causality", refuse)

    class Version:
        variables = ["a", "b", "c", "d"]

    fitted = VecmRefit(Version(), cointegrated(4, 120), (), reference)  # type: ignore[arg-type]
    assert len(granger_tests(fitted, 0.05)) == 2 * 4 + 4 * 3 and len(instantaneous_tests(fitted, 0.05)) == 4


def test_statsmodels_own_refusals_are_kept():
    """A significance level outside (0, 1), as both statsmodels tests refuse it; no tests asked, none made."""
    reference = _vecm(cointegrated(3, 80), 2, 1, "co")
    with pytest.raises(ValueError, match="signif has to be between 0 and 1"):
        vecm_granger_f(reference, [([0], [1])], 1.0)
    with pytest.raises(ValueError, match="signif has to be between 0 and 1"):
        instantaneous_wald(reference.sigma_u, 80, [[0]], 0.0)
    assert vecm_granger_f(reference, [], 0.05) == () and instantaneous_wald(reference.sigma_u, 80, [], 0.05) == ()
