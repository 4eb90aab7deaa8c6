"""The criterion searches from order 1, so BIC's and HQ's preference for order 0 on e1's growth rates was hidden:
the VAR(1) came with no word, where a choice at the top of the search is warned. A choice at the bottom that hides
a preference for 0 is now said, with the option that shows it; the default minimum stays 1."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.tsa.vector_ar.var_model import VAR

from studies.samples import lutkepohl_e1
from varlib import ModelSpec, train_model

E1 = lutkepohl_e1(end=None)  # 92 quarters: 91 log differences
SPEC = ModelSpec(("invest", "income", "cons"), transform="logdiff", holdout=0)


def _below(result) -> list[str]:
    return [warning for warning in result.warnings if "smallest order searched" in warning]


@pytest.mark.parametrize("ic", ["bic", "hqic"])
def test_a_criterion_that_prefers_order_0_below_the_search_says_so(ic):
    result = train_model(E1, SPEC.with_(ic=ic))
    growth = np.diff(np.log(E1.frame.to_numpy(dtype=float)), axis=0)
    assert VAR(growth).select_order(result.selection.max_lags, trend="c").selected_orders[ic] == 0  # statsmodels
    assert result.params.k_ar == 1 and result.selection.table[0]["lag"] == 1  # the search and the fit are unchanged
    assert _below(result) == [
        f"{ic} chose the smallest order searched (1), but prefers no lags at all below it: the log differences look"
        " like noise around a constant, so the VAR(1)'s dynamics may be noise too; the search starts at 1 unless"
        " asked to start at 0 (CLI --min-lags 0, dashboard: Let the criterion choose 0 lags)"
    ]


def test_a_criterion_whose_minimum_is_inside_the_search_or_that_searched_0_says_nothing_of_it():
    assert _below(train_model(E1, SPEC.with_(ic="aic"))) == []  # AIC chooses 2
    from_zero = train_model(E1, SPEC.with_(ic="bic", min_lags=0))
    assert _below(from_zero) == [] and any("bic prefers no lags at all" in w for w in from_zero.warnings)
