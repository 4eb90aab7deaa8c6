"""Query strings are checked, never read loosely: a parameter an endpoint does not take, or one given twice,
is a 422 that names it, rather than an answer to a question nobody asked; so is a body sent with a GET, which no
read takes (a client of the original service sending `{"future_periods": 3}` got 8 steps)."""

from __future__ import annotations

import json
from collections import Counter
from contextlib import suppress
from typing import Any, get_origin
from urllib.parse import urlencode

from fastapi import Request
from pydantic import BaseModel

from varlib import InvalidInputError, counted

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
            value=request.query_params.getlist(repeated[0]),  # every value, as a refused value is echoed
        )
    dependant = getattr(route, "dependant", None)
    if dependant is not None and not dependant.query_params:
        raise InvalidInputError(
            f"query parameter {names[0]!r} is not a parameter of this endpoint, which takes none ({LISTED})",
            field=names[0],
            value=request.query_params[names[0]],
        )


async def refuse_read_body(request: Request) -> None:
    """An app-wide dependency: a GET (HEAD runs as one) whose body is not blank is refused, naming the query
    parameters the endpoint takes instead. Reading it costs nothing: no read's body is read otherwise."""
    if request.method != "GET" or request.url.path in PAGE_PATHS:  # the API page and its files take anything
        return
    route = request.scope.get("route")
    if getattr(route, "body_field", None) is not None or not (body := await request.body()).strip():
        return
    names = list(_parameters(route))
    how = (
        f"its options are query parameters ({', '.join(names)}): {_as_query(request, names, body)}"
        if names
        else "send the request without one"
    )
    raise InvalidInputError(
        f"GET {request.url.path} takes no body, and this request has one ({counted(len(body), 'byte')}); {how}"
        f" ({LISTED})",
        field="body",
    )


def _parameters(route) -> dict[str, Any]:
    """The query parameters a route takes and their types, in order, read from its pydantic query model or its own."""
    found: dict[str, Any] = {}
    for param in getattr(getattr(route, "dependant", None), "query_params", []):
        kind = param.field_info.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            found |= {info.alias or name: info.annotation for name, info in kind.model_fields.items()}
        else:
            found[param.alias] = kind
    return found


def _as_query(request: Request, names: list[str], body: bytes) -> str:
    """The request as it is meant: a JSON object's values of the route's parameters added to its query."""
    path, query = request.url.path, request.url.query
    with suppress(ValueError, RecursionError):  # not JSON, not UTF-8 or too deep: a query's form is shown instead
        sent = json.loads(body)
        given = {key: value for key, value in sent.items() if key in names} if isinstance(sent, dict) else {}
        if given and all(
            isinstance(value, str | int | float) and value is not True and value is not False
            for value in given.values()
        ):
            return f"{path}?{'&'.join(part for part in (query, urlencode(given)) if part)}"
    return f"e.g. {path}?{names[0]}=..."


def _list_parameters(route) -> set[str]:
    """The query parameters a route takes as lists."""
    return {name for name, kind in _parameters(route).items() if get_origin(kind) is list}
