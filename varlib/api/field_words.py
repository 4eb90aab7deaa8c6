"""A query or body value that pydantic's own checks refused (not a finite number, too many digits, too long, left
out), told with the field's description, range and example rather than pydantic's words, which name no fix. Read
from the route's models, so every endpoint's fields are told alike."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from varlib import shortened

from .error_json import SHOWN


def field_reason(request: Request, error: dict) -> str | None:
    """What was wrong with the value and what to send, for pydantic's generic refusals; None for any other."""
    loc = tuple(error.get("loc", ()))
    kind = str(error.get("type"))
    if len(loc) != 2 or kind not in _TOLD:
        return None
    field = route_field(request, str(loc[0]), str(loc[1]))
    if field is None:
        return None
    return _TOLD[kind](str(loc[1]), field, error)


def range_reason(request: Request, error: dict) -> str | None:
    """A whole number of a query model out of its declared range (`irf_periods`, `origins`, `horizon`, `limit`),
    told with the range and what the number is for rather than as pydantic's "Input should be less than or equal
    to 100"; None for any other error."""
    loc = tuple(error.get("loc", ()))
    if len(loc) != 2 or loc[0] != "query" or error.get("type") not in ("greater_than_equal", "less_than_equal"):
        return None
    field = route_field(request, "query", str(loc[1]))
    if field is None or field.annotation is not int:
        return None
    low, high = bounds(field)
    if low is not None and high is not None:
        return f"{loc[1]} {error.get('input')} must be a whole number from {low} to {high} ({field.description})"
    return None


def route_field(request: Request, place: str, name: str) -> FieldInfo | None:
    """The field `name` of the route's body model (`place` "body") or of one of its query models ("query")."""
    route = request.scope.get("route")
    if place == "body":
        models = [getattr(getattr(getattr(route, "body_field", None), "field_info", None), "annotation", None)]
    elif place == "query":
        params = getattr(getattr(route, "dependant", None), "query_params", ())
        models = [getattr(param.field_info, "annotation", None) for param in params]
    else:
        return None
    for model in models:
        if isinstance(model, type) and issubclass(model, BaseModel) and name in model.model_fields:
            return model.model_fields[name]
    return None


def bounds(field: FieldInfo) -> tuple[Any, Any]:
    """A field's declared range (pydantic's Ge, Le), None where it has no bound."""
    low = next((bound.ge for bound in field.metadata if hasattr(bound, "ge")), None)
    return low, next((bound.le for bound in field.metadata if hasattr(bound, "le")), None)


def _named(value: Any) -> str:
    """The value as the library's reasons name it: text quoted and shortened, NaN and Infinity as JSON writes them."""
    return repr(shortened(value, SHOWN)) if isinstance(value, str) else json.dumps(value, default=repr)


def _wanted(field: FieldInfo, number: str) -> str:
    """`a number from 0.0001 to 0.5 (1 - coverage of the interval (0.05: 95%)), such as 0.05`."""
    low, high = bounds(field)
    span = f" from {low:g} to {high:g}" if low is not None and high is not None else ""
    about = f" ({field.description})" if field.description else ""
    default = field.get_default()
    such = f", such as {default:g}" if isinstance(default, int | float) and not isinstance(default, bool) else ""
    return f"{number}{span}{about}{such}"


def _not_finite(name: str, field: FieldInfo, error: dict) -> str:
    return f"{name} {_named(error.get('input'))} is not a number: give {_wanted(field, 'a number')}"


def _too_many_digits(name: str, field: FieldInfo, error: dict) -> str:
    value = str(error.get("input", ""))
    return (
        f"{name} {_named(value)} has {len(value.strip()):,} characters, too many for a whole number:"
        f" give {_wanted(field, 'a whole number')}"
    )


def _too_long(name: str, field: FieldInfo, error: dict) -> str:
    value = str(error.get("input", ""))
    longest = (error.get("ctx") or {}).get("max_length")
    most = f", more than the {longest:,} it may have" if isinstance(longest, int) else ""
    about = f": give {field.description}" if field.description else ""
    return f"{name} {_named(value)} is {len(value):,} characters long{most}{about}"


def _missing(name: str, field: FieldInfo, error: dict) -> str:
    about = f": give {field.description}" if field.description else ""
    example = field.examples[0] if field.examples else None
    pairs = [(name, item) for item in example] if isinstance(example, list) else [(name, example)]
    in_query = example is not None and error.get("loc", ("",))[0] == "query"  # a body's missing field: type_reasons
    query = f"; for example ?{urlencode(pairs)}" if in_query else ""
    return f"{name} is missing{about}{query}"


_TOLD = {
    "finite_number": _not_finite,
    "int_parsing_size": _too_many_digits,
    "string_too_long": _too_long,
    "missing": _missing,
}
