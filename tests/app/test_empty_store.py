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


@pytest.mark.parametrize("page", PAGES)
def test_a_read_only_empty_store_offers_no_link_to_a_publish_it_cannot_do(store_dir, monkeypatch, page):
    """The hint linked "a first model in one click" on a dashboard that offers no such button (read-only, as the
    compose file's default dashboard is): it says why instead, as the welcome does."""
    monkeypatch.setenv("VARLIB_READ_ONLY", "1")
    at = open_app(page=page)
    assert errors(at) == ""
    hint = next(i.value for i in at.info if "no models yet" in i.value)
    assert "read-only (VARLIB_READ_ONLY is on)" in hint and "with write access" in hint
    assert not _links(at)


def test_a_read_only_welcome_offers_neither_the_first_model_nor_the_train_page(store_dir, monkeypatch):
    """It still said "Start with a first model ... It takes a few seconds" and linked Train & publish, where
    nothing can be published either."""
    monkeypatch.setenv("VARLIB_READ_ONLY", "1")
    at = open_app()
    assert errors(at) == "" and not at.button
    assert "read-only (VARLIB_READ_ONLY is on)" in "\n".join(i.value for i in at.info)
    texts = "\n".join(m.value for m in at.markdown)
    assert "Start with a first model" not in texts and "Or train on your own CSV" not in texts
    assert not _links(at)


def test_a_viewer_is_not_sent_to_a_first_model_button_it_is_not_shown(store_dir, monkeypatch):
    """A signed-in viewer was linked to "Forecast: a first model in one click", where the button is left out for
    want of the publisher role."""
    import ui.auth
    from varlib import Actor

    claims = {"sub": "v", "iss": "http://issuer.test", "name": "Vera Viewer", "groups": ["staff"]}
    sign_in = ui.auth.SignIn(True, Actor.from_claims(claims, via="dashboard"), "viewer", claims=claims)
    monkeypatch.setattr(ui.auth, "current", lambda: sign_in)
    at = open_app(page="views/models.py")
    assert errors(at) == ""
    said = "\n".join(i.value for i in at.info)
    assert "no models yet" in said and "Publishing needs the publisher role" in said
    assert "Forecast: a first model in one click" not in _links(at)
