"""Diagnostics of stored versions: each model kind refits its version and reports tests as plain data."""

from .results import (
    MODEL_SPACE,
    CausalityTest,
    Coefficients,
    Diagnostics,
    ImpulseResponses,
    Stability,
    TestResult,
)
from .var_tests import (
    DEFAULT_IRF_PERIODS,
    DEFAULT_SIGNIF,
    DEFAULT_WHITENESS_LAGS,
    MAX_IRF_PERIODS,
    Refit,
    check_irf_periods,
    check_whiteness_lags,
    diagnose,
    refit,
    whiteness_lag_bounds,
)

__all__ = [
    "DEFAULT_IRF_PERIODS",
    "DEFAULT_SIGNIF",
    "DEFAULT_WHITENESS_LAGS",
    "MAX_IRF_PERIODS",
    "MODEL_SPACE",
    "CausalityTest",
    "Coefficients",
    "Diagnostics",
    "ImpulseResponses",
    "Refit",
    "Stability",
    "TestResult",
    "check_irf_periods",
    "check_whiteness_lags",
    "diagnose",
    "refit",
    "whiteness_lag_bounds",
]
