"""The Forecast page flags a condition far from what the model expects (varlib.VersionForecast.far_conditions),
beside the charts it would otherwise draw as a forecast."""

from __future__ import annotations

from tests.app.conftest import open_app
from ui.paths_editor import EDITOR_OPEN


def test_the_forecast_page_shows_the_warning_beside_the_charts(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    at.session_state[EDITOR_OPEN] = True
    at.run()
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|conditions|"))
    at.session_state[editor.key] = {"edited_rows": {0: {"realgdp": 5.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert any("1 condition lies" in w.value and "realgdp 5 at" in w.value for w in at.warning), at.warning
