"""A request that does not fit its schema, told as the service's 422: each refused part by its place, the value
received and the reason in the library's words where it has them, and at most LISTED parts however many were
refused (a 0.9 MB body of bad rows made a 12 MB answer)."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel

from varlib import (
    INTERVAL_KINDS,
    InvalidInputError,
    and_list,
    check_alias,
    check_forecast_options,
    check_name,
    check_scenario_name,
    is_alias,
    level_to_alpha,
    parse_version,
    shortened,
)

from .error_json import SHOWN, echoed
from .field_words import field_reason, range_reason
from .query import LISTED as PARAMETERS_LISTED
from .schemas import ForecastRequest
from .type_reasons import type_reason

LISTED = 5  # refused parts told in the message and in `details`
ECHOED = 1000  # characters of JSON: a refused value longer than that is named by its place only
_NOT_A_FIELD = "not a field of this body"
_PATHS = ("conditions", "exog")  # a body's paths: variable -> values step by step


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
            "msg": _path_reason(error)
            or _bound_reason(error)
            or range_reason(request, error)
            or _too_few_versions(request, error)
            or _unknown_field(request, error)
            or _path_shape(error)
            or type_reason(request, error)
            or field_reason(request, error)
            or str(error.get("msg", "")).removeprefix("Value error, "),  # our validators' words, without the label
            "type": str(error.get("type", "")),
        }
        for error in listed
    ]
    summary = "; ".join(
        f"{'.'.join(d['loc'])}: {_with_input(_reason(d), error)}" for d, error in zip(details, listed, strict=True)
    )
    body: dict = {"error": f"invalid request: {summary}", "type": "InvalidInputError", **_first_refused(errors[0])}
    body["details"] = details
    if left_out := len(errors) - len(listed):
        body["error"] += f"; and {left_out:,} more, not listed: correct these and send it again"
        body["details_left_out"] = left_out
    return body


_PLACES = ("body", "query", "path", "header", "cookie")


def _first_refused(error: dict) -> dict:
    """`field` and `value` as a library refusal gives them, for the first refused part: its place without the
    request's part (`steps`, `conditions.realgdp`, `irf_periods`) and the value received. No value for a missing
    field (pydantic's input is then the whole object), none longer than ECHOED (text is shortened instead, as the
    message quotes it: a 5,000-character alias is named; a NaN is named as the body wrote it); nothing for the whole
    body."""
    loc = [str(part) for part in error.get("loc", ())]
    place = loc[1:] if loc[:1] and loc[0] in _PLACES else loc
    if not place:
        return {}
    refused: dict = {"field": shortened(".".join(place), SHOWN)}
    if error.get("type") != "missing" and "input" in error:
        value = echoed(error["input"])
        try:
            # 10,000 rows of the wrong shape are not echoed
            if not isinstance(value, str) and len(json.dumps(value, allow_nan=False)) > ECHOED:
                return refused
        except (TypeError, ValueError, RecursionError):
            return refused
        refused["value"] = value
    return refused


def _not_json(request: Request, exc: RequestValidationError) -> str | None:
    """The whole body refused because it was not sent as JSON (a form post, text/plain) or not sent at all: say
    how to send it."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    whole = [error for error in exc.errors() if tuple(error.get("loc", ())) == ("body",)]
    if not whole:
        return None
    if any(error.get("type") == "missing" for error in whole):  # no body at all, whatever its content type
        required = _required_fields(request)
        fields = f"with {and_list(f'`{name}`' for name in required)}" if required else "{} for every default"
        return (
            f"the request has no body: send a JSON object (with Content-Type: application/json), {fields};"
            " /docs lists the fields"
        )
    if kind == "application/json" or kind.endswith("+json"):
        return None
    return (
        f"the body was sent as {kind or 'no content type'}; send the JSON object with the header"
        " Content-Type: application/json"
    )


def _required_fields(request: Request) -> list[str]:
    """The fields the route's body cannot do without (a withdrawal's `reason`): `{}` would be refused too."""
    field = getattr(request.scope.get("route"), "body_field", None)
    model = getattr(getattr(field, "field_info", None), "annotation", None)
    fields = getattr(model, "model_fields", {})
    return [name for name, info in fields.items() if info.is_required()]


def _version_or_alias(value: str) -> object:
    return check_alias(value) if is_alias(value) else parse_version(value)


# A path value, or an item of a query list, that the route's pattern refused is explained in the library's words,
# naming the value.
_PATH_CHECKS = {"name": check_name, "version": parse_version, "alias": check_alias, "scenario": check_scenario_name}
_QUERY_LIST_CHECKS = {"versions": _version_or_alias}  # GET /models/{name}/compare?versions=..&versions=..


def _path_reason(error: dict) -> str | None:
    loc = tuple(error.get("loc", ()))
    check = None
    if len(loc) == 2 and loc[0] == "path":
        check = _PATH_CHECKS.get(str(loc[-1]))
    elif len(loc) == 3 and loc[0] == "query":
        check = _QUERY_LIST_CHECKS.get(str(loc[1]))
    value = error.get("input")
    if check is None or not isinstance(value, str):
        return None
    what = {"name": "model name", "scenario": "scenario name", "versions": "version"}.get(str(loc[1]), str(loc[1]))
    if refused := blanks_around(what, value):
        return refused
    try:
        check(value)
    except InvalidInputError as refused:
        once = "; give `versions` once per version" if loc[0] == "query" and "," in value else ""
        return f"{refused}{once}"
    return None


def blanks_around(what: str, value: str) -> str | None:
    """The refusal of a path value (`what`: model name, version, alias, scenario name) sent with blanks around it,
    or None. The path is taken as sent, for every kind alike: the library trims a version or an alias before it
    reads (`champion%20` would move `champion`), and refuses a model or scenario name in its own words."""
    if not value.strip() or value == value.strip():
        return None
    return (
        f"{what} {shortened(value, SHOWN)!r} is not valid: it has blank characters around it;"
        f" send {shortened(value.strip(), SHOWN)!r}"
    )


