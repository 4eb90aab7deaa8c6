"""Is a fitted VAR adequate? Stability, residual whiteness and normality, each with a plain verdict.

Run at training time on the final fit, shown before publishing and stored with the version; an inadequate model may
still be published, visibly. The diagnostics page reuses the verdicts.

- Stability: every eigenvalue of the companion matrix inside the unit circle.
- Whiteness of a VAR: the LM test's small-sample F form (Edgerton-Shukur, as JMulTi prints it;
  varlib.autocorrelation_lm) with 5 lagged residuals (fewer on a short sample, whose pass is `partial`). The
  adjusted portmanteau test (Hosking's Q*; statsmodels `test_whiteness(adjusted=True)`, up to
  `default_whiteness_lags` lags) rejected white residuals of a correctly specified VAR(4) of 4 variables on 60
  rows in about a third of samples, at a 5% level; the diagnostics still print it. A VECM's check is the same F
  form on its own auxiliary regression (varlib.vecm_lm).
- Normality: Doornik and Hansen's joint test of the residuals (varlib.normality), whose verdict depends
  neither on the order of the variables nor on their units.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from .autocorrelation_lm import DEFAULT_LM_LAGS, LMTest, largest_lm_lags, lm_scope, lm_test, untested_lags
from .degrees_of_freedom import largest_fitting_order
from .errors import InvalidInputError
from .model_space import LOGGED, logs_advisable
from .near_identity import near_identity
from .near_unit import near_unit_reading
from .normality import JointNormality, doornik_hansen
from .wording import counted, p_is

SIGNIF = 0.05
NEAR_UNIT = 0.95  # a largest modulus above this behaves almost like a unit root over forecast horizons
WHITENESS_LAGS = 10
NO_LM_LAG = (
    "Not tested: too few rows for even one lagged residual in the LM test, so residual autocorrelation is not ruled"
    " out (the portmanteau tests cover more lags). A model with fewer lags or variables leaves the test room."
)
FLAGS = {"stability": "not stable", "whiteness": "autocorrelated residuals", "normality": "non-normal residuals"}


@dataclass(frozen=True)
class Check:
    """One adequacy check: passed or not, its test figures when it is a test, a verdict and advice."""

    name: str  # "stability" | "whiteness" | "normality"
    ok: bool
    verdict: str
    statistic: float | None = None
    pvalue: float | None = None
    df: int | None = None
    lags: int | None = None
    df2: float | None = None  # an F test's denominator degrees of freedom (the LM test's F form: Rao's, fractional)

    @property
    def flag(self) -> str:
        """A short label for a listing when the check fails."""
        return FLAGS.get(self.name, self.name)

    @property
    def partial(self) -> bool:
        """A whiteness check that passed on fewer than the LM test's 5 lagged residuals, or on none (too few rows: not
        tested at all, `lags` None): no all-clear, so never shown as one."""
        return self.name == "whiteness" and self.ok and (self.lags or 0) < DEFAULT_LM_LAGS

    def to_dict(self) -> dict:
        raw = asdict(self)  # in the fields' order; df2 absent for a chi-squared test's df, as stored before it existed
        return raw if self.df2 is not None else {key: value for key, value in raw.items() if key != "df2"}

    @classmethod
    def from_dict(cls, raw: dict) -> Check:
        """A check as a version stored it (`to_dict`)."""
        figures = {key: raw.get(key) for key in ("statistic", "pvalue", "df", "lags", "df2")}
        return cls(str(raw.get("name", "")), bool(raw.get("ok")), str(raw.get("verdict", "")), **figures)


@dataclass(frozen=True)
class Adequacy:
    checks: tuple[Check, ...]

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(check.flag for check in self.checks if not check.ok)

    def to_dict(self) -> dict:
        return {"checks": [check.to_dict() for check in self.checks], "flags": list(self.flags)}


def default_whiteness_lags(k_ar: int, residuals: int) -> int:
    """max(10, p + 1) lags, but fewer than the residuals (small samples)."""
    return max(k_ar + 1, min(max(WHITENESS_LAGS, k_ar + 1), residuals - 1))


def _refuse_fewer_df_than_variables(results: Any) -> None:
    """Residuals with fewer degrees of freedom than variables span too few dimensions for a full-rank covariance
    (30 variables, 17 df): said as such, with the lags that fit, not as data to rescale."""
    k, p, df = int(results.neqs), int(results.k_ar), int(results.df_resid)
    if df >= k:
        return
    n, trend = int(results.nobs) + p, str(results.trend)
    fits = largest_fitting_order(n, k, trend, min_df=k + 1, exog=int(getattr(results, "k_exog_user", 0) or 0))
    # no order keeps enough with all the variables: fewer of them, or more rows, are the only ways
    ways = f"at most {counted(fits, 'lag')}, fewer variables, or more rows" if fits else "fewer variables or more rows"
    raise InvalidInputError(
        f"a VAR({p}) of {k} variables on {n} rows keeps {df} residual degrees of freedom per equation, fewer than"
        f" its {k} variables, so its residuals' covariance cannot have full rank and nothing about the fit can be"
        f" tested; use {ways}",
        field="lags",
        value=p,
    )


def assess(
    results: Any, transform: str, names: list[str] | None = None, criterion: str | None = None, levels=None
) -> Adequacy:
    """The three checks of statsmodels VARResults fitted on the model-space series (of the variables `names`;
    `criterion`: the one that chose its lag order, None for a fixed order; `levels`: the data before the transform)."""
    try:
        whiteness = lm_whiteness_check(var_lm_test(results))
        normal = doornik_hansen(results.resid)
    except (np.linalg.LinAlgError, ValueError) as exc:
        # The OLS fit can succeed on numbers so small (or large) that the residual covariance under- or
        # overflows, or on variables that move together exactly; no test or interval of such a fit means anything.
        # A total stored to many decimals beside its parts passes the exact-collinearity check and ends here:
        # named, since rescaling would not help
        _refuse_fewer_df_than_variables(results)
        found = near_identity(np.asarray(results.endog, dtype=float), names or list(results.names))
        if found is not None:
            raise InvalidInputError(
                f"{found[1]}, so the residuals of this fit cannot be tested ({exc}); drop the one computed from the"
                " others, and train again",
                field=found[0],
            ) from None
        raise InvalidInputError(
            f"the residuals of this fit cannot be tested ({exc}): the values are too small or too large for"
            " double precision (e.g. 1e-300), or the variables move together exactly; rescale the data (e.g. to"
            " thousands or percent) or drop a variable, and train again"
        ) from None
    eigenvalues = 1.0 / np.asarray(results.roots) if len(results.roots) else np.zeros(1, dtype=complex)
    largest = complex(eigenvalues[int(np.argmax(np.abs(eigenvalues)))])
    stable, trend = bool(results.is_stable()), getattr(results, "trend", None)
    return Adequacy(
        (
            Check("stability", stable, stability_verdict(stable, largest, transform, trend, criterion)),
            whiteness,
            normality_check(normal, transform, names or (), levels),
        )
    )


def lm_whiteness_check(test: LMTest | None) -> Check:
    """The whiteness check of a VAR or a VECM: the LM test's F form on up to 5 lagged residuals (None: not one)."""
    if test is None:
        return Check("whiteness", True, NO_LM_LAG)
    pvalue, verdict = test.lmf_pvalue, lm_whiteness_verdict(test.lmf_pvalue, test.lags)
    return Check("whiteness", not rejects(pvalue), verdict, test.lmf, pvalue, test.df1, test.lags, test.df2)


