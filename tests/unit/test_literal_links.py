"""ui.literal: bare links (GFM's autolink literals: `https://`, `www.`, e-mail addresses) in typed text and in
library messages are no links, and read as typed (an invisible WORD JOINER breaks them; Chromium's check is
tests/e2e/test_names_as_typed_e2e.py)."""

from __future__ import annotations

import re

import pytest

from ui.literal import library_text, literal

WORD_JOINER = "\u2060"  # what breaks a bare link, invisible

# GFM's autolink literals, as mdast-util-gfm-autolink-literal finds them in the text markdown decoded (so
# escapes and entities do not stop them)
AUTOLINK = re.compile(r"(https?://|www(?=\.))[-.\w]+|[-.\w+]+@[-\w]+(?:\.[-\w]+)+", re.IGNORECASE)


def decoded(markdown: str) -> str:
    """The text markdown shows: its backslash escapes taken off."""
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize(
    "typed",
    [
        "see https://evil.example",
        "<img src=https://evil.example/x.png>",
        '<a href="https://evil.example/">CLICK</a>',
        "HTTP://EVIL.EXAMPLE and www.evil.example and WWW.evil.example",
        "write to ops@evil.example or mailto:x@evil.example",
    ],
)
@pytest.mark.parametrize("escape", [literal, lambda text: literal(text, code=True), library_text])
def test_bare_links_are_no_links_and_read_as_typed(typed, escape):
    shown = decoded(escape(typed))
    assert not AUTOLINK.search(shown), shown
    assert shown.replace(WORD_JOINER, "") == typed


def test_code_keeps_its_text():
    assert "`https://x.example`" in library_text("run `https://x.example` then")
    assert library_text("time 10:30, a//b, www-x") == "time 10:30, a//b, www-x"
