"""Words for people: lists as they write them (`realgdp, realcons and realinv`, never `['realgdp', 'realcons']`),
stored times as they read them (`2026-11-30 03:42:03 UTC`) and what the deterministic-term codes mean."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

# What a model's deterministic-term codes mean (varlib.model_space: a VAR's trend, a VECM's terms), for pages,
# one-line descriptions and the report.
DETERMINISTIC_WORDS = {
    "n": "none",
    "co": "constant outside the relation",
    "ci": "constant inside the relation",
    "lo": "linear trend outside",
    "li": "linear trend inside",
    "colo": "constant and trend outside",
    "coli": "constant outside, trend inside",
    "cilo": "constant inside, trend outside",
    "cili": "constant and trend inside",
}
TREND_WORDS = {"c": "constant", "ct": "constant + linear trend", "n": "none"}


def and_list(items: Iterable, last: str = "and") -> str:
    """`a`, `a and b`, `a, b and c` (`last="or"` for alternatives); empty for no items."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def repeated(items: Iterable) -> list:
    """The items that occur more than once, each once, in the order they first occur."""
    return [item for item, count in Counter(items).items() if count > 1]


def utc_time(stamp: str | None) -> str:
    """`2026-11-30 03:42:03 UTC` for a stored ISO time in UTC (`2026-11-30T03:42:03Z`; fractions of a second
    dropped); empty for none."""
    return f"{stamp[:19].replace('T', ' ')} UTC" if stamp else ""


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`1 value`, `3 values`, `0 values` (`plural` for a noun that takes more than an s)."""
    return f"{count} {plural_of(count, noun, plural)}"


def plural_of(count: int, noun: str, plural: str | None = None) -> str:
    """`noun` for one, its plural for any other count: `column` before one name, `columns` before two."""
    return noun if count == 1 else plural or noun + "s"


def shortened(text: str, limit: int) -> str:
    """`text`, or its start and end around `...` when longer than `limit` characters (a value echoed in a message)."""
    if len(text) <= limit:
        return text
    head = limit * 2 // 3
    return f"{text[:head]}...{text[len(text) - (limit - head - 3) :]}"


NOT_COMPUTABLE = "not computable"  # a p-value that is NaN, as every table, verdict and CLI line writes it


def p_text(pvalue: float) -> str:
    """A p-value to three significant digits (`0.0412`), but `> 0.999` for one that would round to 1 (0.99986):
    a p of 1 claims a perfect fit that no test gives; and `< 1e-16` for one computed as 0, below what a tail
    probability in double precision resolves (a p of 0 claims a certainty no test gives either); `not computable`
    for a NaN (degenerate residuals, e.g. a combination of the variables fitted exactly), never `nan`."""
    if pvalue != pvalue:  # NaN, without numpy
        return NOT_COMPUTABLE
    if pvalue == 0:
        return "< 1e-16"
    shown = f"{pvalue:.3g}"
    return "> 0.999" if shown == "1" and pvalue < 1 else shown


def statistic_text(value: float) -> str:
    """A test's statistic to four significant digits (`12.35`), `not computable` for a NaN as p_text writes its
    p-value (degenerate residuals), never `nan`."""
    return NOT_COMPUTABLE if value != value else f"{value:.4g}"


def p_is(pvalue: float) -> str:
    """`p_text` as a sentence states it after `p`: `= 0.0412`, `> 0.999`, `< 1e-16`, `not computable`."""
    text = p_text(pvalue)
    return text if text[0] in "<>" or text == NOT_COMPUTABLE else f"= {text}"
