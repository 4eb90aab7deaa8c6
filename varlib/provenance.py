"""Provenance: the software that produced a version, recorded in every artifact."""

from __future__ import annotations

import platform


def package_versions() -> dict[str, str]:
    """Versions of varlib, Python and the numerical packages a fit depends on."""
    import numpy as np
    import pandas as pd
    import scipy
    import statsmodels

    from .release import __version__

    return {
        "varlib": __version__,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "scipy": scipy.__version__,
        "statsmodels": statsmodels.__version__,
    }
