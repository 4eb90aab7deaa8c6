"""An order far above the stricter criteria's is said: on 72 quarters of three US series (1990Q1-2007Q4) AIC takes
9 lags of the 10 the default searches, where HQIC takes 2 and BIC 1, and a maximum one lower moves its choice to 5.
Not at the top of the search, so no other warning said it. Where the criteria agree (the bundled data's 203
quarters) nothing is added."""

from __future__ import annotations

import pandas as pd
import statsmodels.api as sm
from statsmodels.tsa.api import VAR

from varlib import ModelSpec, load_dataset, train_model

VARIABLES = ("realgdp", "realcons", "cpi")


def _short_sample() -> bytes:
    data = sm.datasets.macrodata.load_pandas().data
    data.index = [f"{int(y)}Q{int(q)}" for y, q in zip(data.year, data.quarter, strict=True)]
    return data.loc["1990Q1":"2007Q4", list(VARIABLES)].rename_axis("date").to_csv().encode()


def test_aic_far_above_hqic_and_bic_on_a_short_sample_is_said():
    raw = _short_sample()
    result = train_model(load_dataset(raw, csv_name="short.csv"), ModelSpec(VARIABLES))
    frame = pd.read_csv(pd.io.common.BytesIO(raw), index_col=0)
    chosen = VAR(frame.to_numpy()).select_order(10, trend="c").selected_orders
    assert (chosen["aic"], chosen["hqic"], chosen["bic"]) == (9, 2, 1)  # statsmodels on the same rows
    assert result.params.k_ar == 9
    said = [w for w in result.warnings if "stricter" in w]
    assert said == [
        "aic chose 9 lags where hqic chooses 2 and bic 1: a VAR(9) estimates 28 coefficients per equation from 63"
        " rows, and a choice so far above the stricter criteria's may overfit; compare a fixed order of 2 on the"
        " holdout"
    ]
    assert not any("largest order searched" in w for w in result.warnings)  # the other warning did not say it


def test_criteria_in_agreement_add_nothing():
    result = train_model(load_dataset(variables=["realgdp", "realcons"]), ModelSpec(("realgdp", "realcons")))
    assert result.params.k_ar == 4 and not any("stricter" in w for w in result.warnings)


def test_hqic_far_above_bic_is_said_against_bic_and_bic_never_is():
    raw = _short_sample()
    for ic in ("hqic", "bic"):
        result = train_model(load_dataset(raw, csv_name="short.csv"), ModelSpec(VARIABLES, ic=ic))
        assert not any("stricter" in w for w in result.warnings), ic  # 2 and 1: not far above
