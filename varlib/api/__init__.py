"""The REST service: models, versions, metadata and forecasts over HTTP (FastAPI), stateless.

Every process holds one Registry, so immutable versions are cached for good and `latest` is re-resolved on every
request (one small pointer read, shared by concurrent requests); any number of replicas can share one bucket. Errors
are JSON `{"error": message, "type": class}`: 404 unknown model or version, 422 bad input, 401 no valid bearer
token, 403 access denied, 409 a stored object that is not a usable artifact, 410 an alias of a withdrawn version (or
`latest` when every version is), 503 store unreachable. Aliases, withdrawals and the audit trail are in
varlib.api.team, saved scenarios in varlib.api.scenarios (writes need a token, varlib.api.security), comparisons in
varlib.api.compare, diagnostics and backtests in varlib.api.analysis, the version listing in
varlib.api.version_pages; `/metrics` is Prometheus (varlib.api.metrics).
Run with `python -m varlib serve` (or `uvicorn varlib.api:create_app --factory`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import PlainTextResponse, Response

from varlib import (
    AuthSettings,
    BoundedCache,
    InvalidInputError,
    NotFoundError,
    Registry,
    Settings,
    VarlibError,
    Withdrawal,
    __version__,
    check_name,
    counted,
    forecast_artifact,
    is_alias,
    is_latest,
    parse_version,
    version_metadata,
    with_withdrawal,
)

from .analysis import add_analysis_routes
from .body_limit import BodyLimitMiddleware
from .caching import RESPONSE_CACHE_SIZE, LatestResolver, PinnedResponseCache, WithdrawalWatch
from .compare import add_compare_routes
from .docs_page import add_api_page
from .error_schema import READ_OF_A_VERSION, document_shared_errors, error_responses
from .examples import FORECAST_EXAMPLES
from .handlers import add_error_handlers, error_response
from .head import HeadAsGet
from .json_body import StrictJSONRoute
from .lags import lag_inputs_of
from .metrics import Metrics, MetricsMiddleware
from .openapi_numbers import document_whole_bounds
from .public import store_missing, without_whereabouts
from .query import refuse_loose_query, refuse_read_body
from .scenarios import add_scenario_routes
from .schemas import (
    LEGACY_NAME,
    NAME,
    VERSION,
    ForecastBody,
    ForecastRequest,
    Health,
    LegacyForecastQuery,
    ModelList,
    Ready,
    VersionMetadata,
    forecast_body,
)
from .security import OPEN_PATHS, Security, document_tokens, guard_reads
from .startup import refused_start
from .team import add_team_routes
from .validators import Validators, document_validators
from .version_pages import add_versions_route

__all__ = ["GZIP_FROM_BYTES", "create_app"]
GZIP_FROM_BYTES = 1024  # smaller answers go as they are: compressing them saves less than it costs
_READ_ERRORS = error_responses(*READ_OF_A_VERSION)


def create_app(settings: Settings | None = None, auth: AuthSettings | None = None) -> FastAPI:
    """The service over the store `settings` name (default: the environment), with sign-in as `auth`
    says (default: the environment; off unless VARLIB_OIDC_ISSUER is set). Given neither, as uvicorn's or
    gunicorn's factory call gives, a bad setting exits with one `error:` line (varlib.api.startup)."""
    with refused_start(settings is None and auth is None):
        settings = settings or Settings.from_env()
        security = Security(auth or AuthSettings.from_env())
        registry = Registry.from_settings(settings)
    metrics = Metrics()
    watch = WithdrawalWatch(registry)
    forecasts = _Forecasts(registry, metrics, watch)
    app = FastAPI(
        title="varlib forecasting service",
        version=__version__,
        description="VAR model versions stored in MinIO (or a folder): list, inspect, forecast, compare, diagnose and"
        " backtest them; aliases, withdrawals, saved scenarios and the audit trail. Errors are JSON"
        ' `{"error": ..., "type": ...}`.',
        docs_url=None,  # varlib.api.docs_page serves it, without a CDN
        swagger_ui_oauth2_redirect_url=None,
        redoc_url=None,
        redirect_slashes=False,  # Starlette's redirect writes the request's Host header into its Location
        dependencies=[Depends(guard_reads), Depends(refuse_loose_query), Depends(refuse_read_body)],
    )
    app.router.route_class = StrictJSONRoute  # before any route is added: every JSON body is read strictly
    if not security.reads_need_token:  # it answers before routing, so only when reads are open
        app.add_middleware(PinnedResponseCache, watch=watch, metrics=metrics)
    app.add_middleware(BodyLimitMiddleware)  # before the pinned responses, which read the body
    # a 200-step forecast of two variables is 26 kB of JSON, 12 kB compressed; outside the
    # pinned responses, which keep the plain answer for clients that do not ask for gzip
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_FROM_BYTES)
    app.add_middleware(Validators)  # outside gzip: a compressed answer's ETag is that of its own bytes
    app.add_middleware(HeadAsGet)  # outside the pinned responses, so that HEAD gets the GET's answer from them
    app.add_middleware(MetricsMiddleware, metrics=metrics, routes=app.router.routes)  # outermost: counts all
    app.state.registry = registry
    app.state.settings = settings
    app.state.security = security
    app.state.metrics = metrics
    add_error_handlers(app)
    add_team_routes(app, registry)
    add_scenario_routes(app, registry, watch)
    add_compare_routes(app, registry, watch)
    add_analysis_routes(app, registry, watch, metrics)
    add_versions_route(app, registry)
    document_tokens(app, security)
    document_whole_bounds(app)

    @app.get(
        "/metrics",
        tags=["service"],
        summary="Prometheus metrics of this process",
        response_class=PlainTextResponse,
        responses={200: {"content": {metrics.content_type: {}}, "description": "Prometheus text format"}},
    )
    def metrics_page() -> Response:
        return Response(metrics.render(), media_type=metrics.content_type)

    @app.get("/health", response_model=Health, tags=["service"], summary="the process is alive")
    async def health() -> dict:
        return {"status": "ok", "version": __version__}

    @app.get(
        "/ready",
        response_model=Ready,
        tags=["service"],
        summary="the store (and the sign-in provider, when configured) answers (503 otherwise)",
        responses=error_responses(503),
    )
    def ready() -> Any:
        try:
            registry.check()
            if note := registry.missing_note():  # a mistyped bucket or folder must not pass for an empty store
                raise NotFoundError(f"the store cannot serve a model: {note}")
            security.check_provider()  # with sign-in configured, no write works without its provider
        except VarlibError as exc:  # not ready, whatever the reason (down, refused credentials, no bucket)
            metrics.count_error(exc)
            return error_response(503, exc)
        return {"status": "ready", "store": None if security.reads_need_token else registry.description}

    @app.get(
        "/models",
        response_model=ModelList,
        tags=["models"],
        summary="model names (404 when the store's bucket does not exist)",
        responses=error_responses(403, 404, 503),
    )
    def models() -> dict:
        names = registry.list_names()
        if not names and (note := registry.missing_note()):
            raise NotFoundError(store_missing(note))
        return {"models": names}

    @app.get(
        "/models/{name}/versions/{version}",
        response_model=VersionMetadata,
        tags=["models"],
        summary="one version's metadata",
        responses=_READ_ERRORS,
    )
    def one_version(name: str = NAME, version: str = VERSION) -> dict:
        artifact = registry.load(name, version)
        withdrawal = registry.withdrawal(name, artifact.version) if artifact.version else None
        return without_whereabouts(with_withdrawal(version_metadata(artifact), withdrawal))

    @app.post(
        "/models/{name}/versions/{version}/forecast",
        response_model=ForecastBody,
        tags=["forecast"],
        summary="forecast from a version",
        responses=_READ_ERRORS,
    )
    async def forecast(
        request: Annotated[ForecastRequest, Body(openapi_examples=FORECAST_EXAMPLES)],
        name: str = NAME,
        version: str = VERSION,
    ) -> Response:
        # Raw rows and paths: the library checks shape and finiteness and names the bad cell.
        inputs = _Inputs(request.lag_inputs, request.exog, request.conditions, request.lag_dates)
        return await forecasts.answer(name, version, request.steps, request.alpha, inputs, request.intervals)

    @app.get(
        "/var_predict/{version}",
        response_model=ForecastBody,
        tags=["forecast"],
        summary="the original endpoint: forecast model 'var'",
        responses=_READ_ERRORS,
    )
    async def var_predict(query: Annotated[LegacyForecastQuery, Query()], version: str = VERSION) -> Response:
        inputs = _Inputs(legacy=True)
        return await forecasts.answer(LEGACY_NAME, version, query.future_periods, query.alpha, inputs, "standard")

    add_api_page(app)
    document_shared_errors(app.routes, security.reads_need_token, OPEN_PATHS)
    document_validators(app.routes)
    return app


