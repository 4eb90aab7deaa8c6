"""A fitted model's coefficient table: estimates, standard errors, t and p values by regressor and equation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Coefficients:
    """OLS estimates: arrays (regressors x equations) labelled with the version's variable names."""

    regressors: tuple[str, ...]
    equations: tuple[str, ...]
    params: np.ndarray
    stderr: np.ndarray
    tvalues: np.ndarray
    pvalues: np.ndarray  # Student t with the equation's residual degrees of freedom (small-sample, as R's lm)
    pvalues_normal: np.ndarray  # standard normal (asymptotic, as statsmodels' VARResults.pvalues)
    df_resid: int

    @property
    def none_note(self) -> str | None:
        """Why the tables are empty, for a model with no coefficient to estimate outside its cointegrating
        relations (a VECM of VAR order 1 whose deterministic terms are all inside them, or none); else None."""
        if self.regressors:
            return None
        return (
            "No short-run coefficients: at VAR order 1 a VECM has no lagged differences, and its deterministic"
            " terms are all inside the cointegrating relations (or there are none), so each equation holds only"
            " its error-correction terms (the loadings, under Cointegration)."
        )

    def table(self, equation: str) -> list[dict]:
        """Rows {regressor, coef, stderr, t, p, p_normal} for one equation."""
        j = self.equations.index(equation)
        return [
            {
                "regressor": name,
                "coef": float(self.params[i, j]),
                "stderr": float(self.stderr[i, j]),
                "t": float(self.tvalues[i, j]),
                "p": float(self.pvalues[i, j]),
                "p_normal": float(self.pvalues_normal[i, j]),
            }
            for i, name in enumerate(self.regressors)
        ]

    def frame(self, equation: str) -> pd.DataFrame:
        """One equation's table by regressor, headed as the Diagnostics page and the report print it (`p normal`)."""
        columns = ["regressor", "coef", "stderr", "t", "p", "p_normal"]  # also for none: a VECM(1) of `ci` has none
        table = pd.DataFrame(self.table(equation), columns=columns).set_index("regressor")
        return table.rename(columns={"p_normal": "p normal"})

    def to_dict(self) -> dict:
        return {eq: self.table(eq) for eq in self.equations}
