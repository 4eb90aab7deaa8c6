"""A VECM's spec, lag order and rank: clear refusals, the VAR's sample-aware order search, Johansen's rank."""

from __future__ import annotations

import json
import warnings
from dataclasses import replace

import numpy as np
import pytest
from statsmodels.tsa.vector_ar.var_model import VAR
from statsmodels.tsa.vector_ar.vecm import coint_johansen, select_coint_rank, select_order

from tests.unit.test_vecm_forecast import E6, SIMULATED
from varlib import ConflictError, InvalidInputError, ModelSpec, default_max_lags
from varlib.artifact import _canonical, _digest, build_artifact, decode, encode
from varlib.catalog.cards import Card
from varlib.catalog.shape import check_shape
from varlib.kinds import get_kind
from varlib.model_space import DETERMINISTIC, TRENDS
from varlib.vecm_model import DET_ORDER, LEVELS_TREND
from varlib.versions import Version
from varlib.wording import DETERMINISTIC_WORDS, TREND_WORDS

NAMES = ("y1", "y2", "y3")


@pytest.mark.parametrize(
    "options, message",
    [
        ({"kind": "vecm", "transform": "diff"}, "transform 'diff' does not fit a VECM.*differenced twice"),
        ({"kind": "vecm", "transform": "logdiff"}, "use transform 'none' or 'log'"),
        ({"kind": "vecm", "trend": "ct"}, "trend 'ct' is a VAR option.*--deterministic"),
        ({"kind": "vecm", "deterministic": "cc"}, "deterministic 'cc' is not one of n, co, ci, lo, li"),
        ({"kind": "vecm", "coint_rank": 3}, "rank 3 must be a whole number from 1 to 2 for 3 variables"),
        ({"kind": "vecm", "coint_rank": 0}, r"rank 0 .*rank 0 is a VAR in differences.*in levels: model 'var'\)"),
        (
            {"coint_rank": 1},
            r"coint_rank 1 \(CLI --coint-rank\) is an option of model kind 'vecm' \(CLI --model vecm\)",
        ),
        (
            {"deterministic": "co"},
            r"deterministic 'co' \(CLI --deterministic\) is an option of model kind 'vecm'.*trend",
        ),
        ({"transform": "log"}, "transform 'log' is not one of none, diff, logdiff for a VAR"),
        ({"kind": "tvp"}, "model kind 'tvp' is not one of var, vecm"),
    ],
)
def test_options_a_kind_does_not_take_are_refused_by_name(options, message):
    with pytest.raises(InvalidInputError, match=message):
        ModelSpec(variables=NAMES, **options)


def test_a_vecm_spec_defaults_to_a_constant_outside_and_a_tested_rank():
    spec = ModelSpec(variables=NAMES, kind="vecm")
    assert (spec.deterministic, spec.coint_rank, spec.deterministic_terms) == ("co", None, "co")
    assert ModelSpec.from_dict(spec.to_dict()) == spec
    assert ModelSpec(variables=NAMES).deterministic_terms == "c"  # a VAR's terms are its trend
    assert [ModelSpec(variables=NAMES, kind="vecm", deterministic=d).lag_rule_trend for d in ("n", "ci", "coli")] == [
        "n",
        "c",
        "ct",
    ]


def test_deterministic_terms_are_said_in_words_with_their_code():
    assert ModelSpec(variables=NAMES, kind="vecm", deterministic="coli").deterministic_words == (
        "constant outside, trend inside (coli)"
    )
    assert ModelSpec(variables=NAMES, trend="ct").deterministic_words == "constant + linear trend (ct)"
    assert set(DETERMINISTIC_WORDS) == set(DETERMINISTIC) and set(TREND_WORDS) == set(TRENDS)


def test_the_order_search_is_the_vars_on_levels_with_the_same_sample_aware_maximum():
    kind = get_kind("vecm")
    spec = ModelSpec(variables=NAMES, kind="vecm", deterministic="colo")
    fit = kind.fit(SIMULATED, spec, assess=False)
    n, k = SIMULATED.shape
    assert fit.selection.max_lags == default_max_lags(n, k, "ct")  # the VAR's rule, trend of the levels VAR
    ics = VAR(SIMULATED).select_order(fit.selection.max_lags, trend="ct").ics
    aic = [row["aic"] for row in fit.selection.table]
    np.testing.assert_allclose(aic, ics["aic"][1:], rtol=1e-10)  # lags 1.. (no VAR(0))
    assert fit.params.k_ar == fit.selection.selected["aic"] and fit.params.lagged_differences == fit.params.k_ar - 1


