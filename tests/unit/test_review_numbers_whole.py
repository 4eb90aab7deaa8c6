"""One whole-number check (varlib.whole_numbers) behind every count a caller gives: True and False are refused,
numpy integers are taken as the ints they are, and each refusal names the value and its field."""

from __future__ import annotations

import numpy as np
import pytest

from varlib import InvalidInputError, ModelSpec, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.backtest import check_backtest
from varlib.diagnostics.arch import check_arch_lags
from varlib.diagnostics.var import check_irf_periods, check_whiteness_lags
from varlib.forecast_inputs import check_steps
from varlib.whole_numbers import whole_number

VARIABLES = ("realgdp", "realcons")


@pytest.fixture(scope="module")
def artifact(macro_result):
    return build_artifact(macro_result, "var", "tester")


@pytest.mark.parametrize(
    "options, words, field",
    [
        ({"lags": True}, "lag order True must be a whole number from 1 to 100", "lags"),
        ({"lags": np.int64(0)}, "lag order 0 must be a whole number from 1 to 100", "lags"),  # not np.int64(0)
        ({"lags": 101}, "lag order 101 must be a whole number from 1 to 100", "lags"),
        ({"max_lags": False}, "max lags False must be a whole number from 1 to 100", "max_lags"),
        ({"min_lags": True}, "min lags True must be 0 or 1", "min_lags"),
        (
            {"kind": "vecm", "coint_rank": True},
            "cointegration rank True must be a whole number from 1 to 1",
            "coint_rank",
        ),
    ],
)
def test_a_spec_refuses_true_and_false_and_names_the_field(options, words, field):
    with pytest.raises(InvalidInputError) as refused:
        ModelSpec(variables=VARIABLES, **options)
    assert str(refused.value).startswith(words), refused.value
    assert refused.value.field == field


def test_numpy_integers_are_taken_as_ints_and_train():
    spec = ModelSpec(variables=VARIABLES, lags=np.int64(2), max_lags=np.int32(8), min_lags=np.int64(1))
    assert (spec.lags, spec.max_lags, spec.min_lags) == (2, 8, 1)
    assert all(type(value) is int for value in (spec.lags, spec.max_lags, spec.min_lags))
    assert spec.to_dict()["lags"] == 2 and type(spec.to_dict()["lags"]) is int
    assert train_model(load_dataset(), spec.with_(holdout=0)).params.k_ar == 2
    rank = ModelSpec(variables=VARIABLES, kind="vecm", coint_rank=np.int64(1)).coint_rank
    assert rank == 1 and type(rank) is int


def test_the_backtest_refuses_with_its_field_and_takes_numpy_integers(artifact):
    for origins, horizon, field in ((True, 4, "origins"), (8, np.int64(0), "horizon")):
        with pytest.raises(InvalidInputError) as refused:
            check_backtest(artifact, origins, horizon)
        assert refused.value.field == field
    with pytest.raises(InvalidInputError, match=r"^backtest horizon 0 must be a whole number from 1 to 40$"):
        check_backtest(artifact, 8, np.int64(0))
    assert check_backtest(artifact, np.int64(4), np.int32(2)) == (4, 2)


def test_forecast_and_diagnostic_counts_share_the_check(artifact):
    assert type(check_steps(np.int64(3))) is int
    with pytest.raises(InvalidInputError, match=r"^steps True must be a whole number from 1 to 400$"):
        check_steps(True)
    assert check_irf_periods(np.int64(5)) == 5
    with pytest.raises(InvalidInputError, match=r"^impulse-response horizon 0 must be a whole number from 1"):
        check_irf_periods(np.int64(0))
    assert check_arch_lags(np.int64(2), 100) == 2
    with pytest.raises(InvalidInputError, match=r"^ARCH lags 1\.5 must be a whole number from 1 to \d+ \(100"):
        check_arch_lags(1.5, 100)
    assert check_whiteness_lags(np.int64(6), 2, 100) == 6
    with pytest.raises(InvalidInputError, match=r"^whiteness lags False must be a whole number above the lag order"):
        check_whiteness_lags(False, 2, 100)


def test_the_helper_returns_an_int_and_refuses_what_is_no_whole_number():
    assert whole_number(np.uint8(3), 1, 5, "n") == 3
    for bad in (True, 2.0, "3", None, 0, 6):
        with pytest.raises(InvalidInputError, match=r"^n .* must be a whole number from 1 to 5$") as refused:
            whole_number(bad, 1, 5, "n", "count")
        assert refused.value.field == "count" and refused.value.value == bad
