"""Conditions each plausible but jointly impossible are flagged (review): macrodata's realint is tbilrate - infl,
so tbilrate 2, infl 1 and realint 0.5 at 2005Q1 (each within 2 sd of the forecast without conditions) drew infl
33 and realint -34 a quarter later without a word. The joint distance d2 = (c - yhat_S)' V_SS^-1 (c - yhat_S) of
all conditions is chi-square with one degree of freedom per condition; as unlikely as a single value FAR_SD sd
away, VersionForecast.far_together says so, unless a single condition is already flagged (far_conditions)."""

from __future__ import annotations

import warnings
from dataclasses import replace

import numpy as np
import pytest
from statsmodels.tsa.vector_ar.var_model import VAR

from varlib import ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.conditional import chance_as_sd, condition_distance
from varlib.version_forecast import FAR_SD

VARIABLES = ("tbilrate", "infl", "realint")
STEPS = 3


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(variables=list(VARIABLES), start="1985-01-01", end="2004-10-01")


@pytest.fixture(scope="module")
def artifact(dataset):
    return build_artifact(train_model(dataset, ModelSpec(VARIABLES, lags=2)), "ident", "dev")


def _targets(conditions: dict[str, list]) -> np.ndarray:
    targets = np.full((STEPS, len(VARIABLES)), np.nan)
    for name, values in conditions.items():
        for h, value in enumerate(values):
            targets[h, VARIABLES.index(name)] = np.nan if value is None else value
    return targets


def _distance(artifact, conditions) -> float:
    reference = forecast_artifact(artifact, STEPS).forecast.center  # a VAR in levels: the mean path itself
    return condition_distance(artifact.params, False, _targets(conditions), reference)


def _conditioned(artifact, conditions):
    """The forecast with these conditions and their joint distance (as varlib.forecast.forecast_levels sets it)."""
    result = forecast_artifact(artifact, STEPS, conditions=conditions)
    return replace(result, condition_distance=_distance(artifact, conditions))


IDENTITY = {"tbilrate": [2.0], "infl": [1.0], "realint": [0.5]}


def test_conditions_at_odds_with_an_identity_are_flagged_by_name_period_and_chance(artifact):
    result = _conditioned(artifact, IDENTITY)
    assert result.far_conditions() is None  # each alone is plausible
    assert all(abs(c["sd_from_forecast"]) < 2 for c in result.conditions)
    assert result.forecast.mean[1, 1] > 30  # the absurd path: infl 33 a quarter on
    said = result.far_together()
    assert said is not None and result.warnings() == [said]
    assert said.startswith("3 conditions lie far from the forecast without conditions together, though each is")
    for name, value in (("tbilrate", 2), ("infl", 1), ("realint", 0.5)):
        assert f"{name} {value:g} at 2005Q1 (" in said
    sd = chance_as_sd(result.condition_distance, 3)
    assert 90 < sd < 100 and f"as unlikely as a single value {sd:.3g} standard deviations away" in said
    assert "agree with each other" in said and "accounting identity" in said
    assert result.to_dict()["warnings"] == [said]  # the JSON and the REST answer carry it


def test_conditions_that_respect_the_identity_are_not_flagged(artifact):
    plain = forecast_artifact(artifact, STEPS).forecast
    tbilrate = plain.mean[0, 0] + 1.5 * plain.sd[0, 0]
    infl = plain.mean[0, 1] - 1.0 * plain.sd[0, 1]
    consistent = {"tbilrate": [tbilrate, None], "infl": [infl, 3.0], "realint": [tbilrate - infl, None]}
    result = _conditioned(artifact, consistent)
    assert result.condition_distance < 20  # chi-square with 4 degrees of freedom: nothing unusual
    assert result.far_together() is None and result.warnings() == []


def test_a_single_far_condition_is_said_once(artifact):
    plain = forecast_artifact(artifact, STEPS).forecast
    far = plain.mean[0, 0] + 10 * plain.sd[0, 0]
    alone = _conditioned(artifact, {"tbilrate": [far]})
    [condition] = alone.conditions
    # one condition: d2 is its sd-distance squared, and the chance the same as the marginal check's
    assert alone.condition_distance == pytest.approx(condition["sd_from_forecast"] ** 2, rel=1e-9)
    assert chance_as_sd(alone.condition_distance, 1) == pytest.approx(abs(condition["sd_from_forecast"]), rel=1e-9)
    assert alone.far_together() is None and len(alone.warnings()) == 1
    with_others = _conditioned(artifact, {"tbilrate": [far], "infl": [plain.mean[0, 1]]})
    assert chance_as_sd(with_others.condition_distance, 2) >= FAR_SD  # the set is far too, because of that one
    [said] = with_others.warnings()
    assert said == with_others.far_conditions() and said.startswith("1 condition lies")


