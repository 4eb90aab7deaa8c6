"""The team endpoints: aliases, withdrawals and the audit trail of a model.

Reads follow the service's read rule; every write needs a bearer token with the admin role
(varlib.api.security) and is recorded in the audit trail under the token's identity.
"""

from __future__ import annotations

import logging
from enum import Enum
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from varlib import ALIAS_PATTERN, Actor, InvalidInputError, Registry, Withdrawal

from .error_schema import WRITE_TO_A_VERSION, error_responses
from .handlers import no_versions
from .public import without_whereabouts
from .schemas import NAME, NUMBERED_VERSION, HistoryQuery
from .security import guard_trail, signed_in
from .team_schemas import AliasMove, AliasRecord, AliasRow, AuditRow, WithdrawAnswer
from .validation import blanks_around

log = logging.getLogger("varlib.api")
# The alias rule is in the document but not enforced by the path: the library's check_alias refuses a bad alias
# (`Latest` and the reserved `latest` alike) in the words the CLI uses, where pydantic would answer another form.
ALIAS = PathParam(
    description="alias name, e.g. champion",
    examples=["champion"],
    json_schema_extra={"pattern": rf"^@?{ALIAS_PATTERN.pattern.strip('^$')}$"},
)
# Each write's errors, as a service with sign-in answers them (varlib.api.security.document_tokens says what one
# without a provider answers: 403). Withdrawing through an alias (or latest) is a 422, so only `PUT` has a 410.
_SET_ERRORS = error_responses(
    *WRITE_TO_A_VERSION,
    texts={
        404: "unknown model, or unknown version or alias given as `version`",
        410: "the version given (or the one the alias given as `version` points at) is withdrawn: an alias cannot"
        " point at it (WithdrawnError); or `latest` given while every version is withdrawn (AllWithdrawnError)",
    },
)
_DELETE_ERRORS = error_responses(401, 403, 404, 409, 422, 503, texts={404: "unknown model, or unknown alias"})
_WITHDRAW_ERRORS = error_responses(
    401,
    403,
    404,
    409,
    422,
    503,
    texts={
        409: "the version is already withdrawn (ObjectExistsError), or a stored object is not usable",
        422: "bad input, e.g. a version given as latest or an alias: withdraw names a version number",
    },
)


_ALIAS_REASON = (
    f"why (optional), kept in the move's audit record: up to {Withdrawal.MAX_REASON} characters of plain text, blanks"
    " around it dropped"
)


class AliasBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str = Field(description="0.0.3, latest or @other (resolved now)", examples=["0.0.3"])
    # limits as a withdrawal's reason's: documented, enforced by the library in the CLI's words
    reason: str = Field(
        "",
        description=_ALIAS_REASON,
        examples=["best backtest this quarter"],
        json_schema_extra={"maxLength": Withdrawal.MAX_REASON},
    )


class AliasDeleteBody(BaseModel):
    """A deletion's optional body: a JSON body, as every write's input here (a write takes no query parameters)."""

    model_config = ConfigDict(extra="forbid")
    reason: str = Field(
        "",
        description=_ALIAS_REASON.replace("move's", "deletion's"),
        examples=["retired"],
        json_schema_extra={"maxLength": Withdrawal.MAX_REASON},
    )


class WithdrawBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # the limits (the library's MAX_REASON) are documented, not enforced here: the library's check_reason refuses an
    # empty or long reason in the CLI's words, not pydantic's
    reason: str = Field(
        description=f"why the version is withdrawn: 1-{Withdrawal.MAX_REASON} characters of plain text, blanks around"
        " it dropped",
        examples=["trained on the wrong file"],
        json_schema_extra={"minLength": 1, "maxLength": Withdrawal.MAX_REASON},
    )


