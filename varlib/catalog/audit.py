"""The audit trail: one immutable record per publish, alias move, withdrawal, saved and deleted scenario, and per
move of `latest` by `varlib reindex`, in `<name>/_audit/`.

Each record is created once (create-if-absent) under a key that sorts by time,
`<name>/_audit/<UTC timestamp to the microsecond>Z-<random>.json`, so a listing in key order is the
trail in time order and two writers never collide. Nothing in the trail is ever rewritten: the store
interface has no delete, and a record that exists cannot be created again. A record is written after
the change it describes, so a writer killed in between leaves the change without its record; the
change itself carries who made it (a version its author, an alias its last mover, a withdrawal its
withdrawer, a scenario its saver), and `varlib reindex` restores the missing record from it
(catalog.trail_repair); a scenario's deletion leaves nothing to restore its record from, and says so when
cut off. An object of the trail that cannot be read is listed in its place, saying why
(`AuditRecord.damaged`), so a reader sees that something is there, and pages of the trail stay whole; an
object under another name than a record's is not part of the trail. A withdrawal's record has a key made
from the change (`once_suffix`), so a retried withdrawal that completes one cut off never records it twice.
A change that moved `latest` (a publish, a withdrawal of the version it named, a reindex's `latest.move`) says
from which version to which (`latest_before`, `latest_after`; None: no version); a record without them, or
one written before they existed, moved nothing that it knew of.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

from ..cache import BoundedCache
from ..errors import (
    CorruptArtifactError,
    InvalidInputError,
    NotFoundError,
    ObjectExistsError,
    ObjectTooLargeError,
    VarlibError,
)
from ..identity import Actor
from ..store import Store
from .audit_listing import is_record_key, key_stamp, keys_after, newest_keys, stamp_text
from .layout import AUDIT_FOLDER, helper_prefix

FORMAT = "varlib-audit"
ACTIONS = ("publish", "alias.set", "alias.delete", "withdraw", "scenario.save", "scenario.delete", "latest.move")
MAX_RECORD_BYTES = 64 * 1024
DEFAULT_LIMIT = 500
MAX_PAGE = 1000  # the most records one page of `varlib history` or REST's history lists (`before` pages on)
_ATTEMPTS = 5
log = logging.getLogger("varlib.audit")


@dataclass(frozen=True)
class AuditRecord:
    """Who did what to which version or alias of a model, when, and from where."""

    at: str  # UTC, ISO 8601 to the microsecond
    action: str  # one of ACTIONS
    name: str
    actor: Actor
    version: str | None = None
    alias: str | None = None
    previous: str | None = None  # the version an alias pointed at before the move
    reason: str = ""
    revision: int | None = None  # an alias move: the alias's move count after it
    scenario: str | None = None  # a saved scenario's name
    restored: str | None = None  # when a repair wrote it from the stored change (catalog.trail_repair)
    latest_before: str | None = None  # a change that moved `latest`: the version it named before (None: none)
    latest_after: str | None = None  # ... and after; both None: `latest` did not move (or the record is older)
    key: str = ""  # where the record is stored (set when read)
    damaged: str | None = None  # why the object at `key` cannot be read (then only `at` and `key` are known)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "at": self.at,
            "action": self.action,
            "name": self.name,
            "version": self.version,
            "alias": self.alias,
            "previous": self.previous,
            "reason": self.reason,
            "revision": self.revision,
            **({"scenario": self.scenario} if self.scenario else {}),
            "restored": self.restored,
            **({"latest_before": self.latest_before, "latest_after": self.latest_after} if self.moved_latest else {}),
            "actor": self.actor.to_dict(),
            "damaged": self.damaged,
        }

    @property
    def moved_latest(self) -> bool:
        """Whether the change moved `latest` (a move has two ends, one of them a version)."""
        return self.latest_before != self.latest_after

    def latest_move(self) -> str:
        """`0.0.14 → 0.0.13` when the change moved `latest` (`none` for no version), else empty."""
        return move_words((self.latest_before, self.latest_after))

    def stored_dict(self) -> dict[str, Any]:
        """The record as stored: `damaged` is said of a stored object when read, never written into one."""
        body = self.to_dict()
        del body["damaged"]
        return body

    @classmethod
    def from_dict(cls, raw: dict[str, Any], key: str) -> AuditRecord:
        if raw.get("format") != FORMAT or raw.get("action") not in ACTIONS:
            raise CorruptArtifactError(f"{key} is not an audit record", key=key)
        return cls(
            at=str(raw.get("at") or ""),
            action=str(raw["action"]),
            name=str(raw.get("name") or ""),
            actor=Actor.from_dict(raw.get("actor") or {}),
            version=_text(raw.get("version")),
            alias=_text(raw.get("alias")),
            previous=_text(raw.get("previous")),
            reason=str(raw.get("reason") or ""),
            revision=raw["revision"] if isinstance(raw.get("revision"), int) else None,
            scenario=_text(raw.get("scenario")),
            restored=_text(raw.get("restored")),
            latest_before=_text(raw.get("latest_before")),
            latest_after=_text(raw.get("latest_after")),
            key=key,
        )


def append(store: Store, record: AuditRecord) -> AuditRecord:
    """Create the record under a fresh time-sorted key; the trail only ever grows. A withdrawal, made once, has
    one key (`once_suffix`): its writer and a retry completing it cut off write a single record between them."""
    once = once_suffix(record)
    if once is not None:
        key = record_key(record, once)
        try:
            return create(store, key, record)
        except ObjectExistsError:
            return AuditRecord(**{**record.__dict__, "key": key})  # written already, by whoever came first
    for _ in range(_ATTEMPTS):
        key = record_key(record, secrets.token_hex(4))
        try:
            return create(store, key, record)
        except ObjectExistsError:
            continue  # 32 random bits collided within one microsecond: take another suffix
    raise VarlibError(f"could not append an audit record for {record.name!r}; try again")


def create(store: Store, key: str, record: AuditRecord) -> AuditRecord:
    """Store `record` at `key` (ObjectExistsError if taken) and log it; returns it with its key."""
    store.create(key, orjson.dumps(record.stored_dict(), option=orjson.OPT_SORT_KEYS))
    log.info(
        "%s %s %s by %s via %s%s%s",
        record.action,
        record.name,
        record.alias and f"@{record.alias} -> {record.version}" or record.version,
        record.actor.describe(),
        record.actor.via,
        f" (latest {record.latest_move()})" if record.moved_latest else "",
        f" (restored {record.restored})" if record.restored else "",
        extra={"audit": {**record.stored_dict(), "key": key}},
    )
    return AuditRecord(**{**record.__dict__, "key": key})


Move = tuple[str | None, str | None]  # `latest` before and after a change; (None, None): it did not move
STAYED: Move = (None, None)


def move_words(move: Move) -> str:
    """A move of `latest` as the trail and the REST answers write it, `0.0.14 → 0.0.13` (`none` for no version);
    empty when it stayed."""
    return "" if move[0] == move[1] else f"{move[0] or 'none'} → {move[1] or 'none'}"


def latest_moved(before: object | None, after: object | None) -> Move:
    """`latest_before` and `latest_after` of a record whose change moved `latest` from `before` to `after`
    (versions, or None for no version); STAYED when it did not move."""
    return STAYED if before == after else (_text(before), _text(after))


def record_key(record: AuditRecord, suffix: str) -> str:
    """Where `record` is stored: its time (keys sort as the trail does), then `suffix` (random, or for a
    restored record one made from the change it describes)."""
    return f"{helper_prefix(record.name, AUDIT_FOLDER)}{key_stamp(record.at)}-{suffix}.json"


def once_suffix(record: AuditRecord) -> str | None:
    """The key suffix of a change that happens once (a version's withdrawal), made from the change; else None."""
    if record.action != "withdraw" or not record.version:
        return None
    return "withdraw-" + hashlib.sha256(f"{record.name}/{record.version}".encode()).hexdigest()[:16]


def recorded(store: Store, name: str, cache: BoundedCache[AuditRecord], action: str, version: str, since: str) -> bool:
    """Whether the trail of `name` holds a record of `action` on `version` at `since` (a trail time) or later:
    a change's record is never older than the change, so only the records after it are listed and read."""
    folder = helper_prefix(name, AUDIT_FOLDER)
    for key in keys_after(store, folder, folder + key_stamp(since)):
        record = _cached(store, name, cache, key)
        if record.action == action and record.version == version:
            return True
    return False


def now() -> str:
    return _trail_form(datetime.now(UTC))


def trail_time(at: str) -> str:
    """A stored ISO time (`2026-11-30T03:42:03Z`, with or without a fraction or a zone) in the trail's form, UTC
    to the microsecond, which record keys sort by."""
    moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    return _trail_form(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


def _trail_form(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def read_trail(
    store: Store, name: str, cache: BoundedCache[AuditRecord], limit: int = DEFAULT_LIMIT, before: str | None = None
) -> list[AuditRecord]:
    """The newest `limit` records of `name`, newest first; with `before` (a record's key, e.g. the last of a
    page) only older ones: keys sort by time. Records are immutable, so each is read once per process (cached
    by key). An object that cannot be read is never trusted but still listed, in its place, as a record with
    `damaged` saying why: it counts to `limit`, and its key pages on as any other's. Only a window of the trail
    before the page is listed, as wide as it takes to fill it (audit_listing)."""
    folder = helper_prefix(name, AUDIT_FOLDER)
    if before is not None and not is_record_key(folder, before):
        raise InvalidInputError(
            f"before {before!r} is not the key of a record in the audit trail of {name!r}: give the `key` of the"
            f" last record listed (e.g. {folder}20261130T101500.000000Z-1a2b3c4d.json)",
            field="before",
            value=before,
        )
    # Only record keys: another object (`notes.json`) has no time to sort by, and could not be paged from.
    return [_cached(store, name, cache, key) for key in newest_keys(store, folder, limit, before)]


def _cached(store: Store, name: str, cache: BoundedCache[AuditRecord], key: str) -> AuditRecord:
    record = cache.get(key)
    if record is None:
        record = _read_record(store, name, key)
        if record.damaged is None:  # a damaged object may yet be restored from a backup: read it again
            cache.put(key, record)
    return record


def _read_record(store: Store, name: str, key: str) -> AuditRecord:
    """The record at `key`, or one that says why the object there cannot be read."""
    try:
        stored = store.get(key, MAX_RECORD_BYTES)
        return AuditRecord.from_dict(orjson.loads(stored.data), key)
    except NotFoundError:
        problem = "it was listed but is gone"
    except ObjectTooLargeError:
        problem = f"it is over {MAX_RECORD_BYTES} bytes"
    except (CorruptArtifactError, orjson.JSONDecodeError, TypeError, AttributeError, ValueError):
        problem = "it is not a readable audit record"
    return _damaged_record(name, key, problem)


def _damaged_record(name: str, key: str, problem: str) -> AuditRecord:
    """The trail's entry for an object it cannot read: the time its key carries, its key, and what to do."""
    file = key.rsplit("/", 1)[-1]
    at = stamp_text(file.partition("-")[0])  # the time the key sorts by
    reason = (
        f"audit record {key} is damaged ({problem}); it is kept as it is, as the trail is never rewritten, and"
        " cannot be rebuilt: `varlib reindex` restores a record only of a change still stored (a version, a"
        " withdrawal, an alias's last move, a saved scenario)"
    )
    return AuditRecord(at, "", name, Actor("", "", via=""), key=key, damaged=reason)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
