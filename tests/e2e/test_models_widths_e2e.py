"""The Models page's tables at 1440 px, as Chromium draws them: the versions table cut its short columns (checks,
model, status, variables) while the notes kept room, and the History scrolled sideways while its reason column
was empty. Each short column is as wide as its text now and neither table scrolls. A withdrawal's long reason and
three failed checks then cut status, checks and notes to one common width (notes to 64 px): the status is a word
(the reason is in the version's details), the checks name the failed ones, and the notes are one pick away."""

from __future__ import annotations

import pytest

from tests.support.browser import shot, table_overflow, wait_for_app
from tests.support.grid import cut_columns
from varlib import ModelSpec, load_dataset, publish_result, train_model

pytestmark = [pytest.mark.e2e, pytest.mark.minio]

REASON = (
    "The training file held the preliminary estimates of the national accounts, not the revised ones; refit on the"
    " revised file and compare the holdout errors before using it again"
)
NOTE = (
    "Refit on the revised national accounts: the holdout covers the last two years, the lag order was chosen by AIC"
    " again, and the intervals are the asymptotic ones"
)


def _open_history(page, url: str, counts: str) -> None:
    page.goto(f"{url}/models?model=var")
    wait_for_app(page)
    page.get_by_role("button", name="Refresh").click()  # the listings are cached for every session
    wait_for_app(page)
    page.get_by_text(counts).wait_for()
    page.get_by_text("History: publishes, alias moves, withdrawals and saved scenarios").click()
    wait_for_app(page)


def test_the_models_tables_fit_the_page_and_cut_only_their_free_text(dashboard, page, macro_result):
    url, registry = dashboard  # var 0.0.1
    dataset = load_dataset()
    publish_result(registry, train_model(dataset, ModelSpec(tuple(dataset.variables), lags=6)), "var", "patch", NOTE)
    for _ in range(2):
        publish_result(registry, macro_result, "var", "patch", NOTE)
    _open_history(page, url, "4 versions: 4 usable")
    # every record is a publish: the History's reason column is empty
    assert table_overflow(page) == [0, 0]  # the versions and the History (no alias yet: no aliases table)
    versions, history = cut_columns(page, 2)
    shot(page, "models-widths-1440")
    assert versions == history == {"headers": [], "cells": []}  # every default column whole
    registry.withdraw("var", "0.0.3", REASON)
    registry.set_alias("var", "champion", "0.0.2")
    _open_history(page, url, "4 versions: 3 usable, 1 withdrawn")
    assert table_overflow(page) == [0, 0, 0]
    versions, aliases, history = cut_columns(page, 3)
    shot(page, "models-widths-1440-withdrawn")
    assert versions == aliases == {"headers": [], "cells": []}  # status and checks read whole
    assert history == {"headers": [], "cells": ["reason"]}  # free text, whole on a double-click
    page.goto(f"{url}/models?model=var&version=0.0.3")
    wait_for_app(page)
    page.get_by_text("refit on the revised file").first.wait_for()  # the reason, whole in the version's details
