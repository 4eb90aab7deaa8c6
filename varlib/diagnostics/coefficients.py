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
        return pd.DataFrame(self.table(equation)).set_index("regressor").rename(columns={"p_normal": "p normal"})

    def to_dict(self) -> dict:
        return {eq: self.table(eq) for eq in self.equations}
