"""The scenario editor's conditions file: removing it takes its conditions back, as removing a lag-inputs file gives
back the version's own inputs (it left them in force, seen only in the table)."""

from __future__ import annotations

import pandas as pd

from tests.app.conftest import charts, errors, open_app, trace
from ui.paths_editor import EDITOR_OPEN

UPLOADER = "_fc_path|conditions|var|0.0.1|upload"


def _conditions(at) -> list[str]:
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|conditions|"))
    return list(editor.value["realgdp"])


def test_removing_a_conditions_file_takes_its_conditions_back(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    at.session_state[EDITOR_OPEN] = True
    at.run()
    at.file_uploader(key=UPLOADER).set_value(("gdp.csv", b"step,realgdp\n2,13000\n", "text/csv")).run()
    assert errors(at) == "" and _conditions(at)[1] == "13000"
    assert any(t.get("name", "").startswith("condition") for t in charts(at)[0]["data"])
    at.file_uploader(key=UPLOADER).set_value(None).run()
    assert errors(at) == "" and _conditions(at) == [""] * 4
    assert any("The conditions of the removed file are taken back" in c.value for c in at.caption)
    assert trace(charts(at)[0], "forecast")  # a plain forecast again, not a conditioned one


def test_a_dated_conditions_file_follows_its_dates_when_later_lag_inputs_move_the_forecast(seeded):
    artifact = seeded.load("var", "0.0.1")
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    at.session_state[EDITOR_OPEN] = True
    at.run()
    at.file_uploader(key=UPLOADER).set_value(("gdp.csv", b"date,realgdp\n2010-04-01,13000\n", "text/csv")).run()
    assert errors(at) == "" and _conditions(at) == ["", "", "13000", ""]  # 2009Q4 on: 2010Q2 is step 3
    # lag inputs dated two quarters after the version's own: the forecast starts at 2010Q2
    rows = artifact.data.values[-artifact.lag_rows :]
    dates = pd.date_range(end="2010-01-01", periods=artifact.lag_rows, freq="QS").strftime("%Y-%m-%d")
    lags = "date,realgdp,realcons\n" + "".join(f"{d},{r[0]},{r[1]}\n" for d, r in zip(dates, rows, strict=True))
    lag_uploader = next(u for u in at.get("file_uploader") if u.key.startswith("lagcsv|"))
    lag_uploader.set_value(("later.csv", lags.encode(), "text/csv")).run()
    assert errors(at) == "" and _conditions(at) == ["13000", "", "", ""]  # still at 2010Q2, now step 1
    assert any("placed at their dates again" in c.value for c in at.caption)
