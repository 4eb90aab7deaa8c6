"""The scenario's conditions table at 1440 px, as Chromium draws it: nine long-named variables (eleven columns) ran
past the page, the table scrolled sideways and each name was cut. It shows as many variables as fit now.

The store is a local folder (no MinIO needed)."""

from __future__ import annotations

import pytest

from tests.support.browser import read_when, shot, wait_for_app
from tests.support.models import LONG_NAMES as NAMES

pytestmark = pytest.mark.e2e
# the conditions table (in its expander): how far its content runs past its width (px), and its headers; null until
# drawn (a reader that threw ended the wait at once, and the page's last table was the lag table a moment before)
CONDITIONS = """() => { const t = [...document.querySelectorAll('[data-testid="stExpander"]')]
    .find(e => e.innerText.includes('Scenario: conditions'))?.querySelector('[data-testid="stDataFrame"]');
  const s = t && t.querySelector('.dvn-scroller');
  if (!s) return null;
  const headers = [...t.querySelectorAll('thead th')].map(h => h.textContent);
  return {overflow: s.scrollWidth - s.clientWidth, headers}; }"""


def test_the_conditions_table_of_nine_long_names_fits_the_page(long_named_dashboard, page):
    page.goto(f"{long_named_dashboard}/?model=long&steps=4")
    wait_for_app(page)
    page.get_by_text("Scenario: conditions").click()
    wait_for_app(page)
    table = read_when(page, CONDITIONS, "(t) => t !== null && t.overflow === 0 && t.headers.length > 2")
    page.locator('[data-testid="stDataFrame"]').last.scroll_into_view_if_needed()
    shot(page, "scenario-long-names-1440")
    assert table["overflow"] == 0, table
    assert table["headers"][2:] == list(NAMES.values())[: len(table["headers"]) - 2]  # whole names, in order
