"""The VAR cases the fast diagnostics are checked on against statsmodels: bundled-data variables with each
transform and trend, a wide simulated sample's names, a version as loaded from a store, and statsmodels' own fit."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.vector_ar.var_model import VAR

from varlib.artifact import build_artifact, decode, encode
from varlib.training import train

MACRO = {  # variables, transform, trend, lags
    "levels-n": (("infl", "realint", "unemp"), "none", "n", 3),
    "diff-c": (("realgdp", "realcons", "realinv"), "diff", "c", 2),
    "logdiff-ct": (("realgdp", "realcons", "realinv", "cpi"), "logdiff", "ct", 2),
    "two-variables": (("realgdp", "realcons"), "diff", "c", 4),
}
WIDE = [f"y{i + 1}" for i in range(20)]


def stored(dataset, spec, name: str = "fast"):
    """`spec` trained on `dataset`, as a version loaded from a store."""
    return decode(encode(build_artifact(train(dataset, spec), name, "tester")))


def fit(endog, lags: int, trend: str, exog=None):
    """statsmodels' own VAR, the reference."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # statsmodels on a plain array: no frequency to warn about
        return VAR(endog, exog).fit(lags, trend=trend)


def model_space(frame: pd.DataFrame, transform: str) -> pd.DataFrame:
    """The series a model of `transform` fits, rows renumbered."""
    if transform == "logdiff":
        frame = np.log(frame).diff().iloc[1:]
    elif transform == "diff":
        frame = frame.diff().iloc[1:]
    return frame.reset_index(drop=True)


def varx_case(transform: str, trend: str):
    """A VARX of realgdp, realcons and realinv on realint and unemp, as a stored version, and statsmodels' VAR of
    the same endogenous and exogenous values (the differences of period t on the exogenous values of period t)."""
    from statsmodels.datasets import macrodata

    from varlib import ModelSpec, load_dataset

    endog, exog = ["realgdp", "realcons", "realinv"], ["realint", "unemp"]
    spec = ModelSpec(variables=tuple(endog), exog=tuple(exog), transform=transform, trend=trend, lags=2, holdout=0)
    artifact = stored(load_dataset(variables=endog + exog), spec)
    raw = macrodata.load_pandas().data
    levels, regressors = raw[endog].to_numpy(dtype=float), raw[exog].to_numpy(dtype=float)
    if transform == "diff":
        levels, regressors = np.diff(levels, axis=0), regressors[1:]
    reference = fit(levels, 2, trend, regressors)
    assert reference.k_exog == {"n": 0, "c": 1, "ct": 2}[trend] + 2  # the trend's columns, then the exogenous
    return artifact, reference, endog
