"""A request that does not fit its schema, told as the service's 422: each refused part by its place, the value
received and the reason in the library's words where it has them, and at most LISTED parts however many were
refused (a 0.9 MB body of bad rows made a 12 MB answer)."""

from __future__ import annotations

import json
import re

from fastapi import Request
from fastapi.exceptions import RequestValidationError

from varlib import InvalidInputError, check_alias, check_name, check_scenario_name, parse_version

from .error_json import SHOWN, shortened
from .query import LISTED as PARAMETERS_LISTED

LISTED = 5  # refused parts told in the message and in `details`


def validation_body(request: Request, exc: RequestValidationError) -> dict:
    """The error body of a refused request: the message, its `details` and how many were left out."""
    if not_json := _not_json(request, exc):
        return {"error": not_json, "type": "InvalidInputError"}
    errors = exc.errors()
    listed = errors[:LISTED]
    # Only loc/msg/type: the raw input may hold NaN or bytes, which JSON cannot carry.
    details = [
        {
            "loc": [shortened(str(part), SHOWN) for part in error.get("loc", ())],  # a 100 kB key name
            "msg": _path_reason(error) or str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in listed
    ]
    summary = "; ".join(
        f"{'.'.join(d['loc'])}: {_with_input(_reason(d), error)}" for d, error in zip(details, listed, strict=True)
    )
    body: dict = {"error": f"invalid request: {summary}", "type": "InvalidInputError", "details": details}
    if left_out := len(errors) - len(listed):
        body["error"] += f"; and {left_out:,} more, not listed: correct these and send it again"
        body["details_left_out"] = left_out
    return body


def _not_json(request: Request, exc: RequestValidationError) -> str | None:
    """The whole body refused because it was not sent as JSON (a form post, text/plain) or not sent at all: say
    how to send it."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    whole = [error for error in exc.errors() if tuple(error.get("loc", ())) == ("body",)]
    if not whole:
        return None
    if any(error.get("type") == "missing" for error in whole):  # no body at all, whatever its content type
        return (
            "the request has no body: send a JSON object (with Content-Type: application/json), {} for every"
            " default; /docs lists the fields"
        )
    if kind == "application/json" or kind.endswith("+json"):
        return None
    return (
        f"the body was sent as {kind or 'no content type'}; send the JSON object with the header"
        " Content-Type: application/json"
    )


# A path value the route's pattern refused is explained in the library's words, naming the value.
_PATH_CHECKS = {"name": check_name, "version": parse_version, "alias": check_alias, "scenario": check_scenario_name}


def _path_reason(error: dict) -> str | None:
    loc = tuple(error.get("loc", ()))
    check = _PATH_CHECKS.get(str(loc[-1])) if len(loc) == 2 and loc[0] == "path" else None
    value = error.get("input")
    if check is None or not isinstance(value, str):
        return None
    if (
        value.strip() and value != value.strip()
    ):  # the library trims blanks before it reads; the path's pattern takes it as sent
        what = {"name": "model name", "scenario": "scenario name"}.get(str(loc[-1]), str(loc[-1]))
        return (
            f"{what} {shortened(value, SHOWN)!r} is not valid: it has blank characters around it;"
            f" send {shortened(value.strip(), SHOWN)!r}"
        )
    try:
        check(value)
    except InvalidInputError as refused:
        return str(refused)
    return None


def _with_input(reason: str, error: dict) -> str:
    """The reason led by the value received (`steps: 401: Input should be ...`), shortened when long; not for
    a missing field (pydantic's input is then the whole object), an unknown one (its name is what is wrong) or a
    reason that names the value already."""
    if error.get("type") in ("missing", "extra_forbidden") or "input" not in error:
        return reason
    try:
        shown = json.dumps(error["input"], default=repr)  # NaN stays NaN: this is text, not the JSON body
    except (TypeError, ValueError, RecursionError):
        shown = repr(error["input"])
    if len(shown) > SHOWN:
        shown = f"{shown[: SHOWN - 3]}..."
    named = any(_as_word(text, reason) for text in (shown, repr(error["input"])))
    return reason if named else f"{shown}: {reason}"


def _as_word(text: str, reason: str) -> bool:
    """Whether `text` stands in `reason` as a value of its own: 0 does not stand in `at least 0.0001`."""
    return re.search(rf"(?<![\w.]){re.escape(text)}(?![\w.])", reason) is not None


def _reason(detail: dict) -> str:
    """A validation error's reason; an unknown parameter says where the endpoint's parameters are listed."""
    if detail["type"] == "extra_forbidden":
        return f"not a parameter of this endpoint ({PARAMETERS_LISTED})"
    return detail["msg"].removeprefix("Value error, ")  # our own validators' words, without pydantic's label
