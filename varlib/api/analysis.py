"""The analysis endpoints: a version's diagnostics and its backtest, the objects `varlib diagnose --json` and
`varlib backtest --json` print, each with `withdrawn` as a forecast answer has it.

Both refit the version from its stored training data (a backtest once per origin, up to MAX_ORIGINS), so each
process keeps its answers per concrete version and options: a version never changes. `latest` and an alias are
resolved on every request, so they follow a publish or a move at once. How long the run took is the
`Server-Timing` header (W3C), not a field: the body holds the numbers only, so its ETag is the same in every process.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from varlib import (
    DEFAULT_HORIZON,
    DEFAULT_IRF_PERIODS,
    DEFAULT_ORIGINS,
    LAG_POLICIES,
    MAX_HORIZON,
    MAX_IRF_PERIODS,
    MAX_ORIGINS,
    Artifact,
    BoundedCache,
    Registry,
    backtest,
    diagnose,
    is_alias,
    is_latest,
    shortened,
    to_json,
    with_withdrawal,
)

from .caching import WithdrawalWatch
from .compare import compare_request
from .error_json import SHOWN
from .error_schema import READ_OF_A_VERSION, error_responses
from .metrics import Metrics
from .public import without_whereabouts
from .schemas import NAME, VERSION, WITHDRAWN, OptionalCount, WholeNumber

ANSWERS_KEPT = 64  # a diagnostics answer is about 20 kB of JSON, a backtest's a few kB
_TIMING = {
    "Server-Timing": {
        "description": "how long the run took, in milliseconds (W3C Server Timing), e.g. `backtest;dur=812.4`;"
        ' with `desc="kept"` when this process answered from its earlier run',
        "schema": {"type": "string"},
    }
}
LagPolicy = Literal["fixed", "reselect"]  # varlib.LAG_POLICIES; a test holds them equal


def _policy(value: Any) -> Any:
    """A lag policy that is none of them, refused naming it and the ones there are, as the library's check of an
    interval kind says it, where pydantic said only "Input should be 'fixed' or 'reselect'"."""
    if isinstance(value, str) and value not in LAG_POLICIES:
        raise ValueError(f"lag_policy {shortened(value, SHOWN)!r} must be one of {', '.join(LAG_POLICIES)}")
    return value


class DiagnosticsQuery(BaseModel):
    """The options of `varlib diagnose`; an unknown parameter is refused, as on every endpoint."""

    model_config = ConfigDict(extra="forbid")
    irf_periods: WholeNumber = Field(
        DEFAULT_IRF_PERIODS, ge=1, le=MAX_IRF_PERIODS, description="periods of the impulse responses and FEVD"
    )
    whiteness_lags: OptionalCount = Field(
        None,
        description="lags of the portmanteau tests; default max(10, lag order + 1), and from lag order + 1 to 60,"
        " below the residual count (a 422 names the range)",
    )
    arch_lags: OptionalCount = Field(
        None, description="lags of the ARCH-LM tests; default 4, or as many as the residuals hold"
    )


class BacktestQuery(BaseModel):
    """The options of `varlib backtest`; an unknown parameter is refused, as on every endpoint."""

    model_config = ConfigDict(extra="forbid")
    origins: WholeNumber = Field(DEFAULT_ORIGINS, ge=1, le=MAX_ORIGINS, description="cut points: the last N")
    horizon: WholeNumber = Field(DEFAULT_HORIZON, ge=1, le=MAX_HORIZON, description="steps ahead scored at each origin")
    lag_policy: Annotated[LagPolicy, BeforeValidator(_policy)] = Field(
        "fixed",
        description="fixed: the version's lag order (and rank) at every origin; reselect: re-run the criterion"
        " that chose them on each origin's sample (`--reselect`; refused for a version whose order was fixed)",
    )


class _Analysis(BaseModel):
    """What both answers start with; the rest is as the CLI's JSON (README, section CLI)."""

    model_config = ConfigDict(extra="allow")
    name: str
    version: str | None
    variables: list[str]
    withdrawn: dict[str, Any] | None = Field(description=WITHDRAWN)


