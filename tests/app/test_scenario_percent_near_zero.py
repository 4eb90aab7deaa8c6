"""The scenario's table of differences leaves out the difference in percent of a variable whose values cross or
come near 0 (a rate), by the rule that leaves out its MAPE, and says so: a rate conditioned from 0.2 to 7.4 read
+3688%, and one whose baseline passed near 0 read -2608% for a move of 2.3 points."""

from __future__ import annotations

import numpy as np

from tests.app.conftest import errors
from tests.app.test_scenario_three_variables import conditioned
from varlib import forecast_artifact, load_dataset


def test_a_rate_that_crosses_zero_gets_no_percent_and_the_page_says_why(registry):
    dataset = load_dataset(variables=["realgdp", "realint"])  # realint runs from -6.79 to 10.95
    at = conditioned(registry, dataset, "rates", {0: {"realint": 9.0}})
    assert errors(at) == ""
    shown = next(f for f in at.dataframe if "realint difference %" in f.value.columns)
    table = shown.value
    assert table["realint difference %"].isna().all() and shown.proto.placeholder == "–"  # a dash, not "None"
    artifact = registry.load("rates", "0.0.1")
    expected = forecast_artifact(artifact, 4, 0.05, conditions={"realint": [9.0, None, None, None]})
    baseline = forecast_artifact(artifact, 4, 0.05).forecast.mean
    np.testing.assert_allclose(table["realint difference"], expected.forecast.mean[:, 1] - baseline[:, 1], rtol=1e-9)
    gdp = 100 * (expected.forecast.mean[:, 0] - baseline[:, 0]) / baseline[:, 0]  # all positive: kept
    np.testing.assert_allclose(table["realgdp difference %"], gdp, rtol=1e-9)
    notes = "\n".join(c.value for c in at.caption)
    assert "Δ % is left out for realint: its values are not all of one sign or come near 0" in notes


def test_two_rates_are_named_as_a_list_is_written(registry):
    dataset = load_dataset(variables=["realgdp", "realint", "infl"])  # both rates cross 0
    at = conditioned(registry, dataset, "rates", {0: {"realint": 9.0}})
    notes = "\n".join(c.value for c in at.caption)
    # varlib.and_list, as every other list in a message: it read `realint, infl`
    assert "Δ % is left out for realint and infl: their values are not all of one sign" in notes
