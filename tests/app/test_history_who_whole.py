"""The Models page's History at 1440 px keeps who made each change whole: cut to the others' common width, a
signed-in publisher read "Paul Publi" beside the opaque subject that took as much room as their name."""

from __future__ import annotations

import json

from tests.app.conftest import open_app
from ui import column_widths, model_history
from varlib import Actor

PAUL = Actor("Paul Publisher", "CgdpZC1wYXVsEgVsb2NhbA", "http://127.0.0.1:5556/dex", "dashboard", "localhost")
ALICE = Actor("Alice Admin", "CghpZC1hbGljZRIFbG9jYWw", "http://127.0.0.1:5556/dex", "rest", "127.0.0.1")
REASON = "the 2008 rows were revised by the statistics office after training; retrain on the March vintage"


def _history_widths(at) -> dict[str, int]:
    table = next(frame for frame in at.dataframe if "action" in frame.value.columns)
    return {column: config["width"] for column, config in json.loads(table.proto.columns).items() if "width" in config}


def _team_history(seeded):
    """The Models page with the History open, after an alias move by one person and a withdrawal by another."""
    seeded.set_alias("var", "champion", "0.0.1", PAUL)
    seeded.withdraw("var", "0.0.1", REASON, ALICE)
    at = open_app({"model": "var"}, page="views/models.py")
    at.session_state["history_open|var"] = True
    at.run()
    return at


def test_a_signed_in_name_is_whole_and_the_table_fits_the_page(seeded):
    widths = _history_widths(_team_history(seeded))
    assert widths["by"] >= column_widths.need(["by", "Paul Publisher"])
    assert sum(widths.values()) <= model_history.ROOM  # the others are cut instead, each whole on a double-click
    assert widths["reason"] >= column_widths.REST_LEAST


def test_a_reason_keeps_room_to_be_read_and_empty_columns_are_left_out(seeded):
    """The reason was cut first, to 64 px at 1440: every reason read "the 2008…"; a column no row fills
    (`scenario`, `was`) took its room."""
    widths = _history_widths(_team_history(seeded))
    assert widths["reason"] >= model_history.REASON_LEAST and sum(widths.values()) <= model_history.ROOM
    assert "scenario" not in widths and "was" not in widths and "alias" in widths
