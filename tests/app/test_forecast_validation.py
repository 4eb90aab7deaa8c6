"""The Forecast page shows the values it uses: steps out of range are clamped with a message beside the
field, a lag cell typed as text is named, the lag table is exact, and edited lag inputs travel in the link."""

from __future__ import annotations

import numpy as np
import pytest

from tests.app.conftest import charts, errors, open_app, trace, values
from ui.errors import FORECAST_WAITS
from varlib import MAX_STEPS
from varlib.service import forecast_artifact


def _forecast(at) -> np.ndarray:
    return values(trace(charts(at)[0], "forecast"), "y")[1:]


def _captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("typed, used", [(100000, MAX_STEPS), (0, 1), (-3, 1)])
def test_steps_out_of_range_are_clamped_and_said(seeded, typed, used):
    at = open_app({"model": "var", "steps": 8})
    at.number_input(key="fc_steps").set_value(typed).run()
    assert errors(at) == ""
    assert at.number_input(key="fc_steps").value == used  # the field shows what the chart uses
    assert len(_forecast(at)) == used and at.query_params["steps"] == str(used)
    assert f"{typed} is outside 1–{MAX_STEPS}: using {used}." in _captions(at)
    at.number_input(key="fc_steps").set_value(5).run()
    assert "outside" not in _captions(at) and len(_forecast(at)) == 5


def test_an_emptied_steps_field_goes_back_to_the_default_and_says_so(seeded):
    at = open_app({"model": "var", "steps": 12})
    at.number_input(key="fc_steps").set_value(None).run()
    assert errors(at) == ""
    assert at.number_input(key="fc_steps").value == 8 and len(_forecast(at)) == 8  # not 0, not 1
    assert "Steps emptied: back to the default, 8." in _captions(at) and "outside" not in _captions(at)


def test_lag_table_is_exact_and_round_trips(seeded):
    at = open_app({"model": "var", "version": "0.0.1"})
    table = at.data_editor[0].value
    own = seeded.load("var", "0.0.1").default_lag_inputs()
    assert [float(x) for x in table["realcons"]] == own["realcons"].tolist()  # every digit, not %.6g
    assert "differ" not in _captions(at)  # the shown values are exactly the model's


@pytest.mark.parametrize("text", ["abc", "12,5", "1e999"])
def test_text_in_a_lag_cell_is_named(seeded, text):
    at = open_app({"model": "var", "version": "0.0.1"})
    key = at.data_editor[0].key
    at.session_state[key] = {"edited_rows": {2: {"realgdp": text}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "Lag input realgdp on" in errors(at) and repr(text) in errors(at)
    assert not charts(at) and "lags" not in at.query_params
    # why the charts went, and that they come back; not a publish's "nothing was stored or changed"
    assert errors(at).endswith(FORECAST_WAITS) and "Nothing was stored" not in errors(at)


def test_edited_lag_inputs_travel_in_the_link(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    key = at.data_editor[0].key
    at.session_state[key] = {"edited_rows": {3: {"realgdp": "14000.125"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    edited = _forecast(at)
    link = dict(at.query_params)
    assert "14000.125" in link["lags"]
    again = open_app(link)
    assert errors(again) == "" and "1 value differs" in _captions(again)
    np.testing.assert_array_equal(_forecast(again), edited)
    lags = seeded.load("var", "0.0.1").default_lag_inputs().copy()
    lags.iloc[3, 0] = 14000.125
    expected = forecast_artifact(seeded.load("var", "0.0.1"), 4, 0.05, lags)
    np.testing.assert_allclose(edited, expected.forecast.mean[:, 0], rtol=1e-12)
    reset = next(b for b in again.button if b.label.startswith("Reset"))
    reset.click().run()
    assert "lags" not in again.query_params and "differ" not in _captions(again)


@pytest.mark.parametrize(
    "lags, message",
    [
        ("1,2~3", "have 2 rows"),
        ("a,b~c,d~e,f~g,h", "'a', not a number"),
        ("1,2~3,nan~5,6~7,8", "realcons on 2009Q1 is 'nan'"),  # by its period, as the lag table names a cell
    ],
)
def test_a_bad_lags_link_is_explained_and_the_model_data_used(seeded, lags, message):
    at = open_app({"model": "var", "version": "0.0.1", "lags": lags})
    warnings = "\n".join(w.value for w in at.warning)
    assert "The link's lag inputs were not used" in warnings and message in warnings
    assert charts(at) and "lags" not in at.query_params
