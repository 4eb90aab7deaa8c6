"""Forecast page through the entrypoint: URL state, chart data, lag inputs, downloads, no refetching."""

from __future__ import annotations

from urllib.parse import urlencode

import numpy as np
import pandas as pd
import pytest

import varlib.catalog.reader
from tests.app.conftest import charts, errors, open_app, trace, values
from ui.forecast_panel import LINK_OPEN
from varlib.service import forecast_artifact
from varlib.store.local import LocalStore


def _forecast_trace(at, variable_index: int = 0) -> dict:
    return trace(charts(at)[variable_index], "forecast")


def _editor_key(at) -> str:
    return at.data_editor[0].key


def test_shared_url_reproduces_the_view(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 12, "level": 90})
    assert errors(at) == ""
    assert at.selectbox(key="fc_version").value == "0.0.1"
    assert at.number_input(key="fc_steps").value == 12
    figures = charts(at)
    assert [f["layout"]["title"]["text"] for f in figures] == ["realgdp", "realcons"]
    expected = forecast_artifact(seeded.load("var", "0.0.1"), 12, 0.10)
    for j, figure in enumerate(figures):
        band = trace(figure, "90% interval")
        assert len(values(band, "x")) == 12
        np.testing.assert_allclose(values(band, "y"), expected.forecast.lower[:, j], rtol=1e-12)
        # the line starts at the last lag input, then has one point per step
        np.testing.assert_allclose(values(trace(figure, "forecast"), "y")[1:], expected.forecast.mean[:, j], rtol=1e-12)
    assert at.query_params["version"] == "0.0.1" and at.query_params["steps"] == "12"
    assert at.query_params["level"] == "90"


@pytest.mark.parametrize("version", ["0.0.1", "latest"])
def test_changing_steps_and_level_changes_the_chart_without_reading_a_version(seeded, monkeypatch, version):
    """A loaded version is never read again: a rerun costs one read of the `latest` pointer (so the
    picker's "latest (0.0.x)" is true and a version published meanwhile shows at once), never a
    listing or a version's object."""
    at = open_app({"model": "var", "version": version, "steps": 8})
    assert len(values(_forecast_trace(at), "x")) == 9
    # the kept version's presence in the store is asked for once a second (tests/unit/test_reader_presence.py): a
    # run slower than that on a loaded machine would list its folder, which is not what this test is about
    monkeypatch.setattr(varlib.catalog.reader, "PRESENT_FRESH_S", 3600.0)
    reads = []
    for method in ("get", "list", "list_folders", "children"):
        original = getattr(LocalStore, method)
        monkeypatch.setattr(
            LocalStore, method, lambda self, *a, _m=method, _o=original: reads.append(f"{_m} {a[0]}") or _o(self, *a)
        )
    at.number_input(key="fc_steps").set_value(30).run()
    assert len(values(_forecast_trace(at), "x")) == 31
    at.segmented_control(key="fc_level").set_value(80).run()
    assert trace(charts(at)[0], "80% interval")
    assert at.query_params["steps"] == "30" and at.query_params["level"] == "80"
    assert reads == ["get var/latest.json"] * 2, f"changing steps or level read the store: {reads}"


