"""A holdout whose fit explodes is refused in the holdout's words: the rows before it, their last period, and what
to change (a smaller holdout or another lag order), not the forecast's advice about lag inputs no one typed."""

import pytest

from varlib import ModelSpec, load_dataset
from varlib.data import Dataset
from varlib.errors import InvalidInputError
from varlib.training import train


def _train(holdout: float, lags: int = 2):
    # 50 quarters of macrodata (1984Q4 to 1997Q1): a VECM in logs fitted on the first 25 explodes, and 25 steps
    # ahead its levels underflow to zero
    frame = load_dataset(variables=["realgdp", "realcons", "realinv"]).frame.iloc[-100:].iloc[:50]
    spec = ModelSpec(tuple(frame.columns), kind="vecm", transform="log", lags=lags, coint_rank=1, holdout=holdout)
    return train(Dataset("first50", frame, "0" * 64), spec)


def test_an_explosive_holdout_fit_is_named_with_what_to_change():
    with pytest.raises(InvalidInputError) as caught:
        _train(0.5)
    message = str(caught.value)
    assert message.startswith(
        "the model fitted on the 25 rows before the 25-row holdout (up to 1990Q4) has no usable forecast: it"
        " underflows to zero, which a log model never gives, within 25 steps"
    ), message
    assert "use a smaller holdout (CLI --holdout, dashboard: Holdout fraction)" in message
    assert "another lag order (CLI --lags)" in message
    assert "lag inputs" not in message and "realistic size" not in message  # the forecast's words, for typed inputs
    assert caught.value.field == "holdout" and caught.value.value == 0.5
    assert _train(0.45).evaluation.rows == 23  # the advice works: a smaller holdout
    assert _train(0.5, lags=3).evaluation.rows == 25  # or another lag order
