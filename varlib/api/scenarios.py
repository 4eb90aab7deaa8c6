"""The scenario endpoints: the saved scenarios of a version, each one's forecast, saving a new one, deleting one.

Reads follow the service's read rule. Saving needs a bearer token whose role may save scenarios
(publisher or admin, varlib.roles) and is recorded in the audit trail under the token's identity; a
name that is taken is a 409 and nothing is overwritten. Deleting needs the admin role (links others shared stop
opening) and is recorded too; a damaged scenario can be deleted, which frees its name.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from fastapi import Body, Depends, FastAPI, Request, Response
from fastapi.concurrency import run_in_threadpool

from varlib import Actor, NotFoundError, Registry, Scenario, forecast_scenario, is_alias, is_latest, make_scenario

from .caching import WithdrawalWatch
from .error_schema import READ_OF_A_VERSION, WRITE_TO_A_VERSION, error_responses
from .examples import SCENARIO_EXAMPLES
from .lags import lag_inputs_of
from .public import without_whereabouts
from .schemas import (
    NAME,
    SCENARIO,
    VERSION,
    ForecastBody,
    ScenarioBody,
    ScenarioRequest,
    ScenarioRow,
    forecast_body,
)
from .security import signed_in
from .team import none_of

_READ_ERRORS = error_responses(*READ_OF_A_VERSION)


def add_scenario_routes(app: FastAPI, registry: Registry, watch: WithdrawalWatch) -> None:
    """The routes, on the app itself: an included router would be one opaque entry in the app's routes,
    which a request's metrics label and a 405's Allow header are read from."""
    tags: list[str | Enum] = ["scenarios"]

    @app.get(
        "/models/{name}/versions/{version}/scenarios",
        tags=tags,
        response_model=list[ScenarioRow],
        summary="the saved scenarios of a version, by name (a damaged one is listed with `damaged`)",
        responses=_READ_ERRORS,
    )
    def scenarios(name: str = NAME, version: str = VERSION) -> list[dict]:
        artifact = registry.load(name, version)  # an unknown version is a 404, not an empty list
        saved = registry.scenarios(name, artifact.version or version)
        return [without_whereabouts(scenario.to_dict()) for scenario in saved]

    @app.get(
        "/models/{name}/versions/{version}/scenarios/{scenario}",
        tags=tags,
        response_model=ScenarioBody,
        summary="one saved scenario's inputs",
        responses=_READ_ERRORS,
    )
    def one(name: str = NAME, version: str = VERSION, scenario: str = SCENARIO) -> dict:
        return without_whereabouts(_saved(registry, name, version, scenario).to_dict())

    @app.get(
        "/models/{name}/versions/{version}/scenarios/{scenario}/forecast",
        tags=[*tags, "forecast"],
        response_model=ForecastBody,
        summary="the forecast of a saved scenario (the forecast answer, with what was conditioned)",
        responses=_READ_ERRORS,
    )
    async def scenario_forecast(name: str = NAME, version: str = VERSION, scenario: str = SCENARIO) -> Response:
        def forecast():
            saved = _saved(registry, name, version, scenario)
            return saved, forecast_scenario(registry.load(name, saved.version), saved)

        saved, result = await run_in_threadpool(forecast)
        pinned = not is_latest(version) and not is_alias(version)  # the others never name a withdrawn version
        withdrawal = await watch.withdrawal(name, saved.version) if pinned else None  # as the forecast answers
        return Response(forecast_body(result, withdrawal), media_type="application/json")

    @app.put(
        "/models/{name}/versions/{version}/scenarios/{scenario}",
        tags=tags,
        response_model=ScenarioBody,
        status_code=201,
        summary="save a scenario of a version (publisher; immutable, a taken name is refused)",
        responses=error_responses(
            *WRITE_TO_A_VERSION,
            texts={
                404: "unknown model, version or alias (a version named @alias)",
                410: "the version (named, or the one the alias given as the version points at) is withdrawn: a"
                " scenario cannot be saved on it (WithdrawnError); or the version is `latest` and every version is"
                " withdrawn (AllWithdrawnError)",
            },
        ),
    )
    async def save(
        request: Request,
        response: Response,
        actor: Annotated[Actor, Depends(signed_in("scenario"))],
        body: Annotated[ScenarioRequest, Body(openapi_examples=SCENARIO_EXAMPLES)],
        name: str = NAME,
        version: str = VERSION,
        scenario: str = SCENARIO,
    ) -> dict:
        def store() -> dict:
            artifact = registry.load(name, version)
            lags = lag_inputs_of(artifact, body.lag_inputs, body.lag_dates)
            made = make_scenario(
                artifact, scenario, body.steps, body.alpha, lags, body.intervals, body.exog, body.conditions, body.notes
            )
            return without_whereabouts(registry.save_scenario(made, actor).to_dict())

        saved = await run_in_threadpool(store)
        request.app.state.metrics.changes.labels("scenario.save").inc()
        # where it lives: under its concrete version, whichever name (latest, an alias) the request used
        response.headers["Location"] = f"/models/{name}/versions/{saved['version']}/scenarios/{scenario}"
        return saved

    @app.delete(
        "/models/{name}/versions/{version}/scenarios/{scenario}",
        tags=tags,
        status_code=204,
        response_class=Response,
        summary="delete a saved scenario (admin; a damaged one too): its links stop opening, the trail records it",
        responses=error_responses(
            401,
            403,
            404,
            409,
            410,
            422,
            503,
            texts={
                404: "unknown model, version or alias, or the version has no scenario of that name",
                409: "a stored object the version is found through (`latest`, an alias) is not usable",
                410: "the alias given as the version points at a withdrawn version, or the version is `latest` and"
                " every version is withdrawn (AllWithdrawnError); a version withdrawn and named by its number is"
                " fine: deleting its scenarios is clean-up",
            },
        ),
    )
    async def delete(
        request: Request,
        actor: Annotated[Actor, Depends(signed_in("scenario.delete"))],
        name: str = NAME,
        version: str = VERSION,
        scenario: str = SCENARIO,
    ) -> Response:
        def remove() -> None:
            try:
                registry.delete_scenario(name, version, scenario, actor)
            except NotFoundError:
                none_of(registry, name)  # an unknown model or version is said as such, as the reads say it
                registry.load(name, version)
                raise

        await run_in_threadpool(remove)
        request.app.state.metrics.changes.labels("scenario.delete").inc()
        return Response(status_code=204)


def _saved(registry: Registry, name: str, version: str, scenario: str) -> Scenario:
    """A saved scenario; an unknown model or version is said as such (not as a version without the scenario)."""
    try:
        return registry.scenario(name, version, scenario)
    except NotFoundError:
        none_of(registry, name)  # a model without versions: its own 404, as the other routes say
        registry.load(name, version)  # a version that does not exist: the same
        raise
