"""Plain text for what people type in (withdrawal reasons, scenario notes, author names), and its safe display.

A terminal obeys control characters: an ESC sequence can clear the screen or retitle the window and a newline
fakes an output line, so stored text is refused when it holds one (`check_plain`), and text stored before
that check is shown with them escaped (`escape_controls`). Bidirectional overrides and isolates are refused
too: they reorder what a reader sees (the "Trojan Source" trick). Other format characters, such as the
zero-width joiner of an emoji, are ordinary text.
"""

from __future__ import annotations

import unicodedata

from .errors import InvalidInputError

# Arabic letter mark, left-to-right and right-to-left marks, embeddings, overrides and isolates.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# The most characters of a version's or a scenario's notes: the one limit, checked by `check_notes` and quoted by
# the REST document (varlib.Scenario.MAX_NOTES). A withdrawal's reason has its own (catalog.withdrawals.MAX_REASON).
MAX_NOTES = 2000


def is_control(char: str) -> bool:
    """True for a character a terminal may act on: category Cc (C0, DEL, C1), a line or paragraph separator
    (U+2028, U+2029: a new line to Python's splitlines and many viewers), or a bidirectional control."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in BIDI_CONTROLS


def check_plain(
    text: str, what: str, field: str, allowed: str = "", hint: str = "use plain text", offset: int = 0
) -> str:
    """`text` unchanged, or InvalidInputError naming the first control character outside `allowed`, by its
    code point and its 1-based position (`offset`: characters before `text` in what was typed)."""
    for position, char in enumerate(text, start=1):
        if is_control(char) and char not in allowed:
            raise InvalidInputError(
                f"{what} a control character U+{ord(char):04X} at position {position + offset}; {hint}",
                field=field,
                value=text,
            )
    return text


def check_names(names, field: str) -> None:
    """Column names a model is trained on: printed in every table, chart and terminal line, so none holds a
    control character (a line break inside a quoted header cell, a direction mark that reorders the text)."""
    for name in names:
        shown = escape_controls(name)
        check_plain(
            str(name), f"column name '{shown}' holds", field, hint="rename the column to one line of plain text"
        )


def check_notes(notes: str) -> str:
    """Notes a person typed (a version's, a scenario's): at most MAX_NOTES characters of plain text, where new
    lines and tabs lay them out."""
    if len(notes) > MAX_NOTES:
        raise InvalidInputError(f"notes are {len(notes)} characters; keep them to at most {MAX_NOTES}", field="notes")
    return check_plain(notes, "notes have", "notes", "\n\t", "use plain text (new lines and tabs are fine)")


def escape_controls(text: object) -> str:
    """`text` with every control character shown as an escape (`\\n`, `\\x1b`, `\\u202e`), so stored text
    cannot drive the terminal it is printed on."""
    shown = str(text)
    if not any(is_control(char) for char in shown):
        return shown
    return "".join(_escape(char) if is_control(char) else char for char in shown)


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
