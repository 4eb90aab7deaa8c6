"""One hypothesis test's outcome: its statistic, p-value and degrees of freedom, and the decision they give."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class TestResult:
    """One hypothesis test (statistic, p-value, degrees of freedom as statsmodels reports them) and, for
    the residual tests, a plain verdict with advice."""

    name: str
    statistic: float
    pvalue: float
    df: int | tuple[int | float, ...]  # an F test's second may be fractional (Rao's, of the LM test's F form)
    crit_value: float
    signif: float
    verdict: str = ""
    fewer_lags: bool = False  # the LM test on fewer than its 5 lagged residuals: a pass is no all-clear beyond them

    @property
    def rejected(self) -> bool | None:
        """None when the test could not be computed (p = nan, as on residuals with a combination fitted exactly):
        no decision either way, never "do not reject"."""
        return None if np.isnan(self.pvalue) else bool(self.pvalue < self.signif)

    @property
    def decision(self) -> str:
        """The decision as the tables print it."""
        return {True: "reject", False: "do not reject", None: "not computed"}[self.rejected]

    @property
    def df_text(self) -> str:
        """The degrees of freedom as tables print them: `20, 358` for an F test (not `20,358`, read as thousands)."""
        return ", ".join(map(str, self.df)) if isinstance(self.df, tuple) else str(self.df)

    def to_dict(self) -> dict:
        df = list(self.df) if isinstance(self.df, tuple) else self.df
        return {
            "test": self.name,
            "statistic": self.statistic,
            "pvalue": self.pvalue,
            "df": df,
            "crit_value": self.crit_value,
            "signif": self.signif,
            "rejected": self.rejected,
            **({"verdict": self.verdict} if self.verdict else {}),
        }
