"""Errors as JSON: the library's exceptions, validation failures and unknown paths, each with its status."""

from __future__ import annotations

import json

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from varlib import (
    AccessDeniedError,
    AuthenticationError,
    ConflictError,
    CorruptArtifactError,
    InvalidInputError,
    NotFoundError,
    ObjectExistsError,
    Registry,
    StoreUnavailableError,
    VarlibError,
    WithdrawnError,
    cli_hints_said,
    is_alias,
    is_latest,
    parse_version,
    shortened,
    to_json_safe,
)

from .error_json import LONGEST_MESSAGE, RECEIVED, ErrorJSON, echoed
from .error_schema import RETRY_AFTER_S
from .public import THIS_STORE, out_of_sight, store_missing
from .schemas import LEGACY_NAME
from .validation import validation_body

STATUS = (  # most specific first
    (InvalidInputError, 422),
    # before NotFoundError: `latest` of a model whose every usable version is withdrawn is both (AllWithdrawnError),
    # and Gone says what a client needs to know: there were versions, none is in use
    (WithdrawnError, 410),  # an alias points at a withdrawn version, or `latest` stands for none
    (NotFoundError, 404),
    (AuthenticationError, 401),  # no bearer token, or one that does not verify
    (AccessDeniedError, 403),  # the store refused, or the token's role may not do this
    (CorruptArtifactError, 409),  # the request is fine; the stored object is not a usable artifact
    (ConflictError, 409),  # the request is fine; the store's current state refuses it
    (ObjectExistsError, 409),  # e.g. a version that is already withdrawn
    (StoreUnavailableError, 503),
)


def status_of(exc: VarlibError) -> int:
    for kind, status in STATUS:
        if isinstance(exc, kind):
            return status
    return 500  # a VarlibError that is not about the request (e.g. no free version after many tries)


# The library's messages name the CLI command that helps; over HTTP the endpoint that does the same is named.
_REST_HINTS = {  # varlib.CLI_HINTS
    "list versions": r"GET /models/\g<name>/versions lists the versions",
    "alias list": r"GET /models/\g<name>/aliases lists them",
    "alias set": r'PUT /models/\g<name>/aliases/\g<alias> with {"version": VERSION}',
    "history": r"GET /models/\g<name>/history shows",
}


def rest_words(message: str) -> str:
    """A library message with its CLI hints told as the service's endpoints."""
    return cli_hints_said(message, _REST_HINTS)


def error_response(status: int, exc: Exception, told: str | None = None, **extra) -> ErrorJSON:
    """The JSON error body: the message (`told`, else the exception's; hints told as endpoints), the class, and the
    error's context fields; a 503 carries Retry-After."""
    fields = _json_fields(exc) if isinstance(exc, VarlibError) else {}
    message = shortened(rest_words(str(exc) if told is None else told), LONGEST_MESSAGE)
    body = {"error": message, "type": type(exc).__name__, **fields, **extra}
    headers = {"Retry-After": str(RETRY_AFTER_S)} if status == 503 else None
    return ErrorJSON(body, status_code=status, headers=headers)


def _json_fields(exc: VarlibError) -> dict:
    fields = {}
    for name, value in exc.fields().items():
        # a value sent huge (a 200 kB variable name) is named, not echoed whole in the message and its fields; one
        # refused for a control character (a bidirectional override) is echoed with it escaped, as the message names
        # it, and a NaN as the body wrote it, before JSON could only say null. Only what was received is: a store's
        # `key`, `bucket`, `endpoint` and `code` are given whole, as they are.
        value = to_json_safe(echoed(value) if name in RECEIVED else value)
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError):
            value = str(value)
        fields[name] = value
    return fields


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(VarlibError)
    async def varlib_error(request: Request, exc: VarlibError) -> ErrorJSON:
        status = status_of(exc)
        metrics = getattr(request.app.state, "metrics", None)
        if metrics is not None:
            metrics.count_error(exc)
        if isinstance(exc, NotFoundError) and status == 404:  # a 410 (every version withdrawn) names `latest` itself
            exc = await _model_missing(request) or _version_named(request, exc)
        # the library's words name a local store's folder for the CLI; a caller learns none of the server's folders
        response = error_response(status, exc, out_of_sight(str(exc), getattr(request.app.state, "registry", None)))
        if status == 401:
            response.headers["WWW-Authenticate"] = _challenge(request)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> ErrorJSON:
        return ErrorJSON(validation_body(request, exc), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> ErrorJSON:
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail, default=str)
        status = exc.status_code
        if status == 404:
            path = request.url.path
            bare = path.rstrip("/")
            if bare and bare != path and _route_methods(request, bare):  # not redirected (create_app says why)
                message = f"{message}: {path} ends with a slash; the endpoint is {bare}"
            else:
                message = f"{message}: no such endpoint; the endpoints are listed at /docs"
        if status == 400:  # a body that is not even text: bad input like any other, so 422 as documented
            status, message = 422, f"{message}: send a JSON object (UTF-8)"
        headers = dict(getattr(exc, "headers", None) or {})
        if status == 405:  # Starlette names only the first route's methods; a path can have several routes
            headers["Allow"] = ", ".join(_allowed_methods(request))
            message = f"{message}: this path takes {headers['Allow']}"
        kind = "InvalidInputError" if status == 413 else "HTTPException"  # a body too large is bad input, as elsewhere
        return ErrorJSON({"error": message, "type": kind}, status_code=status, headers=headers or None)


