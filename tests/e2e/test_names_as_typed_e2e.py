"""Names as Chromium shows them: variables named `<a href=...>` and `<b>BOLD</b>%{y}`, a file named with
markdown, and a note with a bare link read as typed in the charts and on the card, and nothing is a link to
another host."""

from __future__ import annotations

import pytest

from tests.app.test_names_as_typed import BOLD, FILE, LINK, hostile_csv
from tests.conftest import new_bucket
from tests.e2e.conftest import running_dashboard
from tests.support.browser import shot, wait_for_app
from varlib import ModelSpec, Registry, load_dataset, publish_result, train_model

pytestmark = [pytest.mark.e2e]

NOTE = "see https://evil.example/notes, www.evil.example or ops@evil.example"
EVIL_LINKS = "a[href*='evil.example']"
PORT = 8962  # this test's dashboard port (8960-8969 are the ones set aside for browser checks)


@pytest.fixture(scope="module")
def evil_dashboard(minio):
    """A dashboard on a fresh bucket holding evil 0.0.1, trained on the hostile CSV with NOTE as its notes."""
    registry = Registry.from_settings(minio.settings(new_bucket(), author="e2e"))
    dataset = load_dataset(csv=hostile_csv(), csv_name=FILE)
    spec = ModelSpec(variables=(LINK, BOLD, "inv"), transform="logdiff", lags=1)
    publish_result(registry, train_model(dataset, spec), "evil", "patch", NOTE)
    with running_dashboard({**minio.env(registry.store.bucket), "VARLIB_AUTHOR": "e2e"}, port=PORT) as url:
        yield url


def test_forecast_and_diagnostics_show_names_as_typed(page, evil_dashboard):
    page.goto(f"{evil_dashboard}/?model=evil")
    wait_for_app(page)
    chart = page.locator(".js-plotly-plot").first
    chart.locator("text.gtitle").first.wait_for()
    # one chart per variable (three), painted one after the other: all are waited for before they are read
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot text.gtitle').length >= 3")
    # a long title wraps between words (its lines are tspans, read back without the space): compared without spaces
    titles = ["".join(t.text_content().split()) for t in page.locator(".js-plotly-plot text.gtitle").all()]
    assert "".join(LINK.split()) in titles and BOLD in titles  # plotly's own markup is not read in a name
    axes = [t.text_content() for t in page.locator(".js-plotly-plot text.ytitle").all()]
    assert BOLD in axes and set(axes) <= {LINK, BOLD, "inv"}  # a y title taller than its plot is left out
    text = page.locator("[data-testid='stMain']").inner_text().replace("\u2060", "")  # the card's text, as read
    assert FILE in text and NOTE in text and f"{LINK} " in text
    assert page.locator(EVIL_LINKS).count() == 0
    assert page.locator(".js-plotly-plot b, .js-plotly-plot a").count() == 0
    shot(page, "names_as_typed_forecast")

    page.goto(f"{evil_dashboard}/diagnostics?model=evil&tab=impulse-responses")
    wait_for_app(page)
    page.locator(".js-plotly-plot text.annotation-text").first.wait_for()
    panels = ["".join(t.text_content().split()) for t in page.locator(".js-plotly-plot text.annotation-text").all()]
    # lines read back unspaced; the link's one long word does not fit a panel's line, so its title keeps its start
    # (varlib.grid_names), as typed: `<a` is text, not a tag, and the hover holds the whole name
    assert f"{LINK[:2]}…→{BOLD}" in panels and f"{BOLD}→{BOLD}" in panels, panels
    assert page.locator(EVIL_LINKS).count() == 0
    shot(page, "names_as_typed_diagnostics")
