"""Integrated variables beside a stationary one get one coherent piece of advice. On Lütkepohl's e1 in levels
(1960Q1-1982Q4) income and consumption look integrated and investment stationary around a trend, and Johansen's
test finds no relation; the advice said both "differencing a stationary one throws its level away" and
"differences lose nothing", and never which variable trends, which the stability verdict defers to it for."""

from __future__ import annotations

from studies.samples import lutkepohl_e1
from varlib import ModelSpec, analyse_integration, train_model
from varlib.artifact import build_artifact
from varlib.diagnostics import diagnose
from varlib.trained_advice import trained_advice

ADVICE = (
    "income, cons look integrated (a unit root), while invest looks stationary around a linear trend: a transform"
    " differences every variable, which throws the level of invest away but costs income, cons nothing (Johansen's"
    " trace test, with a constant and 2 lagged differences, finds no cointegrating relation at 5%: no long-run link"
    " between them). Compare a VAR in levels (transform `none`, trend `ct`; it stays consistent with a unit root"
    " among its variables) and `logdiff` on the holdout."
)


def test_e1_in_levels_is_advised_which_variable_is_which_and_what_to_compare():
    dataset = lutkepohl_e1(end=None)
    result = train_model(dataset, ModelSpec(("invest", "income", "cons")))
    assert result.params.k_ar == 3  # premise: Johansen's test runs with 2 lagged differences
    assert trained_advice(result) == ADVICE  # `varlib train`'s `unit roots:` line
    stability = next(check for check in result.adequacy.checks if check.name == "stability")
    assert "series stationary around a trend (the unit-root advice says which)" in stability.verdict
    assert diagnose(build_artifact(result, "e1", "t")).integration_advice == ADVICE  # the Diagnostics advice
    assert "lose nothing" not in ADVICE


def test_relations_no_more_than_the_stationary_variables_keep_their_own_sentence():
    levels = lutkepohl_e1(end=None).frame.to_numpy(dtype=float)
    found = analyse_integration(levels, ["invest", "income", "cons"], k_ar=4)
    assert found.johansen is not None and found.johansen.rank == 1  # premise: invest's level is the relation
    assert found.advice.startswith(ADVICE.split(" but costs")[0] + ". Compare a VAR in levels (transform `none`,")
    assert found.advice.endswith(
        "Johansen's trace test (with a constant and 3 lagged differences) finds 1 cointegrating relation at 5%, no"
        " more than the stationary variables it tested (invest), each a relation by itself: no long-run link between"
        " income, cons is shown."
    )
