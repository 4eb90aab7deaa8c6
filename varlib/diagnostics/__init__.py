"""Diagnostics of stored versions: each model kind refits its version and reports tests as plain data."""

from collections.abc import Callable

from ..artifact import Artifact
from ..errors import InvalidInputError
from ..model_space import MODEL_SPACE
from .arch import DEFAULT_ARCH_LAGS, ArchTests
from .causality import CausalityTest
from .coefficients import Coefficients
from .cointegration import Cointegration
from .results import (
    Diagnostics,
    ImpulseResponses,
    Stability,
    TestResult,
)
from .var import (
    DEFAULT_IRF_PERIODS,
    MAX_IRF_PERIODS,
    check_irf_periods,
    check_whiteness_lags,
    refit,
    whiteness_lag_bounds,
)
from .var import diagnose as diagnose_var
from .var_tests import DEFAULT_SIGNIF, Refit
from .vecm import diagnose as diagnose_vecm

# One entry per model kind: the function that refits a stored version and runs the kind's tests.
_DIAGNOSE: dict[str, Callable[..., Diagnostics]] = {"var": diagnose_var, "vecm": diagnose_vecm}


def diagnose(
    artifact: Artifact,
    irf_periods: int = DEFAULT_IRF_PERIODS,
    whiteness_lags: int | None = None,
    arch_lags: int | None = None,
) -> Diagnostics:
    """Every diagnostic the version's model kind supports, refitted from its stored training data."""
    run = _DIAGNOSE.get(artifact.spec.kind)
    if run is None:
        raise InvalidInputError(
            f"diagnostics of model kind {artifact.spec.kind!r} are not available",
            field="kind",
            value=artifact.spec.kind,
        )
    return run(artifact, irf_periods, whiteness_lags, arch_lags=arch_lags)


__all__ = [
    "DEFAULT_ARCH_LAGS",
    "ArchTests",
    "DEFAULT_IRF_PERIODS",
    "DEFAULT_SIGNIF",
    "MAX_IRF_PERIODS",
    "MODEL_SPACE",
    "CausalityTest",
    "Coefficients",
    "Cointegration",
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
