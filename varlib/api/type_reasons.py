"""A body value of the wrong JSON type, told with what to send rather than as pydantic's "Input should be a valid
integer": `3.0` for `steps` is "send a whole number (3)", `"0.1"` for `alpha` is "send a JSON number (0.1), not a
string", null is "leave steps out for its default (8 steps)"; a field the body needs, left out (a withdrawal's
`reason`), is told with what it holds and an example, not as "Field required". Only the words change: the body is
still read strictly, so a string is never taken for a number."""

from __future__ import annotations

import json
import math
from typing import Any

from fastapi import Request
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .schemas import DECIMAL

_CELLS = ("lag_inputs", "exog", "conditions")  # lists of numbers, whose cells sit deeper than a field
_ROW = "[13141.9, 9195.3]"  # one lag row of a two-variable model, as the README's example sends it


def type_reason(request: Request, error: dict) -> str | None:
    """What to send instead of a body value of the wrong JSON type; None for any other error."""
    loc = tuple(error.get("loc", ()))
    kind = str(error.get("type"))
    if loc[:1] != ("body",) or len(loc) < 2:
        return None
    if kind == "missing":
        return _missing(request, loc)
    if kind not in ("int_type", "float_type", "string_type", "list_type"):
        return None
    value = error.get("input")
    if kind == "list_type":
        return _list_reason(loc, value)
    if len(loc) > 2:  # a cell of a list
        if kind == "float_type" and loc[1] in _CELLS:
            row = ": a row of lag_inputs needs a value for every variable" if loc[1] == "lag_inputs" else ""
            return f"send a number{row}" if value is None else _as_number(value, "a number")
        if kind == "string_type" and loc[1] == "lag_dates":
            return f'send each date as a JSON string, e.g. "2010-01-01"{_not(value)}'
        return None
    field = _body_field(request, str(loc[1]))
    if field is None:
        return None
    what = _wanted(field, kind)
    if value is None:
        default = "" if field.is_required() else f"leave {loc[1]} out for its default ({_default(loc[1], field)}), or "
        return f"{default}send {what}"
    if kind == "string_type":
        return f"send {what}{_not(value)}"
    if kind == "int_type" and isinstance(value, float | str):
        return _whole(value, field)
    return _as_number(value, what)


def _missing(request: Request, loc: tuple) -> str | None:
    """A field the body cannot do without, left out: what it holds and an example of the body to send."""
    field = _body_field(request, str(loc[1])) if len(loc) == 2 else None
    if field is None:
        return None
    about = f" ({field.description})" if field.description else ""
    example = f", e.g. {json.dumps({loc[1]: field.examples[0]})}" if field.examples else ""
    return f"missing: send {loc[1]}{about}{example}"


def _body_field(request: Request, name: str) -> FieldInfo | None:
    """The field of the route's body model (a forecast's, a scenario's, an alias move's) by its name."""
    body = getattr(request.scope.get("route"), "body_field", None)
    model = getattr(getattr(body, "field_info", None), "annotation", None)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return None
    return model.model_fields.get(name)


def _wanted(field: FieldInfo, kind: str) -> str:
    """The value a field takes, in words: `a whole number from 1 to 400`, `"standard" or "corrected"`."""
    if kind == "string_type":
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        if isinstance(kinds := extra.get("enum"), list) and kinds:  # "standard" or "corrected"
            quoted = [json.dumps(kind) for kind in kinds]
            return f"{', '.join(quoted[:-1])} or {quoted[-1]}" if len(quoted) > 1 else quoted[0]
        return f"a JSON string, e.g. {json.dumps(field.examples[0])}" if field.examples else "a JSON string"
    low, high = _bounds(field)
    number = "a whole number" if kind == "int_type" else "a number"
    return f"{number} from {low:g} to {high:g}" if low is not None and high is not None else number


def _bounds(field: FieldInfo) -> tuple[Any, Any]:
    """A number field's declared range (pydantic's Ge, Le), None where it has no bound."""
    low = next((bound.ge for bound in field.metadata if hasattr(bound, "ge")), None)
    return low, next((bound.le for bound in field.metadata if hasattr(bound, "le")), None)


def _default(name: str, field: FieldInfo) -> str:
    """A field's default in words: `8 steps`, `0.05, a 95% interval`, `standard`, `empty`."""
    default = field.default
    if name == "steps":
        return f"{default} steps"
    if name == "alpha":
        return f"{default:g}, a {round(100 * (1 - default), 4):g}% interval"
    return "empty" if default == "" else str(default)


def _whole(value: float | str, field: FieldInfo) -> str:
    """A whole number's advice for a decimal number (3.0: send 3) or one written as a string ("3": a JSON number),
    naming the whole numbers nearest to it that the field takes, else its range (401.0: from 1 to 400)."""
    string = ", not a string" if isinstance(value, str) else ""
    wanted = _wanted(field, "int_type")
    if isinstance(value, str):
        if not DECIMAL.fullmatch(value.strip()):
            return f"send {wanted}, not a string"
        value = float(value)
    low, high = _bounds(field)
    nearest = {math.floor(value), math.ceil(value)} if math.isfinite(value) else set()
    taken = sorted(n for n in nearest if (low is None or n >= low) and (high is None or n <= high))
    if not taken:
        return f"send {wanted}{string}"
    if value.is_integer():
        return f"send a {'JSON' if string else 'whole'} number ({taken[0]}){string}"
    return f"send a whole number ({' or '.join(map(str, taken))}){string}"


def _as_number(value: Any, wanted: str) -> str:
    """A number's advice for a string ("0.1": a JSON number, not a string), true or false, a list or an object."""
    if isinstance(value, str) and DECIMAL.fullmatch(value.strip()):
        return f"send a JSON number ({value.strip()}), not a string"
    return f"send {wanted}{_not(value)}"


def _not(value: Any) -> str:
    """`, not a string` and the like: what the value sent was, in JSON's words."""
    if isinstance(value, bool):
        return f", not {json.dumps(value)}"
    kinds = ((str, "a string"), (list, "a list"), (dict, "an object"), (int | float, "a number"))
    return next((f", not {word}" for kind, word in kinds if isinstance(value, kind)), "")


def _list_reason(loc: tuple, value: Any) -> str | None:
    """`lag_inputs`, one of its rows or `lag_dates` not sent as a list (`exog` and `conditions` are told by
    validation's _path_shape, which runs first)."""
    if loc[1:] == ("lag_inputs",):
        return f"send lag_inputs as a list of rows, oldest first, one number per variable in each, e.g. [{_ROW}]"
    if len(loc) == 3 and loc[1] == "lag_inputs":
        return f"send each row of lag_inputs as a list of one number per variable, e.g. {_ROW}{_not(value)}"
    if loc[1:] == ("lag_dates",):
        return (
            'send lag_dates as a list of dates, one per row of lag_inputs, oldest first, e.g. ["2010-01-01",'
            f' "2010-04-01"]{_not(value)}'
        )
    return None
