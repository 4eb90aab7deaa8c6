"""The team endpoints: aliases, withdrawals and the audit trail of a model.

Reads follow the service's read rule; every write needs a bearer token with the admin role
(varlib.api.security) and is recorded in the audit trail under the token's identity.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from varlib import ALIAS_PATTERN, Registry

from .schemas import NAME, VERSION, HistoryQuery, error_responses

log = logging.getLogger("varlib.api")
ALIAS = PathParam(
    pattern=rf"^@?{ALIAS_PATTERN.pattern.strip('^$')}$", description="alias name, e.g. champion", examples=["champion"]
)
_WRITE_ERRORS = error_responses(401, 403, 404, 409, 410, 422, 503)


class AliasBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str = Field(description="0.0.3, latest or @other (resolved now)", examples=["0.0.3"])


class WithdrawBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=2000, description="why the version is withdrawn")


def team_router(registry: Registry) -> APIRouter:
    router = APIRouter(tags=["team"])

    @router.get("/models/{name}/aliases", summary="aliases of a model", responses=error_responses(403, 404, 422, 503))
    def aliases(name: str = NAME) -> list[dict]:
        return [alias.to_dict() for alias in registry.aliases(name)]

    @router.put(
        "/models/{name}/aliases/{alias}", summary="point an alias at a version (admin)", responses=_WRITE_ERRORS
    )
    async def set_alias(request: Request, body: AliasBody, name: str = NAME, alias: str = ALIAS) -> dict:
        actor = await request.app.state.security.actor(request, "alias")
        moved = await run_in_threadpool(registry.set_alias, name, alias, body.version, actor)
        request.app.state.metrics.changes.labels("alias.set").inc()
        return moved.to_dict()

    @router.delete("/models/{name}/aliases/{alias}", summary="delete an alias (admin)", responses=_WRITE_ERRORS)
    async def delete_alias(request: Request, name: str = NAME, alias: str = ALIAS) -> dict:
        actor = await request.app.state.security.actor(request, "alias")
        moved = await run_in_threadpool(registry.delete_alias, name, alias, actor)
        request.app.state.metrics.changes.labels("alias.delete").inc()
        return moved.to_dict()

    @router.post(
        "/models/{name}/versions/{version}/withdraw", summary="withdraw a version (admin)", responses=_WRITE_ERRORS
    )
    async def withdraw(request: Request, body: WithdrawBody, name: str = NAME, version: str = VERSION) -> dict:
        actor = await request.app.state.security.actor(request, "withdraw")
        withdrawal = await run_in_threadpool(registry.withdraw, name, version, body.reason, actor)
        request.app.state.metrics.changes.labels("withdraw").inc()
        return withdrawal.to_dict()

    @router.get(
        "/models/{name}/history", summary="the audit trail, newest first", responses=error_responses(403, 422, 503)
    )
    def history(query: Annotated[HistoryQuery, Query()], name: str = NAME) -> list[dict]:
        return [record.to_dict() | {"key": record.key} for record in registry.history(name, query.limit)]

    return router