def var_lm_test(results: Any) -> LMTest | None:
    """The LM test of a statsmodels VARResults on its own regressors (None: too few rows)."""
    residuals = np.asarray(results.resid, dtype=float)
    regressors = np.asarray(results.endog_lagged, dtype=float)
    lags = largest_lm_lags(len(residuals), residuals.shape[1], regressors.shape[1])
    return lm_test(residuals, regressors, lags) if lags else None


def lm_whiteness_verdict(pvalue: float, lags: int) -> str:
    test = f"LM test, Edgerton-Shukur F form, {counted(lags, 'lagged residual')}: p"
    said = _autocorrelation_verdict(pvalue, lm_scope(lags), test)
    passed = bool(np.isfinite(pvalue)) and not rejects(pvalue)  # a pass on fewer lags is no all-clear beyond them
    return f"{said} {untested_lags(lags)}".rstrip() if passed else said


def stability_verdict(
    stable: bool, largest_root: complex, transform: str, trend: str | None = None, criterion: str | None = None
) -> str:
    """The VAR's stability check in words (`largest_root`: the largest-modulus eigenvalue; `trend`: the model's;
    `criterion`: the one that chose its lag order, None for a fixed order)."""
    largest = abs(largest_root)
    around = "stationary around a trend (the unit-root advice says which)"
    ct = "" if trend == "ct" else f"; series {around} need trend `ct` instead"  # one with `ct` is unstable with it
    ct_too = "" if trend == "ct" else f", or trend `ct` if they are {around}"
    levels_hint = (
        "A VAR in levels of trending data is usually not stable (the trend acts as a unit root);"
        f" refit with transform `diff`, or `logdiff` for positive series such as GDP{ct}."
    )
    if not stable:
        text = (
            f"Not stable: the largest eigenvalue modulus is {modulus(largest)}, on or outside the unit circle, so"
            " shocks never die out and impulse responses, variance decompositions and long-horizon intervals"
            " are not meaningful."
        )
        advice = levels_hint if transform == "none" else "Try fewer lags, another trend, or a different transform."
        return f"{text} {advice}"
    text = (
        f"Stable: every eigenvalue of the companion matrix is inside the unit circle (largest modulus"
        f" {modulus(largest)})."
    )
    reading = near_unit_reading(largest_root, criterion=criterion) if largest > NEAR_UNIT else None
    if reading:
        return f"{text} {reading}."
    if largest > NEAR_UNIT and transform == "none":
        return (
            f"{text} The largest is close to 1, which is typical of a VAR in levels of trending data: shocks"
            f" fade very slowly. A `diff` or `logdiff` transform usually fits such data better{ct_too}."
        )
    return text