async def _model_missing(request: Request) -> NotFoundError | None:
    """The library's 404 for a version or an alias points at the model's listings (GET /models/nope/versions),
    which answer 404 as well when the model itself has no versions: then that is said, pointing at GET /models.
    None when the model has versions, or the store cannot tell (the library's own 404 stands)."""
    registry = getattr(request.app.state, "registry", None)
    name = _asked_model(request)
    if registry is None or not isinstance(name, str):
        return None
    try:
        if await run_in_threadpool(registry.list_versions, name):
            return None
        legacy = "name" not in request.path_params  # the original endpoint, which serves one model
        return await run_in_threadpool(no_versions, registry, name, legacy)  # store reads: off the event loop
    except VarlibError:
        return None


def _version_named(request: Request, exc: NotFoundError) -> NotFoundError:
    """The library's 404 of a version asked for by its number (`var 9.9.9 does not exist`, a legacy pickle) with
    the request's part that named it as `field` and `value`, as sent (`9_9_9` stays `9_9_9`), as every other refusal
    names its input: the path's `version`, or compare's `versions` (as the library names a version given twice).
    Matched by the stored object's key, so that any other 404 is answered as it is."""
    name = _asked_model(request)
    if exc.field is not None or exc.key is None or not isinstance(name, str):
        return exc
    sent = [("version", request.path_params.get("version"))]
    sent += [("versions", value) for value in request.query_params.getlist("versions")]
    for field, value in sent:
        if not isinstance(value, str) or is_latest(value) or is_alias(value):
            continue  # `latest` and an alias are resolved to a number: their own refusals name them
        try:
            folder = f"{name}/{parse_version(value).key}/"
        except InvalidInputError:
            continue
        if exc.key.startswith(folder):
            return NotFoundError(exc.message, **(exc.fields() | {"field": field, "value": value}))
    return exc


def _asked_model(request: Request) -> object:
    """The model a request names: its path's `name`, or the one the original endpoint serves."""
    legacy = request.url.path.startswith("/var_predict/")
    return request.path_params.get("name", LEGACY_NAME if legacy else None)


SHOWN_MODELS = 10  # a 404's list of the other models; GET /models has them all


def no_versions(registry: Registry, name: str, legacy: bool = False) -> NotFoundError:
    """The 404 of a model that has no versions (or does not exist), naming the store's models (`legacy`: for the
    original endpoint, which serves one model by its fixed name), or saying that the store's bucket does not
    exist. One listing; the bucket is looked at only when the listing is empty, as the CLI does."""
    listed = registry.list_names()
    names = [other for other in listed if other != name]  # as the CLI names them
    named = {"field": "name", "value": name}  # the model, as the CLI names its --name (/var_predict: its fixed one)
    if not names and (note := registry.missing_note()):
        return NotFoundError(f"model {name!r} has no versions: {store_missing(note)}", **named)
    more = f" and {len(names) - SHOWN_MODELS} more" if len(names) > SHOWN_MODELS else ""
    shown = f"{', '.join(names[:SHOWN_MODELS])}{more}"
    if legacy and names:
        return NotFoundError(
            f"/var_predict serves model {LEGACY_NAME!r}, as the original service did, and {THIS_STORE}"
            f" has no version of it; its models: {shown}. Forecast one of them with"
            f" POST /models/{{name}}/versions/{{version}}/forecast (e.g. /models/{names[0]}/versions/latest/forecast)",
            **named,
        )
    held = f"its models: {shown}" if names else "it holds no models yet"
    if name in listed:  # a folder holding no version (a folder marker, a stray latest.json): GET /models names it
        held = f"its folder holds none yet (publish one); {held.replace('its models', 'its other models')}"
    return NotFoundError(
        f"model {name!r} has no versions in {THIS_STORE}; {held} (GET /models lists the models)", **named
    )


def _route_methods(request: Request, path: str) -> set[str]:
    """The methods of the app's routes for `path` (empty: no route takes it)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path):
            methods |= set(getattr(route, "methods", None) or ())
    return methods


def _allowed_methods(request: Request) -> list[str]:
    methods = _route_methods(request, request.url.path)
    if "GET" in methods:  # varlib.api.head answers HEAD for every GET
        methods.add("HEAD")
    return sorted(methods)


def _challenge(request: Request) -> str:
    """The 401's WWW-Authenticate (RFC 6750, 3.1): a bearer token was sent and did not verify (expired, altered,
    another provider's or application's) is `invalid_token`; with none sent the challenge names no error."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    sent = scheme.lower() == "bearer" and token.strip()
    return 'Bearer realm="varlib", error="invalid_token"' if sent else 'Bearer realm="varlib"'
