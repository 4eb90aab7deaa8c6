"""A VECM whose criterion-chosen lag order makes Johansen's test find rank K is refused with the order, how it
was chosen, a smaller order that works, and the criterion's warning (review: the Danish data, 55 quarters of 5
variables, where AIC takes the largest order searched, 4, and the test then finds rank 5)."""

from __future__ import annotations

import pytest
from statsmodels.datasets import danish_data
from statsmodels.tsa.vector_ar.vecm import select_coint_rank

from studies.samples import as_quarterly
from varlib import InvalidInputError, ModelSpec, train_model

SPEC = ModelSpec(("lrm", "lry", "lpy", "ibo", "ide"), kind="vecm")


def danish():
    """All five series of Johansen and Juselius' Danish data (the review's CSV), 55 quarters."""
    return as_quarterly(danish_data.load_pandas().data, "danish")


def test_rank_k_at_the_aic_order_names_the_order_and_a_smaller_one_that_trains():
    dataset = danish()
    levels = dataset.frame[list(SPEC.variables)].to_numpy(dtype=float)
    assert select_coint_rank(levels, 0, 3, method="trace", signif=0.05).rank == 5  # the premise, at order 4
    assert select_coint_rank(levels, 0, 2, method="trace", signif=0.05).rank == 2  # and at order 3
    with pytest.raises(InvalidInputError) as refused:
        train_model(dataset, SPEC)
    text = str(refused.value)
    assert "at VAR order 4, chosen by aic (lags 1-4), the largest order searched, finds rank 5" in text
    assert "(as if the levels were stationary)" in text and "the levels look stationary" not in text
    order_3 = "order 3 (lags, CLI --lags 3; there the test finds rank 2)"
    assert f"{order_3} or the order BIC chooses, 1 (ic, CLI --ic bic)" in text
    assert text.index("CLI --lags 3") < text.index("force a rank from 1 to 4")
    assert "Note: aic chose the largest order searched (4)" in text
    assert refused.value.field == "coint_rank" and refused.value.value == 5  # part_fit's fallback reads them
    following = train_model(dataset, SPEC.with_(lags=3))
    assert following.params.coint_rank == 2
    assert train_model(dataset, SPEC.with_(ic="bic")).params.coint_rank == 3
