"""The Forecast page after a tester's review: its tables name periods as the charts' hovers do (2009Q4) while the
downloads keep ISO dates; downloads of edited lag inputs say so in their names and hold the inputs in their JSON;
the conditioned mark is explained in plain words; a fan over a saved scenario is what the settings say is drawn."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest

from tests.app.conftest import _Downloads, charts, errors, open_app, values
from ui import forecast_table
from ui.paths_editor import EDITOR_OPEN
from varlib import forecast_artifact, make_scenario

QUARTERS = ["2009Q4", "2010Q1", "2010Q2", "2010Q3", "2010Q4", "2011Q1"]
ISO = ["2009-10-01", "2010-01-01", "2010-04-01", "2010-07-01", "2010-10-01", "2011-01-01"]
STEM = "var-0.0.1-forecast-6-steps-90pct-standard"


@pytest.fixture
def files(monkeypatch):
    """The forecast table's downloads, built and kept with their file names."""
    spy = _Names(forecast_table.st)
    monkeypatch.setattr(forecast_table, "st", spy)
    return spy


class _Names(_Downloads):
    """_Downloads, with the buttons' file names, for buttons placed in columns (as the table's are)."""

    def __init__(self, real) -> None:
        super().__init__(real)
        self.names = {}

    def columns(self, *args, **kwargs):
        return [_Column(self, column) for column in self._real.columns(*args, **kwargs)]


class _Column:
    def __init__(self, spy: _Names, column) -> None:
        self._spy, self._column = spy, column

    def download_button(self, label, data, file_name=None, *args, **kwargs):
        self._spy.names[label], self._spy.files[label] = file_name, data
        return self._column.download_button(label, data, file_name, *args, **kwargs)


def _page(query: dict, table: bool = True, editor: bool = False):
    at = open_app(query)
    at.session_state["fc_table_open"] = table
    at.session_state[EDITOR_OPEN] = editor
    at.run()
    return at


