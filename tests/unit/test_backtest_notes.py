"""What a backtest says it did: the lag order and a VECM's rank fitted at each origin, origins fitted on thin
samples, and a median scored for a model fitted on logs (review: the CLI, the page and the report said none of
it, and the report left out the backtest's notes)."""

from __future__ import annotations

import numpy as np
from statsmodels.tsa.vector_ar.vecm import coint_johansen

from varlib import ModelSpec, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.backtest import backtest
from varlib.backtest_notes import MEDIAN_NOTE, by_origin
from varlib.data import Dataset
from varlib.diagnostics import diagnose
from varlib.report import render_report

QUARTERS = [f"{y}Q{q}" for y in (2005, 2006) for q in (1, 2, 3, 4)]


def test_values_by_origin_name_each_run_of_neighbours_in_time():
    assert by_origin("lag order", [2, 2, 2], QUARTERS) == "lag order 2 at every origin"
    assert by_origin("lag order", [2], QUARTERS) == "lag order 2"
    assert by_origin("rank", [2, 2, 1, 2], QUARTERS) == "ranks 2 at 2005Q1–2005Q2 and 2005Q4 and 1 at 2005Q3"


def _macro(*variables: str) -> Dataset:
    return load_dataset(variables=list(variables), start="1994Q4", end="2009Q3")  # 60 quarters


def test_a_vecm_backtest_names_the_rank_its_test_chose_at_each_origin_and_the_median_it_scored():
    spec = ModelSpec(("realgdp", "realcons", "realinv"), kind="vecm", transform="log", lags=2, holdout=0)
    artifact = build_artifact(train_model(_macro(*spec.variables), spec.with_(lags=None)), "v", "t")
    result = backtest(artifact, origins=8, horizon=4, lag_policy="reselect")
    logs = np.log(artifact.data.values)
    cuts = range(len(logs) - 4 - 8 + 1, len(logs) - 4 + 1)
    for n, cut in enumerate(cuts):  # statsmodels' own trace test at 5% on each origin's rows, with its order
        test = coint_johansen(logs[:cut], 0, result.lag_orders[n] - 1)
        rank = next((r for r in range(3) if test.lr1[r] < test.cvt[r, 1]), 3)
        assert result.ranks[n] == (rank if 0 < rank < 3 else artifact.params.coint_rank), n
    assert len(set(result.ranks)) > 1  # the premise: the rank moves between origins
    assert by_origin("cointegration rank", result.ranks, result.periods) in result.summary()
    assert result.to_dict()["coint_ranks"] == list(result.ranks) and result.point == "median"
    assert MEDIAN_NOTE in result.notes
    page = render_report(artifact, diagnose(artifact), backtest=result)
    assert result.summary() in page and all(note.replace("'", "&#x27;") in page for note in result.notes)


def test_origins_fitted_on_thin_samples_are_named_with_their_degrees_of_freedom():
    spec = ModelSpec(("realgdp", "realcons"), transform="logdiff", lags=8, holdout=0)
    artifact = build_artifact(train_model(_macro(*spec.variables), spec), "m", "t")
    result = backtest(artifact, origins=20, horizon=4)
    # 59 growth rows; origin n is fitted on 36 + n of them less 8 presample, 17 coefficients per equation
    rows = [36 + n - 8 for n in range(20)]
    thin = [n for n in range(20) if rows[n] - 17 < rows[n] / 2]
    assert thin == list(range(thin[-1] + 1)) and 1 < len(thin) < 20  # the premise: some, the earliest
    note = next(n for n in result.notes if "residual degrees of freedom" in n)
    where = f"{result.periods[0]}–{result.periods[thin[-1]]}"
    df = f"{rows[0] - 17}-{rows[thin[-1]] - 17}"
    assert note.startswith(f"At origins {where} the model is estimated with {df} residual degrees of freedom"), note
    assert f"from {rows[0]}-{rows[thin[-1]]} rows" in note and MEDIAN_NOTE in result.notes
    assert result.summary().startswith(f"20 origins from {result.periods[0]} to {result.periods[-1]}")
    levels = build_artifact(train_model(_macro(*spec.variables), spec.with_(transform="none", lags=1)), "l", "t")
    plain = backtest(levels, origins=2)
    assert plain.notes == () and plain.point == "mean" and "coint_ranks" not in plain.to_dict()