# A number out of its field's range is told as the CLI tells it, by the library's own checks.
_BOUND_CHECKS: dict[str, Callable[[Any], object]] = {
    "alpha": lambda alpha: check_forecast_options(8, alpha, INTERVAL_KINDS[0]),
    "steps": lambda steps: check_forecast_options(steps, 0.05, INTERVAL_KINDS[0]),
    "future_periods": lambda periods: check_forecast_options(periods, 0.05, INTERVAL_KINDS[0], "future_periods"),
    "level": level_to_alpha,
}


def _bound_reason(error: dict) -> str | None:
    loc = tuple(error.get("loc", ()))
    check = _BOUND_CHECKS.get(str(loc[-1])) if loc else None
    if check is None or error.get("type") not in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return None
    value = error.get("input")
    if isinstance(value, str):  # a query parameter, read as the number it held
        try:
            value = float(value) if any(mark in value for mark in ".eE") else int(value)
        except ValueError:
            return None
    try:
        check(value)
    except InvalidInputError as refused:
        return str(refused)
    return None


def _too_few_versions(request: Request, error: dict) -> str | None:
    """compare's `versions` with one version: said as the CLI says it."""
    if error.get("type") != "too_short" or tuple(error.get("loc", ()))[-1:] != ("versions",):
        return None
    given = [str(v) for v in error.get("input") or []]
    got = f"one ({given[0]})" if len(given) == 1 else "none"
    return (
        f"compare needs at least two versions and got {got}: give `versions` once per version"
        f" (versions=0.0.1&versions=0.0.2), as GET /models/{request.path_params.get('name', '{name}')}/versions"
        " lists them"
    )


def _unknown_field(request: Request, error: dict) -> str | None:
    """A key of the JSON body that its model does not take, told with the keys it does take (and the nearest one:
    `conditons` is most likely `conditions`); None for any other error."""
    loc = tuple(error.get("loc", ()))
    if error.get("type") != "extra_forbidden" or len(loc) != 2 or loc[0] != "body":
        return None
    field = getattr(request.scope.get("route"), "body_field", None)
    model = getattr(getattr(field, "field_info", None), "annotation", None)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return None
    names = list(model.model_fields)
    nearest = difflib.get_close_matches(str(loc[1]), names, n=1)
    guess = f" (did you mean {nearest[0]!r}?)" if nearest else ""
    return f"{_NOT_A_FIELD}{guess}; send only these fields: {', '.join(names)}"


def _path_shape(error: dict) -> str | None:
    """`conditions` or `exog` (or one variable's values in them) not of their shape, told with the documented
    example, rather than as pydantic's "Input should be a valid list"; None for any other error."""
    loc = tuple(error.get("loc", ()))
    if len(loc) not in (2, 3) or loc[0] != "body" or loc[1] not in _PATHS:
        return None
    example = (ForecastRequest.model_fields[str(loc[1])].examples or [{}])[0]  # the example /docs shows
    free = " (null leaves a step free)" if loc[1] == "conditions" else " (a value for every step)"
    if len(loc) == 2 and error.get("type") == "dict_type":
        return (
            f"not an object; give {loc[1]} as an object of variables, each with its values as a list step by step"
            f" from the first forecast period{free}, e.g. {json.dumps(example)}"
        )
    if len(loc) == 3 and error.get("type") == "list_type":
        values = json.dumps(next(iter(example.values()), []))
        return f"not a list; give {shortened(str(loc[2]), SHOWN)}'s values as a list step by step{free}, e.g. {values}"
    return None


def _with_input(reason: str, error: dict) -> str:
    """The reason led by the value received (`steps: 401: Input should be ...`), shortened when long; not for
    a missing field (pydantic's input is then the whole object), an unknown one (its name is what is wrong) or a
    reason that names the value already."""
    if error.get("type") in ("missing", "extra_forbidden") or "input" not in error:
        return reason
    value = error["input"]
    if isinstance(value, str):  # shortened inside its quotes, as the library's reasons quote it (`'aaaa...aaa'`)
        value = shortened(value, SHOWN)
    try:
        shown = json.dumps(value, default=repr)  # NaN stays NaN: this is text, not the JSON body
    except (TypeError, ValueError, RecursionError):
        shown = repr(value)
    if len(shown) > SHOWN and not isinstance(value, str):  # a list of 10,000 rows (text is shortened already)
        shown = f"{shown[: SHOWN - 3]}..."
    texts = [shown, repr(value)]
    query = tuple(error.get("loc", ()))[:1] == ("query",)  # a body's "0.1" is a string, which no reason names bare
    if query and isinstance(error["input"], str) and re.fullmatch(r"[-+]?\d[\d.eE+-]*", error["input"]):
        texts.append(error["input"])  # a query's number, which the library's reason names without quotes
    named = any(_as_word(text, reason) for text in texts)
    return reason if named else f"{shown}: {reason}"


def _as_word(text: str, reason: str) -> bool:
    """Whether `text` stands in `reason` as a value of its own: 0 does not stand in `at least 0.0001`."""
    return re.search(rf"(?<![\w.]){re.escape(text)}(?![\w.])", reason) is not None


def _reason(detail: dict) -> str:
    """A validation error's reason; an unknown parameter says where the endpoint's parameters are listed."""
    if detail["type"] == "extra_forbidden" and not detail["msg"].startswith(_NOT_A_FIELD):  # _unknown_field's is told
        return f"not a parameter of this endpoint ({PARAMETERS_LISTED})"
    return detail["msg"]
