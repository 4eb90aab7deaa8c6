"""A VARX forecast from exogenous values other than the editor's start names its files so (`-edited-exog`): they
were named as the forecast of the held values, so two CSVs of one name held different numbers (the CSV holds no
exogenous values to tell them apart)."""

from __future__ import annotations

import json

from tests.app.conftest import errors, open_app
from tests.app.test_forecast_periods_and_inputs import files as files  # a fixture

STEM = "varx-0.0.1-forecast-3-steps-95pct-standard"


def _images(at) -> list[str]:
    return [json.loads(chart.proto.config)["toImageButtonOptions"]["filename"] for chart in at.get("plotly_chart")]


def test_edited_exogenous_values_are_named_in_the_forecasts_files(varx, files):
    at = open_app({"model": "varx", "version": "0.0.1", "steps": 3, "level": 95})
    at.session_state["fc_table_open"] = True
    at.run()
    assert errors(at) == ""
    assert files.names == {"Download CSV": f"{STEM}.csv", "Download JSON": f"{STEM}.json"}  # the held values
    held = files.files["Download CSV"]
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|exogenous values|"))
    at.session_state[editor.key] = {"edited_rows": {0: {"realint": 2.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert errors(at) == "" and files.files["Download CSV"] != held  # other numbers ...
    edited = f"{STEM}-edited-exog"  # ... under another name
    assert files.names == {"Download CSV": f"{edited}.csv", "Download JSON": f"{edited}.json"}
    assert json.loads(files.files["Download JSON"])["exog"]["realint"][0] == 2.0
    assert _images(at) == [
        "varx-0.0.1-realgdp-3-steps-95pct-standard-edited-exog",
        "varx-0.0.1-realcons-3-steps-95pct-standard-edited-exog",
    ]
