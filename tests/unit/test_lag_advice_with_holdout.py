"""A refusal for too many lags offers an order that the holdout fit that follows accepts too (review: 20 rows
with --lags 8 said "at most 3 here", and --lags 3 was then refused by the fit before the 2-row holdout)."""

from __future__ import annotations

import re

import pytest

from varlib import InvalidInputError, ModelSpec, load_dataset, train_model
from varlib.lag_order import Sample, check_order

VARIABLES = ("realgdp", "realcons")


def _last_20():
    frame = load_dataset(variables=list(VARIABLES)).frame.iloc[-20:]
    return load_dataset(frame.rename_axis("date").to_csv().encode(), csv_name="short20.csv")


def test_following_the_refusals_at_most_trains_with_the_holdout_and_the_other_way_is_named():
    dataset = _last_20()
    with pytest.raises(InvalidInputError) as refused:
        train_model(dataset, ModelSpec(VARIABLES, lags=8))
    text = str(refused.value)
    assert "at most 2 here, as the fit before the 2-row holdout needs, or at most 3 with no holdout" in text
    assert "(--holdout 0; dashboard: Holdout fraction)" in text
    fewer = int(re.search(r"at most (\d+) here", text).group(1))
    assert train_model(dataset, ModelSpec(VARIABLES, lags=fewer)).evaluation is not None
    most = int(re.search(r"at most (\d+) with no holdout", text).group(1))
    assert train_model(dataset, ModelSpec(VARIABLES, lags=most, holdout=0)).params.k_ar == most


def test_the_part_before_the_holdout_names_the_holdout_when_lowering_it_is_enough():
    with pytest.raises(InvalidInputError) as refused:
        train_model(_last_20(), ModelSpec(VARIABLES, lags=3))
    assert str(refused.value).endswith(
        "use fewer lags (at most 2 here) or at least 20 usable rows, or lower the holdout, which takes 2 rows"
        " (--holdout 0; dashboard: Holdout fraction)"
    )


def test_without_a_holdout_the_refusal_is_unchanged():
    with pytest.raises(InvalidInputError, match=r"use fewer lags \(at most 3 here\) or at least 35 usable rows$"):
        check_order(20, 2, 8, "c", Sample("the training sample"))
