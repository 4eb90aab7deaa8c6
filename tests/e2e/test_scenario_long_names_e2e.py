"""The scenario's conditions table at 1440 px, as Chromium draws it: nine long-named variables (eleven columns) ran
past the page, the table scrolled sideways and each name was cut. It shows as many variables as fit now.

The store is a local folder (no MinIO needed)."""

from __future__ import annotations

import pytest

from tests.app.test_scenario_long_names_table import NAMES, _long_named
from tests.e2e.conftest import running_dashboard
from tests.support.browser import read_when, shot, wait_for_app
from varlib import Registry
from varlib.config import Settings

pytestmark = pytest.mark.e2e
# the conditions table (the page's last): how far its content runs past its width (px), and its headers
CONDITIONS = """() => { const t = [...document.querySelectorAll('[data-testid="stDataFrame"]')].at(-1);
  const s = t.querySelector('.dvn-scroller');
  const headers = [...t.querySelectorAll('thead th')].map(h => h.textContent);
  return {overflow: s.scrollWidth - s.clientWidth, headers}; }"""


@pytest.fixture(scope="module")
def long_named_dashboard(tmp_path_factory):
    settings = {"VARLIB_STORE_DIR": str(tmp_path_factory.mktemp("long_names") / "store"), "VARLIB_AUTHOR": "e2e"}
    _long_named(Registry.from_settings(Settings.from_env(settings)))
    with running_dashboard(settings) as url:
        yield url


def test_the_conditions_table_of_nine_long_names_fits_the_page(long_named_dashboard, page):
    page.goto(f"{long_named_dashboard}/?model=long&steps=4")
    wait_for_app(page)
    page.get_by_text("Scenario: conditions").click()
    wait_for_app(page)
    table = read_when(page, CONDITIONS, "(t) => t.overflow === 0 && t.headers.length > 2")
    page.locator('[data-testid="stDataFrame"]').last.scroll_into_view_if_needed()
    shot(page, "scenario-long-names-1440")
    assert table["overflow"] == 0, table
    assert table["headers"][2:] == list(NAMES.values())[: len(table["headers"]) - 2]  # whole names, in order
