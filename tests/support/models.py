"""Models several test modules build one way: the VARX of the bundled data, and diagnostics of noise under names
of any length."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
from statsmodels.datasets import macrodata

from varlib import Artifact, Dataset, ModelSpec, Registry, diagnose, load_dataset, publish_result, train_model
from varlib.artifact import build_artifact
from varlib.model import VarParams, fit_results, params_of
from varlib.training import train
from varlib.versions import parse_version


def fit_params(series: np.ndarray, lags: int, trend: str) -> VarParams:
    """OLS fit of a VAR(lags) by statsmodels as training fits one (varlib.model.fit_results), as plain arrays."""
    return params_of(fit_results(series, lags, trend), trend)


def publish_varx(registry: Registry, name: str = "varx") -> tuple[Artifact, Dataset]:
    """`name` 0.0.1 (or the next version): realgdp and realcons given realint, 2 lags, no holdout; the published
    artifact and the dataset it was trained on."""
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2, holdout=0)
    return publish_result(registry, train_model(dataset, spec), name), dataset


def diagnosed_noise(names: list[str], seed: int, **options):
    """The diagnostics (varlib.diagnose with `options`) of a VAR(1) version 0.0.1 fitted on 120 quarters of
    standard normal noise in columns named `names`, read from a CSV as an upload is: charts and titles of names of
    any length and script."""
    rng = np.random.default_rng(seed)
    index = pd.period_range("1980Q1", periods=120, freq="Q").to_timestamp()
    frame = pd.DataFrame(rng.standard_normal((120, len(names))), columns=names, index=index).rename_axis("date")
    dataset = load_dataset(frame.to_csv().encode(), csv_name="noise.csv", variables=names)
    model = build_artifact(train(dataset, ModelSpec(variables=tuple(names), lags=1)), "noise", "tester")
    return diagnose(replace(model, version=parse_version("0.0.1")), **options)


# nine of macrodata's series under long names: tables and pickers of names wider than their columns
LONG_NAMES = {
    "realgdp": "real_gross_domestic_product",
    "realcons": "real_personal_consumption",
    "realinv": "real_private_investment",
    "realgovt": "real_government_spending",
    "realdpi": "real_disposable_income",
    "cpi": "consumer_price_index",
    "m1": "money_supply_m1",
    "tbilrate": "treasury_bill_rate",
    "unemp": "unemployment_rate",
}


def publish_long_named(registry: Registry) -> None:
    """`long` 0.0.1: a VAR(1) of the nine LONG_NAMES series, read from a CSV as an upload is."""
    raw = macrodata.load_pandas().data
    frame = raw[list(LONG_NAMES)].rename(columns=LONG_NAMES)
    frame.insert(0, "date", pd.period_range("1959Q1", periods=len(raw), freq="Q").to_timestamp().strftime("%Y-%m-%d"))
    dataset = load_dataset(frame.to_csv(index=False).encode(), date_col="date", variables=list(LONG_NAMES.values()))
    publish_result(registry, train_model(dataset, ModelSpec(tuple(LONG_NAMES.values()), lags=1)), "long")
