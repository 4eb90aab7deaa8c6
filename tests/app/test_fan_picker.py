"""The Forecast page's Fan chart picker: levels picked in any order are shown, drawn and linked smallest first, as
the picker lists them, and the level control says how to draw one band again."""

from __future__ import annotations

from tests.app.conftest import errors, open_app


def test_levels_picked_out_of_order_are_shown_and_linked_smallest_first(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 5})
    at.pills(key="fc_fan").set_value([90, 30, 60]).run()  # clicked in that order
    assert not errors(at)
    assert at.query_params["fan"] == "30,60,90"
    level = at.segmented_control(key="fc_level|fan")
    assert level.options == ["30%", "60%", "90%"]
    assert "unpick them all to draw one band at 95%" in level.help  # pills are unpicked, not emptied
