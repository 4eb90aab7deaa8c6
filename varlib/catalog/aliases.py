"""Aliases: named pointers of one model (`@champion`, `@staging`), each a small object moved by
compare-and-swap in `<name>/_aliases/<alias>.json`.

A move reads the alias and its ETag, then replaces it only if the ETag is unchanged (`If-Match`);
a writer that loses re-reads and tries again, so two moves at once are applied one after the other
and each knows the version it replaced. Every alias object counts its moves (`revision`). Deleting
an alias writes a tombstone (no version) the same way: nothing is ever deleted from the store, and
a later `set` continues the count. A delete checks the alias is set on every try, so of several deletes at
once exactly one succeeds; a move to the version the alias points at already stores nothing, decided on the same
read as the compare-and-swap (the alias it returns says `unchanged`). An object over MAX_ALIAS_BYTES is damaged
like an unreadable one, and replaced by a move through the ETag its folder's listing gives (its body is never read).
A damaged alias object counts as set: a move or a delete replaces it (its count starts again: it cannot be read).
The object keeps its last move's reason too, so a trail repair restores it with the record (an object stored before
it kept one reads with none).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import orjson

from ..errors import (
    CorruptArtifactError,
    InvalidInputError,
    NotFoundError,
    ObjectExistsError,
    ObjectTooLargeError,
    VarlibError,
)
from ..identity import Actor
from ..plain_text import escape_controls
from ..store import Store
from ..versions import Version, check_alias, parse_version
from ..wording import utc_time
from .audit import trail_time
from .cut_off import may_be_done
from .layout import ALIAS_FOLDER, alias_key, helper_prefix, listed_etag

FORMAT = "varlib-alias"
MAX_ALIAS_BYTES = 64 * 1024
CAS_ATTEMPTS = 200


@dataclass(frozen=True)
class Alias:
    """Where an alias points now (None once deleted), its move count, and its last mover and their reason."""

    name: str
    alias: str
    version: Version | None
    revision: int
    at: str
    actor: Actor
    previous: Version | None = None  # what the last move replaced
    damaged: str | None = None  # why the stored object cannot be read, and how to repair it (then no version)
    reason: str = ""  # why the last move was made (optional; none in an object stored before it was kept)
    # a move found it pointing at its version already and stored nothing (never stored; not part of equality)
    unchanged: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "name": self.name,
            "alias": self.alias,
            "version": str(self.version) if self.version else None,
            "revision": self.revision,
            "at": self.at,
            "previous": str(self.previous) if self.previous else None,
            "reason": self.reason,
            "actor": self.actor.to_dict(),
            "damaged": self.damaged,
        }

    def unchanged_words(self, reason: str = "") -> str:
        """What a move that found the alias on its version already says (`unchanged`): that nothing was stored or
        recorded, so a `reason` it gave (other than the stored one) was not kept, and how the alias got there."""
        why = f"reason: {escape_controls(self.reason)}" if self.reason else "no reason given"
        dropped = reason.strip()  # as the move checked it
        lost = (
            f", so the reason given ({escape_controls(dropped)}) was not kept"
            if dropped not in ("", self.reason)
            else ""
        )
        return (
            f"@{self.alias} of {self.name!r} already points at {self.version}, set {utc_time(self.at)} by"
            f" {self.actor.known_as()} ({why}); nothing was stored or recorded in the audit trail{lost}"
        )

    def stored_dict(self) -> dict[str, Any]:
        """The alias as stored: `damaged` is said of a stored object when read, never written into one."""
        body = self.to_dict()
        del body["damaged"]
        return body


@dataclass(frozen=True)
class _Stored:
    alias: Alias | None  # None: never set, or damaged
    etag: str | None
    damage: CorruptArtifactError | None = None

    def checked(self) -> Alias | None:
        if self.damage is not None:
            raise self.damage
        return self.alias


def read_alias(store: Store, name: str, alias: str) -> Alias | None:
    """The alias as stored, or None if it was never set (a deleted alias has version None)."""
    return _read(store, name, check_alias(alias)).checked()


def list_aliases(store: Store, name: str, deleted: bool = False) -> list[Alias]:
    """Every alias of `name` that points somewhere (with `deleted`, deleted ones too), by alias name. A damaged
    alias object is listed too, as an alias without a version whose `damaged` says why and how to repair it:
    reading it answers that error, so a listing that left it out would hide an alias that is in use."""
    found = []
    for info in store.list(helper_prefix(name, ALIAS_FOLDER)):
        alias = info.key.rsplit("/", 1)[-1].removesuffix(".json")
        try:
            stored = _read(store, name, check_alias(alias)).checked()
        except InvalidInputError:
            continue  # an object outside the naming rule: no alias can be set or read under that name
        except CorruptArtifactError as exc:  # unreadable or foreign (or over MAX_ALIAS_BYTES: the store says so)
            found.append(Alias(name, alias, None, 0, "", Actor("", "", via=""), damaged=str(exc)))
            continue
        if stored is not None and (deleted or stored.version is not None):
            found.append(stored)
    return sorted(found, key=lambda item: item.alias)


def move_alias(
    store: Store, name: str, alias: str, version: Version | None, actor: Actor, at: str, reason: str = ""
) -> Alias:
    """Point `alias` at `version` (None deletes it) by compare-and-swap, `reason` (checked) kept with the move, which
    its audit record repeats; returns the alias as written,
    whose `previous` is the version this move replaced (None: none, or a damaged object, which a move and a delete
    replace: deleting a damaged alias is what an admin does with it). An alias that points at
    `version` already is returned as stored, `unchanged`: nothing is written (no new revision), and the check is
    made on the read the compare-and-swap would replace, so a move racing it is never taken for a no-op."""
    alias = check_alias(alias)
    for _ in range(CAS_ATTEMPTS):
        current = _read(store, name, alias)
        before = current.alias
        if version is None and current.damage is None:  # re-checked on every try: of deletes at once, one finds it
            if before is None or before.version is None:
                raise no_alias(name, alias)
        elif before is not None and before.version == version:
            return replace(before, unchanged=True)
        moved = Alias(
            name=name,
            alias=alias,
            version=version,
            revision=(before.revision if before else 0) + 1,
            at=at,
            actor=actor,
            previous=before.version if before else None,
            reason=reason,
        )
        look = f"look with `varlib alias list --name {name}`"
        try:
            with may_be_done(f"the move of @{alias} of {name!r}", look, "alias", alias):
                store.replace(alias_key(name, alias), orjson.dumps(moved.stored_dict()), current.etag)
        except ObjectExistsError:
            continue  # someone moved it meanwhile: re-read, so `previous` stays exact
        return moved
    raise VarlibError(f"alias @{alias} of {name!r} kept changing; try again")


def no_alias(name: str, alias: str) -> NotFoundError:
    """The refusal to delete an alias that is not set (never, or deleted already)."""
    return NotFoundError(  # what to do, as a forecast of a missing alias says (over REST: its endpoint)
        f"model {name!r} has no alias @{alias}; `varlib alias list --name {name}` lists them",
        field="alias",
        value=alias,
    )


def _read(store: Store, name: str, alias: str) -> _Stored:
    key = alias_key(name, alias)
    try:
        stored = store.get(key, MAX_ALIAS_BYTES)
    except NotFoundError:
        return _Stored(None, None)
    except ObjectTooLargeError:  # refused unread: damaged, and a move replaces it by the ETag its listing gives
        return _Stored(None, listed_etag(store, key), _damage(name, alias, key, f"over {MAX_ALIAS_BYTES:,} bytes"))
    try:
        raw = orjson.loads(stored.data)
        if raw.get("format") != FORMAT or raw.get("alias") != alias or raw.get("name") != name:
            raise ValueError("foreign object")
        version = parse_version(raw["version"]) if raw.get("version") else None
        previous = parse_version(raw["previous"]) if raw.get("previous") else None
        trail_time(str(raw["at"]))  # a time that does not read (`yesterday`) is damage: the trail repair reads it
        actor, reason = Actor.from_dict(raw["actor"]), str(raw.get("reason") or "")  # older objects keep no reason
        return _Stored(
            Alias(name, alias, version, int(raw["revision"]), str(raw["at"]), actor, previous, reason=reason),
            stored.etag,
        )
    except (ValueError, KeyError, TypeError, AttributeError, VarlibError):
        return _Stored(None, stored.etag, _damage(name, alias, key, "not a readable alias object"))


def _damage(name: str, alias: str, key: str, problem: str) -> CorruptArtifactError:
    """What is wrong with the alias object and how to repair it (move_alias replaces it: a set or a delete does).
    Worded for every caller alike: the CLI, the REST service and the dashboard each reach `set` and `delete` their
    own way, and the same damage must read the same from each."""
    return CorruptArtifactError(
        f"alias @{alias} of {name!r} ({key}) is damaged ({problem}); set it again or delete it: either replaces the"
        " damaged object",
        key=key,
    )
