"""Integrated variables beside a stationary one get one coherent piece of advice. On Lütkepohl's e1 in levels
(1960Q1-1982Q4) income and consumption look integrated and investment stationary around a trend, and Johansen's
test finds no relation; the advice said both "differencing a stationary one throws its level away" and
"differences lose nothing", and never which variable trends, which the stability verdict defers to it for."""

from __future__ import annotations

from statsmodels.datasets import macrodata
from statsmodels.tsa.vector_ar.vecm import coint_johansen

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
    " among its variables) and `logdiff` (or `diff` if the values are logs already, or rates) on the holdout."
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


def test_rank_0_beside_a_variable_stationary_around_a_constant_is_said_to_contradict():
    """macrodata 1974Q1-1996Q2 (90 rows): unemp looks stationary around a constant, realgdp and realint integrated,
    and Johansen's test with a constant finds rank 0, where unemp's level alone is a stationary combination."""
    frame = macrodata.load_pandas().data.iloc[60:150]
    names = ["realgdp", "unemp", "realint"]
    found = analyse_integration(frame[names].to_numpy(dtype=float), names, k_ar=2)
    assert [(u.verdict, u.trending) for u in found.unit_roots][1] == ("stationary", False)  # premise
    trace = coint_johansen(frame[names].to_numpy(dtype=float), 0, 1)  # a constant, 1 lagged difference
    assert found.johansen is not None and found.johansen.rank == 0 and trace.lr1[0] < trace.cvt[0][1]
    assert found.advice == (
        "realgdp, realint look integrated (a unit root), while unemp looks stationary: a transform differences every"
        " variable, which throws the level of unemp away; Johansen's trace test, with a constant and 1 lagged"
        " difference, finds no cointegrating relation at 5%, which contradicts the unit-root tests: unemp, stationary"
        " around a constant, would be a relation by itself, so one of the tests errs (both are weak on few rows) and"
        " a long-run link between realgdp, realint is not ruled out. Compare a VAR in levels (transform `none`; it"
        " stays consistent with a unit root among its variables) and `diff` on the holdout."
    )
    assert "lose nothing" not in found.advice and "costs" not in found.advice
