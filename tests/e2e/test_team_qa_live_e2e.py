"""What QA found stale on open pages: the Models page's aliases table and History stayed as they were while the
versions table above them redrew itself (ui.governance). A page on `latest` whose version is withdrawn:
tests/e2e/test_live_follow_e2e.py."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import REFRESH
from tests.support.browser import shot, wait_for_app
from varlib import publish_result

pytestmark = [pytest.mark.e2e, pytest.mark.minio]
WAIT_MS = 8 * REFRESH * 1000


def test_the_aliases_table_and_the_history_follow_the_timer(quick_dashboard, page, macro_result):
    url, registry = quick_dashboard
    first = publish_result(registry, macro_result, "kept", "patch", "first").version
    second = publish_result(registry, macro_result, "kept", "patch", "second").version
    registry.set_alias("kept", "canary", first)
    page.wait_for_timeout(REFRESH * 1000 + 500)
    page.goto(f"{url}/models?model=kept")
    wait_for_app(page)
    page.get_by_text("History: publishes, alias moves").click()
    history = page.locator('[data-testid="stExpander"]').filter(has_text="History: publishes")
    history.locator('[role="gridcell"]', has_text="alias.set").first.wait_for(state="attached")
    registry.set_alias("kept", "canary", second)  # `varlib alias set`, then `varlib withdraw`, by someone else
    registry.withdraw("kept", second, "qa stale table")
    # nobody touches the page: the alias' refusal and its table's mark come with the timer, as the versions' do
    page.get_by_text(f"@canary points at {second}, which is withdrawn", exact=False).wait_for(timeout=WAIT_MS)
    cells = page.locator('[role="gridcell"]')
    cells.filter(has_text=f"{second} (withdrawn)").first.wait_for(state="attached", timeout=WAIT_MS)
    history.locator('[role="gridcell"]', has_text="withdraw").first.wait_for(state="attached", timeout=WAIT_MS)
    history.locator('[role="gridcell"]', has_text="qa stale table").first.wait_for(state="attached")
    shot(page, "team-qa-models-follow")
