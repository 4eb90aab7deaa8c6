"""Errors as JSON: the library's exceptions, validation failures and unknown paths, each with its status."""

from __future__ import annotations

import json

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from varlib import (
    AccessDeniedError,
    ConflictError,
    CorruptArtifactError,
    InvalidInputError,
    NotFoundError,
    StoreUnavailableError,
    VarlibError,
    to_json_safe,
)

STATUS = (  # most specific first
    (InvalidInputError, 422),
    (NotFoundError, 404),
    (AccessDeniedError, 403),
    (CorruptArtifactError, 409),  # the request is fine; the stored object is not a usable artifact
    (ConflictError, 409),  # the request is fine; the store's current state refuses it
    (StoreUnavailableError, 503),
)


def status_of(exc: VarlibError) -> int:
    for kind, status in STATUS:
        if isinstance(exc, kind):
            return status
    return 500  # a VarlibError that is not about the request (e.g. no free version after many tries)


def error_response(status: int, exc: Exception, **extra) -> JSONResponse:
    """The JSON error body: the message, the class, and the error's context fields (key, value, ...)."""
    fields = _json_fields(exc) if isinstance(exc, VarlibError) else {}
    return JSONResponse({"error": str(exc), "type": type(exc).__name__, **fields, **extra}, status_code=status)


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
    async def varlib_error(_request: Request, exc: VarlibError) -> JSONResponse:
        return error_response(status_of(exc), exc)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Only loc/msg/type: the raw input may hold NaN or bytes, which JSON cannot carry.
        details = [
            {
                "loc": [str(part) for part in error.get("loc", ())],
                "msg": str(error.get("msg", "")),
                "type": str(error.get("type", "")),
            }
            for error in exc.errors()
        ]
        summary = "; ".join(f"{'.'.join(d['loc'])}: {d['msg']}" for d in details[:5])
        return JSONResponse(
            {"error": f"invalid request: {summary}", "type": "InvalidInputError", "details": details}, status_code=422
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail, default=str)
        status = exc.status_code
        if status == 404:
            message = f"{message}: no such endpoint; the endpoints are listed at /docs"
        if status == 400:  # a body that is not even text: bad input like any other, so 422 as documented
            status, message = 422, f"{message}: send a JSON object (UTF-8)"
        return JSONResponse(
            {"error": message, "type": "HTTPException"}, status_code=status, headers=getattr(exc, "headers", None)
        )
