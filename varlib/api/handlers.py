"""Errors as JSON: the library's exceptions, validation failures and unknown paths, each with its status."""

from __future__ import annotations

import json
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from varlib import (
    AccessDeniedError,
    AuthenticationError,
    ConflictError,
    CorruptArtifactError,
    InvalidInputError,
    NotFoundError,
    ObjectExistsError,
    StoreUnavailableError,
    VarlibError,
    WithdrawnError,
    check_alias,
    check_name,
    check_scenario_name,
    parse_version,
    to_json_safe,
)

from .query import LISTED

STATUS = (  # most specific first
    (InvalidInputError, 422),
    (NotFoundError, 404),
    (AuthenticationError, 401),  # no bearer token, or one that does not verify
    (AccessDeniedError, 403),  # the store refused, or the token's role may not do this
    (CorruptArtifactError, 409),  # the request is fine; the stored object is not a usable artifact
    (ConflictError, 409),  # the request is fine; the store's current state refuses it
    (ObjectExistsError, 409),  # e.g. a version that is already withdrawn
    (WithdrawnError, 410),  # an alias points at a withdrawn version
    (StoreUnavailableError, 503),
)


def status_of(exc: VarlibError) -> int:
    for kind, status in STATUS:
        if isinstance(exc, kind):
            return status
    return 500  # a VarlibError that is not about the request (e.g. no free version after many tries)


# The library's messages name the CLI command that helps; over HTTP the endpoint that does the same is named.
_REST_HINTS = (
    (
        r"`varlib list --name (\S+?)` (?:shows|lists) (?:the versions(?: of '[^']*')?|what the model has)",
        r"GET /models/\1/versions lists the versions",
    ),
    (r"`varlib alias list --name (\S+?)` lists them", r"GET /models/\1/aliases lists them"),
    (r"`varlib alias set (\S+?) VERSION --name (\S+?)`", r'PUT /models/\2/aliases/\1 with {"version": VERSION}'),
    (r"`varlib history --name (\S+?)` shows", r"GET /models/\1/history shows"),
)


def rest_words(message: str) -> str:
    """A library message with its CLI hints told as the service's endpoints."""
    for pattern, endpoint in _REST_HINTS:
        message = re.sub(pattern, endpoint, message)
    return message


def error_response(status: int, exc: Exception, **extra) -> JSONResponse:
    """The JSON error body: the message (hints told as endpoints), the class, and the error's context fields."""
    fields = _json_fields(exc) if isinstance(exc, VarlibError) else {}
    # a value sent huge (a 200 kB variable name) is named, not echoed whole in the message and each field
    fields = {name: _shortened(value, _SHOWN) if isinstance(value, str) else value for name, value in fields.items()}
    message = _shortened(rest_words(str(exc)), _LONGEST_MESSAGE)
    body = {"error": message, "type": type(exc).__name__, **fields, **extra}
    return JSONResponse(body, status_code=status)


def _json_fields(exc: VarlibError) -> dict:
    fields = {}
    for name, value in exc.fields().items():
        value = to_json_safe(value)
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError):
            value = str(value)
        fields[name] = value
    return fields


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(VarlibError)
    async def varlib_error(request: Request, exc: VarlibError) -> JSONResponse:
        status = status_of(exc)
        metrics = getattr(request.app.state, "metrics", None)
        if metrics is not None:
            metrics.count_error(exc)
        response = error_response(status, exc)
        if status == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="varlib"'
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        if not_json := _not_json(request, exc):
            return JSONResponse({"error": not_json, "type": "InvalidInputError"}, status_code=422)
        # Only loc/msg/type: the raw input may hold NaN or bytes, which JSON cannot carry.
        details = [
            {
                "loc": [_shortened(str(part), _SHOWN) for part in error.get("loc", ())],  # a 100 kB key name
                "msg": _path_reason(error) or str(error.get("msg", "")),
                "type": str(error.get("type", "")),
            }
            for error in exc.errors()
        ]
        pairs = list(zip(details, exc.errors(), strict=True))[:5]
        summary = "; ".join(f"{'.'.join(d['loc'])}: {_with_input(_reason(d), error)}" for d, error in pairs)
        return JSONResponse(
            {"error": f"invalid request: {summary}", "type": "InvalidInputError", "details": details}, status_code=422
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail, default=str)
        status = exc.status_code
        if status == 404:
            message = f"{message}: no such endpoint; the endpoints are listed at /docs"
        if status == 400:  # a body that is not even text: bad input like any other, so 422 as documented
            status, message = 422, f"{message}: send a JSON object (UTF-8)"
        headers = dict(getattr(exc, "headers", None) or {})
        if status == 405:  # Starlette names only the first route's methods; a path can have several routes
            headers["Allow"] = ", ".join(_allowed_methods(request))
            message = f"{message}: this path takes {headers['Allow']}"
        kind = "InvalidInputError" if status == 413 else "HTTPException"  # a body too large is bad input, as elsewhere
        return JSONResponse({"error": message, "type": kind}, status_code=status, headers=headers or None)


def _allowed_methods(request: Request) -> list[str]:
    methods: set[str] = set()
    for route in request.app.router.routes:
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(request.url.path):
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def _not_json(request: Request, exc: RequestValidationError) -> str | None:
    """The whole body refused because it was not sent as JSON (a form post, text/plain): say how to send it."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json" or kind.endswith("+json"):
        return None
    if not any(tuple(error.get("loc", ())) == ("body",) for error in exc.errors()):
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
    if check is None or not isinstance(error.get("input"), str):
        return None
    try:
        check(error["input"])
    except InvalidInputError as refused:
        return str(refused)
    return None


_SHOWN = 60  # characters of a received value shown in a message
_LONGEST_MESSAGE = 2000  # a message's start (what is wrong) and end (what to do) are kept around a cut


def _shortened(text: str, limit: int) -> str:
    """`text`, or its start and end around `...` when longer than `limit` characters."""
    if len(text) <= limit:
        return text
    head = limit * 2 // 3
    return f"{text[:head]}...{text[len(text) - (limit - head - 3) :]}"


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
    if len(shown) > _SHOWN:
        shown = f"{shown[: _SHOWN - 3]}..."
    named = any(_as_word(text, reason) for text in (shown, repr(error["input"])))
    return reason if named else f"{shown}: {reason}"


def _as_word(text: str, reason: str) -> bool:
    """Whether `text` stands in `reason` as a value of its own: 0 does not stand in `at least 0.0001`."""
    return re.search(rf"(?<![\w.]){re.escape(text)}(?![\w.])", reason) is not None


def _reason(detail: dict) -> str:
    """A validation error's reason; an unknown parameter says where the endpoint's parameters are listed."""
    if detail["type"] == "extra_forbidden":
        return f"not a parameter of this endpoint ({LISTED})"
    return detail["msg"].removeprefix("Value error, ")  # our own validators' words, without pydantic's label
