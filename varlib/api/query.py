"""Query strings are checked, never read loosely: a parameter an endpoint does not take, or one given twice,
is a 422 that names it, rather than an answer to a question nobody asked."""

from __future__ import annotations

from collections import Counter
from typing import get_origin

from fastapi import Request
from pydantic import BaseModel

from varlib import InvalidInputError

from .docs_page import PAGE_PATHS

LISTED = "the endpoints and their parameters are listed at /docs"  # said wherever a parameter is refused


def refuse_loose_query(request: Request) -> None:
    """An app-wide dependency. Endpoints that take query parameters read them through a pydantic model that
    forbids others (varlib.api.schemas); every other endpoint takes none, which is checked here."""
    names = [name for name, _ in request.query_params.multi_items()]
    if not names or request.url.path in PAGE_PATHS:  # the API page and its files: a link may add anything
        return
    route = request.scope.get("route")
    repeated = [name for name, count in Counter(names).items() if count > 1]
    if repeated:  # a list parameter is given once per item, in order (a comparison's versions): it may repeat
        lists = _list_parameters(route)
        repeated = [name for name in repeated if name not in lists]
    if repeated:
        raise InvalidInputError(
            f"query parameter {repeated[0]!r} is given {names.count(repeated[0])} times; give it once",
            field=repeated[0],
        )
    dependant = getattr(route, "dependant", None)
    if dependant is not None and not dependant.query_params:
        raise InvalidInputError(
            f"query parameter {names[0]!r} is not a parameter of this endpoint, which takes none ({LISTED})",
            field=names[0],
        )


def _list_parameters(route) -> set[str]:
    """The query parameters a route takes as lists, read from its pydantic query model or its own parameters."""
    names: set[str] = set()
    for param in getattr(getattr(route, "dependant", None), "query_params", []):
        kind = param.field_info.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            names |= {name for name, info in kind.model_fields.items() if get_origin(info.annotation) is list}
        elif get_origin(kind) is list:
            names.add(param.alias)
    return names