def test_one_variables_zig_zag_is_told_about_its_path_not_an_identity(artifact):
    """One variable conditioned at every step, up and down by about 2 sd each time: far together, and the advice
    is about the path's shape, since no other variable is conditioned; the list reads `a, b, c and 1 more`."""
    plain = forecast_artifact(artifact, 4).forecast
    zig = [plain.mean[h, 0] + (2.5 if h % 2 == 0 else -2.5) * plain.sd[h, 0] for h in range(4)]
    result = forecast_artifact(artifact, 4, conditions={"tbilrate": zig})
    said = result.far_together()
    assert said is not None and "check that tbilrate can move this way from period to period" in said, said
    assert "accounting identity" not in said
    listed = said[said.index("of it: ") : said.index(". Under")]
    assert listed.endswith(" and 1 more") and listed.count(" and ") == 1, listed


def test_chance_as_sd_matches_the_single_value_check_and_does_not_underflow():
    assert chance_as_sd(FAR_SD**2, 1) == pytest.approx(FAR_SD, rel=1e-12)
    assert chance_as_sd(9025.0, 3) == pytest.approx(94.904, rel=1e-4)  # a chance of e^-4500 stays a number
    assert chance_as_sd(16.0, 3) < FAR_SD < chance_as_sd(30.0, 3)
    assert chance_as_sd(float("inf"), 2) == float("inf")


def test_the_distance_equals_statsmodels_stacked_forecast_covariance(artifact, dataset):
    """d2 from statsmodels' VARResults: the forecast mean, and the covariance of the stacked steps from ma_rep and
    sigma_u (its diagonal blocks checked against mse), solved plainly; V_SS is near-singular (the identity)."""
    levels = dataset.frame[list(VARIABLES)].to_numpy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = VAR(levels).fit(2)
    mean = fit.forecast(levels[-2:], STEPS)
    phis, k = fit.ma_rep(STEPS - 1), len(VARIABLES)
    cov = np.zeros((STEPS * k, STEPS * k))
    for s in range(STEPS):
        for t in range(STEPS):
            block = sum(phis[s - m] @ fit.sigma_u @ phis[t - m].T for m in range(min(s, t) + 1))
            cov[s * k : (s + 1) * k, t * k : (t + 1) * k] = block
    mse = fit.mse(STEPS)
    for s in range(STEPS):
        np.testing.assert_allclose(cov[s * k : (s + 1) * k, s * k : (s + 1) * k], mse[s], rtol=1e-12)
    for conditions in (
        IDENTITY,
        {"tbilrate": [2.0, 2.5], "infl": [None, 1.0], "realint": [0.5, None]},  # across steps
        {"tbilrate": [None, None, 4.0], "infl": [3.0, None, None]},
    ):
        targets = _targets(conditions)
        where = np.isfinite(targets.reshape(-1))
        gap = targets.reshape(-1)[where] - mean.reshape(-1)[where]
        expected = gap @ np.linalg.solve(cov[np.ix_(where, where)], gap)
        assert _distance(artifact, conditions) == pytest.approx(expected, rel=1e-8)
    assert np.linalg.cond(cov[:k, :k]) > 1e5  # three variables tied by an identity


def test_the_cli_warns_of_the_identity_case(tmp_path, monkeypatch, capsys):
    from varlib.cli import main

    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    train = ["train", "--vars", ",".join(VARIABLES), "--lags", "2", "--start", "1985-01-01", "--end", "2004-10-01"]
    assert main([*train, "--name", "ident", "--publish"]) == 0
    conditions = tmp_path / "c.csv"
    conditions.write_text("step,tbilrate,infl,realint\n1,2.0,1.0,0.5\n")
    capsys.readouterr()
    assert main(["forecast", "--name", "ident", "--steps", "3", "--conditions-csv", str(conditions)]) == 0
    err = capsys.readouterr().err
    assert "warning: 3 conditions lie far from the forecast without conditions together" in err
    assert "tbilrate 2 at 2005Q1" in err and "accounting identity" in err