@dataclass(frozen=True)
class _Inputs:
    """What a request gives besides the options: lag rows, exogenous values, conditions and the lag rows'
    dates (None: not given)."""

    lag_inputs: Any = None
    exog: Any = None
    conditions: Any = None
    lag_dates: list[str] | None = None
    legacy: bool = False  # asked of /var_predict, which takes no exogenous values

    @property
    def default(self) -> bool:
        return self.lag_inputs is None and self.exog is None and self.conditions is None and self.lag_dates is None


class _Forecasts:
    """Forecast answers as JSON bytes. Answers without inputs of their own are kept per concrete version
    (they never change); only store reads and forecasts not seen before run in the thread pool."""

    def __init__(self, registry: Registry, metrics: Metrics, watch: WithdrawalWatch) -> None:
        self.registry = registry
        self.metrics = metrics
        self.watch = watch
        self.latest = LatestResolver(registry, metrics)
        self.cache: BoundedCache[bytes] = BoundedCache(RESPONSE_CACHE_SIZE)

    async def answer(
        self, name: str, version: str, steps: int, alpha: float, inputs: _Inputs, intervals: str
    ) -> Response:
        check_name(name)
        # `latest` is the registry's answer (Registry.resolve_latest), shared by concurrent requests;
        # an alias is one small read of its own (it can move at any time, so it is never cached)
        withdrawal = None  # latest and aliases never resolve to a withdrawn version
        if is_latest(version):
            concrete = await self.latest.resolve(name)
        elif is_alias(version):
            concrete = await run_in_threadpool(self.registry.resolve, name, version)
        else:
            concrete = parse_version(version)
            withdrawal = await self.watch.withdrawal(name, concrete)
        key = (name, concrete, steps, alpha, intervals, withdrawal is not None)
        if inputs.default:
            hit = self.cache.get(key)
            if hit is not None and not is_latest(version) and not await self.watch.stored(name, concrete):
                hit = None  # deleted from the store by hand since (`latest` serves its pointer's copy, as documented)
            self.metrics.hit("forecast_answers", hit is not None)
            if hit is not None:
                return Response(hit, media_type="application/json")
        body = await run_in_threadpool(self._compute, key, inputs, withdrawal, version)
        return Response(body, media_type="application/json")

    def _compute(self, key: tuple, inputs: _Inputs, withdrawal: Withdrawal | None, asked: str) -> bytes:
        name, version, steps, alpha, intervals, _ = key
        artifact = self.registry.load(name, version, via=asked)  # an alias asked for is named if its version is gone
        if inputs.legacy and artifact.exog:
            raise InvalidInputError(
                f"{artifact.label} has {counted(len(artifact.exog), 'exogenous variable')} ({', '.join(artifact.exog)})"
                f", whose future values /var_predict cannot take: POST /models/{name}/versions/{version}/forecast"
                " with `exog` instead",
                field="exog",
            )
        lags = lag_inputs_of(artifact, inputs.lag_inputs, inputs.lag_dates)
        result = forecast_artifact(artifact, steps, alpha, lags, intervals, inputs.exog, inputs.conditions)
        body = forecast_body(result, withdrawal)
        if inputs.default:
            self.cache.put(key, body)
        return body
