"""ARCH-LM tests of a VAR's or a VECM's residuals: does their variance rise and fall with the size of recent shocks?

Engle's test of each variable's residuals (statsmodels' `het_arch`: u_t² on a constant and q of its lags,
LM = n·R², chi-square with q degrees of freedom) and the multivariate test of Doornik (1996) as Lütkepohl (2005,
section 16.5.1) gives it (vech(u_t u_t') on a constant and q of its lags, chi-square with q·K²(K+1)²/4). Both
equal JMulTi's published output to its printed digits (tests/unit/test_arch_lm.py for VARs,
tests/integration/test_vecm_jmulti.py for VECMs). JMulTi's F form of Engle's test is left out: of T residuals,
its statistic divides by T - q and its p-value takes T - 2q - 1 degrees of freedom, two different F distributions.

The bands of every forecast assume one constant residual variance: ARCH effects leave the point forecasts as
they are and make the bands too narrow after large shocks, too wide in calm periods.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..whole_numbers import whole_number
from ..wording import and_list, counted, p_is
from .outcome import TestResult

DEFAULT_ARCH_LAGS = 4  # a year of quarterly data (JMulTi's defaults, 16 and 5, are for long samples)
SHORT_SAMPLE = 100  # residuals below which a pass says little (the verdict says so)


@dataclass(frozen=True)
class ArchTests:
    """Engle's test per variable with `lags`, and the multivariate test with `joint_lags` (fewer when the sample
    cannot hold its regression; None with `joint_note` saying why when it cannot hold one lag)."""

    lags: int
    by_variable: tuple[TestResult, ...]
    joint: TestResult | None
    joint_lags: int | None
    joint_note: str
    verdict: str
    rejected: bool | None  # None: no test could be computed

    def labelled(self, variables: Sequence[str]) -> list[tuple[str, TestResult]]:
        """Each test with the label the page's, the report's and the CLI's tables give it."""
        rows = [
            (f"ARCH-LM {v}, {counted(self.lags, 'lag')} (H0: constant variance)", test)
            for v, test in zip(variables, self.by_variable, strict=True)
        ]
        if self.joint is not None:
            joint = f"ARCH-LM multivariate, {counted(self.joint_lags or 0, 'lag')} (H0: constant variances)"
            rows.append((joint, self.joint))
        return rows

    def to_dict(self, variables: Sequence[str]) -> dict:
        return {
            "lags": self.lags,
            "by_variable": {v: t.to_dict() for v, t in zip(variables, self.by_variable, strict=True)},
            "joint": self.joint.to_dict() if self.joint else None,
            "joint_lags": self.joint_lags,
            "joint_note": self.joint_note or None,
            "verdict": self.verdict,
            "rejected": self.rejected,
        }


def engle_lm(resid: np.ndarray, lags: int, signif: float) -> TestResult:
    """Engle's ARCH-LM test of one series of residuals (statsmodels' het_arch, its LM form)."""
    from scipy import stats
    from statsmodels.stats.diagnostic import het_arch

    found = het_arch(np.asarray(resid, dtype=float), nlags=lags, result_object=True)
    return TestResult(
        f"ARCH-LM, {counted(lags, 'lag')}",
        float(found.lm),
        float(found.lmpval),
        lags,
        float(stats.chi2.isf(signif, lags)),
        signif,
    )


def multivariate_lm(resid: np.ndarray, lags: int, signif: float) -> TestResult:
    """Doornik's multivariate ARCH-LM test: R²_m = 1 - 2/(K(K+1))·tr(Ω̂ Ω̂₀⁻¹) of the regression of
    vech(u_t u_t') on a constant and its `lags` lags, LM = n·K(K+1)·R²_m / 2 (Lütkepohl 2005, eq. 16.5.4)."""
    from scipy import stats

    k = resid.shape[1]
    rows, cols = np.tril_indices(k)
    products = resid[:, rows] * resid[:, cols]  # vech(u_t u_t'), one row per period
    target = products[lags:]
    regressors = np.hstack([np.ones((len(target), 1)), *(products[lags - i : -i] for i in range(1, lags + 1))])
    coefficients, *_ = np.linalg.lstsq(regressors, target, rcond=None)
    errors = target - regressors @ coefficients
    centred = target - target.mean(axis=0)
    ratio = np.trace(np.linalg.solve(centred.T @ centred, errors.T @ errors))  # tr(Ω̂ Ω̂₀⁻¹): the n's cancel
    statistic = 0.5 * len(target) * k * (k + 1) * (1 - 2 * ratio / (k * (k + 1)))
    df = lags * k**2 * (k + 1) ** 2 // 4
    return TestResult(
        f"multivariate ARCH-LM, {counted(lags, 'lag')}",
        float(statistic),
        float(stats.chi2.sf(statistic, df)),
        df,
        float(stats.chi2.isf(signif, df)),
        signif,
    )


