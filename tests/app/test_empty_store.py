"""An empty store: every page says so and links the pages that fill it (real links, not bold page names)."""

from __future__ import annotations

import pytest

from tests.app.conftest import errors, open_app

PAGES = ["views/models.py", "views/diagnostics.py", "views/backtest.py", "views/compare.py"]


def _links(at) -> dict[str, str]:
    """label -> the page it opens (its url path; '' is the default page)."""
    return {link.proto.label: link.proto.page for link in at.get("page_link")}


@pytest.mark.parametrize("page", PAGES)
def test_empty_store_links_train_and_forecast(store_dir, page):
    at = open_app(page=page)
    assert errors(at) == ""
    hint = next(i.value for i in at.info if "no models yet" in i.value)
    assert "**" not in hint  # pages are links below, not bold names
    links = _links(at)
    assert links.get("Train & publish: your CSV or the bundled data") == "train"
    assert links.get("Forecast: a first model in one click") == ""  # the default page lives at the root
    assert all(link.proto.page_script_hash for link in at.get("page_link"))


def test_onboarding_links_the_train_page(store_dir):
    at = open_app()
    assert "no models yet" in "\n".join(s.value for s in at.subheader)
    assert _links(at).get("Train & publish") == "train"
    assert not any("**Train & publish**" in m.value for m in at.markdown)