def test_edited_lag_input_changes_the_forecast(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    before = values(_forecast_trace(at), "y")[1:]
    table = at.data_editor[0].value
    assert list(table.columns) == ["date", "realgdp", "realcons"]
    assert table["date"].iloc[-1] == "2009-07-01"
    at.session_state[_editor_key(at)] = {"edited_rows": {3: {"realgdp": 14000.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert errors(at) == ""
    after = values(_forecast_trace(at), "y")[1:]
    assert not np.allclose(before, after)
    assert "1 value differs from the model's own data" in "\n".join(c.value for c in at.caption)
    lags = seeded.load("var", "0.0.1").default_lag_inputs().copy()
    lags.iloc[3, 0] = 14000.0
    expected = forecast_artifact(seeded.load("var", "0.0.1"), 4, 0.05, lags)
    np.testing.assert_allclose(after, expected.forecast.mean[:, 0], rtol=1e-12)


def test_the_copy_link_carries_edited_lag_inputs_and_is_drawn_only_when_open(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    assert not at.code  # closed: nothing of it is sent on each change
    at.session_state[_editor_key(at)] = {"edited_rows": {3: {"realgdp": 14000.0}}, "added_rows": [], "deleted_rows": []}
    at.session_state[LINK_OPEN] = True
    at.run()
    link = at.code[0].value
    assert "model=var" in link and "steps=4" in link and urlencode({"lags": at.query_params["lags"]}) in link
    assert "14000" in at.query_params["lags"]


@pytest.mark.parametrize(
    "value, message",
    [
        (None, "is empty"),
        (float("inf"), "use a finite number"),
        ("9189,5", "is '9189,5', not a number; write it with a decimal point (9189.5)"),
        ("13,141.92", "is '13,141.92', not a number; write it without the thousands separators (13141.92)"),
    ],
)
def test_invalid_lag_input_shows_error_and_no_forecast(seeded, value, message):
    at = open_app({"model": "var"})
    at.session_state[_editor_key(at)] = {"edited_rows": {1: {"realcons": value}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    assert message in errors(at) and "realcons on 2009Q1" in errors(
        at
    )  # by its period, as the page and a lag file name it
    assert charts(at) == []
    assert not at.get("download_button")


def test_logdiff_model_refuses_non_positive_lag_inputs_and_says_the_point_is_a_median(seeded):
    from varlib import ModelSpec, load_dataset, publish_result, train_model

    dataset = load_dataset()
    result = train_model(dataset, ModelSpec(variables=tuple(dataset.variables), transform="logdiff", lags=2))
    publish_result(seeded, result, "logvar", "patch", "log model")
    at = open_app({"model": "logvar"})
    assert "median" in "\n".join(c.value for c in at.caption)
    assert trace(charts(at)[0], "forecast (median)")
    assert "· median in levels with 95%" in charts(at)[0]["layout"]["title"]["subtitle"]["text"]
    presented = open_app({"model": "logvar", "present": 1})  # no caption there: the subtitle says it
    assert not any("median" in c.value for c in presented.caption)
    assert "median in levels" in charts(presented)[0]["layout"]["title"]["subtitle"]["text"]
    at.session_state[_editor_key(at)] = {"edited_rows": {0: {"realgdp": -5.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "needs positive values" in errors(at) and charts(at) == []


@pytest.mark.parametrize(
    "csv, message",
    [
        ("date,realgdp,realcons\n2010-01-01,1,2\n2010-04-01,1,2\n", "has 2 data rows; this model needs 4"),
        ("date,realgdp,realcons\n1,1,2\n2,1,2\n3,1,2\n4,1,2\n", "row 1: '1' is not a date"),
        (
            "date,realgdp,realcons\n2008-10-01,1,x\n2009-01-01,1,2\n2009-04-01,1,2\n2009-07-01,1,2\n",
            "realcons on 2008Q4 is 'x', not a number",
        ),
        (b"date,realgdp\x81,realcons\x8d\n", "cannot be read: it is not text in UTF-8, UTF-16 or Windows-1252"),
    ],
)
def test_bad_lag_csv_is_explained(seeded, csv, message):
    at = open_app({"model": "var"})
    data = csv.encode() if isinstance(csv, str) else csv
    at.file_uploader[0].set_value(("lags.csv", data, "text/csv")).run()
    assert not at.exception
    assert message in errors(at)


def test_a_lag_csv_of_recent_data_newest_first_gives_its_last_four_quarters(seeded):
    at = open_app({"model": "var", "steps": 3})
    quarters = ["2011-01-01", "2010-10-01", "2010-07-01", "2010-04-01", "2010-01-01", "2009-10-01"]
    csv = "date,realgdp,realcons\n" + "".join(f"{d},{1100 - 10 * n},{950 - 5 * n}\n" for n, d in enumerate(quarters))
    at.file_uploader[0].set_value(("recent.csv", csv.encode(), "text/csv")).run()
    assert errors(at) == ""
    shown = at.data_editor[0].value
    assert shown["date"].tolist() == ["2010-04-01", "2010-07-01", "2010-10-01", "2011-01-01"]
    assert shown["realgdp"].tolist() == ["1070", "1080", "1090", "1100"]
    # the rows by their periods, as the table and the note below name them, not by their first days
    note = "recent.csv has 6 rows: the forecast starts from its last 4 (2010Q2 to 2011Q1)."
    assert note in [c.value for c in at.caption]
    assert values(_forecast_trace(at), "x")[1].startswith("2011-04-01")
    assert "are from 4 newer periods (2010Q2 to 2011Q1), none of them among" in "\n".join(c.value for c in at.caption)
    link = at.query_params["lags"]  # the rows are later than the version's own: the link dates them
    assert link.startswith("2010-04-01:1070,") and link.endswith("~1100,950")
    reopened = open_app({"model": "var", "steps": 3, "lags": link})
    assert errors(reopened) == "" and reopened.data_editor[0].value["date"].iloc[-1] == "2011-01-01"
    assert values(_forecast_trace(reopened), "x")[1].startswith("2011-04-01")
    np.testing.assert_allclose(values(_forecast_trace(reopened), "y"), values(_forecast_trace(at), "y"))
    moved = open_app({"model": "var", "lags": link.replace("2010-04-01:", "2010-05-15:")})
    warnings = "\n".join(w.value for w in moved.warning)
    assert "The link's lag inputs were not used: '2010-05-15' is not a period" in warnings


def test_a_lag_csv_of_the_models_rows_and_a_newer_one_is_compared_date_by_date(seeded):
    """The model's own last rows plus a newer one: the window moves a period and no shared value changed (row by
    row, all 8 would differ); an edit on a shared date is then counted as one."""
    at = open_app({"model": "var", "steps": 3})
    own = seeded.load("var", "0.0.1").default_lag_inputs()
    rows = "".join(f"{d.date()},{gdp!r},{cons!r}\n" for d, (gdp, cons) in own[["realgdp", "realcons"]].iterrows())
    csv = "date,realgdp,realcons\n" + rows + "2009-10-01,13100,9300\n"
    at.file_uploader[0].set_value(("more.csv", csv.encode(), "text/csv")).run()
    assert errors(at) == "" and at.data_editor[0].value["date"].iloc[-1] == "2009-10-01"
    captions = "\n".join(c.value for c in at.caption)
    assert "The inputs use 1 newer period (2009Q4); 0 values differ from the model's own data on the 3" in captions
    at.session_state[_editor_key(at)] = {"edited_rows": {0: {"realgdp": 14000.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "1 newer period (2009Q4); 1 value differs from the model's own data on the 3 dates they share" in (
        "\n".join(c.value for c in at.caption)
    )


def test_reset_restores_the_model_observations(seeded):
    at = open_app({"model": "var"})
    at.session_state[_editor_key(at)] = {"edited_rows": {1: {"realcons": None}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert errors(at)
    next(b for b in at.button if b.label.startswith("Reset")).click().run()
    assert errors(at) == "" and len(charts(at)) == 2


def test_uploaded_lag_csv_drives_the_forecast_and_a_bad_one_is_explained(seeded):
    at = open_app({"model": "var", "steps": 3})
    default = values(_forecast_trace(at), "y")[1:]
    csv = "date,realgdp,realcons\n2010-01-01,1000,900\n2010-04-01,1010,905\n2010-07-01,1020,910\n2010-10-01,1030,915\n"
    at.file_uploader[0].set_value(("lags.csv", csv.encode(), "text/csv")).run()
    assert errors(at) == ""
    assert at.data_editor[0].value["realgdp"].tolist() == ["1000", "1010", "1020", "1030"]
    uploaded = _forecast_trace(at)
    assert not np.allclose(values(uploaded, "y")[1:], default)
    assert values(uploaded, "x")[1].startswith("2011-01-01")  # dates continue from the CSV's own
    at.file_uploader[0].set_value(("bad.csv", b"date,gdp\n2010-01-01,1\n", "text/csv")).run()
    assert "lacks the columns realgdp, realcons" in errors(at)
    assert charts(at) == []  # nothing drawn while the file stays: another forecast would look like its


def test_a_european_lag_csv_drives_the_forecast_from_its_own_dates(seeded):
    """Semicolons, decimal commas and day-first dates: 01.10.2010 is 1 October, so the forecast starts in 2011."""
    at = open_app({"model": "var", "steps": 3})
    rows = "".join(f"01.{m:02d}.2010;{1000 + i * 10},5;{900 + i * 5}\n" for i, m in enumerate((1, 4, 7, 10)))
    at.file_uploader[0].set_value(("konten.csv", ("Datum;realgdp;realcons\n" + rows).encode(), "text/csv")).run()
    assert errors(at) == ""
    assert at.data_editor[0].value["realgdp"].tolist() == ["1000.5", "1010.5", "1020.5", "1030.5"]
    assert values(_forecast_trace(at), "x")[1].startswith("2011-01-01")
    # slashes: 01/04/2010 could be 4 January, but only 1 April lies on the model's quarterly grid
    uk = "date,realgdp,realcons\n" + "".join(f"01/{m:02d}/2011,1,2\n" for m in (1, 4, 7, 10))
    at.file_uploader[0].set_value(("uk.csv", uk.encode(), "text/csv")).run()
    assert errors(at) == "" and values(_forecast_trace(at), "x")[1].startswith("2012-01-01")


def test_bad_url_values_are_reported_and_replaced(seeded):
    at = open_app({"model": "var", "version": "9.9.9", "steps": "abc", "level": "97"})
    warnings = "\n".join(w.value for w in at.warning)
    assert "version '9.9.9'" in warnings and "steps 'abc'" in warnings and "level '97'" in warnings
    assert at.selectbox(key="fc_version").value == "latest"
    assert len(values(_forecast_trace(at), "x")) == 9


def test_downloads_carry_the_forecast(seeded):
    at = open_app({"model": "var", "steps": 5, "level": 99})
    assert not at.get("download_button")  # the table and its downloads are drawn once their expander opens
    at.session_state["fc_table_open"] = True
    at.run()
    buttons = {b.label: b for b in at.get("download_button")}
    assert set(buttons) == {"Download CSV", "Download JSON"}
    table = at.dataframe[-1].value
    assert len(table) == 5 and "realgdp lower" in table.columns
    expected = forecast_artifact(seeded.load("var", "latest"), 5, 0.01)
    np.testing.assert_allclose(table["realgdp upper"], expected.forecast.upper[:, 0], rtol=1e-12)


def test_interval_kinds_offered_by_the_library_appear_and_travel_in_the_url(seeded):
    from varlib.forecast_inputs import INTERVAL_KINDS

    if len(INTERVAL_KINDS) < 2:  # one kind: no toggle, nothing in the URL
        at = open_app({"model": "var"})
        assert "intervals" not in at.query_params
        return
    kind = INTERVAL_KINDS[-1]
    at = open_app({"model": "var", "steps": 6, "intervals": kind})
    control = at.segmented_control(key="fc_intervals")
    assert list(control.options) == list(INTERVAL_KINDS) and control.value == kind
    assert at.query_params["intervals"] == kind
    expected = forecast_artifact(seeded.load("var", "0.0.1"), 6, 0.05, intervals=kind)
    np.testing.assert_allclose(
        values(trace(charts(at)[0], "95% interval"), "y"), expected.forecast.lower[:, 0], rtol=1e-12
    )


def test_model_on_irregular_dates_forecasts_periods_ahead(seeded):
    """A version whose dates have no frequency (as a legacy pickle without dates is imported: training on a
    CSV refuses irregular dates) is forecast in periods after its last observation."""
    from varlib import ModelSpec, publish_result, train_model
    from varlib.data import Dataset

    rng = np.random.default_rng(3)
    days = pd.Timestamp("2024-01-01") + pd.to_timedelta(np.cumsum(rng.integers(1, 4, size=60)), unit="D")
    frame = pd.DataFrame(
        {"a": np.cumsum(rng.normal(size=60)), "b": np.cumsum(rng.normal(size=60))},
        index=pd.DatetimeIndex(days, name="date"),
    )
    dataset = Dataset("irregular", frame, "0" * 64, frequency=None)
    publish_result(seeded, train_model(dataset, ModelSpec(variables=("a", "b"), lags=1)), "irregular")
    at = open_app({"model": "irregular", "steps": 5})
    at.session_state["fc_table_open"] = True
    at.run()
    assert errors(at) == ""
    figure = charts(at)[0]
    assert figure["layout"]["xaxis"]["title"]["text"] == "periods after the last observation"
    assert list(values(trace(figure, "forecast"), "x")) == [0, 1, 2, 3, 4, 5]
    assert at.dataframe[-1].value.index.tolist() == ["+1", "+2", "+3", "+4", "+5"]