def largest_engle_lags(nobs: int, wanted: int) -> int:
    """The most lags up to `wanted` whose regression keeps as many residual degrees of freedom as coefficients."""
    return max(0, min(wanted, (nobs - 2) // 3))  # n - q ≥ 2(q + 1)


def largest_joint_lags(nobs: int, k: int, wanted: int) -> int:
    """The same for the multivariate regression: a constant and q·K(K+1)/2 coefficients per equation."""
    width = k * (k + 1) // 2
    return max(0, min(wanted, (nobs - 2) // (2 * width + 1)))  # n - q ≥ 2(1 + q·width)


def check_arch_lags(lags, nobs: int) -> int:
    """The ARCH lags a person asked for (None: the default), if the residuals can hold Engle's regression."""
    most = max(1, largest_engle_lags(nobs, nobs))
    default = min(DEFAULT_ARCH_LAGS, most)
    if lags is None:
        return default
    return whole_number(
        lags, 1, most, "ARCH lags", "arch_lags", after=f" ({nobs} residuals hold no more); try {default}"
    )


def arch_tests(resid: np.ndarray, variables: Sequence[str], lags: int, signif: float) -> ArchTests:
    """Engle's test of each variable and the multivariate test (with as many of `lags` as the sample holds)."""
    resid = np.asarray(resid, dtype=float)
    # about their mean, as JMulTi tests them: without a constant (trend n, a VECM's restricted terms) the
    # residuals' mean is not 0, and squares about 0 would mix that mean into the variance tested
    resid = resid - resid.mean(axis=0)
    nobs, k = resid.shape
    own = tuple(engle_lm(resid[:, j], lags, signif) for j in range(k))
    joint_lags = largest_joint_lags(nobs, k, lags)
    joint = multivariate_lm(resid, joint_lags, signif) if joint_lags and k > 1 else None
    note = ""
    if k > 1 and joint is None:
        note = f"the multivariate test is left out: {nobs} residuals cannot hold its regression for {k} variables"
    elif joint is not None and joint_lags < lags:
        taken = counted(joint_lags, "lag")
        note = f"the multivariate test takes {taken}: {nobs} residuals cannot hold more for {k} variables"
    verdict, rejected = _verdict(variables, own, joint, lags, nobs)
    return ArchTests(lags, own, joint, joint_lags if joint else None, note, verdict, rejected)


def _verdict(
    variables, own: tuple[TestResult, ...], joint: TestResult | None, lags: int, nobs: int
) -> tuple[str, bool | None]:
    tests = [*own, *([joint] if joint else [])]
    decided = [t.rejected for t in tests if t.rejected is not None]
    if not decided:
        return "The ARCH tests could not be computed on these residuals.", None
    failing = [f"{v} (p {p_is(t.pvalue)})" for v, t in zip(variables, own, strict=True) if t.rejected]
    jointly = joint is not None and joint.rejected
    if not failing and not jointly:
        # studies/arch_size.py: on 60 rows the tests find GARCH residuals in about a third of samples
        short = f" On {nobs} residuals only strong ARCH effects show." if nobs < SHORT_SAMPLE else ""
        return (
            f"No sign of ARCH effects ({counted(lags, 'lag')}): nothing in the residuals says their variance follows"
            f" the size of recent shocks, as the forecast bands assume it does not.{short}",
            False,
        )
    joint_p = joint.pvalue if joint is not None else float("nan")
    # the joint test's rejection is said beside the variables' own: alone, `in realcons (p 0.041)` read as the whole
    # finding where the multivariate test rejected at p < 0.0001
    alone = f" and jointly (p {p_is(joint_p)})" if jointly else ""
    found = f"in {and_list(failing)}{alone}" if failing else f"jointly (p {p_is(joint_p)}), in no variable alone"
    return (
        f"ARCH effects {found}: the residuals' variance rises after large shocks and falls in calm periods, while"
        " the forecast bands assume one constant variance. The point forecasts are not affected; the bands are too"
        " narrow after turbulent periods and too wide after calm ones.",
        True,
    )
