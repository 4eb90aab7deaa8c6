"""The browser benchmark's chart reference (bench/charts_app.py) draws what the Forecast page draws: one chart
per variable of the version, built by the page's own figure code, with the forecast's horizon."""

from __future__ import annotations

import numpy as np
from streamlit.testing.v1 import AppTest

from tests.app.conftest import charts, open_app, trace, values
from tests.support.minio_server import PROJECT_DIR


def test_the_reference_draws_the_forecast_pages_charts(seeded):
    reference = AppTest.from_file(str(PROJECT_DIR / "bench" / "charts_app.py"), default_timeout=60)
    reference.run()
    assert not reference.exception
    reference.number_input(key="steps").set_value(6).run()
    page = open_app({"model": "var", "version": "0.0.1", "steps": 6})
    drawn, expected = charts(reference), charts(page)
    assert len(drawn) == len(expected) == 2
    for ours, theirs in zip(drawn, expected, strict=True):
        assert [t["name"] for t in ours["data"]] == [t["name"] for t in theirs["data"]]
        mean = values(trace(ours, "forecast"), "y")
        assert len(mean) == 7  # the last lag input, then 6 steps
        np.testing.assert_allclose(mean, values(trace(theirs, "forecast"), "y"), rtol=1e-12)
