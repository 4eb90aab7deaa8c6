"""A forecast chart's title that starts with an accented capital (Ärzte, École) keeps air above its accent, drawn in
a real Chromium as the page's plotly draws it and in its exported image (the machine's own face): it touched the
chart's top edge on the page and was cut off an exported image."""

from __future__ import annotations

import base64
import io
import json

import numpy as np
import plotly
import plotly.graph_objects as go
import pytest
from PIL import Image

from ui import presentation
from ui.chart_look import Look

pytestmark = pytest.mark.e2e

PLOTLY_JS = plotly.__path__[0] + "/package_data/plotly.min.js"
# the chart drawn in a new element, and its image as the modebar's camera saves it (at the drawn size)
DRAWN = """(figure) => { const el = document.createElement('div'); document.body.appendChild(el);
  return Plotly.newPlot(el, figure.data, figure.layout).then(() => Plotly.toImage(el, {format: 'png', scale: 1}))
    .then(image => { el.remove(); return image; }); }"""
LEAST_AIR = 4  # px between the chart's top edge and the accent, as the layout's comment promises


def _first_ink_row(png: str) -> int:
    """The first row of an image (a data URL) that holds ink: the title's top."""
    image = np.asarray(Image.open(io.BytesIO(base64.b64decode(png.split(",", 1)[1]))).convert("L")).astype(int)
    ink = np.abs(image - np.median(image[:, :5])) > 60
    return int(np.nonzero(ink.any(axis=1))[0][0])


@pytest.mark.parametrize("present", [False, True])
@pytest.mark.parametrize("title", ["Ärzte_Einkommen", "École_Ausgaben"])
def test_an_accented_capital_in_a_title_keeps_air_above_it(page, present, title):
    page.add_script_tag(path=PLOTLY_JS)
    look = Look(subtitle="var 0.0.1 · mean with 95% standard interval", present=present)  # either theme: its colours
    height = presentation.STACK_HEIGHT if present else presentation.NORMAL_HEIGHT
    fig = go.Figure(layout={**look.layout(title, title, "date", height), "width": 900})
    fig.add_scatter(x=[0, 1], y=[0, 1], name="history")
    top = _first_ink_row(page.evaluate(DRAWN, json.loads(fig.to_json())))
    assert top >= LEAST_AIR, (title, present, top)  # 0 to 2 px: the accent's top was cut off