def modulus(value: float) -> str:
    """An eigenvalue modulus to 4 decimals, or as many more as it takes not to read as exactly 1 (1.0000249
    is outside the unit circle, 0.99999 inside: "1.0000" would hide on which side)."""
    decimals = 4
    while decimals < 10 and value != 1 and round(value, decimals) == 1:
        decimals += 1
    return f"{value:.{decimals}f}"


def whiteness_verdict(pvalue: float, lags: int, adjusted: bool) -> str:
    test = "adjusted portmanteau" if adjusted else "portmanteau"
    return _autocorrelation_verdict(pvalue, f" up to lag {lags}", f"{test} p")


def rejects(pvalue: float) -> bool:
    """Whether a test rejects at SIGNIF. A NaN p-value (a test that could not be computed, as on residuals with
    a combination fitted exactly) is no rejection: its verdict says the test was not computed instead."""
    return bool(pvalue < SIGNIF)


def not_computed(what: str, test: str, pvalue: float) -> str | None:
    """The verdict of a test whose p-value is NaN, else None; `test` names it as the other verdicts' parentheses do."""
    if np.isfinite(pvalue):
        return None
    return (
        f"Not tested: the {what} could not be computed on these residuals ({test} {p_is(pvalue)}), which happens when"
        " they are degenerate, e.g. when a combination of the variables is fitted exactly; this is no evidence"
        " either way. Look for a variable or exogenous column that is a combination of the others."
    )


def _autocorrelation_verdict(pvalue: float, scope: str, test: str) -> str:
    """The words of a whiteness verdict, whichever test gave `pvalue`: `scope` the lags it covers when the
    verdict names them, `test` what the parentheses say before the p-value."""
    if missing := not_computed(f"autocorrelation test{scope}", test, pvalue):
        return missing
    if not rejects(pvalue):
        return f"No evidence of residual autocorrelation{scope} ({test} {p_is(pvalue)})."
    return (
        f"The residuals are autocorrelated{scope} ({test} {p_is(pvalue)}): the model misses some dynamics, so its"
        " forecasts and intervals are off. Try more lags or another transform, and look for a break in the data."
    )


def normality_verdict(pvalue: float, transform: str | None = None, names=(), levels=None) -> str:
    """The verdict of Doornik and Hansen's joint test; the log-transform hint only for a model not in logs
    already (`transform` None: not known to the caller, so the hint stays) whose data `levels` (None: not known)
    a log can be taken of and whose `names` do not say logs already (model_space.logs_advisable)."""
    if missing := not_computed("normality test", "Doornik-Hansen p", pvalue):
        return missing
    if not rejects(pvalue):
        return f"The residuals look normal (Doornik-Hansen p {p_is(pvalue)})."
    advisable = transform not in LOGGED and logs_advisable(levels, names)  # not logs of logs, nor of values <= 0
    hint = "; a log transform helps skewed series" if advisable else ""
    return (
        f"The residuals are not normal (Doornik-Hansen p {p_is(pvalue)}): point forecasts stay valid, but"
        f" the Gaussian intervals may be too narrow or too wide. Look for outliers or breaks{hint}."
    )


def normality_check(normal: JointNormality, transform: str | None = None, names=(), levels=None) -> Check:
    """The normality check of Doornik and Hansen's joint test (`transform`: the model's; `names`: its variables';
    `levels`: its data before the transform)."""
    return Check(
        "normality",
        not rejects(normal.pvalue),
        normality_verdict(normal.pvalue, transform, names, levels),
        normal.statistic,
        normal.pvalue,
        normal.df,
    )
