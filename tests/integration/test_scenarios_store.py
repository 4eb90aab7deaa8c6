"""Saved scenarios on both stores: the round trip reproduces the forecast bit for bit, a name is saved once
(nothing overwritten), damage is reported by name, and the folder never shows up as a version."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from varlib import (
    Actor,
    ModelSpec,
    Registry,
    forecast_artifact,
    forecast_scenario,
    load_dataset,
    make_scenario,
    publish_result,
    scenario_differences,
    to_json,
    train_model,
)
from varlib.catalog.layout import scenario_key
from varlib.catalog.scenarios import _encode
from varlib.errors import (
    AccessDeniedError,
    CorruptArtifactError,
    InvalidInputError,
    NotFoundError,
    ObjectExistsError,
    WithdrawnError,
)

ALICE = Actor("Alice Analyst", "alice-sub", "http://issuer.test", "dashboard", "127.0.0.1")
CONDITIONS = {"realgdp": [12990.0, None, 13100.0]}


def _published(registry, macro_result):
    return publish_result(registry, macro_result, "var")


def test_a_saved_scenario_reopens_exactly_the_same_forecast(registry, macro_result):
    artifact = _published(registry, macro_result)
    lags = artifact.default_lag_inputs().copy()
    lags.iloc[-1, 1] *= 1.01  # an edited lag input is part of the scenario
    made = make_scenario(artifact, "gdp-path", 6, 0.1, lags, conditions=CONDITIONS, notes="GDP recovers")
    saved = registry.save_scenario(made, ALICE)
    assert saved.actor == ALICE and saved.created_at.endswith("Z")
    fresh = Registry(registry.store)  # another process: nothing cached
    reopened = fresh.scenario("var", "latest", "gdp-path")
    assert reopened == saved
    expected = forecast_artifact(artifact, 6, 0.1, lags, conditions=CONDITIONS)
    got = forecast_scenario(fresh.load("var", "0.0.1"), reopened)
    for name in ("mean", "lower", "upper"):
        np.testing.assert_array_equal(getattr(got.forecast, name), getattr(expected.forecast, name))
    answer = got.to_dict()
    assert answer["scenario"] == "gdp-path" and answer["index"] == expected.index
    assert [(c["variable"], c["step"], c["value"]) for c in answer["conditions"]] == [
        ("realgdp", 1, 12990.0),
        ("realgdp", 3, 13100.0),
    ]
    assert [s.scenario for s in fresh.scenarios("var", "0.0.1")] == ["gdp-path"]
    history = [(r.action, r.version, r.scenario, r.actor.name) for r in fresh.history("var")]
    assert history[0] == ("scenario.save", "0.0.1", "gdp-path", "Alice Analyst")
    # the helper folder is never a version or a stray
    assert [entry.label for entry in fresh.list_versions("var", verify=True)] == ["0.0.1"]


def test_saving_a_name_twice_is_refused_and_nothing_is_overwritten(registry, macro_result):
    artifact = _published(registry, macro_result)
    registry.save_scenario(make_scenario(artifact, "hold", 4, conditions={"realcons": [9000.0]}))
    key = "var/_scenarios/0_0_1/hold.json"
    before = registry.store.get(key, 1 << 20).data
    with pytest.raises(ObjectExistsError, match="scenario 'hold' of var 0.0.1 already exists; saved scenarios never"):
        registry.save_scenario(make_scenario(artifact, "hold", 8, conditions={"realcons": [1.0]}))
    assert registry.store.get(key, 1 << 20).data == before
    assert Registry(registry.store).scenario("var", "0.0.1", "hold").steps == 4


def test_scenarios_belong_to_one_version(registry, macro_result):
    first = _published(registry, macro_result)
    second = _published(registry, macro_result)
    registry.save_scenario(make_scenario(first, "a", 4))
    registry.save_scenario(make_scenario(second, "a", 5))  # the same name on another version is another object
    assert registry.scenario("var", "0.0.1", "a").steps == 4 and registry.scenario("var", "latest", "a").steps == 5
    with pytest.raises(NotFoundError, match=r"var 0.0.2 has no scenario 'b'; saved: a$"):
        registry.scenario("var", "0.0.2", "b")
    registry.save_scenario(make_scenario(first, "only-first", 4))
    third = _published(registry, macro_result)  # published after the scenario was saved: it does not have it
    elsewhere = r"saved: none; 'only-first' is saved on var 0.0.1: open it on that version"
    with pytest.raises(NotFoundError, match=elsewhere):
        registry.scenario("var", str(third.version), "only-first")
    with pytest.raises(InvalidInputError, match="was made for var 0.0.1, not var 0.0.2"):
        forecast_scenario(second, registry.scenario("var", "0.0.1", "a"))


def test_a_damaged_scenario_is_named_and_listed_as_damaged(registry, macro_result):
    artifact = _published(registry, macro_result)
    registry.save_scenario(make_scenario(artifact, "good", 4))
    registry.save_scenario(make_scenario(artifact, "bad", 4))
    key = "var/_scenarios/0_0_1/bad.json"
    stored = registry.store.get(key, 1 << 20)
    registry.store.replace(key, stored.data.replace(b'"steps":4', b'"steps":40'), stored.etag)
    fresh = Registry(registry.store)
    with pytest.raises(CorruptArtifactError, match="scenario 'bad' of var 0.0.1 .* does not match its checksum"):
        fresh.scenario("var", "0.0.1", "bad")
    good = registry.store.get("var/_scenarios/0_0_1/good.json", 1 << 20).data
    registry.store.create("var/_scenarios/0_0_1/moved.json", good)  # a copy under another name: says whose it is
    with pytest.raises(CorruptArtifactError, match="cannot be opened: it is var 0.0.1's scenario 'good', copied"):
        fresh.scenario("var", "0.0.1", "moved")
    listed = [(s.scenario, bool(s.damaged)) for s in fresh.scenarios("var", "0.0.1")]
    assert listed == [("bad", True), ("good", False), ("moved", True)]


def test_a_varx_scenario_keeps_its_exogenous_paths(registry):
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2, holdout=0)
    artifact = publish_result(registry, train_model(dataset, spec), "varx")
    exog = {"realint": [2.0, 2.0, 2.0, 2.5]}
    made = make_scenario(artifact, "rate-2pc", 4, exog=exog, conditions={"realgdp": [None, 13000.0]})
    registry.save_scenario(made)
    reopened = Registry(registry.store).scenario("varx", "0.0.1", "rate-2pc")
    assert reopened.exog == exog
    got = forecast_scenario(artifact, reopened)
    expected = forecast_artifact(artifact, 4, exog=exog, conditions={"realgdp": [None, 13000.0]})
    np.testing.assert_array_equal(got.forecast.mean, expected.forecast.mean)
    assert '"exog":{"realint":[2.0,2.0,2.0,2.5]}' in to_json(got.to_dict()).replace(" ", "")
    table = scenario_differences(forecast_artifact(artifact, 4, exog={"realint": [0.0] * 4}), got)
    assert list(table.columns) == ["date", "variable", "baseline", "scenario", "difference", "difference %"]
    row = table[(table.variable == "realgdp")].iloc[1]
    assert row.scenario == 13000.0 and row.difference == pytest.approx(13000.0 - row.baseline)


def test_impossible_scenarios_are_refused_before_anything_is_stored(registry, macro_result):
    artifact = _published(registry, macro_result)
    with pytest.raises(InvalidInputError, match="realgdp has a value at step 5, which lies beyond the horizon"):
        make_scenario(artifact, "late", 4, conditions={"realgdp": [None] * 4 + [1.0]})
    with pytest.raises(InvalidInputError, match="scenario name 'Rate Hold' is not valid"):
        make_scenario(artifact, "Rate Hold", 4)
    assert registry.scenarios("var", "0.0.1") == []


def test_a_read_only_store_refuses_to_save(registry, macro_result):
    artifact = _published(registry, macro_result)
    read_only = Registry(registry.store, read_only=True)
    with pytest.raises(AccessDeniedError, match="read-only"):
        read_only.save_scenario(make_scenario(artifact, "x", 4))


def test_a_withdrawn_version_takes_no_new_scenario_but_its_saved_ones_still_open(registry, macro_result):
    """As an alias cannot point at a withdrawn version, a new saved scenario (a new link to it) is refused."""
    artifact = _published(registry, macro_result)
    registry.save_scenario(make_scenario(artifact, "before", 4))
    registry.withdraw("var", "0.0.1", "trained on the wrong file")
    with pytest.raises(WithdrawnError, match=r"var 0.0.1 was withdrawn \(trained on the wrong file\); a scenario"):
        registry.save_scenario(make_scenario(artifact, "after", 4))
    assert [s.scenario for s in registry.scenarios("var", "0.0.1")] == ["before"]
    assert registry.scenario("var", "0.0.1", "before").steps == 4
    assert [r.action for r in registry.history("var")][0] == "withdraw"  # no save recorded


def test_a_new_scenario_may_not_be_called_latest_but_one_stored_so_before_still_opens(registry, macro_result):
    """`varlib scenario save latest` (the name forgotten, the version given) saved a scenario called latest."""
    artifact = _published(registry, macro_result)
    refused = "scenario name 'latest' is not valid: it stands for a model's newest"
    with pytest.raises(InvalidInputError, match=refused):  # before its forecast is computed
        make_scenario(artifact, "latest", 4, conditions={"realgdp": [None] * 4 + [1.0]})
    older = replace(make_scenario(artifact, "fine", 4), scenario="latest")  # as an earlier product stored it
    with pytest.raises(InvalidInputError, match=refused):  # every save passes here, however the scenario was made
        registry.save_scenario(older)
    assert registry.scenarios("var", "0.0.1") == []
    registry.store.create(scenario_key("var", artifact.version, "latest"), _encode(older))
    assert registry.scenario("var", "0.0.1", "latest").steps == 4