class DiagnosticsBody(_Analysis):
    """`varlib diagnose --json`: lag order, coefficients, stability, residual tests (whiteness, normality,
    ARCH), Granger and instantaneous causality, impulse responses, FEVD, unit roots and cointegration."""

    kind: str
    model: str = Field(description="e.g. VAR(4) in levels, trend c")
    nobs: int
    k_ar: int


class BacktestBody(_Analysis):
    """`varlib backtest --json`: the origins, the lag order at each, the scores per variable and horizon
    (rmse, mae, mape in percent, and each against the random walk's) and the notes the scores need."""

    horizon: int
    lag_policy: str
    origins: list[str]
    scores: list[dict[str, Any]]
    notes: list[str]


class _Answers:
    """The analyses' JSON per (model, concrete version, options), each with how long its run took (ms)."""

    def __init__(self, registry: Registry, watch: WithdrawalWatch, metrics: Metrics) -> None:
        self.registry = registry
        self.watch = watch
        self.metrics = metrics
        self.kept: BoundedCache[tuple[dict, float]] = BoundedCache(ANSWERS_KEPT)

    async def answer(
        self, name: str, version: str, query: BaseModel, compute: Callable[[Artifact], dict], metric: str
    ) -> Response:
        """`compute` of the version's artifact, kept under the query's options (its class says which analysis);
        `metric` names its run in the Server-Timing header."""
        artifact = await run_in_threadpool(self.registry.load, name, version)
        key = (name, artifact.version, type(query), *query.model_dump().values())
        hit = self.kept.get(key)
        self.metrics.hit("analysis_answers", hit is not None)
        if hit is None:
            started = time.perf_counter()
            body = await run_in_threadpool(compute, artifact)
            took = (time.perf_counter() - started) * 1000
            self.kept.put(key, (body, took))
        else:
            body, took = hit
        timing = f"{metric};dur={took:.1f}" + (';desc="kept"' if hit is not None else "")
        pinned = not is_latest(version) and not is_alias(version)  # the others never name a withdrawn version
        withdrawal = await self.watch.withdrawal(name, artifact.version) if pinned and artifact.version else None
        answer = without_whereabouts(with_withdrawal(body, withdrawal))  # a withdrawal's actor: name and front end
        return Response(to_json(answer), media_type="application/json", headers={"Server-Timing": timing})


def add_analysis_routes(app: FastAPI, registry: Registry, watch: WithdrawalWatch, metrics: Metrics) -> None:
    """The two routes, on the app itself (as varlib.api.compare adds its own)."""
    answers = _Answers(registry, watch, metrics)
    tags: list[str | Enum] = ["analysis"]
    errors = error_responses(*READ_OF_A_VERSION)

    @app.get(
        "/models/{name}/versions/{version}/diagnostics",
        tags=tags,
        response_model=DiagnosticsBody,
        summary="a version's diagnostics, as `varlib diagnose --json`",
        responses={**errors, 200: {"description": "the diagnostics", "headers": _TIMING}},
    )
    async def diagnostics(
        query: Annotated[DiagnosticsQuery, Query()], name: str = NAME, version: str = VERSION
    ) -> Response:
        def compute(artifact: Artifact) -> dict:
            result = diagnose(artifact, query.irf_periods, query.whiteness_lags, query.arch_lags)
            return result.to_dict(compare_request(result.name, result.version))  # kept per name and version

        return await answers.answer(name, version, query, compute, "diagnostics")

    @app.get(
        "/models/{name}/versions/{version}/backtest",
        tags=tags,
        response_model=BacktestBody,
        summary="a version's pseudo-out-of-sample backtest, as `varlib backtest --json`",
        responses={**errors, 200: {"description": "the backtest's scores", "headers": _TIMING}},
    )
    async def backtest_answer(
        query: Annotated[BacktestQuery, Query()], name: str = NAME, version: str = VERSION
    ) -> Response:
        def compute(artifact: Artifact) -> dict:
            body = backtest(artifact, query.origins, query.horizon, query.lag_policy).to_dict()
            del body["seconds"]  # the run's time, told by Server-Timing: the same numbers are the same bytes
            return body

        return await answers.answer(name, version, query, compute, "backtest")
