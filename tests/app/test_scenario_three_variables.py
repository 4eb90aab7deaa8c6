"""A scenario on a model of three variables: the table of differences is a tab per variable, so that none of its
columns is cut at 1440 px (side by side, twelve columns ran past the page)."""

from __future__ import annotations

import json

import numpy as np

from tests.app.conftest import errors
from tests.app.test_scenario_pages import _condition, _with_editor
from varlib import ModelSpec, forecast_artifact, load_dataset, publish_result, train_model


def conditioned(registry, dataset, name: str, edits: dict):
    """`name` 0.0.1, a VAR(2) of `dataset`'s variables, on the Forecast page at 4 steps with the scenario editor
    open and `edits` typed into its conditions table ({row: {variable: value}})."""
    publish_result(registry, train_model(dataset, ModelSpec(tuple(dataset.variables), lags=2)), name)
    at = _with_editor({"model": name, "version": "0.0.1", "steps": 4})
    _condition(at, edits)
    return at


def test_three_variables_differences_are_a_tab_each_so_no_column_is_cut(registry):
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    at = conditioned(registry, dataset, "three", {0: {"realgdp": 12990.0}})
    assert errors(at) == ""
    parts = [f.value for f in at.dataframe if any(str(c).endswith(" difference %") for c in f.value.columns)]
    # twelve columns side by side ran past the page at 1440 px: four a table, one table a variable
    differences = [[f"{name} baseline", f"{name} scenario", f"{name} difference", f"{name} difference %"] for name in
                   ("realgdp", "realcons", "realinv")]  # fmt: skip
    differences[0].append("realgdp conditioned")  # the one conditioned variable: its mark
    assert [list(part.columns) for part in parts] == differences
    artifact = registry.load("three", "0.0.1")
    expected = forecast_artifact(artifact, 4, 0.05, conditions={"realgdp": [12990.0, None, None, None]})
    baseline = forecast_artifact(artifact, 4, 0.05)
    np.testing.assert_allclose(
        parts[2]["realinv difference"], expected.forecast.mean[:, 2] - baseline.forecast.mean[:, 2], rtol=1e-9
    )


def test_two_variables_both_conditioned_get_a_tab_each_so_their_marks_are_not_cut(seeded):
    """Two variables' differences sit side by side while their columns fit at 1440 px (nine beside the periods); a
    conditioned variable's mark is a fifth column, and with both conditioned the tenth ran past the page."""
    at = _with_editor({"model": "var", "version": "0.0.1", "steps": 4})
    _condition(at, {0: {"realgdp": 12990.0}})
    one = [list(f.value.columns) for f in at.dataframe if "realgdp difference" in f.value.columns]
    assert len(one) == 1 and len(one[0]) == 9 and "realcons conditioned" not in one[0]  # side by side: it fits
    _condition(at, {0: {"realgdp": 12990.0, "realcons": 9300.0}})
    assert errors(at) == ""
    parts = [
        list(f.value.columns) for f in at.dataframe if any(str(c).endswith(" difference %") for c in f.value.columns)
    ]
    assert [part[-1] for part in parts] == ["realgdp conditioned", "realcons conditioned"]  # a tab each


def test_a_name_that_starts_another_keeps_its_own_differences_in_its_tab(registry):
    """`rate difference` is both `rate`'s Δ column and the name of another variable: taken by the longest name it
    starts with, `rate`'s Δ and Δ % showed in the `rate difference` tab, and `rate`'s tab lacked them."""
    macro = load_dataset(variables=["realgdp", "realcons", "realinv"])
    dataset = load_dataset(macro.frame.set_axis(["rate", "rate difference", "realinv"], axis=1))
    at = conditioned(registry, dataset, "names", {0: {"rate": 12990.0}})
    assert errors(at) == ""
    parts = [list(f.value.columns) for f in at.dataframe if any(str(c).endswith(" baseline") for c in f.value.columns)]
    ends = ["baseline", "scenario", "difference", "difference %"]
    assert parts == [
        [f"rate {end}" for end in ends] + ["rate conditioned"],
        [f"rate difference {end}" for end in ends],
        [f"realinv {end}" for end in ends],
    ]


def test_a_name_holding_difference_keeps_it_in_its_headers(registry):
    """Headers say Δ for a column's `difference` ending only: `rate difference`'s own columns read `rate Δ baseline`
    and `rate Δ Δ`, each with the help of a difference."""
    macro = load_dataset(variables=["realgdp", "realcons", "realinv"])
    dataset = load_dataset(macro.frame.set_axis(["rate", "rate difference", "realinv"], axis=1))
    at = conditioned(registry, dataset, "names", {0: {"rate": 12990.0}})
    grids = [json.loads(f.proto.columns) for f in at.dataframe if "rate difference baseline" in f.value.columns]
    labels = {column: (config["label"], config.get("help")) for column, config in grids[0].items()}
    assert labels["rate difference baseline"] == ("rate difference baseline", None)
    assert labels["rate difference scenario"] == ("rate difference scenario", None)
    assert labels["rate difference difference"] == ("rate difference Δ", "the scenario minus the baseline")
    assert labels["rate difference difference %"][0] == "rate difference Δ %"
