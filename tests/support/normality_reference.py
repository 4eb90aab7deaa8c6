"""The normality entries of `diagnose`'s JSON against statsmodels' fit of the same model: Lütkepohl's joint test is
statsmodels' own; Doornik and Hansen's, the verdict's, is varlib.normality on statsmodels' residuals."""

from __future__ import annotations

from collections.abc import Callable

from varlib.normality import doornik_hansen


def check_normality(out: dict, reference, close: Callable) -> None:
    """`out`: the diagnostics JSON; `reference`: statsmodels' VARResults; `close`: the caller's tolerance check."""
    norm = reference.test_normality()  # Lütkepohl's, in the variables' order
    assert out["normality_lutkepohl"]["df"] == norm.df
    close([out["normality_lutkepohl"][key] for key in ("statistic", "pvalue")], [norm.test_statistic, norm.pvalue])
    joint = doornik_hansen(reference.resid)  # the verdict's, on statsmodels' own residuals
    assert out["normality"]["df"] == joint.df == 2 * reference.neqs
    close([out["normality"]["statistic"], out["normality"]["pvalue"]], [joint.statistic, joint.pvalue])
