"""Lists in messages as people write them: `realgdp, realcons and realinv`, never `['realgdp', 'realcons']`."""

from __future__ import annotations

from collections.abc import Iterable


def and_list(items: Iterable, last: str = "and") -> str:
    """`a`, `a and b`, `a, b and c` (`last="or"` for alternatives); empty for no items."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"
