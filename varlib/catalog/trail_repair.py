"""Audit records restored from the stored changes themselves, for changes stored without their own record.

A change is stored first and its audit record appended after it (catalog.audit), so a writer cut off in
between (the store went away, the process was killed) leaves a version, withdrawal, alias move or saved
scenario that the trail does not mention. So does a version published by a varlib older than the trail: the
first varlib with the trail (2026-11-29) stored versions exactly as the one before it, so nothing stored tells
the two apart, and a restored record says only that the trail lacked it. Each of those objects says who made
it and when, so `restore` writes the missing record from it, with the change's own time (it sorts into place
in the trail) and marked `restored` with the time of the repair. What the object does not keep stays unknown: a version
keeps the identity the service recorded in its provenance, else its author's name only (no subject, client
or channel), and an alias keeps its last move only (with its reason, unless stored before the reason was kept).

A deleted scenario is not in the store, so no save of it is restored; a scenario saved again under a deleted
one's name is a new change (its save is sought after the trail's `scenario.delete`). A deletion cut off before its
record leaves nothing that says who deleted it, so no record of it can be restored (the deletion says so).

A restored record's key is made from the change it describes (create-if-absent), so two repairs at once
write it once, and a repair run again finds nothing missing.

The other way round, a withdrawal is for good: one the trail records whose own record the store lost (deleted
by hand) would quietly put its version back into use (`latest`, aliases), so `restore_withdrawals` makes the
record again from the trail's (its reason, time and withdrawer), create-if-absent, and logs a warning.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from dataclasses import replace
from typing import Protocol

from ..artifact import Artifact
from ..cache import BoundedCache
from ..errors import InvalidInputError, ObjectExistsError, VarlibError
from ..identity import Actor
from ..scenario import Scenario
from ..store import Store
from ..versions import Version, parse_key_version, parse_version
from . import audit
from .aliases import list_aliases
from .audit import AuditRecord
from .layout import SCENARIO_FOLDER, helper_prefix, withdrawal_key
from .listing import VersionEntry
from .withdrawals import Withdrawal, create_withdrawal, withdrawn_versions


class Registry(Protocol):
    """What a repair reads of the registry (catalog.registry.Registry, which calls it: named here, not
    imported, so the two modules do not import each other)."""

    store: Store

    def history(self, name: str, limit: int = ..., before: str | None = ...) -> list[AuditRecord]: ...

    def list_versions(self, name: str, verify: bool = ...) -> list[VersionEntry]: ...

    def withdrawals(self, name: str) -> dict[Version, Withdrawal]: ...

    def load(self, name: str, version: str | Version = ..., *, cached: bool = ...) -> Artifact: ...

    def scenario(self, name: str, version: str | Version, scenario: str) -> Scenario: ...


_ALL = 10**9  # the whole trail: a repair compares every record
_UNKNOWN = Actor("unknown", "", via="")
_log = logging.getLogger(__name__)


def restore(registry: Registry, name: str) -> list[AuditRecord]:
    """Write a record for every stored change of `name` that the trail lacks; returns what was written."""
    known: set[tuple] = set()
    for recorded in reversed(registry.history(name, _ALL)):  # oldest first
        if recorded.action == "scenario.delete":  # a scenario stored now under that name was saved after it
            known.discard(("scenario.save", recorded.version, recorded.scenario))
        known.add(_change(recorded))
    repaired_at = audit.now()
    written = []
    for record in _stored_changes(registry, name):
        if _change(record) in known:
            continue
        if record.action == "publish":
            record = _publish(registry, name, record.version or "")
        # a withdrawal's own key, which its writer and a retried withdrawal use too: one record between them
        key = audit.record_key(record, audit.once_suffix(record) or f"restored-{_digest(record)}")
        try:
            written.append(audit.create(registry.store, key, replace(record, restored=repaired_at)))
        except ObjectExistsError:
            continue  # another repair wrote it meanwhile
    return written


def _stored_changes(registry: Registry, name: str) -> Iterator[AuditRecord]:
    """A record for each stored change, enough to match it in the trail (a publish's is filled in by
    `_publish` once it is known to be missing: that reads the version)."""
    for entry in registry.list_versions(name, verify=True):
        if entry.ok and entry.version is not None:
            yield AuditRecord("", "publish", name, _UNKNOWN, str(entry.version))
    for version, gone in registry.withdrawals(name).items():
        if gone.damaged:
            continue  # no readable withdrawal to restore a record of (the listing names the damage)
        yield AuditRecord(audit.trail_time(gone.at), "withdraw", name, gone.actor, str(version), reason=gone.reason)
    for alias in list_aliases(registry.store, name, deleted=True):
        if alias.damaged:
            continue  # no readable move to restore a record of
        yield AuditRecord(
            audit.trail_time(alias.at),
            "alias.set" if alias.version is not None else "alias.delete",
            name,
            alias.actor,
            str(alias.version) if alias.version else None,
            alias.alias,
            str(alias.previous) if alias.previous else None,
            reason=alias.reason,
            revision=alias.revision,
        )
    yield from _scenario_saves(registry, name)


def _publish(registry: Registry, name: str, version: str) -> AuditRecord:
    """A version's publish record: when it was made and by whom, with the identity the service recorded
    in its provenance (a signed-in publisher's subject, channel and client) when there is one."""
    artifact = registry.load(name, version)
    identity = artifact.provenance.get("identity")
    actor = Actor.from_dict(identity) if isinstance(identity, dict) else Actor(artifact.author, "", via="")
    return AuditRecord(audit.trail_time(artifact.created_at), "publish", name, actor, version)


def _scenario_saves(registry: Registry, name: str) -> Iterator[AuditRecord]:
    prefix = helper_prefix(name, SCENARIO_FOLDER)
    for info in registry.store.list(prefix):
        folder, _, file = info.key.removeprefix(prefix).partition("/")
        version = parse_key_version(folder)
        if version is None or not file.endswith(".json"):
            continue
        try:
            saved = registry.scenario(name, version, file.removesuffix(".json"))
        except VarlibError:
            continue  # damaged or foreign: not a change of ours
        actor = saved.actor or _UNKNOWN
        yield AuditRecord(
            audit.trail_time(saved.created_at), "scenario.save", name, actor, str(version), scenario=saved.scenario
        )


def restore_withdrawals(registry: Registry, name: str) -> list[Withdrawal]:
    """Create again every withdrawal record of `name` that the trail records and the store no longer holds;
    returns those made (`Registry.reindex` runs this first, so `latest` is never rebuilt onto one of them)."""
    held = set(withdrawn_versions(registry.store, name))  # by listing: a record this process keeps may be gone
    made = []
    for record in reversed(registry.history(name, _ALL)):  # oldest first: a version's first withdrawal is the one
        version = _version(record.version)
        if record.action != "withdraw" or record.damaged or version is None or version in held:
            continue
        held.add(version)
        withdrawal = Withdrawal(name, version, record.reason, record.at, record.actor)
        try:
            create_withdrawal(registry.store, withdrawal)
        except ObjectExistsError:
            continue  # withdrawn again meanwhile, or restored by another repair: it holds either way
        _log.info(  # returned too, and the one caller (`varlib reindex`) says it: a warning printed it twice
            "%s %s: its withdrawal record %s was missing from the store though the audit trail records it (%s);"
            " made again from the trail, so the version stays withdrawn",
            name,
            version,
            withdrawal_key(name, version),
            withdrawal.describe(),
        )
        made.append(withdrawal)
    return made


def _version(text: str | None) -> Version | None:
    try:
        return parse_version(text) if text else None
    except InvalidInputError:  # not a version: a record no change of ours wrote
        return None


def _change(record: AuditRecord) -> tuple:
    """What a record is about, whoever wrote it and whenever: the same change gives the same tuple."""
    if record.action in ("alias.set", "alias.delete"):
        return (record.action, record.alias, record.revision)
    return (record.action, record.version, record.scenario)


def _digest(record: AuditRecord) -> str:
    return hashlib.sha256(repr((record.name, *_change(record))).encode()).hexdigest()[:16]


def record_withdrawal(
    store: Store, trail: BoundedCache[AuditRecord], stored: Withdrawal | None, latest: audit.Move
) -> bool:
    """Write the audit record of a stored withdrawal that has none (as `reindex` would), with the move of
    `latest` that completing it made; whether it wrote one (a retried withdrawal completes one cut off so)."""
    if stored is None or stored.damaged:  # a damaged record keeps no actor or time to record
        return False
    at, version = audit.trail_time(stored.at), str(stored.version)
    if audit.recorded(store, stored.name, trail, "withdraw", version, at):
        return False
    record = AuditRecord(at, "withdraw", stored.name, stored.actor, version, reason=stored.reason)
    record = replace(record, latest_before=latest[0], latest_after=latest[1], restored=audit.now())
    audit.append(store, record)  # its writer's key: written once
    return True
