"""A model name keeps its shape within a major version, on both stores and from the CLI: another variable
list, order, transform or frequency under the same name is refused with the differences named, nothing
stored changes, and a major bump passes."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from tests.integration.test_cli import cli, env, local_env  # noqa: F401 - the CLI fixtures
from varlib import ConflictError, ModelSpec, load_dataset, name_from, publish_result, train_model


@pytest.fixture(scope="module")
def macro_pair():
    dataset = load_dataset(variables=["realgdp", "realcons"])
    return dataset, train_model(dataset, ModelSpec(("realgdp", "realcons"), lags=2, holdout=0))


def _other(dataset, spec_changes=None, variables=("realgdp", "realcons")):
    data = load_dataset(variables=list(variables))
    spec = replace(ModelSpec(tuple(variables), lags=2, holdout=0), **(spec_changes or {}))
    return train_model(data, spec)


@pytest.mark.parametrize(
    "variables, changes, named",
    [
        (("realinv", "unemp"), {}, "variables added: realinv, unemp; variables removed: realgdp, realcons"),
        (("realcons", "realgdp"), {}, "variable order realgdp, realcons -> realcons, realgdp"),  # order matters
        (("realgdp", "realcons"), {"transform": "logdiff"}, "transform none -> logdiff"),
    ],
)
def test_another_shape_is_refused_and_nothing_stored_changes(registry, macro_pair, variables, changes, named):
    _, first = macro_pair
    publish_result(registry, first, "gdp", "patch", "")
    other = _other(None, changes, variables)
    changed = registry.shape_changes("gdp", other.spec, other.dataset.frequency)
    assert changed is not None and str(changed.version) == "0.0.1" and changed.text == named
    for bump in ("patch", "minor"):
        with pytest.raises(ConflictError) as caught:
            publish_result(registry, other, "gdp", bump, "")
        assert caught.value.field == "name" and named in str(caught.value) and "--bump major" in str(caught.value)
    assert [e.label for e in registry.list_versions("gdp")] == ["0.0.1"]
    assert registry.load("gdp").spec.variables == ("realgdp", "realcons")
    published = publish_result(registry, other, "gdp", "major", "")
    assert str(published.version) == "1.0.0" and registry.load("gdp").spec == other.spec


def test_another_frequency_is_a_change_of_shape(registry, macro_pair):
    dataset, first = macro_pair
    publish_result(registry, first, "gdp", "patch", "")
    yearly = dataset.frame.groupby(dataset.frame.index.year).mean().iloc[:-1]
    yearly.index = pd.date_range("1959-01-01", periods=len(yearly), freq="YS")
    csv = yearly.rename_axis("date").to_csv().encode()
    annual = train_model(load_dataset(csv=csv, csv_name="annual.csv"), first.spec)
    with pytest.raises(ConflictError, match="frequency quarterly -> yearly"):
        publish_result(registry, annual, "gdp", "minor", "")


def test_every_other_quarter_is_another_frequency(registry, macro_pair):
    from varlib import label_of

    assert [label_of(a) for a in ("2QS-JAN", "2MS", "2W-SUN", "3W-SUN", "QS-OCT")] == [
        "half-yearly",
        "bimonthly",
        "fortnightly",
        "every 3 weeks",
        "quarterly",
    ]
    dataset, first = macro_pair
    publish_result(registry, first, "gdp", "patch", "")
    halves = dataset.frame.iloc[::2]  # the first and third quarter of each year: a half-yearly grid
    csv = halves.rename_axis("date").to_csv().encode()
    half_yearly = train_model(load_dataset(csv=csv, csv_name="halves.csv"), first.spec)
    assert half_yearly.dataset.frequency.startswith("2QS")
    with pytest.raises(ConflictError, match="frequency quarterly -> half-yearly"):
        publish_result(registry, half_yearly, "gdp", "patch", "")


def test_the_same_shape_passes_as_a_patch(registry, macro_pair):
    _, first = macro_pair
    publish_result(registry, first, "gdp", "patch", "")
    refit = _other(None, {"lags": 3})  # another order is the same model, better estimated
    assert str(publish_result(registry, refit, "gdp", "patch", "").version) == "0.0.2"


def test_the_default_name_comes_from_the_data():
    assert name_from(load_dataset().name) == "macrodata"
    frame = pd.DataFrame({"a": range(1, 31), "b": range(2, 32)}, index=pd.date_range("2000", periods=30, freq="MS"))
    csv = frame.rename_axis("date").to_csv().encode()
    assert name_from(load_dataset(csv=csv, csv_name="Sales data 2024.csv").name) == "sales-data-2024"


def test_cli_refuses_another_shape_with_exit_2_and_one_line(env, tmp_path):  # noqa: F811
    assert cli(env, "train", "--lags", "2", "--publish").returncode == 0  # macrodata realgdp, realcons
    refused = cli(env, "train", "--lags", "2", "--vars", "realinv,unemp", "--publish")
    assert refused.returncode == 2
    assert "model 'macrodata' 0.0.1 has another shape" in refused.stderr
    assert "variables added: realinv, unemp; variables removed: realgdp, realcons" in refused.stderr
    listed = cli(env, "list", "--name", "macrodata", "--json")
    assert listed.returncode == 0 and '"0.0.1"' in listed.stdout and '"0.0.2"' not in listed.stdout
    major = cli(env, "train", "--lags", "2", "--vars", "realinv,unemp", "--publish", "--bump", "major")
    assert major.returncode == 0 and "1.0.0" in major.stdout


def test_read_commands_default_to_the_only_model_and_ask_when_there_are_several(local_env):  # noqa: F811
    assert "no models: the folder" in cli(local_env, "forecast").stderr  # not even the store's folder exists yet
    assert cli(local_env, "train", "--lags", "2", "--publish").returncode == 0
    assert cli(local_env, "forecast", "--steps", "2").stdout.startswith("macrodata 0.0.1: 2 steps")
    assert cli(local_env, "train", "--lags", "2", "--name", "gdp", "--publish").returncode == 0
    several = cli(local_env, "forecast")
    assert several.returncode == 2 and "holds 2 models (gdp, macrodata): choose one with --name" in several.stderr
