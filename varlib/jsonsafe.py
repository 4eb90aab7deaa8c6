"""The one JSON conversion: numpy scalars and arrays become Python numbers and lists, non-finite floats null;
and, reading back, a mapping's keys put in their order again (stored JSON sorts them)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np


def to_json_safe(value: Any) -> Any:
    """A copy of `value` that the stdlib json module writes with `allow_nan=False`.

    Dict keys become strings, tuples and arrays lists, numpy scalars Python numbers, and NaN
    or infinity null (JSON has no such numbers); anything else is returned as it is."""
    if isinstance(value, dict):
        return {str(k): to_json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json_safe(v) for v in value]
    if isinstance(value, np.ndarray):
        return to_json_safe(value.tolist())
    if isinstance(value, (float, np.floating)):
        return finite_or_none(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def finite_or_none(value: Any) -> float | None:
    """A number as a Python float, or None (JSON's null) when it is NaN or infinite."""
    value = float(value)
    return value if np.isfinite(value) else None


def dumps(value: Any, *, indent: int | None = None) -> str:
    """JSON text of `value` after `to_json_safe` (never NaN, never a numpy type error)."""
    separators = None if indent else (",", ":")
    return json.dumps(to_json_safe(value), indent=indent, allow_nan=False, separators=separators)


def in_order(values: Mapping, keys: Iterable) -> dict:
    """`values` with `keys` first, in that order (any other key after): a mapping read back from JSON written
    with sorted keys, put back in the order its writer meant (a model's variables)."""
    return {**{k: values[k] for k in keys if k in values}, **values}
