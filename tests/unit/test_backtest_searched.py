"""Re-selection's search range at each backtest origin: `search_range` cuts the spec's max lags on an early origin's
fewer rows, and the summary says where, so that a cap is not read as a change of the chosen order; an origin whose
criterion chose the top of its cut range gets a note (review: the summary named the orders only)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from varlib import ModelSpec, train_model
from varlib.artifact import Artifact, build_artifact
from varlib.backtest import backtest
from varlib.backtest_file import backtest_file_table
from varlib.backtest_notes import by_origin, span
from varlib.backtest_orders import capped_note, searched_words
from varlib.data import Dataset
from varlib.lag_order import search_range

QUARTERS = [f"{y}Q{q}" for y in (2005, 2006) for q in (1, 2, 3, 4)]
ROWS, ORIGINS, HORIZON = 40, 8, 4


def short_var(rows: int = ROWS, seed: int = 1) -> Dataset:
    """`rows` quarters of a VAR(3) of three variables: few enough rows that an early origin cannot search 6 lags."""
    rng = np.random.default_rng(seed)
    a1 = np.array([[0.5, 0.1, 0.0], [0.2, 0.4, 0.1], [0.0, 0.2, 0.3]])
    x = np.zeros((rows + 50, 3))
    for t in range(3, rows + 50):  # the first 50 rows are a burn-in
        x[t] = a1 @ x[t - 1] + 0.2 * x[t - 3] + rng.normal(size=3)
    index = pd.date_range("2000-01-01", periods=rows, freq="QS")
    return Dataset("short", pd.DataFrame(x[50:] + 10, columns=["a", "b", "c"], index=index), "0" * 64, "QS-JAN")


def _version(max_lags: int) -> Artifact:
    return build_artifact(train_model(short_var(), ModelSpec(("a", "b", "c"), max_lags=max_lags, holdout=0)), "s", "t")


def _maxima(artifact: Artifact) -> tuple[int, ...]:
    """search_range's own maximum on each origin's rows (levels: the model space has every row)."""
    cuts = range(ROWS - HORIZON - ORIGINS + 1, ROWS - HORIZON + 1)
    return tuple(search_range(cut, 3, artifact.spec, "the rows")[0] for cut in cuts)


def test_a_search_range_that_grows_with_the_origins_is_named_by_period():
    artifact = _version(6)
    result = backtest(artifact, ORIGINS, HORIZON, "reselect")
    p = result.periods
    said = f"lags searched up to 4 at {p[0]}–{p[1]}, 5 at {p[2]}–{p[5]} and 6 at {p[6]}–{p[7]}"
    assert f"{said} (max lags 6, cut at origins with too few rows for it)" in result.summary(), result.summary()
    assert result.searched == _maxima(artifact) == (4, 4, 5, 5, 5, 5, 6, 6)  # the premise: cut early, not late
    assert result.to_dict()["max_lags_searched"] == [4, 4, 5, 5, 5, 5, 6, 6]
    table = backtest_file_table(result)  # the page's CSV: each origin's maximum, as its lag order is given
    assert list(table.columns[3:5]) == ["lag_order", "max_lags_searched"]
    assert set(table["max_lags_searched"]) == {"4 4 5 5 5 5 6 6"}
    # the criterion took 5 where only 5 could be searched: the top of a cut range, not a free choice
    capped = [
        n for n, (order, top) in enumerate(zip(result.lag_orders, result.searched, strict=True)) if order == top < 6
    ]
    assert capped == [3, 4, 5], result.lag_orders
    note = next(n for n in result.notes if "largest order" in n)
    assert note.startswith(
        f"At origins {p[3]}–{p[5]} the criterion chose the largest order the rows there let it search (5, below"
        " max lags 6): the best order there may be larger"
    ), note


def test_a_search_range_alike_at_every_origin_adds_nothing():
    artifact = _version(4)
    result = backtest(artifact, ORIGINS, HORIZON, "reselect")
    assert result.searched == _maxima(artifact) == (4,) * ORIGINS  # the spec's own maximum fits every origin
    p = result.periods
    assert result.summary() == f"{span(p)}, {by_origin('lag order', result.lag_orders, p)}"
    assert not [n for n in result.notes if "largest order" in n] and 4 in result.lag_orders  # at its top, uncut
    fixed = backtest(artifact, ORIGINS, HORIZON)
    assert fixed.searched == () and "max_lags_searched" not in fixed.to_dict() and "searched" not in fixed.summary()
    assert set(backtest_file_table(result)["max_lags_searched"]) == {4}  # one maximum: one number
    assert "max_lags_searched" not in backtest_file_table(fixed)  # nothing was searched


def test_the_words_of_a_default_maximum_and_of_one_cut_at_every_origin():
    default = "the default maximum, set by the rows at each origin"
    assert searched_words((3, 3, 4), None, QUARTERS) == [
        f"lags searched up to 3 at 2005Q1–2005Q2 and 4 at 2005Q3 ({default})"
    ]
    every = "lags searched up to 4 at every origin (max lags 6, cut to what the rows allow)"
    assert searched_words((4, 4), 6, QUARTERS) == [every]
    assert searched_words((4, 4), 4, QUARTERS) == searched_words((4, 4), None, QUARTERS) == []
    assert searched_words((), 6, QUARTERS) == capped_note((2, 2), (), 6, QUARTERS) == []
    (note,) = capped_note((3, 2, 4), (3, 4, 4), None, QUARTERS)
    assert note.startswith("At origin 2005Q1 the criterion chose the largest order the rows there let it search (3,"
                           " below the 4 searched where there were more rows)")  # fmt: skip
