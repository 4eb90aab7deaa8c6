"""A VECM's long-run part as plain data: Johansen's table, the relations (β) and the loadings (α) with errors."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..integration import Johansen
from ..vecm_model import johansen_caveat
from .coefficients import Coefficients


@dataclass(frozen=True)
class Cointegration:
    """The cointegration rank and how it was chosen, Johansen's trace and maximum-eigenvalue table of the
    fitted sample, β normalised to I_r in its first r rows (plus deterministic terms inside the relation)
    and α, each with statsmodels' standard errors, t and p values (the normalised rows have none)."""

    rank: int
    rank_method: str  # "fixed" or "trace test at 5%"
    deterministic: str
    johansen: Johansen
    beta: Coefficients  # regressors: the variables (then const / trend in the relation); equations: ec1..ecr
    alpha: Coefficients  # regressors: ec1..ecr; equations: the variables
    log_likelihood: float
    var_coefs: np.ndarray  # A_1..A_p of the VAR representation in levels (or log levels)
    var_deterministic: np.ndarray  # its constant (and slope on t) rows, as varlib forecasts with them
    sigma_u: np.ndarray  # the ML residual covariance (divided by T, as statsmodels and JMulTi print it)

    @property
    def johansen_caveat(self) -> str | None:
        return johansen_caveat(self.deterministic)

    def to_dict(self) -> dict:
        return {
            "rank": self.rank,
            "johansen_caveat": self.johansen_caveat,
            "rank_method": self.rank_method,
            "deterministic": self.deterministic,
            "beta": self.beta.to_dict(),
            "alpha": self.alpha.to_dict(),
            "log_likelihood": self.log_likelihood,
            "var_representation": {
                "coefs": self.var_coefs.tolist(),
                "deterministic": self.var_deterministic.tolist(),
                "sigma_u": self.sigma_u.tolist(),
            },
        }
