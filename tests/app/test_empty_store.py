"""An empty store: every page says so and links the pages that fill it (real links, not bold page names)."""

from __future__ import annotations

import pytest

from tests.app.conftest import errors, open_app
from varlib import publish_result

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
    texts = [m.value for m in at.markdown]
    assert texts.index("Or train on your own CSV:") > 0  # the first-model button first, the other way after it


def test_a_second_click_on_the_first_model_button_publishes_nothing_more(registry, macro_result):
    """A double click runs the page again after the first click's publish, while the cached listing still says
    the store is empty: the button is still drawn, and a second model must not be published."""
    at = open_app()
    publish_result(registry, macro_result, "var", "patch", "first model (onboarding)")  # the first click's
    assert at.button[0].label == "Train and publish a first model"
    at.button[0].click().run()
    assert not at.exception and errors(at) == ""
    assert [entry.label for entry in registry.list_versions("var")] == ["0.0.1"]
    assert at.selectbox(key="fc_version").value == "latest"  # the Forecast page, with the one model


def test_a_missing_bucket_is_named_beside_the_empty_store_hint(store_dir, monkeypatch):
    """A mistyped bucket reads as missing, naming the folders beside it, on the welcome and on every page."""
    (store_dir / "models" / "var").mkdir(parents=True)  # another bucket's folder: the one meant
    monkeypatch.setenv("MINIO_BUCKET", "modles")
    for page in [None, "views/models.py"]:
        at = open_app(page=page) if page else open_app()
        assert errors(at) == ""
        notes = [c.value for c in at.caption if "does not exist" in c.value]
        assert notes == [
            f"The folder {store_dir / 'modles'} does not exist (beside it: models): the first publish (CLI or"
            " dashboard) creates it; if you expected models here, check VARLIB_STORE_DIR and MINIO_BUCKET."
        ]


def test_an_existing_empty_bucket_has_no_missing_note(store_dir):
    (store_dir / "models").mkdir(parents=True)
    at = open_app(page="views/models.py")
    assert "no models yet" in "\n".join(i.value for i in at.info)
    assert not [c.value for c in at.caption if "does not exist" in c.value]
