"""An open Forecast page follows what it stands for without a click or a reload: an alias that moves, a version
withdrawn under it, `latest` when every version is withdrawn and when one is published again (ui.live)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import REFRESH
from tests.support.browser import shot, wait_for_app
from varlib import publish_result

pytestmark = [pytest.mark.e2e, pytest.mark.minio]
WAIT_MS = 8 * REFRESH * 1000


def test_a_page_on_an_alias_follows_its_moves_and_says_when_its_version_is_withdrawn(
    quick_dashboard, page, macro_result
):
    url, registry = quick_dashboard
    first = publish_result(registry, macro_result, "moving", "patch", "first").version
    second = publish_result(registry, macro_result, "moving", "patch", "second").version
    registry.set_alias("moving", "champion", second)
    page.wait_for_timeout(REFRESH * 1000 + 500)  # the dashboard's listing of model names may be that old
    page.goto(f"{url}/?model=moving&version=@champion&steps=6")
    wait_for_app(page)
    page.get_by_text(f"moving {second} · created").wait_for()
    registry.set_alias("moving", "champion", first)
    # nobody touches the page: it redraws with the version the alias points at now, and says it moved
    page.get_by_text(f"moving {first} · created").wait_for(timeout=WAIT_MS)
    page.get_by_text(f"@champion of moving now points at {first}; it pointed at {second} before.").wait_for()
    shot(page, "live-alias-moved")
    registry.withdraw("moving", first, "wrong data")
    page.get_by_text("wrong data").first.wait_for(timeout=WAIT_MS)  # the alias's refusal, with the reason
    # no forecast of a withdrawn version (the refusal comes first in its run: the old card goes when the run ends)
    expect(page.get_by_text(f"moving {first} · created")).to_have_count(0, timeout=10_000)
    shot(page, "live-alias-withdrawn")
    registry.set_alias("moving", "champion", second)  # an admin moves it as the refusal says: the page follows
    page.get_by_text(f"moving {second} · created").wait_for(timeout=WAIT_MS)
    expect(page.get_by_text("wrong data")).to_have_count(0, timeout=10_000)
    registry.delete_alias("moving", "champion")  # the page keeps the alias and says so: no other version shown
    page.get_by_text(f"it pointed at {second}); the Models page lists them").wait_for(timeout=WAIT_MS)
    expect(page.get_by_text(f"moving {second} · created")).to_have_count(0, timeout=10_000)
    shot(page, "live-alias-deleted")


def test_a_page_on_latest_says_when_no_version_is_left_and_shows_the_next_one(quick_dashboard, page, macro_result):
    url, registry = quick_dashboard
    only = publish_result(registry, macro_result, "lonely", "patch", "the only one").version
    page.wait_for_timeout(REFRESH * 1000 + 500)  # the dashboard's listing of model names may be that old
    page.goto(f"{url}/?model=lonely&version=latest&steps=6")
    wait_for_app(page)
    page.get_by_text(f"lonely {only} · created").wait_for()
    registry.withdraw("lonely", only, "retired")
    page.get_by_text(f"lonely {only} · created").wait_for(state="detached", timeout=WAIT_MS)
    expect(page.get_by_text("Train & publish").first).to_be_visible()  # the page says no version is in use
    published = publish_result(registry, macro_result, "lonely", "patch", "back again").version
    page.get_by_text(f"lonely {published} · created").wait_for(timeout=WAIT_MS)
    shot(page, "live-latest-back")


def test_a_page_on_a_pinned_version_says_when_it_is_withdrawn(quick_dashboard, page, macro_result):
    url, registry = quick_dashboard
    pinned = publish_result(registry, macro_result, "pinned", "patch", "kept on screen").version
    publish_result(registry, macro_result, "pinned", "patch", "the newer one")
    page.wait_for_timeout(REFRESH * 1000 + 500)  # the dashboard's listing of model names may be that old
    page.goto(f"{url}/?model=pinned&version={pinned}&steps=6")
    wait_for_app(page)
    page.get_by_text(f"pinned {pinned} · created").first.wait_for()
    registry.withdraw("pinned", pinned, "a units error")
    # still shown (a version named is reproducible), and now said to be withdrawn, with the reason
    page.get_by_text("a units error").first.wait_for(timeout=WAIT_MS)
    page.get_by_text(f"pinned {pinned} · created").first.wait_for()  # a rerun may show the old card beside it


@pytest.mark.parametrize("page_path", ["", "diagnostics", "backtest"])
def test_a_page_on_latest_follows_a_withdrawal_and_says_so(quick_dashboard, page, macro_result, page_path):
    """The Forecast page switched to the new `latest` without a word; every page on `latest` says which version was
    withdrawn and which it shows now, and a new publication is followed without such a notice."""
    url, registry = quick_dashboard
    name = f"follow-{page_path or 'forecast'}"
    older = publish_result(registry, macro_result, name, "patch", "older").version
    newer = publish_result(registry, macro_result, name, "patch", "newer").version
    page.wait_for_timeout(REFRESH * 1000 + 500)  # the dashboard's listing of model names may be that old
    page.goto(f"{url}/{page_path}?model={name}&version=latest")
    wait_for_app(page)
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Version").locator("input")
    expect(picker).to_have_value(f"latest ({newer})")
    registry.withdraw(name, newer, "superseded")
    expect(picker).to_have_value(f"latest ({older})", timeout=WAIT_MS)  # nobody touched the page
    said = f"{name} {newer}, which this page showed, was withdrawn by e2e (superseded): latest is now {older}"
    page.get_by_text(said, exact=False).wait_for()
    third = publish_result(registry, macro_result, name, "patch", "third").version
    expect(picker).to_have_value(f"latest ({third})", timeout=WAIT_MS)  # a new publication: followed, not said
    expect(page.get_by_text("which this page showed", exact=False)).to_have_count(0, timeout=10_000)


def test_compare_says_when_a_version_it_shows_is_withdrawn(quick_dashboard, page, macro_result):
    url, registry = quick_dashboard
    older = publish_result(registry, macro_result, "compared", "patch", "older").version
    newer = publish_result(registry, macro_result, "compared", "patch", "newer").version
    page.wait_for_timeout(REFRESH * 1000 + 500)  # the dashboard's listing of model names may be that old
    page.goto(f"{url}/compare?versions=compared:{older},compared:{newer}")
    wait_for_app(page)
    page.get_by_text("Forecasts overlaid").wait_for()
    assert page.get_by_text("a sign error").count() == 0
    registry.withdraw("compared", older, "a sign error")
    # nobody touches the page: the withdrawn version stays compared (it was picked) and is said to be withdrawn
    page.get_by_text("a sign error").first.wait_for(timeout=WAIT_MS)
    expect(page.locator('[data-testid="stMultiSelect"]')).to_contain_text(f"compared {older} (withdrawn)")
    expect(page.get_by_text("Forecasts overlaid")).to_be_visible()