def _edit_newest_gdp(at, value: float = 13500.0) -> None:
    key = at.data_editor[0].key
    at.session_state[key] = {"edited_rows": {3: {"realgdp": value}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert errors(at) == ""


def test_the_forecast_table_names_periods_as_the_hovers_and_its_csv_keeps_iso_dates(seeded, files):
    at = _page({"model": "var", "version": "0.0.1", "steps": 6, "level": 90})
    table = at.dataframe[-1].value
    assert table.index.tolist() == QUARTERS and table.index.name == "period"
    hovers = charts(at)[0]["data"]
    assert any(list(t.get("customdata") or [])[-6:] == QUARTERS for t in hovers)  # as the chart names them
    csv = pd.read_csv(io.BytesIO(files.files["Download CSV"]), index_col=0)
    assert csv.index.tolist() == ISO  # for programs
    assert json.loads(files.files["Download JSON"])["index"] == ISO


def test_the_differences_table_names_periods_as_the_hovers(seeded):
    at = _page({"model": "var", "version": "0.0.1", "steps": 6}, table=False, editor=True)
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|conditions|"))
    at.session_state[editor.key] = {"edited_rows": {1: {"realgdp": 13000.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    frame = next(f for f in at.dataframe if "realgdp difference" in f.value.columns)
    differences = frame.value
    assert differences.index.tolist() == QUARTERS
    # which differences were imposed and which followed, ticked as the forecast table ticks them
    assert differences["realgdp conditioned"].tolist() == [False, True, False, False, False, False]
    assert "realcons conditioned" not in differences  # no condition fixes it: no mark, and no column more
    config = json.loads(frame.proto.columns)["realgdp conditioned"]
    assert config["help"] == forecast_table.CONDITIONED_HELP and config["type_config"]["type"] == "checkbox"


def test_the_lag_table_shows_periods_and_keeps_its_iso_dates_for_parsing(seeded):
    """The date column is read-only: its cells keep the ISO dates the table is parsed back from, and show the
    periods as the hovers name them; an edit still forecasts from exactly the values typed."""
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    editor = at.data_editor[0]
    own = ["2008-10-01", "2009-01-01", "2009-04-01", "2009-07-01"]
    assert editor.value["date"].tolist() == own
    column = json.loads(editor.proto.columns)["date"]
    assert column["disabled"] and column["type_config"]["options"] == [
        {"value": date, "label": label}
        for date, label in zip(own, ["2008Q4", "2009Q1", "2009Q2", "2009Q3"], strict=True)
    ]
    _edit_newest_gdp(at, 13500.25)
    lags = seeded.load("var", "0.0.1").default_lag_inputs().copy()
    lags.iloc[3, 0] = 13500.25
    expected = forecast_artifact(seeded.load("var", "0.0.1"), 4, 0.05, lags)
    gdp = next(t for t in charts(at)[0]["data"] if t.get("name", "").startswith("forecast"))
    assert gdp["customdata"][-4:] == ["2009Q4", "2010Q1", "2010Q2", "2010Q3"]

    np.testing.assert_allclose(values(gdp, "y")[1:], expected.forecast.mean[:, 0], rtol=0, atol=0)


def test_a_saved_scenarios_lag_inputs_are_named_by_period(seeded):
    artifact = seeded.load("var", "0.0.1")
    seeded.save_scenario(make_scenario(artifact, "dip", 4, 0.05, conditions={"realgdp": [1e4]}))
    at = open_app({"model": "var", "version": "0.0.1", "scenario": "dip"})
    shown = next(f.value for f in at.dataframe if list(f.value.columns) == ["realgdp", "realcons"])
    assert shown.index.tolist() == ["2008Q4", "2009Q1", "2009Q2", "2009Q3"]
    path = next(f.value for f in at.dataframe if "step" in f.value.columns)
    assert path["period"].tolist() == ["2009Q4", "2010Q1", "2010Q2", "2010Q3"]


def test_downloads_of_edited_lag_inputs_say_so_and_hold_them(seeded, files):
    at = _page({"model": "var", "version": "0.0.1", "steps": 6, "level": 90})
    assert files.names == {"Download CSV": f"{STEM}.csv", "Download JSON": f"{STEM}.json"}
    assert "lag_inputs" not in json.loads(files.files["Download JSON"])  # the version's own: as before
    _edit_newest_gdp(at)
    assert files.names == {"Download CSV": f"{STEM}-edited-lags.csv", "Download JSON": f"{STEM}-edited-lags.json"}
    content = json.loads(files.files["Download JSON"])
    artifact = seeded.load("var", "0.0.1")
    own = artifact.default_lag_inputs()
    assert content["lag_dates"] == ["2008-10-01", "2009-01-01", "2009-04-01", "2009-07-01"]
    assert content["lag_inputs"][:3] == own.to_numpy()[:3].tolist()
    assert content["lag_inputs"][3] == [13500.0, float(own.iloc[3, 1])]
    # as a REST request takes them: the same inputs give the forecast the file holds
    lags = pd.DataFrame(content["lag_inputs"], columns=content["variables"], index=pd.to_datetime(content["lag_dates"]))
    again = forecast_artifact(artifact, 6, 0.10, lags)
    assert content["mean"] == again.forecast.mean.tolist() and content["index"] == ISO
    images = [json.loads(c.proto.config)["toImageButtonOptions"]["filename"] for c in at.get("plotly_chart")]
    assert images == [
        "var-0.0.1-realgdp-6-steps-90pct-standard-edited-lags",
        "var-0.0.1-realcons-6-steps-90pct-standard-edited-lags",
    ]
    next(b for b in at.button if b.label.startswith("Reset")).click().run()  # the version's own again
    assert files.names["Download JSON"] == f"{STEM}.json"
    assert "lag_inputs" not in json.loads(files.files["Download JSON"])


def test_an_uploaded_lag_csv_marks_the_downloads(seeded, files):
    at = _page({"model": "var", "version": "0.0.1", "steps": 6, "level": 90})
    csv = "date,realgdp,realcons\n2010-01-01,1000,900\n2010-04-01,1010,905\n2010-07-01,1020,910\n2010-10-01,1030,915\n"
    at.file_uploader[0].set_value(("lags.csv", csv.encode(), "text/csv")).run()
    assert errors(at) == "" and files.names["Download CSV"] == f"{STEM}-edited-lags.csv"
    content = json.loads(files.files["Download JSON"])
    assert content["lag_dates"] == ["2010-01-01", "2010-04-01", "2010-07-01", "2010-10-01"]
    assert content["lag_inputs"][-1] == [1030.0, 915.0]


def test_the_conditioned_mark_is_explained_in_plain_words(seeded):
    at = _page({"model": "var", "version": "0.0.1", "steps": 4}, editor=True)
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|conditions|"))
    at.session_state[editor.key] = {"edited_rows": {1: {"realgdp": 13000.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    captions = "\n".join(c.value for c in at.caption)
    assert "A ticked *conditioned* box marks a value that a condition sets, not one the model forecasts." in captions
    assert "A ticked *conditioned* is a value" not in captions


def test_a_fan_over_a_saved_scenario_is_what_the_settings_say_is_drawn(seeded):
    artifact = seeded.load("var", "0.0.1")
    seeded.save_scenario(make_scenario(artifact, "gdp-up", 4, 0.05, conditions={"realgdp": [14000.0]}))
    at = open_app({"model": "var", "version": "0.0.1", "scenario": "gdp-up", "fan": "30,60,90"})
    assert errors(at) == ""
    level = at.get("button_group")[0]
    assert level.disabled and level.options == ["30%", "60%", "90%"] and level.value == [30, 60, 90]
    assert "fan chart draws the levels" in level.help and "own 95% band" in level.help
    note = next(i.value for i in at.info if "Saved scenario **gdp-up**" in i.value)
    assert "drawn as a 30%, 60%, 90% fan" in note and "95% standard intervals" not in note
    assert "30%, 60%, 90% standard intervals" in charts(at)[0]["layout"]["title"]["subtitle"]["text"]
    at.pills(key="fc_fan").set_value([]).run()  # the fan emptied: the scenario's own level again
    level = at.get("button_group")[0]
    assert level.options == ["95%"] and level.value == 95
    note = next(i.value for i in at.info if "Saved scenario **gdp-up**" in i.value)
    assert "95% standard intervals" in note


def test_a_fan_shows_its_levels_and_keeps_the_level_picked_for_when_it_is_emptied(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "level": 80, "fan": "30,90"})
    level = at.get("button_group")[0]
    assert level.disabled and level.value == [30, 90] and "one band at 80%" in level.help
    assert at.query_params["level"] == "80"
    at.pills(key="fc_fan").set_value([]).run()
    level = at.segmented_control(key="fc_level")
    assert not level.disabled and level.value == 80 and "80% interval" in [t.get("name") for t in charts(at)[0]["data"]]
