"""What a team needs on top of versions: aliases, withdrawals and the audit trail, as Registry methods.

`Registry` inherits these; each operation is one module's job (catalog.aliases, catalog.withdrawals,
catalog.audit) and every change appends an audit record naming the actor. A change cut off after its own write
says it is stored and what completes the rest (catalog.cut_off); a retried withdrawal completes it.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, suppress
from dataclasses import replace

from ..artifact import Artifact
from ..cache import BoundedCache
from ..errors import (
    AllWithdrawnError,
    CorruptArtifactError,
    InvalidInputError,
    NotFoundError,
    ObjectExistsError,
    VarlibError,
    WithdrawnError,
)
from ..identity import Actor
from ..store import Store
from ..versions import Version, check_alias, check_name, is_alias, is_latest, parse_version
from ..wording import utc_time
from . import audit, trail_repair
from .aliases import Alias, list_aliases, move_alias, read_alias
from .audit import AuditRecord
from .cut_off import done_but, may_be_done
from .layout import withdrawal_key
from .withdrawals import (
    Withdrawal,
    check_optional_reason,
    check_reason,
    create_withdrawal,
    read_withdrawal,
    read_withdrawals,
    settle_latest,
)

WITHDRAWAL_CACHE, TRAIL_CACHE = 4096, 16384  # entries kept of withdrawals and audit trails
# what refuses an alias's target version; each is said again, in its own class, as a refusal of the `version` given
_TARGET_REFUSALS = (InvalidInputError, AllWithdrawnError, NotFoundError, WithdrawnError)  # the first that fits


class Governance:
    """Aliases, withdrawals and the audit trail of one store (mixed into Registry)."""

    store: Store
    max_artifact_bytes: int
    author: str

    def __init__(self) -> None:
        # Both hold immutable records only (a withdrawal or audit record is never rewritten).
        self._withdrawn: BoundedCache[Withdrawal] = BoundedCache(WITHDRAWAL_CACHE)
        self._trail: BoundedCache[AuditRecord] = BoundedCache(TRAIL_CACHE)

    # Implemented by Registry.
    def resolve(self, name: str, version: str | Version) -> Version:
        raise NotImplementedError

    def resolve_latest(self, name: str, instead: str | None = None) -> Version:
        raise NotImplementedError

    def load(self, name: str, version: str | Version = "latest", *, cached: bool = True) -> Artifact:
        raise NotImplementedError

    def ensure_writable(self, action: str = "publishing") -> None:
        raise NotImplementedError

    # -- aliases -------------------------------------------------------------------------------------
    def aliases(self, name: str) -> list[Alias]:
        """Every alias of `name` that points somewhere, by alias name; a damaged alias object is listed with
        `damaged` saying why (and no version)."""
        return list_aliases(self.store, check_name(name))

    def alias(self, name: str, alias: str) -> Alias | None:
        """One alias as stored (None if it was never set; a deleted one has no version)."""
        return read_alias(self.store, check_name(name), alias)

    def resolve_alias(self, name: str, alias: str, instead: str | None = None) -> Version:
        """The version `@alias` stands for; WithdrawnError if that version was withdrawn, ending with `instead`
        (what to do; by default move the alias or name the version, which a read may still use)."""
        found = self.alias(name, alias)
        if found is None or found.version is None:
            # a page or a script that followed the alias is told when, by whom and from which version it went
            deleted = (
                f" (it was deleted {utc_time(found.at)} by {found.actor.known_as()}; it pointed at {found.previous})"
                if found is not None
                else ""
            )
            raise NotFoundError(
                f"model {name!r} has no alias @{check_alias(alias)}{deleted}; `varlib alias list --name {name}`"
                " lists them",
                field="alias",
                value=alias,
            )
        withdrawal = self.withdrawal(name, found.version)
        if withdrawal is not None:
            raise WithdrawnError(
                f"alias @{found.alias} of {name!r} points at {found.version}, which was withdrawn"
                f" ({withdrawal.reason}; {utc_time(withdrawal.at)} by {withdrawal.actor.known_as()}); "
                + (
                    instead
                    or f"move it with `varlib alias set {found.alias} VERSION --name {name}`, or name"
                    f" {found.version} explicitly"
                ),
                field="alias",
                value=f"@{found.alias}",
            )
        return found.version

    def set_alias(
        self, name: str, alias: str, version: str | Version, actor: Actor | None = None, reason: str = ""
    ) -> Alias:
        """Point `@alias` at a usable, not withdrawn version (`latest` and other aliases are resolved first). An
        alias that points at that version already is returned `unchanged`: nothing is stored or recorded. `reason`
        (optional): why, kept in the move's audit record."""
        self.ensure_writable("moving an alias")
        alias, name, reason = check_alias(alias), check_name(name), check_optional_reason(reason)
        try:
            if isinstance(version, str) and is_alias(version):  # naming its withdrawn version would be refused too
                concrete = self.resolve_alias(name, version, "an alias cannot point at it: name one in use")
            elif isinstance(version, str) and is_latest(version):  # as above: no way out through a withdrawn one
                concrete = self.resolve_latest(name, "an alias cannot point at a withdrawn version: publish a new one")
            else:
                concrete = self.resolve(name, version)
            # it must exist and verify, in the store: a version deleted behind the product's back may still be cached
            self.load(name, concrete, cached=False)
        except _TARGET_REFUSALS as exc:  # `v1`, `@nope`, 0.0.9: refused as the version given, whatever said so
            # (an alias's resolution names `alias`, the alias being moved over REST)
            kind = next(k for k in _TARGET_REFUSALS if isinstance(exc, k))  # an AllWithdrawnError stays one
            raise kind(exc.message, **(VarlibError.fields(exc) | {"field": "version", "value": str(version)})) from None
        withdrawal = self.withdrawal(name, concrete)
        if withdrawal is not None:
            raise WithdrawnError(
                f"{name} {concrete} was withdrawn ({withdrawal.reason}); an alias cannot point at it",
                field="version",
                value=str(concrete),
            )
        actor = actor or Actor.local(self.author)
        moved = move_alias(self.store, name, alias, concrete, actor, audit.now(), reason)  # `unchanged`: no write
        if not moved.unchanged:
            with self._moved_but(moved, "recording the move in the audit trail", self._reindex_records(name)):
                self._record("alias.set", name, actor, str(concrete), alias, moved.previous, reason, moved.revision)
        look = f"`varlib alias list --name {name}` shows whether it points at a withdrawn version"
        with self._moved_but(moved, f"checking that {concrete} was not withdrawn meanwhile", look):
            withdrawn = self.withdrawal(name, concrete) is not None
        if withdrawn:  # withdrawn while the alias moved (or was found on it): say so, not "done"
            moving = "pointed at" if moved.unchanged else "moved to"
            raise WithdrawnError(
                f"{name} {concrete} was withdrawn while @{alias} {moving} it; @{alias} points at it now and is"
                f" refused until moved: `varlib alias set {alias} VERSION --name {name}`",
                field="version",
                value=str(concrete),
            )
        return moved

    def delete_alias(self, name: str, alias: str, actor: Actor | None = None, reason: str = "") -> Alias:
        """Remove `@alias` (a tombstone moved by compare-and-swap; the trail keeps its history), a damaged one too
        (then `previous` is None: the damaged object said no version); `reason` (optional) goes in its record."""
        self.ensure_writable("deleting an alias")
        alias, reason = check_alias(alias), check_optional_reason(reason)
        actor = actor or Actor.local(self.author)
        # move_alias refuses an alias that is not set, on every compare-and-swap try: of deletes at once, one wins
        moved = move_alias(self.store, check_name(name), alias, None, actor, audit.now(), reason)
        with self._moved_but(moved, "recording the deletion in the audit trail", self._reindex_records(name)):
            self._record("alias.delete", name, actor, None, alias, moved.previous, reason, moved.revision)
        return moved

    @staticmethod
    def _moved_but(moved: Alias, step: str, then: str) -> AbstractContextManager[None]:
        """A failure after `moved` was stored: the alias moved, only what follows failed."""
        was = f"it pointed at {moved.previous}" if moved.previous else "it was not set"
        was = "it was damaged" if moved.previous is None and moved.version is None else was  # only a set one deletes
        now = f"now points at {moved.version}" if moved.version else "is deleted"
        done = f"the alias @{moved.alias} of {moved.name!r} {now} ({'unchanged' if moved.unchanged else was})"
        return done_but(done, step, then, "alias", moved.alias)

    @staticmethod
    def _reindex_records(name: str) -> str:
        return f"`varlib reindex --name {name}` records it in the audit trail"

    # -- withdrawals ---------------------------------------------------------------------------------
    def withdrawal(self, name: str, version: str | Version) -> Withdrawal | None:
        """The withdrawal of `version` (a number: 0.0.3 or 0_0_3), or None (one small read)."""
        concrete = version if isinstance(version, Version) else parse_version(version)
        return read_withdrawal(self.store, check_name(name), concrete, self._withdrawn)

    def withdrawals(self, name: str) -> dict[Version, Withdrawal]:
        """Every withdrawn version of `name`."""
        return read_withdrawals(self.store, check_name(name), self._withdrawn)

    def withdraw(self, name: str, version: str | Version, reason: str, actor: Actor | None = None) -> Withdrawal:
        """Withdraw a version: `latest` and aliases stop resolving to it; nothing is deleted. The version must be
        named by its number: `latest` or an alias would withdraw another version each time it is repeated."""
        self.ensure_writable("withdrawing a version")
        reason = check_reason(reason)
        if not isinstance(version, Version) and (is_latest(version) or is_alias(version)):
            raise InvalidInputError(
                self._needs_number(check_name(name), str(version).strip()), field="version", value=version
            )
        concrete = self.resolve(name, version)
        # only a version in the store (not just in this process's cache: it may have been deleted since); one
        # stored but damaged is withdrawn too: taking it out of use is exactly what it needs
        with suppress(CorruptArtifactError):
            self.load(name, concrete, cached=False)
        actor = actor or Actor.local(self.author)
        withdrawal = Withdrawal(name, concrete, reason, audit.now(), actor)
        again = f"withdraw {concrete} again once the store answers (a stored withdrawal is completed, not repeated)"
        try:
            with may_be_done(f"the withdrawal of {name} {concrete}", again, "version", str(concrete)):
                create_withdrawal(self.store, withdrawal)
        except ObjectExistsError as exc:  # withdrawn before: complete that withdrawal if it was cut off
            raise self._already_withdrawn(name, concrete, exc) from None
        # Kept at once: `latest` in this process then skips it even if the pointer move below is cut off.
        self._withdrawn.put(withdrawal_key(name, concrete), withdrawal)
        done = f"{name} {concrete} is withdrawn (its withdrawal is stored)"
        with self._withdrawn_but(name, concrete, done, "moving `latest` off it"):
            latest = self._settle_off(name, concrete)
        with self._withdrawn_but(name, concrete, done, "recording it in the audit trail"):
            self._record("withdraw", name, actor, str(concrete), reason=reason, at=withdrawal.at, latest=latest)
        return replace(withdrawal, latest_move=latest)

    def _already_withdrawn(self, name: str, version: Version, exc: ObjectExistsError) -> ObjectExistsError:
        """The refusal of a second withdrawal, once the first is complete: a withdrawal cut off after its record
        was stored left `latest` on it or no audit record, and a retry is what a person does next. The answer
        stays a refusal: this call withdrew nothing, and the stored withdrawal keeps its own reason and actor."""
        done = f"{name} {version} is already withdrawn"
        with self._withdrawn_but(name, version, done, "moving `latest` off it"):
            latest = self._settle_off(name, version)
        with self._withdrawn_but(name, version, done, "recording it in the audit trail"):
            written = trail_repair.record_withdrawal(self.store, self._trail, self.withdrawal(name, version), latest)
        note = "; its audit record was missing and is written now" if written else ""
        return ObjectExistsError(exc.message + note, **VarlibError.fields(exc))

    def _settle_off(self, name: str, version: Version) -> audit.Move:
        """Move `latest` off withdrawn versions; its move when it named `version` (withdrawn now) and moved,
        whoever moved it (a publish racing the withdrawal may have settled it first, and records that too)."""
        before, after = settle_latest(self.store, name, self.max_artifact_bytes, self._withdrawn)
        return audit.latest_moved(before, after) if before == version else audit.STAYED

    def _withdrawn_but(self, name: str, version: Version, done: str, step: str) -> AbstractContextManager[None]:
        then = f"`varlib reindex --name {name}` (or withdrawing {version} again) completes it"
        return done_but(done, step, then, "version", str(version))

    def _needs_number(self, name: str, reference: str) -> str:
        """Why `withdraw latest` or `withdraw @alias` is refused, naming the version it points at now."""
        start = f"withdraw needs a version number, not {reference!r}"
        if is_alias(reference):
            found = self.alias(name, check_alias(reference))
            now = found.version if found is not None else None
        else:
            try:
                now = self.resolve_latest(name)
            except NotFoundError:
                now = None
        if now is None:
            unset = f" (@{check_alias(reference)} is not set)" if is_alias(reference) else ""
            return f"{start}{unset}; `varlib list --name {name}` lists the versions of {name!r}"
        return f"{start} (which is {now} now): withdraw {now} if that is the one"

    # -- the trail -----------------------------------------------------------------------------------
    def history(self, name: str, limit: int = audit.DEFAULT_LIMIT, before: str | None = None) -> list[AuditRecord]:
        """The newest `limit` audit records of `name`, newest first (with `before`, a record's key: older ones)."""
        return audit.read_trail(self.store, check_name(name), self._trail, limit, before)

    def _record(
        self,
        action: str,
        name: str,
        actor: Actor,
        version: str | None,
        alias: str | None = None,
        previous: Version | None = None,
        reason: str = "",
        revision: int | None = None,
        scenario: str | None = None,
        at: str | None = None,
        latest: audit.Move = audit.STAYED,
    ) -> None:
        """Append a record; `latest`: the move of `latest` the change made (audit.latest_moved), if any."""
        previous_text = str(previous) if previous else None
        record = AuditRecord(
            at or audit.now(),
            action,
            name,
            actor,
            version,
            alias,
            previous_text,
            reason,
            revision,
            scenario,
            latest_before=latest[0],
            latest_after=latest[1],
        )
        audit.append(self.store, record)