def add_team_routes(app: FastAPI, registry: Registry) -> None:
    """The routes, on the app itself: an included router would be one opaque entry in the app's routes,
    which a request's metrics label and a 405's Allow header are read from."""
    tags: list[str | Enum] = ["team"]

    @app.get(
        "/models/{name}/aliases",
        tags=tags,
        response_model=list[AliasRow],
        summary="aliases of a model (a damaged alias object is listed with `damaged`)",
        responses=error_responses(403, 404, 422, 503, texts={404: "unknown model"}),
    )
    def aliases(name: str = NAME) -> list[dict]:
        listed = registry.aliases(name)
        withdrawn = registry.withdrawals(name) if listed else {}  # as `alias list --json`: refused until moved
        # and the status of the version it points at, as `alias list --json` gives it: a version deleted or damaged
        # behind the product's back cannot be followed either (a stray object has no version: a damaged alias,
        # which has none either, is not given its status)
        entries = registry.list_versions(name) if listed else []
        status = {entry.version: entry.status for entry in entries}
        rows = [
            without_whereabouts(a.to_dict())
            | {
                "withdrawn": a.version in withdrawn,
                "version_status": None if a.version is None else status.get(a.version),
            }
            for a in listed
        ]
        return rows or none_of(registry, name)

    @app.put(
        "/models/{name}/aliases/{alias}",
        tags=tags,
        response_model=AliasMove,
        summary="point an alias at a version (admin); when it points there already: `changed` false, and a `note`",
        responses=_SET_ERRORS,
    )
    async def set_alias(
        request: Request,
        actor: Annotated[Actor, Depends(signed_in("alias"))],
        body: AliasBody,
        name: str = NAME,
        alias: str = ALIAS,
    ) -> dict:
        alias, version = as_sent(alias), as_sent(body.version, "version")  # the path's alias, then the body's
        moved = await run_in_threadpool(registry.set_alias, name, alias, version, actor, body.reason)
        if not moved.unchanged:  # already pointing there: nothing stored, nothing recorded
            request.app.state.metrics.changes.labels("alias.set").inc()
        # the trail alone keeps how to reach the mover; `changed` is false when it pointed at that version already,
        # and then its `reason` is the stored one, not the one sent: `note` says so, in the CLI's words
        note = moved.unchanged_words(body.reason) if moved.unchanged else None
        return without_whereabouts(moved.to_dict()) | {"changed": not moved.unchanged, "note": note}

    @app.delete(
        "/models/{name}/aliases/{alias}",
        tags=tags,
        response_model=AliasRecord,
        summary="delete an alias (admin)",
        responses=_DELETE_ERRORS,
    )
    async def delete_alias(
        request: Request,
        actor: Annotated[Actor, Depends(signed_in("alias"))],
        name: str = NAME,
        alias: str = ALIAS,
        body: AliasDeleteBody | None = None,
    ) -> dict:
        reason = body.reason if body is not None else ""
        moved = await run_in_threadpool(registry.delete_alias, name, as_sent(alias), actor, reason)
        request.app.state.metrics.changes.labels("alias.delete").inc()
        return without_whereabouts(moved.to_dict())  # the trail alone keeps how to reach the mover

    @app.post(
        "/models/{name}/versions/{version}/withdraw",
        tags=tags,
        response_model=WithdrawAnswer,
        summary="withdraw a version (admin)",
        responses=_WITHDRAW_ERRORS,
    )
    async def withdraw(
        request: Request,
        actor: Annotated[Actor, Depends(signed_in("withdraw"))],
        body: WithdrawBody,
        name: str = NAME,
        version: str = NUMBERED_VERSION,
    ) -> dict:
        withdrawal = await run_in_threadpool(registry.withdraw, name, version, body.reason, actor)
        request.app.state.metrics.changes.labels("withdraw").inc()
        return without_whereabouts(withdrawal.to_dict()) | {"latest": withdrawal.latest_words()}

    @app.get(
        "/models/{name}/history",
        tags=tags,
        response_model=list[AuditRow],
        summary="the audit trail, newest first (with sign-in configured: a viewer's token); damaged records listed",
        responses=error_responses(401, 403, 404, 422, 503),
        dependencies=[Depends(guard_trail)],
    )
    def history(query: Annotated[HistoryQuery, Query()], name: str = NAME) -> list[dict]:
        records = registry.history(name, query.limit, query.before)
        return [record.to_dict() | {"key": record.key} for record in records] or none_of(registry, name)


def as_sent(value: str, field: str = "alias") -> str:
    """The alias of a path, or the version of a body, refused with blanks around it as every path value is
    (validation.blanks_around), in the same words: the library trims them, so `champion%20` would move `champion`,
    and `" 0.0.1"` in a body would be taken where `%200.0.1` in a path is refused. Its own rule is the library's."""
    if refused := blanks_around(field, value):
        raise InvalidInputError(refused, field=field, value=value)
    return value


def none_of(registry: Registry, name: str) -> list[dict]:
    """An empty list for a model that exists; a 404 for one that does not, as its versions' listing says."""
    if not registry.list_versions(name):
        raise no_versions(registry, name)
    return []
