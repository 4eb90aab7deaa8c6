"""The comparison endpoint: versions of one model side by side and their forecasts overlaid, the object that
`varlib compare --json` prints (varlib.comparison_dict), each forecast with its version's withdrawal.

`versions` is given once per version, in the order of the columns (varlib.api.query lets a list parameter repeat).
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from fastapi import FastAPI, Query, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from varlib import (
    LEVEL_RANGE,
    MAX_COMPARED,
    MAX_STEPS,
    VERSION_PATTERN,
    Registry,
    check_compared,
    comparison_dict,
    is_alias,
    is_latest,
    to_json,
    with_withdrawal,
)

from .caching import WithdrawalWatch
from .error_schema import READ_OF_A_VERSION, error_responses
from .public import without_whereabouts
from .schemas import NAME, WITHDRAWN, QueryNumber, WholeNumber

LOWEST_LEVEL, HIGHEST_LEVEL = LEVEL_RANGE  # the CLI's --level range: the alphas the library takes, in percent
COMPARE_ROUTE = "/models/{name}/compare"


def compare_request(name: str, version: str | None) -> str:
    """Where a REST caller compares a version with another (the unit-root advice's model, in the diagnostics
    answer) on the holdout: this route as typed, `versions` once per version (the CLI's advice names its command)."""
    path = COMPARE_ROUTE.format(name=name)  # a name and a version are URL-safe by their patterns
    return f"train it, then `GET {path}?versions={version}&versions=NEW_VERSION`"


# a refused version is explained in the library's words by varlib.api.validation, as a path's is
VersionText = Annotated[str, StringConstraints(pattern=VERSION_PATTERN)]


class CompareQuery(BaseModel):
    """The comparison's query; an unknown parameter is refused, as on every endpoint."""

    model_config = ConfigDict(extra="forbid")
    versions: list[VersionText] = Field(
        min_length=2,
        description=f"two to {MAX_COMPARED} versions of the model, one column each in this order: latest, 0.0.3,"
        " 0_0_3 or an alias (@champion); give the parameter once per version. One version named twice (latest and its"
        " number) is refused",
        examples=[["0.0.1", "0.0.2"]],
        json_schema_extra={"uniqueItems": True, "maxItems": MAX_COMPARED},
    )
    steps: WholeNumber = Field(8, ge=1, le=MAX_STEPS, description="how many periods ahead, as `varlib compare`")
    level: QueryNumber = Field(
        95.0,
        ge=LOWEST_LEVEL,
        le=HIGHEST_LEVEL,
        allow_inf_nan=False,
        description="the forecast intervals' level in percent (95: 95% intervals), as `varlib compare --level`",
    )


class ComparedRow(BaseModel):
    date: str = Field(description="the period's label, or +1, +2, ... when the version's data carry no dates")
    variable: str
    mean: float | None = Field(description="in levels; a log model's median")
    lower: float | None
    upper: float | None


class ComparedForecast(BaseModel):
    """One version's forecast in the overlay."""

    version: str = Field(description="the version's label, e.g. var 0.0.1")
    shared: bool = Field(description="whether it started from the first version's last observations")
    note: str = Field(description="where it started from, and why not from the shared ones")
    assumed: str = Field(description="what a VARX's forecast assumed for its exogenous values, else empty")
    point: str | None = Field(
        description="what its rows' `mean` is: mean, or median for a log model; null without rows"
    )
    rows: list[ComparedRow] = Field(description="one per step and variable; empty when it could not be forecast")
    withdrawn: dict[str, Any] | None = Field(description=WITHDRAWN)


class Comparison(BaseModel):
    """The same JSON as `python -m varlib compare --json`, plus each forecast's `withdrawn`."""

    name: str
    versions: list[str] = Field(description="the versions' labels (var 0.0.1), in the order given")
    fields: dict[str, dict[str, Any]] = Field(description="{field: {label: value}}: data, spec, lag order, scores")
    differs: list[str] = Field(description="the fields whose values differ between the versions")
    holdout_notes: list[str] = Field(
        description="what the holdout scores need said: why a MAPE is missing, whose scores (a VARX's) were given"
        " the observed exogenous path"
    )
    forecasts: list[ComparedForecast]
    steps: int
    level: float


def add_compare_routes(app: FastAPI, registry: Registry, watch: WithdrawalWatch) -> None:
    """The route, on the app itself (as varlib.api.scenarios adds its own)."""
    tags: list[str | Enum] = ["models", "forecast"]

    @app.get(
        COMPARE_ROUTE,
        tags=tags,
        response_model=Comparison,
        summary="versions side by side (spec, data, holdout scores) and their forecasts overlaid",
        responses=error_responses(*READ_OF_A_VERSION),
    )
    async def compare(query: Annotated[CompareQuery, Query()], name: str = NAME) -> Response:
        def build() -> tuple[list, dict]:
            check_compared(len(query.versions))  # before any is loaded, in the CLI's words
            artifacts = [registry.load(name, version) for version in query.versions]
            return artifacts, comparison_dict(artifacts, query.steps, query.level, query.versions)

        artifacts, body = await run_in_threadpool(build)
        forecasts = []
        for typed, artifact, entry in zip(query.versions, artifacts, body["forecasts"], strict=True):
            pinned = not is_latest(typed) and not is_alias(typed)  # the others never name a withdrawn version
            withdrawal = await watch.withdrawal(name, artifact.version) if pinned and artifact.version else None
            forecasts.append(with_withdrawal(entry, withdrawal))
        answer = without_whereabouts({**body, "forecasts": forecasts})
        return Response(to_json(answer), media_type="application/json")
