"""Response shapes of the team endpoints (varlib.api.team): aliases, their moves, withdrawals and the audit trail.

The writes answer the library's records (an alias, a withdrawal) as stored, the actor cut to name and front end;
their fields are declared in the records' own order, so that the JSON a route answers is the same with the shape
as without it (any field the shape does not declare is kept too)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

_DAMAGED = "why the stored object cannot be read and what to do; null when it reads"
_WHY = "why it was last set or deleted, as its mover said (optional: empty when none was given)"
_ACTOR = "who made the change: their name and the front end used (via, e.g. rest)"


class AliasRow(BaseModel):
    """One alias (`python -m varlib alias list --json`); a damaged alias object has `damaged` and no version."""

    model_config = ConfigDict(extra="allow")
    name: str
    alias: str
    version: str | None
    revision: int
    at: str
    reason: str = Field(description=_WHY)
    actor: dict[str, str]
    damaged: str | None = Field(description=_DAMAGED)
    withdrawn: bool = Field(
        False, description="the version it points at is withdrawn: the alias is refused until it is moved"
    )
    version_status: str | None = Field(
        None,
        description="the listing's status of the version it points at: 'ok', or why it cannot be used (gone: deleted"
        " behind the product's back, so the alias cannot be followed until it is moved); null for a damaged alias"
        " or a version the listing does not have",
    )


class AliasRecord(BaseModel):
    """An alias as stored after a change (`DELETE`: pointing nowhere, `previous` says where it pointed)."""

    model_config = ConfigDict(extra="allow")
    format: str = Field(description="varlib-alias")
    name: str
    alias: str
    version: str | None = Field(description="the version it points at; null once deleted")
    revision: int = Field(description="how many times it was set or deleted")
    at: str = Field(description="when it was last set or deleted (UTC)")
    previous: str | None = Field(description="the version it pointed at before that change, if any")
    reason: str = Field(description=_WHY)
    actor: dict[str, str] = Field(description=_ACTOR)
    damaged: str | None = Field(description=_DAMAGED)


class AliasMove(AliasRecord):
    """An alias after `PUT`: its record as stored, and whether the request changed it. When it pointed at the
    version already, nothing is stored or recorded: the record (`reason`, `at`, `actor`, `revision`) is the earlier
    move's, the reason sent is not kept, and `note` says so."""

    reason: str = Field(
        description="the reason stored with the alias's last move: the one sent when `changed` is true, else the"
        " earlier move's (the reason sent was not stored)"
    )
    changed: bool = Field(description="false when it pointed at that version already: nothing stored or recorded")
    note: str | None = Field(
        description="when `changed` is false: that the alias already pointed at the version, set when, by whom and"
        " why, and that nothing was stored or recorded (so a reason sent was not kept); null when it moved",
        examples=[
            "@champion of 'var' already points at 0.0.3, set 2026-11-30 03:42:03 UTC by Ada Admin (reason: best"
            " backtest this quarter); nothing was stored or recorded in the audit trail, so the reason given (new"
            " data) was not kept"
        ],
    )


class WithdrawalRecord(BaseModel):
    """A version's withdrawal record, as stored."""

    model_config = ConfigDict(extra="allow")
    format: str = Field(description="varlib-withdrawal")
    name: str
    version: str
    reason: str
    at: str = Field(description="when it was withdrawn (UTC)")
    actor: dict[str, str] = Field(description=_ACTOR)
    damaged: str | None = Field(description=_DAMAGED)


class WithdrawAnswer(WithdrawalRecord):
    """The withdrawal just made, and what it did to `latest` (the CLI's `withdraw` says it too)."""

    latest: str = Field(description="`0.0.3 → 0.0.2` when `latest` moved off the version (`none`: no version left)")


class AuditRow(BaseModel):
    """One audit record (`python -m varlib history --json`); a damaged one has `damaged`, its time and its key."""

    model_config = ConfigDict(extra="allow")
    at: str
    action: str = Field(
        description="publish, alias.set, alias.delete, withdraw, scenario.save, scenario.delete or latest.move; empty"
        " if damaged. A change that moved `latest` also has latest_before and latest_after (null: no version)"
    )
    name: str
    key: str = Field(description="where the record is stored: give it as `before` for the next page")
    actor: dict[str, str]
    damaged: str | None = Field(description=_DAMAGED)
