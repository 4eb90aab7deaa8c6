"""A sign-in that runs out mid-typing on the Train page: signing in again brings back the model name and the notes
typed (they were lost: the sign-in goes through the provider, and the page that comes back is a new session), and
the sign-in screen says that an uploaded file must be uploaded again.

Both drafts are made first, one after the other, each in a browser context of its own (its own cookies, so its own
sign-in); their sign-ins then run out a few seconds apart, and the tests wait about once for the provider's short
token lifetime, not once each."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORT, dashboard_signing_in, log_in_at_dex, show_if_failed, sign_in
from tests.support.browser import cookie_once, shot, upload_for_training, wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.minio]
LIFETIME_S = 60  # signing in, training and typing the notes fit in it, even on a loaded machine
EXPIRED = "Your sign-in has expired: sign in again to go on."
CSV = Path(__file__).resolve().parents[2] / "examples" / "rates.csv"
NOTES = 'refit after the "March" revision <b>not bold</b>'


@dataclass
class Drafts:
    """The two pages, each with a draft typed on the Train page, and when the later of their sign-ins ended."""

    url: str
    dex: object
    trained: object  # a page with a model name typed, a model trained and notes typed
    uploaded: object  # a page with a CSV uploaded and a model name typed
    signed_at: float  # when the later of the two sign-ins had ended: both tokens were issued before it


@pytest.fixture(scope="module")
def drafts(minio, macro_result, tmp_path_factory, chromium):
    workdir = tmp_path_factory.mktemp("draft")
    with dashboard_signing_in(minio, macro_result, workdir, id_token_expiry=f"{LIFETIME_S}s") as (url, _, dex):
        contexts = [chromium.new_context(viewport=VIEWPORT) for _ in range(2)]
        try:
            trained, uploaded = (context.new_page() for context in contexts)
            signed_at = 0.0
            for page, type_draft in ((trained, _type_and_train), (uploaded, _upload_and_name)):
                page.set_default_timeout(60_000)
                sign_in(page, url, dex, "publisher", link="/train")
                signed_at = time.monotonic()  # the token was issued before this: its lifetime has begun
                type_draft(page)
                typed_in = time.monotonic() - signed_at
                assert typed_in < LIFETIME_S, (
                    f"typing took {typed_in:.0f} s, longer than a sign-in lasts: raise LIFETIME_S"
                )
            yield Drafts(url, dex, trained, uploaded, signed_at)
        finally:
            for context in contexts:
                context.close()


def _type_and_train(page) -> None:
    name = page.get_by_role("textbox", name="Model name")
    name.fill("draft-name")
    name.press("Enter")
    wait_for_app(page)
    train(page)
    notes = page.get_by_role("textbox", name="Notes")
    notes.fill(NOTES)
    notes.press("Control+Enter")
    wait_for_app(page)


def _upload_and_name(page) -> None:
    upload_for_training(page, CSV)
    name = page.get_by_role("textbox", name="Model name")
    expect(name).to_have_value("rates", timeout=30_000)  # the file's default
    name.fill("rates-draft")
    name.press("Enter")
    wait_for_app(page)


def expire_and_sign_in_again(page, drafts: Drafts, before_sign_in: Callable[[], None] | None = None) -> None:
    """Wait for the open page to turn to the sign-in screen by itself, then sign in from it (no new load first)."""
    time.sleep(max(0.0, LIFETIME_S + 2 - (time.monotonic() - drafts.signed_at)))
    page.get_by_text(EXPIRED).wait_for(timeout=15_000)
    wait_for_app(page)
    if before_sign_in is not None:
        before_sign_in()
    log_in_at_dex(page, drafts.dex, "publisher")
    page.wait_for_url(f"{drafts.url}/train**")  # the remembered address
    wait_for_app(page)


def train(page) -> None:
    page.get_by_role("button", name="Train").click()
    page.get_by_text("4 · Publish").wait_for(timeout=120_000)
    wait_for_app(page)


@pytest.fixture
def trained(request, drafts):
    """The page with the typed and trained draft, shown in the report if the test fails."""
    yield drafts.trained
    show_if_failed(request, drafts.trained)


@pytest.fixture
def uploaded(request, drafts):
    """The page with the uploaded draft, shown in the report if the test fails."""
    yield drafts.uploaded
    show_if_failed(request, drafts.uploaded)


def test_the_train_draft_comes_back_after_signing_in_again(drafts, trained):
    page = trained
    expire_and_sign_in_again(page, drafts)
    name = page.get_by_role("textbox", name="Model name")
    # the draft reaches the field a moment after the field is drawn: read until it holds it
    expect(name).to_have_value("draft-name", timeout=30_000)
    train(page)  # the trained result is a new session's to make again; the notes wait for it
    expect(page.get_by_role("textbox", name="Notes")).to_have_value(NOTES, timeout=30_000)
    shot(page, "sign-in-draft-after")
    assert cookie_once(page, "varlib_draft", lambda value: value is None) is None  # read once, then cleared


def test_the_sign_in_screen_says_an_upload_must_be_made_again(drafts, uploaded):
    page = uploaded

    def said_before_sign_in() -> None:
        lost = page.get_by_text("uploaded on the Train page is not kept: upload it again there", exact=False)
        lost.wait_for()
        assert "rates.csv" in lost.inner_text()
        shot(page, "sign-in-draft-upload-lost")

    expire_and_sign_in_again(page, drafts, said_before_sign_in)
    upload_for_training(page, CSV)
    name = page.get_by_role("textbox", name="Model name")
    expect(name).to_have_value("rates-draft", timeout=30_000)  # its name comes back