@pytest.mark.parametrize("deterministic", ["n", "co", "ci", "colo", "cili"])
def test_the_criteria_choose_what_statsmodels_vecm_select_order_chooses(deterministic):
    """JMulTi searched up to 10 lagged differences: a VAR order up to 11 in levels here."""
    spec = ModelSpec(variables=("Dp", "R"), kind="vecm", deterministic=deterministic, max_lags=11, coint_rank=1)
    fit = get_kind("vecm").fit(E6, spec, assess=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = select_order(E6, 10, deterministic=deterministic)
    for ic in ("aic", "bic", "hqic", "fpe"):
        assert fit.selection.selected[ic] - 1 == getattr(reference, ic), ic


@pytest.mark.parametrize("deterministic", DETERMINISTIC)
def test_the_rank_by_default_is_johansens_trace_test_at_5_percent(deterministic):
    spec = ModelSpec(variables=NAMES, kind="vecm", deterministic=deterministic, lags=2)
    reference = select_coint_rank(SIMULATED, DET_ORDER[deterministic], 1, method="trace", signif=0.05)
    if reference.rank == 0:  # without deterministic terms these drifting series show no relation
        with pytest.raises(InvalidInputError, match="no cointegrating relation"):
            get_kind("vecm").fit(SIMULATED, spec, assess=False)
        spec = spec.with_(coint_rank=1)
    params = get_kind("vecm").fit(SIMULATED, spec, assess=False).params
    assert params.coint_rank == max(reference.rank, 1) == 1
    johansen = coint_johansen(SIMULATED, DET_ORDER[deterministic], 1)
    assert np.array_equal(params.johansen.trace, johansen.lr1) and np.array_equal(
        params.johansen.max_eigen, johansen.lr2
    )
    assert np.array_equal(np.asarray(params.johansen.trace_critical), johansen.cvt)
    assert LEVELS_TREND[deterministic] == params.var.trend


def test_no_relation_or_stationary_levels_are_refused_with_the_way_forward():
    rng = np.random.default_rng(3)
    walks = np.cumsum(rng.normal(size=(200, 2)), axis=0)
    spec = ModelSpec(variables=("a", "b"), kind="vecm", lags=2)
    none = r"at VAR order 2 \(fixed\) finds no cointegrating relation.*VAR in differences fits them \(model 'var',"
    none += r" transform 'diff' or 'logdiff'\); or force rank 1 "
    with pytest.raises(InvalidInputError, match=none):
        get_kind("vecm").fit(walks, spec)
    full = r"as if the levels were stationary.*VAR in levels \(model 'var'\) fits.*force rank 1 "
    with pytest.raises(InvalidInputError, match=full):
        get_kind("vecm").fit(rng.normal(size=(200, 2)), spec)
    three = ModelSpec(variables=("a", "b", "c"), kind="vecm", lags=2)
    with pytest.raises(InvalidInputError, match=r"as if the levels were stationary.*force a rank from 1 to 2 "):
        get_kind("vecm").fit(rng.normal(size=(200, 3)), three)
    forced = get_kind("vecm").fit(walks, spec.with_(coint_rank=1), assess=False).params
    assert forced.coint_rank == 1 and forced.rank_method == "fixed"


def test_the_training_checks_say_a_vecm_has_k_minus_r_unit_roots():
    spec = ModelSpec(variables=NAMES, kind="vecm", lags=2)
    fit = get_kind("vecm").fit(SIMULATED, spec)
    stability = next(check for check in fit.adequacy.checks if check.name == "stability")
    assert stability.ok and "3 variables with cointegration rank 1: 2 eigenvalues" in stability.verdict
    assert "are exactly 1 (the 2 common stochastic trends" in stability.verdict


def test_a_schema_1_artifact_still_loads(macro_result):
    artifact = replace(build_artifact(macro_result, "var", "tester"), version=Version(0, 0, 1))
    body = json.loads(encode(artifact))
    body.pop("checksum")
    body["schema_version"] = 1
    for field in ("deterministic", "coint_rank"):
        body["spec"].pop(field)
    body["checksum"] = "sha256:" + _digest(body)
    loaded = decode(_canonical(body).encode())
    assert loaded.spec == artifact.spec and np.array_equal(loaded.params.coefs, artifact.params.coefs)


def test_the_name_guard_treats_the_kind_as_part_of_the_shape(macro_result):
    from varlib import load_dataset, train_model

    var = replace(build_artifact(macro_result, "macro", "tester"), version=Version(0, 0, 1))
    dataset = load_dataset()
    vecm = build_artifact(
        train_model(dataset, ModelSpec(variables=tuple(dataset.variables), kind="vecm")), "macro", "tester"
    )
    with pytest.raises(ConflictError, match="kind var -> vecm.*major version"):
        check_shape(var, vecm, "minor")
    check_shape(var, vecm, "major")  # a major version may change it
    card = Card.from_artifact(vecm)
    assert card.kind == "vecm" and card.trend == "co" and card.model.startswith("VECM of cointegration rank 1")


def test_one_variable_is_refused_in_words_that_fit_a_vecm():
    """It said "a VAR needs at least 2 variables" to a VECM asked for."""
    with pytest.raises(InvalidInputError, match=r"^a VAR or VECM needs at least 2 variables; got only realgdp"):
        ModelSpec(("realgdp",), kind="vecm")
