"""The error answer as bytes a client can always read: text a request brought in is escaped where UTF-8 cannot
carry it, and shortened where it was sent huge."""

from __future__ import annotations

import math
from typing import Any

from fastapi.responses import JSONResponse

from varlib import escape_controls, shortened

SHOWN = 60  # characters of a received value shown in a message
RECEIVED = ("field", "value")  # an error's fields that may hold what a request sent (`key` and the rest never do)
LONGEST_MESSAGE = 2000  # a message's start (what is wrong) and end (what to do) are kept around a cut


class ErrorJSON(JSONResponse):
    """A JSONResponse whose text is escaped as `readable` does. A lone UTF-16 surrogate (JSON can write
    `"\\ud800"`) that reaches a message or a field cannot be encoded as UTF-8: Starlette's rendering would fail
    and the client get a bare 500 instead of the error. varlib.api.json_body refuses bodies holding one; this
    keeps any other way in from turning an error into a 500."""

    def render(self, content: Any) -> bytes:
        return super().render(readable(content))


def readable(value: Any) -> Any:
    """`value` with every string's lone surrogates written as their escape (`\\ud800`), keys included."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {readable(key): readable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [readable(item) for item in value]
    return value


def echoed(value: Any) -> Any:
    """A received value as an error answer's field gives it: text shortened to SHOWN characters (a 200 kB name is
    named, not echoed whole) with control characters escaped, as the message names them; a number JSON cannot carry
    named as the body wrote it (`"NaN"`, `"Infinity"`, `"-Infinity"`: the answer's JSON would make it null); anything
    else as it is."""
    if isinstance(value, str):
        return escape_controls(shortened(value, SHOWN))
    if isinstance(value, float) and not math.isfinite(value):  # numpy's floats are floats too
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return value
