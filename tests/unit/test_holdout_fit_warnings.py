"""The holdout's scores come from a fit on the rows before it, whose own lag search can end at the edge of its
range: said like the whole sample's warnings, naming those rows (it was dropped, so the scores of a VAR(10) on 62
rows read as the VAR(5) trained)."""

from __future__ import annotations

from varlib import ModelSpec, load_dataset, train_model


def test_the_holdout_fit_at_the_largest_order_searched_is_warned():
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"], start="1960Q1", end="1979Q4")
    result = train_model(dataset, ModelSpec(tuple(dataset.variables)))
    assert result.params.k_ar == 5 and result.evaluation is not None and result.evaluation.k_ar == 10
    assert "On the 72 rows before the holdout (the fit it scores), aic chose the largest order searched (10)" in (
        "\n".join(result.warnings)
    )
    assert not any("largest order searched (5)" in w for w in result.warnings)  # the whole sample's is no edge


def test_a_holdout_fit_without_warnings_adds_none():
    dataset = load_dataset(variables=["realgdp", "realcons"])
    result = train_model(dataset, ModelSpec(tuple(dataset.variables), transform="logdiff"))
    assert not any(w.startswith("On the ") and "before the holdout" in w for w in result.warnings)
