"""The Train page's draft on the screen of a sign-in that ran out, in Chromium: the cookie that carries it was
written once, when the screen was drawn, while the return address is written again at each press or key on that
screen. A tab that turned to the screen by itself more than 15 minutes before Sign in was pressed returned to the
Train page without the text typed there. Served by the browser itself (no dashboard, no socket)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.support.browser import cookie_once
from ui import sign_in_link

pytestmark = pytest.mark.e2e
ORIGIN = "http://dashboard.invalid"  # answered below: nothing leaves the browser


@pytest.fixture
def screen(page, monkeypatch):
    """A page of ORIGIN running the scripts keep_draft sends, as the sign-in screen's run draws them."""
    scripts: list[str] = []
    monkeypatch.setattr(sign_in_link, "_run_in_browser", scripts.append)
    monkeypatch.setattr(sign_in_link, "_signed_in_as", lambda: "https://id.example alice")
    page.route(f"{ORIGIN}/**", lambda route: route.fulfill(status=200, content_type="text/html", body="<p>x</p>"))
    page.goto(f"{ORIGIN}/train")
    yield page, scripts
    page.context.clear_cookies()


def _draft(page, holds) -> str | None:
    """The draft cookie once `holds(value)`, or as it is after 5 s (a script's cookie is stored a moment later)."""
    return cookie_once(page, sign_in_link.DRAFT_COOKIE, holds, ORIGIN)


class _State(dict):
    def to_dict(self) -> dict:
        return dict(self)


def _typed(monkeypatch, notes: str) -> None:
    """The session's state as the screen's run sees it: the notes typed on the Train page."""
    monkeypatch.setattr(sign_in_link, "st", SimpleNamespace(session_state=_State(train_notes=notes)))


def _run(page, script: str) -> None:
    page.evaluate("(code) => new Function(code)()", script.removeprefix("<script>").removesuffix("</script>"))


def test_the_draft_is_written_again_at_each_press_or_key_on_the_screen(screen, monkeypatch):
    page, scripts = screen
    _typed(monkeypatch, "first")
    assert sign_in_link.keep_draft()
    _run(page, scripts[-1])
    written = _draft(page, lambda value: value is not None)
    assert written is not None and "first" in written
    page.evaluate(f"document.cookie = '{sign_in_link.DRAFT_COOKIE}=; path=/; max-age=0'")  # its 15 minutes are over
    assert _draft(page, lambda value: value is None) is None
    page.keyboard.press("Shift")  # someone comes back to the tab
    assert _draft(page, lambda value: value == written) == written
    _typed(monkeypatch, "second")
    assert sign_in_link.keep_draft()  # a later run of the screen: its draft is the one written from then on
    _run(page, scripts[-1])
    page.evaluate(f"document.cookie = '{sign_in_link.DRAFT_COOKIE}=; path=/; max-age=0'")
    assert _draft(page, lambda value: value is None) is None
    page.mouse.click(5, 5)
    assert "second" in (_draft(page, lambda value: "second" in (value or "")) or "")
