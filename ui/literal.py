"""Text that people typed (notes, reasons, names) shown inside markdown as itself: never formatting, a link, an
image fetched from another host, a colour or maths, and with its line breaks kept.

Markdown (GFM) also makes a link of bare text: `https://...`, `www....` and an e-mail address (its autolink
literals), even through escaping backslashes and numeric entities (Streamlit finds them in the decoded text).
An invisible WORD JOINER (U+2060) between `:` and `//`, `www` and `.`, and an address's name and its `@` breaks
them: the text reads as typed and is no link (checked in Chromium). An alias (`@champion`) is no address."""

from __future__ import annotations

import re

# what would format text: `[` and `]` also stop links and images; `:` a directive (`:red[...]`; `:name` alone
# vanished from the text)
_FORMATTING = r"\\*_\[\]<>#|~$:"
_TYPED, _LIBRARY = re.compile(f"([{_FORMATTING}`])"), re.compile(f"([{_FORMATTING}])")  # the second keeps code
_LIBRARY_TEXT = re.compile(r"([\\*_\[\]<>#|~$])")
_SHORT_CODE = re.compile(r":(?=[\w+-]+[:\[])")  # `:red[` or `:smile:`, a directive or an emoji's short code
# where GFM would link bare text: between a scheme's `:` and `//`, `www` and `.`, an e-mail's name and its `@`
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?<=[-.\w+])(?=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"  # invisible, and no character an autolink literal is made of
_CODE_SPAN = re.compile(r"(`[^`]*`)")  # a code span links nothing, and shows the text as it is
_LINE_START = re.compile(r"^(\s*)([-+]|\d+[.)])(?=\s)", re.MULTILINE)  # a list item or a numbered line


EMPHASIS = "\x02"  # the dashboard's own *emphasis* inside a library message (ui.errors), kept when it is escaped


def library_text(message: object) -> str:
    """A library message for markdown: it may hold what people typed (a withdrawal's reason, a name, a link's
    value), so it is escaped as `literal` (its `code` kept), and only the dashboard's own EMPHASIS is emphasis.
    A colon is escaped only where it opens a directive or a short code (`:red[`, `:smile:`): a message's own
    colons (`withdrawn: ...`) stay as they read."""
    escaped = _LIBRARY_TEXT.sub(r"\\\1", str(message))
    escaped = _LINE_START.sub(_not_a_list, _SHORT_CODE.sub(r"\\:", escaped))
    escaped = _no_links(escaped, code=True)
    return "  \n".join(escaped.splitlines()).replace(EMPHASIS, "*")


def literal(text: object, code: bool = False) -> str:
    """`text` escaped for st.markdown and friends, each line break a line break. `code`: the library's own text,
    whose `backticks` mark code."""
    escaped = (_LIBRARY if code else _TYPED).sub(r"\\\1", str(text))
    escaped = _no_links(_LINE_START.sub(_not_a_list, escaped), code)
    return "  \n".join(escaped.splitlines())


def _no_links(escaped: str, code: bool) -> str:
    """Escaped text whose autolink literals are broken by a WORD_JOINER, outside its code spans (`code`)."""
    parts = _CODE_SPAN.split(escaped) if code else [escaped]
    return "".join(part if n % 2 else _AUTOLINK.sub(WORD_JOINER, part) for n, part in enumerate(parts))


def _not_a_list(match: re.Match) -> str:
    """`- item` as `\\- item`, `1. item` as `1\\. item`: a line of typed text, not a list."""
    marker = match[2]
    return f"{match[1]}\\{marker}" if marker in "-+" else f"{match[1]}{marker[:-1]}\\{marker[-1]}"
