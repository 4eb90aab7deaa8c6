"""The Forecast page's lag inputs of nine long-named variables, as Chromium draws them at 1440 and 1920 px: 1738 px of
columns scrolled sideways in a 978 px table, each name cut. The table shows as many variables as fit, and a value
typed in one of them still applies, and is still there, once another variable is picked instead.

The store is a local folder (no MinIO needed)."""

from __future__ import annotations

import pytest

from tests.support.browser import edit_newest_lag, read_when, shot, wait_for_app
from tests.support.models import LONG_NAMES as NAMES

pytestmark = pytest.mark.e2e
# the lag table (the page's first): how far its content runs past its width (px), its headers and first row's cells
# (null until the page has drawn it: a reader that threw ended the wait at once)
LAGS = """() => { const t = document.querySelector('[data-testid="stDataFrame"]');
  const s = t && t.querySelector('.dvn-scroller');
  if (!s) return null;
  return {overflow: s.scrollWidth - s.clientWidth, headers: [...t.querySelectorAll('thead th')].map(h => h.textContent),
          cells: [...t.querySelectorAll('tbody tr:first-child td')].map(c => c.textContent)}; }"""
PICKER = '[data-testid="stMultiSelect"]'


@pytest.mark.parametrize("width, height", [(1440, 1000), (1920, 1080)])
def test_the_lag_table_of_nine_long_names_fits_the_page(long_named_dashboard, page, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{long_named_dashboard}/?model=long&steps=4")
    wait_for_app(page)
    # laid out a frame later; its headers (the grid's accessible table) later still on a loaded machine
    table = read_when(page, LAGS, "(t) => t !== null && t.overflow === 0 && t.headers.length > 1", timeout_ms=30_000)
    shot(page, f"lag-table-long-names-{width}")
    assert table["overflow"] == 0, table
    assert table["headers"][1:] == list(NAMES.values())[: len(table["headers"]) - 1]  # whole names, in order


def test_a_value_typed_in_the_lag_table_stays_when_other_variables_are_picked(long_named_dashboard, page):
    page.goto(f"{long_named_dashboard}/?model=long&steps=4")
    wait_for_app(page)
    edit_newest_lag(page, "14000", rows=1)  # real_gross_domestic_product, its one row
    page.get_by_text("1 value differs from the model's own data").wait_for()
    picker = page.locator(PICKER).filter(has_text="Variables in the table")
    picker.get_by_role("button", name="Remove real_gross_domestic_product").click()
    wait_for_app(page)
    table = read_when(
        page, LAGS, "(t) => t !== null && t.overflow === 0 && !t.headers.includes('real_gross_domestic_product')"
    )
    assert table["overflow"] == 0, table
    page.get_by_text("1 value differs from the model's own data").wait_for()  # the hidden value still applies
    picker.get_by_role("combobox").fill("real_gross_domestic_product")
    page.keyboard.press("Enter")
    wait_for_app(page)
    table = read_when(page, LAGS, "(t) => t !== null && t.headers.includes('real_gross_domestic_product')")
    column = table["headers"].index("real_gross_domestic_product")
    assert table["cells"][column] == "14000", table
