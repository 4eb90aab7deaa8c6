"""The REST service: models, versions, metadata and forecasts over HTTP (FastAPI), stateless.

Every process holds one Registry, so immutable versions are cached for good and `latest`
is re-resolved on every request (one small pointer read); any number of replicas can share
one bucket. Errors are JSON `{"error": message, "type": class}`: 404 unknown model or
version, 422 bad input, 403 access denied, 409 a stored object that is not a usable
artifact, 503 store unreachable. Run with `python -m varlib serve`.
"""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from typing import Any

from fastapi import FastAPI, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .config import Settings
from .errors import (
    AccessDeniedError,
    CorruptArtifactError,
    InvalidInputError,
    NotFoundError,
    StoreUnavailableError,
    VarlibError,
)
from .forecast import INTERVAL_KINDS, MAX_STEPS
from .registry import Registry
from .service import forecast_artifact
from .versions import LATEST, NAME_PATTERN, Version, check_name, parse_version

LEGACY_NAME = "var"  # the model the original `/var_predict/{version}` endpoint served
_STATUS = (  # most specific first
    (InvalidInputError, 422),
    (NotFoundError, 404),
    (AccessDeniedError, 403),
    (CorruptArtifactError, 409),  # the request is fine; the stored object is not a usable artifact
    (StoreUnavailableError, 503),
)
_RESPONSE_CACHE_SIZE = 1024
# The same rules as varlib.versions, in the OpenAPI document so clients (and fuzzers) can see them.
_NUMBER = "(0|[1-9][0-9]{0,5})"
VERSION_PATTERN = rf"^(latest|{_NUMBER}(\.{_NUMBER}){{2}}|{_NUMBER}(_{_NUMBER}){{2}})$"
_PINNED = rf"({_NUMBER}(\.{_NUMBER}){{2}}|{_NUMBER}(_{_NUMBER}){{2}})"
_PINNED_FORECAST = re.compile(
    rf"^(POST /models/[a-z0-9][a-z0-9_-]{{0,62}}/versions/{_PINNED}/forecast|GET /var_predict/{_PINNED})$")
NAME = Path(pattern=NAME_PATTERN.pattern, description="model name, e.g. var", examples=["var"])
VERSION = Path(pattern=VERSION_PATTERN, description="latest, 0.0.3 or 0_0_3", examples=["latest", "0.0.1"])


# -- schemas (the OpenAPI document is generated from these) ------------------------------
class ErrorBody(BaseModel):
    """Every error answer."""

    model_config = ConfigDict(extra="allow")
    error: str = Field(description="what went wrong and how to fix it")
    type: str = Field(description="the error class, e.g. NotFoundError")


class ForecastRequest(BaseModel):
    """A forecast request; values are checked by the library (the same rules as the CLI)."""

    model_config = ConfigDict(extra="forbid")
    steps: int = Field(strict=True, ge=1, le=MAX_STEPS, description="how many periods ahead", examples=[8])
    alpha: float = Field(0.05, ge=0.0001, le=0.5, description="1 - coverage of the interval (0.05: 95%)")
    lag_inputs: list[list[float]] | None = Field(
        None, description="the last observations in levels, oldest first, one row per period and one value per"
        " variable (GET the version's metadata for `lag_inputs_needed`); default: the end of the training data")
    intervals: str = Field("standard", description=f"interval kind, one of: {', '.join(INTERVAL_KINDS)}")


class ForecastBody(BaseModel):
    """The same JSON as `python -m varlib forecast --json`."""

    name: str
    version: str
    variables: list[str]
    steps: int
    alpha: float
    index: list[str] = Field(description="period labels (dates, or +1, +2, ... when the frequency is unknown)")
    mean: list[list[float]] = Field(description="steps x variables, in levels")
    lower: list[list[float]]
    upper: list[list[float]]
    point: str = Field(description="mean, or median for logdiff models")
    intervals: str
    transform: str


class VersionRow(BaseModel):
    """One row of a version listing (`python -m varlib list --json`)."""

    model_config = ConfigDict(extra="allow")
    name: str
    version: str
    status: str = Field(description="'ok', or why the object cannot be used")
    created_at: str | None
    key: str
    bytes: int


class VersionMetadata(BaseModel):
    """One version's metadata (`python -m varlib show --json`)."""

    model_config = ConfigDict(extra="allow")
    name: str
    version: str | None
    created_at: str
    variables: list[str]
    k_ar: int
    transform: str
    trend: str
    lag_inputs_needed: int
    spec: dict[str, Any]
    evaluation: dict[str, Any] | None
    provenance: dict[str, Any]


