"""Prometheus metrics of one service process, served at `/metrics`.

Requests by route and status, a latency histogram, cache lookups (hit or miss, including answers the
pinned-response middleware serves before routing and `latest` reads shared between requests), store
errors, authentication refusals and changes (alias moves, withdrawals, saved scenarios). The middleware wraps the
whole app, caches included, so every answer is counted once. Each worker process has its own
counters (`varlib serve --workers N`): scrape each, or run one worker per container.
"""

from __future__ import annotations

import time

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from starlette.routing import Match

from varlib import (
    AccessDeniedError,
    AuthenticationError,
    CorruptArtifactError,
    ProviderUnavailableError,
    StoreUnavailableError,
    VarlibError,
)

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
UNMATCHED = "unmatched"
# Any other method is counted as "other": a label a client could fill at will would grow without bound.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"})


class Metrics:
    """The service's counters and histogram, in a registry of their own (one per app)."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "varlib_http_requests", "HTTP requests answered", ["method", "route", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "varlib_http_request_duration_seconds",
            "time to answer, caches included",
            ["method", "route"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.cache = Counter(
            "varlib_cache_lookups",
            "cache lookups by cache and result (hit, miss)",
            ["cache", "result"],
            registry=self.registry,
        )
        self.store_errors = Counter(
            "varlib_store_errors", "failures of the model store, by error type", ["type"], registry=self.registry
        )
        self.auth_refusals = Counter(
            "varlib_auth_refusals",
            "requests refused by sign-in (401) or role (403)",
            ["status"],
            registry=self.registry,
        )
        self.changes = Counter(
            "varlib_changes",
            "alias moves, withdrawals, saved and deleted scenarios made through the service",
            ["action"],
            registry=self.registry,
        )

    def hit(self, cache: str, hit: bool) -> None:
        self.cache.labels(cache, "hit" if hit else "miss").inc()

    def count_error(self, exc: VarlibError) -> None:
        """Count a failure answered by the error handler: store failures, sign-in and role refusals."""
        if isinstance(exc, AuthenticationError):
            self.auth_refusals.labels("401").inc()
        elif isinstance(exc, ProviderUnavailableError):  # no sign-in could be checked: not the store's failure
            self.auth_refusals.labels("503").inc()
        elif isinstance(exc, AccessDeniedError) and exc.field == "role":
            self.auth_refusals.labels("403").inc()
        elif isinstance(exc, StoreUnavailableError | CorruptArtifactError | AccessDeniedError):
            self.store_errors.labels(type(exc).__name__).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)


class MetricsMiddleware:
    """ASGI middleware, outermost: times every HTTP request and counts it under its route template."""

    def __init__(self, app, metrics: Metrics, routes) -> None:
        self.app = app
        self.metrics = metrics
        self.routes = routes  # the app's routes, to name a request by its template (bounded labels)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def observe(message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, observe)
        finally:
            route = self._route(scope)
            method = scope["method"] if scope["method"] in METHODS else "other"
            self.metrics.requests.labels(method, route, str(status[0])).inc()
            self.metrics.latency.labels(method, route).observe(time.perf_counter() - started)

    def _route(self, scope) -> str:
        partial = UNMATCHED  # the path matched but not the method (a 405): still that route's request
        for route in self.routes:
            match, _ = route.matches(scope)
            if match == Match.FULL:
                return getattr(route, "path", UNMATCHED)
            if match == Match.PARTIAL and partial == UNMATCHED:
                partial = getattr(route, "path", UNMATCHED)
        return partial
