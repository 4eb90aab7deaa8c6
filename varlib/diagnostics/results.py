"""Diagnostics results as plain data: tests, stability, responses, and the whole set."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

import numpy as np
import pandas as pd

from ..forecast_errors import normal_quantile
from ..integration import AdvisedVecm, Integration
from ..jsonsafe import to_json_safe
from ..kinds import get_kind
from ..model import LagSelection
from ..model_space import DIFFERENCED, MODEL_SPACE
from ..version_advice import advice_for_model
from .arch import ArchTests
from .causality import CausalityTest
from .coefficients import Coefficients
from .outcome import TestResult

if TYPE_CHECKING:
    from .cointegration import Cointegration


@dataclass(frozen=True)
class Stability:
    """Eigenvalues of the companion matrix (moduli, largest first), the inverse roots, and a verdict. A VECM's
    VAR representation is never stable: it expects K - r unit roots, and `as_expected` says whether it has
    exactly those and every other eigenvalue inside the unit circle."""

    stable: bool
    eigenvalues: np.ndarray  # complex, largest modulus first; stable iff all moduli < 1
    verdict: str
    expected_unit_roots: int = 0
    unit_roots: int = 0
    as_expected: bool | None = None  # None for a VAR, where stable is what is expected
    # tables show eigenvalues and moduli with the four decimals the verdicts give the largest modulus: at four
    # significant digits 1.0043 read 1.004 beside the verdict, and 0.9996 would read 1.000
    ROOTS_FORMAT: ClassVar[str] = "{:.4f}"

    @property
    def moduli(self) -> np.ndarray:
        return np.abs(self.eigenvalues)

    def roots_frame(self) -> pd.DataFrame:
        """One row per eigenvalue, numbered from 1: `real`, `imag`, `modulus`, each conjugate pair in the order
        a + bi, a - bi (shown with `root_text`)."""
        eig = list(self.eigenvalues)
        for i in range(len(eig) - 1):
            if eig[i].imag < 0 and np.isclose(eig[i + 1], np.conj(eig[i])):
                eig[i], eig[i + 1] = eig[i + 1], eig[i]
        roots = np.asarray(eig, dtype=complex)
        return pd.DataFrame(
            {"real": roots.real, "imag": roots.imag, "modulus": np.abs(roots)},
            index=pd.RangeIndex(1, len(roots) + 1, name="#"),
        )

    @classmethod
    def root_text(cls, value: float) -> str:
        """A table cell in ROOTS_FORMAT, unsigned where it rounds to zero (`-0.0000` as a real root's imaginary part
        misled), and with the digits that tell a root near the unit circle from one on it (1.00002 and 0.99996 both
        printed 1.0000 beside a verdict that turns on which side of 1 it lies)."""
        text = cls.ROOTS_FORMAT.format(value)
        if abs(float(text)) == 1 and abs(value) != 1:
            return f"{value:.12g}"
        return cls.ROOTS_FORMAT.format(0.0) if float(text) == 0 else text

    @property
    def adequate(self) -> bool:
        """Stable, or for a VECM exactly its expected unit roots and the rest inside the circle."""
        return self.stable if self.as_expected is None else self.as_expected

    def to_dict(self) -> dict:
        return {
            "stable": self.stable,
            "moduli": self.moduli.tolist(),
            "eigenvalues": [{"real": float(z.real), "imag": float(z.imag)} for z in self.eigenvalues],
            "verdict": self.verdict,
            "expected_unit_roots": self.expected_unit_roots,
            "unit_roots": self.unit_roots,
            "as_expected": self.adequate,
        }


@dataclass(frozen=True)
class ImpulseResponses:
    """Responses indexed [period][response][impulse] with asymptotic standard errors. A VAR's also come
    accumulated over the periods (statsmodels' `cum_effects`, Lütkepohl 2005, 3.7.1): for a VAR of differences
    those are the responses of the levels (or log levels). None where they are not computed (a VECM, whose
    responses are of the levels already)."""

    periods: int
    plain: np.ndarray
    orth: np.ndarray
    plain_stderr: np.ndarray
    orth_stderr: np.ndarray
    signif: float
    accumulated: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None  # plain, orth, their stderr

    def values(self, orth: bool, accumulated: bool = False) -> np.ndarray:
        """The responses of the kind asked for (accumulated only where computed: check `accumulated` first)."""
        return self._arrays(orth, accumulated)[0]

    def bands(self, orth: bool, accumulated: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Lower and upper (1 - signif) bands: response -/+ z * stderr, as statsmodels' irf plot draws them."""
        q = normal_quantile(1 - self.signif / 2)
        values, err = self._arrays(orth, accumulated)
        return values - q * err, values + q * err

    def _arrays(self, orth: bool, accumulated: bool) -> tuple[np.ndarray, np.ndarray]:
        if accumulated:
            if self.accumulated is None:
                raise ValueError("accumulated responses were not computed for this model")
            plain, orthogonal, plain_err, orth_err = self.accumulated
            return (orthogonal, orth_err) if orth else (plain, plain_err)
        return (self.orth, self.orth_stderr) if orth else (self.plain, self.plain_stderr)

    def to_dict(self) -> dict:
        arrays = {name: getattr(self, name).tolist() for name in ("orth", "plain", "orth_stderr", "plain_stderr")}
        names = ("accumulated_plain", "accumulated_orth", "accumulated_plain_stderr", "accumulated_orth_stderr")
        extra = dict(zip(names, (a.tolist() for a in self.accumulated), strict=True)) if self.accumulated else {}
        return {"periods": self.periods, **arrays, **extra, "signif": self.signif}


@dataclass(frozen=True)
class Diagnostics:
    """Everything the diagnostics page, the report and `varlib diagnose` show for one version."""

    name: str
    version: str | None
    variables: tuple[str, ...]
    transform: str
    trend: str
    k_ar: int
    nobs: int
    refit_gap: float  # largest |refit - stored| coefficient: ~0 unless the artifact was fitted elsewhere
    lag_selection: LagSelection
    coefficients: Coefficients
    stability: Stability
    whiteness: TestResult  # the portmanteau statistic as statsmodels prints it (unadjusted)
    whiteness_adjusted: TestResult  # Hosking's small-sample adjusted one (R vars, JMulTi); a VECM's verdict
    whiteness_lags: int
    whiteness_lm: TestResult | None  # the LM test's F form, the verdict's; None: too few rows
    normality: TestResult  # Doornik and Hansen's joint test, the verdict's (free of the variables' order and units)
    normality_lutkepohl: TestResult  # statsmodels' and JMulTi's joint Jarque-Bera (Cholesky: order-bound)
    normality_by_variable: tuple[TestResult, ...]
    resid_dates: tuple[str, ...]
    resid: np.ndarray  # (nobs, k)
    resid_acorr: np.ndarray  # (whiteness_lags + 1, k, k)
    granger: tuple[CausalityTest, ...]
    instantaneous: tuple[CausalityTest, ...]
    irf: ImpulseResponses
    fevd: np.ndarray  # [variable][period][shock]
    integration: Integration | None  # unit roots of the training levels and Johansen's test
    kind: str = "var"
    model: str = ""  # the fitted model in one line, e.g. "VAR(2) in levels, trend c"
    cointegration: Cointegration | None = None  # a VECM's Johansen table, relations and loadings
    arch: ArchTests | None = None  # ARCH-LM tests of the residuals (Engle's per variable, the multivariate one)
    imported_from: str | None = None  # the class of the pickle an imported version was converted from

    @property
    def summed_levels(self) -> str:
        """What accumulated responses are responses of: the log levels of a model of log differences, else the
        levels (a model of differences; a model in levels sums its responses into no level)."""
        return "log levels" if self.transform == "logdiff" else "levels"

    @property
    def refit_note(self) -> str | None:
        """Why the tests may not describe the stored model: the OLS refit's coefficients differ from the version's
        own (a pickle estimated another way, or another statsmodels release); None when they agree."""
        if self.refit_gap <= 1e-6:
            return None
        how = "by maximum likelihood" if (self.imported_from or "").startswith("VARMAX") else "another way"
        why = (
            f"it was imported from a {self.imported_from} pickle, estimated {how}"
            if self.imported_from
            else "it was fitted by another statsmodels release"
        )
        return (
            f"These diagnostics describe an OLS refit on the stored data, whose coefficients differ from the"
            f" version's own by up to {self.refit_gap:.3g} ({why}): stability, coefficients and responses are the"
            " refit's, while the version's forecasts use its own coefficients."
        )

    @property
    def johansen(self):
        """Johansen's test: a VECM's own (its deterministic terms and lags), else the one of the unit-root tests."""
        if self.cointegration is not None:
            return self.cointegration.johansen
        return self.integration.johansen if self.integration else None

    @property
    def level_responses(self) -> bool:
        """Whether accumulated responses are the levels' responses: a VAR of (log) differences."""
        return self.irf.accumulated is not None and self.transform in DIFFERENCED

    def variance_shares(self) -> pd.DataFrame:
        """The forecast-error variance decomposition at its last horizon: a row per variable, a column per shock
        (Cholesky, in the variables' order), shares summing to 1."""
        shocks = [f"shock {v}" for v in self.variables]
        return pd.DataFrame(self.fevd[:, -1, :], index=list(self.variables), columns=shocks)

    @property
    def integration_advice(self) -> str | None:
        """The unit-root advice naming the dashboard's Compare page (advice_comparing: elsewhere), a VECM it names in
        the spec's fields and the CLI's options (the Diagnostics page says them in the Train page's words: below)."""
        return self.advice_comparing(None)

    def integration_advice_in(self, words: Callable[[AdvisedVecm], str]) -> str | None:
        """integration_advice with the settings of the VECM it names in a page's own words, `words(vecm)`
        (Integration.advice_in), where the CLI, REST and report name the spec's fields and train's options."""
        return self.advice_comparing(None, words)

    def advice_comparing(self, compare: str | None, words: Callable[[AdvisedVecm], str] | None = None) -> str | None:
        """The unit-root advice with what this version already does about it (None: no tests); `compare` names
        where its reader compares versions (None: the dashboard's Compare page; the CLI names its command, the REST
        API its route); `words`, a front's own for the settings of a VECM it names (None: AdvisedVecm.settings)."""
        if self.integration is None:
            return None
        found = self.integration
        if words is not None:  # the settings alone are reworded, before what this version does is said after them
            found = replace(found, advice=found.advice_in(words))
        coint = self.cointegration
        rank, fixed = (coint.rank, coint.rank_method == "fixed") if coint is not None else (None, False)
        cointegrated = get_kind(self.kind).cointegrated
        return advice_for_model(found, cointegrated, self.transform, rank, self.trend, fixed, compare)

    def to_dict(self, compare: str | None = None) -> dict:
        """The JSON of `python -m varlib diagnose --json` (residual series left out; acorrs kept); `compare`: where
        its reader compares versions, as advice_comparing names it (the CLI its command, the REST API its route)."""
        return to_json_safe(
            {
                "name": self.name,
                "version": self.version,
                "kind": self.kind,
                "model": self.model,
                "variables": list(self.variables),
                "transform": self.transform,
                "trend": self.trend,
                "k_ar": self.k_ar,
                "nobs": self.nobs,
                "model_space": MODEL_SPACE[self.transform],
                "refit_gap": self.refit_gap,
                "refit_note": self.refit_note,
                "lag_order": dict(self.lag_selection.selected),
                "lag_order_table": {"max_lags": self.lag_selection.max_lags, "table": list(self.lag_selection.table)},
                "coefficients": self.coefficients.to_dict(),
                "stability": self.stability.to_dict(),
                "whiteness": {**self.whiteness.to_dict(), "lags": self.whiteness_lags},
                "whiteness_adjusted": {**self.whiteness_adjusted.to_dict(), "lags": self.whiteness_lags},
                "whiteness_lm": self.whiteness_lm.to_dict() if self.whiteness_lm else None,
                "coefficient_pvalues": "p: Student t with the equation's residual degrees of freedom; p_normal:"
                " standard normal (statsmodels)",
                "normality": self.normality.to_dict(),
                "normality_lutkepohl": self.normality_lutkepohl.to_dict(),
                "normality_by_variable": {
                    v: t.to_dict() for v, t in zip(self.variables, self.normality_by_variable, strict=True)
                },
                "arch": self.arch.to_dict(self.variables) if self.arch else None,
                "resid_acorr": self.resid_acorr.tolist(),
                "granger": [t.to_dict() for t in self.granger],
                "instantaneous": [t.to_dict() for t in self.instantaneous],
                "irf": self.irf.to_dict(),
                "fevd": self.fevd.tolist(),
                "unit_roots": self.integration.to_dict() if self.integration else None,
                "integration_advice": self.advice_comparing(compare),  # the advice with what this version does
                "johansen": self.johansen.to_dict() if self.johansen else None,
                "cointegration": self.cointegration.to_dict() if self.cointegration else None,
            }
        )