class ModelList(BaseModel):
    models: list[str]


class Health(BaseModel):
    status: str
    version: str


class Ready(BaseModel):
    status: str
    store: str


def _errors(*codes: int) -> dict:
    text = {403: "access denied", 404: "unknown model or version", 409: "stored object is not a usable artifact",
            422: "bad input", 503: "store unreachable"}
    return {code: {"model": ErrorBody, "description": text[code]} for code in codes}


_READ_ERRORS = _errors(403, 404, 409, 422, 503)


# -- the app -------------------------------------------------------------------------------
class _ResponseCache:
    """Serialised forecasts of immutable versions from their default lag inputs.

    A (name, concrete version) never changes, so the answer for the same steps, alpha and
    interval kind never changes either; `latest` still resolves first and then hits here."""

    def __init__(self, size: int = _RESPONSE_CACHE_SIZE) -> None:
        self._items: OrderedDict[tuple, bytes] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
            return hit

    def put(self, key: tuple, body: bytes) -> None:
        with self._lock:
            self._items[key] = body
            while len(self._items) > self._size:
                self._items.popitem(last=False)


class PinnedResponseCache:
    """ASGI middleware: answers a repeated forecast request for a pinned version before routing.

    A pinned version never changes, so the 200 answer to the same request (method, path, query,
    content type and body bytes) never changes either. Serving it from here skips FastAPI's routing,
    parameter and body validation, which cost more than the forecast itself; `latest`, errors and
    large bodies always go through the app."""

    def __init__(self, app, size: int = _RESPONSE_CACHE_SIZE, max_body: int = 4096) -> None:
        self.app = app
        self.max_body = max_body
        self._store = _ResponseCache(size)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not _PINNED_FORECAST.match(f"{scope['method']} {scope['path']}"):
            await self.app(scope, receive, send)
            return
        first = await receive()
        body = first.get("body", b"")
        if first.get("type") != "http.request" or first.get("more_body") or len(body) > self.max_body:
            await self.app(scope, _replay(first, receive), send)
            return
        content_type = next((value for name, value in scope["headers"] if name == b"content-type"), b"")
        key = (scope["method"], scope["path"], scope["query_string"], content_type, body)
        hit = self._store.get(key)
        if hit is not None:
            headers, payload = hit
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": payload})
            return
        captured: dict = {}

        async def capture(message) -> None:
            if message["type"] == "http.response.start":
                captured["start"] = message
            elif message["type"] == "http.response.body" and captured.get("start", {}).get("status") == 200:
                captured.setdefault("body", []).append(message.get("body", b""))
                if not message.get("more_body"):
                    self._store.put(key, (list(captured["start"].get("headers", [])), b"".join(captured["body"])))
            await send(message)

        await self.app(scope, _replay(first, receive), capture)


def _replay(first: dict, receive):
    """A receive callable that hands back the message already read, then the rest."""
    pending = [first]

    async def replayed():
        return pending.pop() if pending else await receive()

    return replayed


