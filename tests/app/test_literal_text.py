"""Typed text (notes, reasons, names) shown inside markdown reads as typed: ui.literal."""

from __future__ import annotations

import pytest

from ui.literal import literal


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("![px](http://x/t.png)", "!\\[px\\](http\\:\u2060//x/t.png)"),  # no image, nothing fetched, no bare link
        (":red[URGENT] **bold** $x^2$ <b>", "\\:red\\[URGENT\\] \\*\\*bold\\*\\* \\$x^2\\$ \\<b\\>"),
        ("see note:later", "see note\\:later"),  # `:later` was read as a directive, and vanished
        ("line one\n# heading\n- item\n12. twelfth", "line one  \n\\# heading  \n\\- item  \n12\\. twelfth"),
        ("realgdp_growth `code`", "realgdp\\_growth \\`code\\`"),
        ("4.5 and 3-2", "4.5 and 3-2"),  # only what would format is touched
    ],
)
def test_typed_text_is_escaped_and_keeps_its_lines(typed, shown):
    assert literal(typed) == shown


def test_the_librarys_own_text_keeps_its_code_marks():
    assert literal("set `--lags 2` *now*", code=True) == "set `--lags 2` \\*now\\*"
