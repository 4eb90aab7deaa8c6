"""Withdrawals: a version taken out of `latest` and aliases, without deleting anything.

A withdrawal is an immutable record, `<name>/_withdrawn/<M_m_p>.json`, created once (create-if-absent;
a second withdrawal of the same version is refused). The version's own object is untouched, so it
still loads when named explicitly and old results stay reproducible.

`latest.json` must never name a withdrawn version, and reading `latest` must stay one read. So the
writers keep the pointer right, not the readers: `settle_latest` runs after every withdrawal and
every publish and, while the pointer names a withdrawn version, moves it by compare-and-swap to the
newest intact version that is not withdrawn (or to an empty pointer when none is left). A withdrawer
creates its record before it looks at the pointer, and a publisher moves the pointer before it looks
for a record, so whichever of a racing withdrawal and publish comes second sees the other's write and
settles the pointer; two withdrawals settle it in turn (a lost compare-and-swap re-reads both).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import orjson

from ..artifact import decode
from ..cache import BoundedCache
from ..errors import (
    AllWithdrawnError,
    CorruptArtifactError,
    InvalidInputError,
    NotFoundError,
    ObjectExistsError,
    ObjectTooLargeError,
    VarlibError,
)
from ..identity import Actor
from ..plain_text import check_plain
from ..store import Store
from ..versions import LATEST, Version, parse_key_version, parse_version
from ..wording import counted, utc_time
from .audit import STAYED, Move, move_words, trail_time
from .layout import WITHDRAWN_FOLDER, helper_prefix, model_key, pointer_key, withdrawal_key
from .pointer import CAS_ATTEMPTS, read_pointer

FORMAT = "varlib-withdrawal"
EMPTY_POINTER = "varlib-latest-none"  # what latest.json holds when every version is withdrawn
MAX_RECORD_BYTES = 64 * 1024
MAX_REASON = 2000


@dataclass(frozen=True)
class Withdrawal:
    """Which version was withdrawn, why, when and by whom."""

    MAX_REASON: ClassVar[int] = MAX_REASON  # for callers outside the catalog, which see its exported names only
    name: str
    version: Version
    reason: str
    at: str
    actor: Actor
    damaged: str | None = None  # why the record cannot be read (then `at`, `actor` and `reason` are unknown)
    # what the withdrawal that returns it did to `latest` (audit.latest_moved; never stored, not part of equality)
    latest_move: Move = field(default=STAYED, compare=False)

    def latest_words(self) -> str:
        """What the withdrawal did to `latest`, as the audit trail writes a move (`0.0.3 → 0.0.2`; empty: stayed)."""
        return move_words(self.latest_move)

    def describe(self, subject: bool = True) -> str:
        """The withdrawal in a sentence: when, by whom and why (or that its record cannot be read); the one wording
        of it for the CLI, the dashboard and reports. `subject=False` leaves out the leading `name version`, for a
        caller that names the version its own way (the dashboard, in bold)."""
        said = f"{self.name} {self.version} " if subject else ""
        if self.damaged:
            return (
                f"{said}is withdrawn, but its withdrawal record is damaged ({self.damaged}),"
                " so when, by whom and why are unknown"
            )
        return f"{said}was withdrawn on {utc_time(self.at)} by {self.actor.known_as()}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "name": self.name,
            "version": str(self.version),
            "reason": self.reason,
            "at": self.at,
            "actor": self.actor.to_dict(),
            "damaged": self.damaged,
        }


def with_withdrawal(content: dict, withdrawal: Withdrawal | None) -> dict:
    """`content` (a listing row, a version's metadata, a forecast answer) with its `withdrawn` field: the
    withdrawal, or None. One shape for the CLI's JSON, the REST answers and the dashboard's download."""
    return {**content, "withdrawn": withdrawal.to_dict() if withdrawal else None}


def check_reason(reason: str) -> str:
    """The reason, stripped; InvalidInputError when it is empty, too long or holds a control character (a
    reason is one line of plain text: it is printed in tables and warnings)."""
    typed = str(reason or "")
    text = typed.strip()
    if not text or len(text) > MAX_REASON:
        raise InvalidInputError(
            f"a withdrawal needs a reason of 1-{MAX_REASON} characters (say why, for whoever finds it later)",
            field="reason",
            value=reason,
        )
    # positions count from what was typed, leading spaces included
    return check_plain(text, "reason has", "reason", offset=len(typed) - len(typed.lstrip()))


def check_optional_reason(reason: str | None) -> str:
    """An alias move's reason, stripped: optional (empty when none is given), else as a withdrawal's, one line of
    plain text of at most MAX_REASON characters."""
    typed = str(reason or "")
    text = typed.strip()
    if len(text) > MAX_REASON:
        raise InvalidInputError(
            f"the reason is {len(text):,} characters; keep it to at most {MAX_REASON} (or give none: it is optional)",
            field="reason",
            value=reason,
        )
    return check_plain(text, "reason has", "reason", offset=len(typed) - len(typed.lstrip()))


def create_withdrawal(store: Store, withdrawal: Withdrawal) -> None:
    """Store the record once; ObjectExistsError if the version is already withdrawn."""
    key = withdrawal_key(withdrawal.name, withdrawal.version)
    try:
        store.create(key, orjson.dumps(withdrawal.to_dict()))
    except ObjectExistsError as exc:
        raise ObjectExistsError(
            f"{withdrawal.name} {withdrawal.version} is already withdrawn; `varlib history --name"
            f" {withdrawal.name}` shows when and why",
            key=key,
        ) from exc


def read_withdrawal(
    store: Store, name: str, version: Version, cache: BoundedCache[Withdrawal] | None = None
) -> Withdrawal | None:
    """The withdrawal of one version, or None (one read; a found record is kept: it never changes)."""
    key = withdrawal_key(name, version)
    hit = cache.get(key) if cache is not None else None
    if hit is not None:
        return hit
    try:
        stored = store.get(key, MAX_RECORD_BYTES)
        withdrawal = _parse(stored.data, name, version, key)
    except NotFoundError:
        return None
    except CorruptArtifactError as exc:  # e.g. over MAX_RECORD_BYTES, refused unread: the key still withdraws
        too_big = isinstance(exc, ObjectTooLargeError)
        problem = f"over the {MAX_RECORD_BYTES:,}-byte limit" if too_big else "it cannot be read"
        withdrawal = _damaged(name, version, f"the record {key} is damaged ({problem})")
    if cache is not None:
        cache.put(key, withdrawal)
    return withdrawal


def read_withdrawals(store: Store, name: str, cache: BoundedCache[Withdrawal]) -> dict[Version, Withdrawal]:
    """Every withdrawal of `name`, by version (one listing, then one read per record not yet cached)."""
    found: dict[Version, Withdrawal] = {}
    for version in withdrawn_versions(store, name):
        withdrawal = read_withdrawal(store, name, version, cache)
        if withdrawal is not None:
            found[version] = withdrawal
    return found


def withdrawn_versions(store: Store, name: str) -> list[Version]:
    """The versions of `name` that have a withdrawal record, by its key alone (one listing, no read)."""
    keys = (
        info.key.rsplit("/", 1)[-1].removesuffix(".json") for info in store.list(helper_prefix(name, WITHDRAWN_FOLDER))
    )
    return [version for version in map(parse_key_version, keys) if version is not None]


def settle_latest(
    store: Store, name: str, max_bytes: int, cache: BoundedCache[Withdrawal]
) -> tuple[Version | None, Version | None]:
    """Make `latest.json` name no withdrawn version; returns the version it named when first read (for the
    audit record of a move) and the version it names afterwards."""
    first: Version | None = None
    for attempt in range(CAS_ATTEMPTS):
        pointer = read_pointer(store, name, max_bytes)
        first = pointer.version if attempt == 0 else first
        if pointer.version is None or read_withdrawal(store, name, pointer.version, cache) is None:
            return first, pointer.version
        withdrawn = set(read_withdrawals(store, name, cache))
        target = _newest_intact(store, name, withdrawn, max_bytes)
        body = target[1] if target else empty_pointer(name)
        try:
            store.replace(pointer_key(name), body, pointer.etag)
        except ObjectExistsError:
            continue  # a publisher or another withdrawal moved it: look again
    raise VarlibError(f"`latest` of {name!r} kept changing while a withdrawal settled it; try again")


def none_in_use(name: str, withdrawals: int, instead: str | None = None) -> AllWithdrawnError:
    """The refusal of `latest` of `name` when every usable version is withdrawn (`withdrawals` of them), ending with
    `instead` (what to do; by default publish one, or name a withdrawn one, which a read may still use). It names
    `latest` as the refused `version`, as an alias of a withdrawn version is named."""
    return AllWithdrawnError(
        f"every usable version of {name!r} is withdrawn ({counted(withdrawals, 'withdrawal')}); "
        + (instead or "publish a new one, or name a withdrawn version explicitly"),
        field="version",
        value=LATEST,
    )


def empty_pointer(name: str) -> bytes:
    """What latest.json holds when no version can stand for `latest` (every one withdrawn or damaged)."""
    return orjson.dumps({"format": EMPTY_POINTER, "version": None, "name": name})


def _newest_intact(store: Store, name: str, withdrawn: set[Version], max_bytes: int) -> tuple[Version, bytes] | None:
    """The newest version that is not withdrawn and whose artifact verifies, with its bytes."""
    versions = sorted(
        (v for v in map(parse_key_version, store.list_folders(f"{name}/")) if v is not None and v not in withdrawn),
        reverse=True,
    )
    for version in versions:
        try:
            stored = store.get(model_key(name, version), max_bytes)
            artifact = decode(stored.data, stored.key)
        except (NotFoundError, CorruptArtifactError):
            continue  # a legacy pickle, a damaged or missing object: not a candidate for `latest`
        if artifact.name == name and artifact.version == version:
            return version, stored.data
    return None


def _parse(data: bytes, name: str, version: Version, key: str) -> Withdrawal:
    try:
        raw = orjson.loads(data)
        if raw.get("format") != FORMAT or raw.get("name") != name or parse_version(raw["version"]) != version:
            raise ValueError("foreign object")
        trail_time(str(raw["at"]))  # a time that does not read (`yesterday`) is damage: the trail repair reads it
        return Withdrawal(name, version, str(raw["reason"]), str(raw["at"]), Actor.from_dict(raw["actor"]))
    except (ValueError, KeyError, TypeError, AttributeError, VarlibError):
        return _damaged(name, version, f"the record {key} is damaged")


def _damaged(name: str, version: Version, damaged: str) -> Withdrawal:
    # A damaged record still withdraws: the key alone says the version was taken out.
    return Withdrawal(name, version, f"({damaged})", "", Actor("unknown", ""), damaged)
