"""What the screen of a sign-in that ran out keeps of the Train page's typed text, and what the first run after
signing in again puts back (ui.sign_in_link.keep_draft and its reader)."""

from __future__ import annotations

import json
from types import SimpleNamespace
from urllib.parse import unquote

import pytest

from ui import sign_in_link

ALICE, OWNER = "alice-subject", "https://id.example alice-subject"


class _State(dict):
    def to_dict(self) -> dict:
        return dict(self)


@pytest.fixture
def browser(monkeypatch):
    """A stand-in Streamlit: its session state and cookies, and the scripts sent to the browser."""
    fake = SimpleNamespace(session_state=_State(), context=SimpleNamespace(cookies={}), scripts=[])
    fake.user = SimpleNamespace(is_logged_in=True, to_dict=lambda: {"iss": "https://id.example", "sub": ALICE})
    monkeypatch.setattr(sign_in_link, "st", fake)
    monkeypatch.setattr(sign_in_link, "_run_in_browser", fake.scripts.append)
    return fake


def _cookie(script: str) -> str:
    start = script.index(f"{sign_in_link.DRAFT_COOKIE}=") + len(sign_in_link.DRAFT_COOKIE) + 1
    return script[start : script.index(";", start)]


def test_the_typed_name_and_notes_are_kept_and_nothing_else(browser):
    browser.session_state.update(
        {"train_name|macrodata": "draft", "train_notes": 'a "quoted" </script> note', "train_denied": True}
    )
    browser.session_state["train_source"] = "Bundled macro data"
    assert sign_in_link.keep_draft()
    [script] = browser.scripts
    value = _cookie(script)
    assert "<" not in value and '"' not in value and " " not in value  # nothing typed can end the script
    assert json.loads(unquote(value)) == {
        "train_name|macrodata": "draft",
        "train_notes": 'a "quoted" </script> note',
        "@owner": OWNER,  # who typed it
    }
    assert f"max-age={sign_in_link.LIFETIME_SECONDS}" in script


def test_a_draft_too_long_for_a_cookie_is_not_kept_and_said(browser):
    browser.session_state["train_notes"] = "é" * 1000  # 6 bytes each once encoded
    assert not sign_in_link.keep_draft()
    assert browser.scripts == []


def test_nothing_typed_writes_nothing(browser):
    browser.session_state["train_notes"] = ""
    assert sign_in_link.keep_draft() and browser.scripts == []


def test_signing_in_again_puts_back_the_kept_text_only_where_nothing_is_typed(browser):
    kept = {"train_name|rates": "rates-draft", "train_notes": "mine", "train_denied": "x", "fc_steps": "9"}
    kept["@owner"] = OWNER
    browser.context.cookies[sign_in_link.DRAFT_COOKIE] = sign_in_link.quote(json.dumps(kept), safe="")
    browser.session_state["train_notes"] = "typed since"
    assert sign_in_link._restore_draft()
    assert browser.session_state == {"train_name|rates": "rates-draft", "train_notes": "typed since"}


@pytest.mark.parametrize("value", ["%7Bnot json", sign_in_link.quote('["a list"]', safe="")])
def test_a_damaged_kept_draft_puts_back_nothing(browser, value):
    browser.context.cookies[sign_in_link.DRAFT_COOKIE] = value
    assert sign_in_link._restore_draft()  # still cleared with the return address
    assert browser.session_state == {}


def test_another_person_signing_in_in_the_same_browser_does_not_get_the_draft(browser):
    kept = {"train_notes": "alice's notes", "@owner": "https://id.example bob-subject"}
    browser.context.cookies[sign_in_link.DRAFT_COOKIE] = sign_in_link.quote(json.dumps(kept), safe="")
    assert sign_in_link._restore_draft()  # cleared with the return address all the same
    assert browser.session_state == {}
