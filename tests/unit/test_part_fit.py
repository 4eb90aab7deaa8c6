"""A VECM whose rank Johansen's test chose: a part of its sample (the rows before a holdout, a backtest
origin) whose own test finds a rank no VECM can have is fitted with the whole sample's rank and says so,
instead of refusing the training or the whole backtest."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from statsmodels.tsa.vector_ar.vecm import coint_johansen

from tests.unit.test_vecm_forecast import E6
from varlib import InvalidInputError, ModelSpec, train_model
from varlib.artifact import build_artifact
from varlib.backtest import backtest
from varlib.data import Dataset, period_labels

SPEC = ModelSpec(("Dp", "R"), kind="vecm", lags=4)  # rank by Johansen's test at 5%, holdout 10%


def _dataset() -> Dataset:
    index = pd.date_range("1972-04-01", periods=len(E6), freq="QS", name="date")
    return Dataset("e6", pd.DataFrame(E6, index=index, columns=["Dp", "R"]), "0" * 64)


def _rank(levels: np.ndarray) -> int:
    """statsmodels' trace-test rank at 5% with 3 lagged differences and a constant."""
    result = coint_johansen(levels, 0, 3)
    return next((r for r in range(2) if result.lr1[r] < result.cvt[r, 1]), 2)


def test_the_holdout_part_is_fitted_with_the_whole_samples_rank_and_the_warning_says_so():
    assert (_rank(E6), _rank(E6[:-11])) == (1, 2)  # the premise: all 107 rows give 1, the 96 before the holdout 2
    result = train_model(_dataset(), SPEC)
    assert result.params.coint_rank == 1 and result.evaluation is not None
    assert result.warnings[-1] == (
        "On the training part before the 11-row holdout, Johansen's trace test finds 2 cointegrating relations,"
        " a rank no VECM of 2 variables can have; it was fitted with the rank the whole sample's test chose, 1."
    )
    fixed = train_model(_dataset(), SPEC.with_(coint_rank=1))
    np.testing.assert_allclose(result.evaluation.forecast, fixed.evaluation.forecast)


def test_a_whole_sample_without_a_usable_rank_is_still_refused():
    shorter = Dataset("e6", _dataset().frame.iloc[:-11], "0" * 64)  # its whole sample gives rank 2 of 2
    with pytest.raises(InvalidInputError, match="finds rank 2 at 5%"):
        train_model(shorter, SPEC.with_(holdout=0))


def test_reselecting_origins_whose_test_fails_keep_the_versions_rank_and_one_note_names_them():
    artifact = build_artifact(train_model(_dataset(), SPEC.with_(lags=None, max_lags=4, holdout=0)), "e6", "tester")
    result = backtest(artifact, origins=12, horizon=4, lag_policy="reselect")
    cuts = range(len(E6) - 4 - 12 + 1, len(E6) - 4 + 1)
    labels = period_labels([artifact.data.dates[cut - 1] for cut in cuts], artifact.data.frequency)
    failing = [n for n, cut in enumerate(cuts) if _rank(E6[:cut]) != 1]
    runs: list[list[int]] = []  # neighbouring origins are named as one span, 1980Q1–1981Q2
    for n in failing:
        runs.append([n]) if not runs or n != runs[-1][-1] + 1 else runs[-1].append(n)
    named = [labels[r[0]] if len(r) == 1 else f"{labels[r[0]]}–{labels[r[-1]]}" for r in runs]
    assert failing and len(result.notes) == 1 and "Q" in named[0]  # named by period, as the page's caption
    where = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    assert f"the training part of origins {where}," in result.notes[0], (result.notes[0], where)
    assert result.to_dict()["notes"] == list(result.notes)
    assert result.ranks == (1,) * 12 and result.to_dict()["coint_ranks"] == [1] * 12  # the version's where it failed
