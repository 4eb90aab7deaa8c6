"""The warning that filled values were left out of the holdout scores named `gdp on 2019-10-01`, where the README
promises each period as people name it (`2019Q4`) (QA)."""

from __future__ import annotations

import numpy as np

from varlib import ModelSpec, load_dataset, train_model

QUARTERS = [f"{2000 + q // 4}Q{q % 4 + 1}" for q in range(80)]


def test_the_filled_values_left_out_of_the_scores_are_named_by_their_period():
    values = 100 + np.cumsum(np.random.default_rng(6).normal(0.3, 1.0, size=(len(QUARTERS), 2)), axis=0)
    rows = [f"{date},{a:.3f},{b:.3f}" for date, (a, b) in zip(QUARTERS, values, strict=True)]
    rows[-1] = rows[-1].rsplit(",", 1)[0] + ","  # the newest cons not out yet: ffill carries the one before
    dataset = load_dataset(("date,gdp,cons\n" + "\n".join(rows) + "\n").encode(), csv_name="q.csv", fill="ffill")
    warnings = train_model(dataset, ModelSpec(("gdp", "cons"), lags=1, holdout=0.1)).warnings
    assert any(w.startswith("The holdout scores leave out 1 filled value (cons on 2019Q4)") for w in warnings), warnings
