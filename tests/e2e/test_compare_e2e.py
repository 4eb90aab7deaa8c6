"""A real Chromium on the Compare page: versions picked oldest first stay in that order, and no legend hides
under the modebar (server, MinIO and browser fixtures in tests/e2e/conftest.py)."""

from __future__ import annotations

import pytest

from tests.support.browser import legends_under_modebar, read_when, shot, wait_for_app
from varlib import ModelSpec, load_dataset, publish_result, train_model

pytestmark = [pytest.mark.e2e, pytest.mark.minio]


@pytest.fixture(scope="module")
def two_versions(dashboard):
    """The module's dashboard with var 0.0.2 (one lag) published beside the seeded var 0.0.1."""
    url, registry = dashboard
    dataset = load_dataset()
    publish_result(registry, train_model(dataset, ModelSpec(variables=tuple(dataset.variables), lags=1)), "var")
    return url, registry


# null while the table is not drawn (yet, or again during a rerun): the wait then keeps polling
HEADERS = """() => { const grid = document.querySelector('[data-testid="stDataFrame"]');
                     return grid ? [...grid.querySelectorAll('canvas thead th')].map(th => th.textContent) : null; }"""


SAME = "(found, want) => JSON.stringify(found) === JSON.stringify(want)"


def _headers(page, expected: list[str]) -> list[str]:
    """The comparison table's column headers once they are `expected` (or the last seen after the wait), read
    from the grid's accessible table: the grid itself is drawn on a canvas."""
    return read_when(page, HEADERS, SAME, expected, timeout_ms=30_000)


# null while the chart is not drawn (yet, or again during a rerun): the wait then keeps polling
LEGEND = """() => { const el = document.querySelectorAll('.js-plotly-plot')[0];
                    return el && el.data ? el.data.filter(d => d.mode === 'lines+markers').map(d => d.name) : null; }"""


def _legend(page, expected: list[str]) -> list[str]:
    """The versions in the first overlay chart, in the order of its traces (the legend's order), once they are
    `expected` (or the last seen after the wait): the chart is drawn after the table above it."""
    return read_when(page, LEGEND, SAME, expected, timeout_ms=30_000)


def test_versions_picked_oldest_first_stay_in_that_order(two_versions, page):
    url, _ = two_versions
    page.goto(f"{url}/compare")
    wait_for_app(page)
    page.get_by_role("heading", name="Side by side").wait_for()
    assert _headers(page, ["", "var 0.0.2", "var 0.0.1"]) == ["", "var 0.0.2", "var 0.0.1"]  # default: newest first
    picker = page.get_by_test_id("stMultiSelect")
    for label in ("var 0.0.2", "var 0.0.1"):
        picker.get_by_role("button", name=f"Remove {label}").click()
        wait_for_app(page)
    for label in ("var 0.0.1", "var 0.0.2"):  # oldest first, against the listing's order
        picker.get_by_role("combobox").click()
        page.get_by_role("option", name=label, exact=True).click()
        page.keyboard.press("Escape")
        wait_for_app(page)
    page.get_by_role("heading", name="Forecasts overlaid").wait_for()
    assert _headers(page, ["", "var 0.0.1", "var 0.0.2"]) == ["", "var 0.0.1", "var 0.0.2"]
    assert _legend(page, ["var 0.0.1", "var 0.0.2"]) == ["var 0.0.1", "var 0.0.2"]
    page.locator(".js-plotly-plot").first.hover()  # the modebar appears top right, where the legend once was
    assert not any(legends_under_modebar(page))
    page.get_by_text("Versions with the variables of var 0.0.1 (the first picked)").wait_for()
    shot(page, "compare-picked-order")
