"""A backtest origin whose refit explodes is refused in a backtest's words: the origin, its period and rows, and
what to change (a shorter horizon or fewer origins), not the forecast's advice about lag inputs no one typed."""

import pytest

from varlib import ModelSpec, load_dataset
from varlib.artifact import build_artifact
from varlib.backtest import backtest
from varlib.data import Dataset
from varlib.errors import InvalidInputError
from varlib.training import train


def test_an_explosive_origin_is_named_with_what_to_change():
    # the last 100 quarters of macrodata (1984Q4 to 2009Q3); a VECM in logs refitted on the first origins' 19-30
    # rows explodes, and 40 steps ahead its levels underflow to zero
    frame = load_dataset(variables=["realgdp", "realcons", "realinv"]).frame.iloc[-100:]
    spec = ModelSpec(variables=tuple(frame.columns), kind="vecm", transform="log", lags=2, coint_rank=1, holdout=0)
    artifact = build_artifact(train(Dataset("last100", frame, "0" * 64), spec), "bt", "tester")
    with pytest.raises(InvalidInputError) as caught:
        backtest(artifact, origins=42, horizon=40)
    message = str(caught.value)
    assert message.startswith("the model refitted at origin 7 of 42 (on the 25 rows up to 1990Q4) has no usable")
    assert "underflows to zero" in message and "within 40 steps" in message
    assert "use a shorter horizon or fewer origins" in message
    assert "lag inputs" not in message and "realistic size" not in message  # the forecast's words, for typed inputs
    assert caught.value.field == "horizon" and caught.value.value == 40
    assert backtest(artifact, origins=42, horizon=30).horizon == 30  # the advice works
