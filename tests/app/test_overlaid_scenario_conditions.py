"""A saved scenario overlaid on the Forecast page marks its conditioned steps as the viewed forecast does, in its own
colour, with one legend entry per scenario."""

from __future__ import annotations

import numpy as np

from tests.app.conftest import charts, errors, open_app, trace, values
from varlib import make_scenario


def test_an_overlaid_scenario_marks_its_conditions_in_its_colour(seeded):
    artifact = seeded.load("var", "0.0.1")
    seeded.save_scenario(make_scenario(artifact, "dip", 4, conditions={"realgdp": [13000.0, None, 13100.0]}))
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    next(m for m in at.multiselect if m.label == "Overlay").set_value(["dip"]).run()
    assert errors(at) == ""
    gdp, cons = charts(at)
    line, held = trace(gdp, "dip"), trace(gdp, "dip condition")
    np.testing.assert_array_equal(values(held, "y"), [13000.0, 13100.0])
    assert held["x"] == [values(line, "x")[i] for i in (1, 3)]  # its first and third steps, after the lag input
    assert held["marker"]["symbol"] == "diamond-open" and held["marker"]["color"] == line["line"]["color"]
    assert held["customdata"] == ["2009Q4", "2010Q2"] and "dip condition" in held["hovertemplate"]
    assert held["legendgroup"] == line["legendgroup"]  # hidden and shown with its line, from its one entry
    assert [t["name"] for t in gdp["data"] if t.get("showlegend", True) and t["name"].startswith("dip")] == ["dip"]
    assert not [t for t in cons["data"] if t.get("name") == "dip condition"]  # realcons was not conditioned