def create_app(settings: Settings | None = None) -> FastAPI:
    """The service over the store `settings` name (default: the environment)."""
    settings = settings or Settings.from_env()
    registry = Registry.from_settings(settings)
    cache = _ResponseCache()
    app = FastAPI(
        title="varlib forecasting service", version=__version__,
        description="VAR model versions stored in MinIO (or a folder): list, inspect, forecast. Errors are JSON"
                    " `{\"error\": ..., \"type\": ...}`.",
        docs_url="/docs", redoc_url=None,
    )
    app.add_middleware(PinnedResponseCache)
    app.state.registry = registry
    app.state.settings = settings
    _add_error_handlers(app)

    @app.get("/health", response_model=Health, tags=["service"], summary="the process is alive")
    async def health() -> dict:
        return {"status": "ok", "version": __version__}

    @app.get("/ready", response_model=Ready, tags=["service"], summary="the store answers (503 otherwise)",
             responses=_errors(503))
    def ready() -> Any:
        try:
            registry.check()
        except VarlibError as exc:  # not ready, whatever the reason (down, refused credentials)
            return _error_response(503, exc)
        return {"status": "ready", "store": registry.description}

    @app.get("/models", response_model=ModelList, tags=["models"], summary="model names",
             responses=_errors(403, 503))
    def models() -> dict:
        return {"models": registry.list_names()}

    @app.get("/models/{name}/versions", response_model=list[VersionRow], tags=["models"],
             summary="versions of a model, newest first", responses=_READ_ERRORS)
    def versions(name: str = NAME) -> list[dict]:
        entries = registry.list_versions(name)
        if not entries:
            raise NotFoundError(f"model {name!r} has no versions in {registry.description}; GET /models lists"
                                " the models")
        return [entry.to_dict() for entry in entries]

    @app.get("/models/{name}/versions/{version}", response_model=VersionMetadata, tags=["models"],
             summary="one version's metadata", responses=_READ_ERRORS)
    def version_metadata(name: str = NAME,
                         version: str = VERSION) -> dict:
        return registry.load(name, version).metadata()

    @app.post("/models/{name}/versions/{version}/forecast", response_model=ForecastBody, tags=["forecast"],
              summary="forecast from a version", responses=_READ_ERRORS)
    async def forecast(request: ForecastRequest, name: str = NAME,
                       version: str = VERSION) -> Response:
        # Raw rows: the library checks shape and finiteness and names the bad cell.
        return await _forecast(registry, cache, name, version, request.steps, request.alpha, request.lag_inputs,
                               request.intervals)

    @app.get("/var_predict/{version}", response_model=ForecastBody, tags=["forecast"],
             summary="the original endpoint: forecast model 'var'", responses=_READ_ERRORS)
    async def var_predict(version: str = VERSION,
                          future_periods: int = Query(8, ge=1, le=MAX_STEPS, description="steps ahead"),
                          alpha: float = Query(0.05, ge=0.0001, le=0.5)) -> Response:
        return await _forecast(registry, cache, LEGACY_NAME, version, future_periods, alpha, None, "standard")

    @app.get("/apidocs", include_in_schema=False, response_class=HTMLResponse)
    def apidocs() -> HTMLResponse:  # the original service's Swagger path
        return get_swagger_ui_html(openapi_url=app.openapi_url, title=f"{app.title} - Swagger UI")

    return app


async def _forecast(registry: Registry, cache: _ResponseCache, name: str, version: str, steps: int, alpha: float,
                    lag_inputs, intervals: str) -> Response:
    """Serve a pinned version's default forecast from the cache on the event loop; anything that
    may touch the store (latest, first use of a version) runs in the thread pool."""
    if lag_inputs is None and str(version).strip().lower() != LATEST:
        check_name(name)
        hit = cache.get((name, parse_version(version), steps, alpha, intervals))
        if hit is not None:
            return Response(hit, media_type="application/json")
    body = await run_in_threadpool(_compute_forecast, registry, cache, name, version, steps, alpha, lag_inputs,
                                   intervals)
    return Response(body, media_type="application/json")


def _compute_forecast(registry: Registry, cache: _ResponseCache, name: str, version: str, steps: int, alpha: float,
                      lag_inputs, intervals: str) -> bytes:
    concrete = registry.resolve(name, version)
    key = (name, concrete, steps, alpha, intervals)
    if lag_inputs is None:
        hit = cache.get(key)
        if hit is not None:
            return hit
    result = forecast_artifact(registry.load(name, concrete), steps, alpha, lag_inputs, intervals)
    body = json.dumps(result.to_dict(), allow_nan=False, separators=(",", ":")).encode()
    if lag_inputs is None:
        cache.put(key, body)
    return body


# -- errors --------------------------------------------------------------------------------
def _status(exc: VarlibError) -> int:
    for kind, status in _STATUS:
        if isinstance(exc, kind):
            return status
    return 500  # a VarlibError that is not about the request (e.g. no free version after many tries)


def _error_response(status: int, exc: Exception, **extra) -> JSONResponse:
    return JSONResponse({"error": str(exc), "type": type(exc).__name__, **extra}, status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(VarlibError)
    async def varlib_error(_request: Request, exc: VarlibError) -> JSONResponse:
        return _error_response(_status(exc), exc)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Only loc/msg/type: the raw input may hold NaN or bytes, which JSON cannot carry.
        details = [{"loc": [str(part) for part in error.get("loc", ())], "msg": str(error.get("msg", "")),
                    "type": str(error.get("type", ""))} for error in exc.errors()]
        summary = "; ".join(f"{'.'.join(d['loc'])}: {d['msg']}" for d in details[:5])
        return JSONResponse({"error": f"invalid request: {summary}", "type": "InvalidInputError",
                             "details": details}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail, default=str)
        status = exc.status_code
        if status == 404:
            message = f"{message}: no such endpoint; the endpoints are listed at /docs"
        if status == 400:  # a body that is not even text: bad input like any other, so 422 as documented
            status, message = 422, f"{message}: send a JSON object (UTF-8)"
        return JSONResponse({"error": message, "type": "HTTPException"}, status_code=status,
                            headers=getattr(exc, "headers", None))
