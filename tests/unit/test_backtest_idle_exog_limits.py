"""The backtest's settings check counts the exogenous columns the first origin's fit estimates, as that fit
(part_fit) does: a dummy that moves only in the last quarters takes no degrees of freedom there. Counting it refused
settings that run, and stated a limit one below the real one."""

import sys

import pytest

from tests.support.calm_dummy import quarters_calm_until
from varlib import ModelSpec, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.backtest import backtest, check_backtest
from varlib.errors import InvalidInputError


def _artifact(lags: int | None):
    """40 quarters of a VAR(1) of 2 variables in levels, with `calm`: 1 until the last 3 rows, then 0."""
    data = quarters_calm_until(40)
    spec = ModelSpec(("a", "b"), lags=lags, max_lags=None if lags else 1, exog=("calm",), holdout=0)
    return build_artifact(train_model(load_dataset(data, variables=["a", "b", "calm"]), spec), "varx", "tester")


@pytest.mark.parametrize(("lags", "policy"), [(1, "fixed"), (None, "reselect")])
def test_the_check_allows_what_runs_and_states_the_real_limit(lags, policy, monkeypatch):
    # 23 origins at horizon 4 leave the first origin 14 rows, on which calm is 1: a VAR(1) without it keeps 10
    # residual degrees of freedom, the minimum
    artifact = _artifact(lags)
    assert check_backtest(artifact, 23, 4, policy) == (23, 4)
    result = backtest(artifact, 23, 4, policy)
    assert result.lag_orders[0] == 1 and any("calm is 1 on every row" in note for note in result.notes)
    with pytest.raises(InvalidInputError) as caught:  # one more leaves it 13 rows
        check_backtest(artifact, 24, 4, policy)
    message = str(caught.value)
    assert "has 13 usable rows" in message and "(it needs 14 rows)" in message, message
    assert message.endswith("(origins + horizon at most 27, e.g. 23 origins at horizon 4)"), message
    # and the refits, unchecked, refuse it too: the limit is the run's
    monkeypatch.setattr(sys.modules["varlib.backtest"], "check_backtest", lambda a, o, h, p: (o, h))
    with pytest.raises(InvalidInputError, match="training part of origin 1 has 13 usable rows"):
        backtest(artifact, 24, 4, policy)
