"""Rebuilding a model's helpers from its objects (`Registry.reindex`, `varlib reindex`): the card index and
`latest.json`, for buckets written before the index, by other tools, or damaged since.

It works from a verified listing (every object checked), so it knows which versions are damaged, and it
says so instead of only leaving them out: `Reindexed` names each version it could not index and why.

- The index keeps the cards of intact versions, from the verified listing: one an older varlib wrote (fields left
  blank, catalog.cards.CARD_FORMAT) was read there from its artifact, and is written so. It keeps two kinds of card
  that vouch for nothing: a version whose object was deleted behind the product's back keeps its card marked
  `removed` (its number is never published again, and listings name it), and one whose object was replaced keeps
  its published card (`--verify` names it until the published object is restored). Every shard is rewritten,
  including one whose versions are all damaged now, so no other card of a damaged version survives to vouch for
  it: the quick listing then looks into that folder and shows its reason, as `--verify` does (one read per
  damaged version).
- `latest` goes to the newest intact version that is not withdrawn, back as well as forward when it names a
  version that is damaged or gone. Its copy in latest.json may still verify, but a version that no longer
  loads by its number must not stand for `latest`: a result made with it could not be reproduced. With no
  such version left it becomes the empty pointer a withdrawal of the last version leaves. A version
  published while this runs is newer than every listed one: it keeps the pointer and its card. A move of
  `latest` from a version (not from a missing or unreadable copy: `latest` was then found by the listing, as
  here) is returned for the audit trail (`Reindexed.latest_before`, `why`), which records it as `latest.move`.
- A withdrawal is for good: one the audit trail records whose record the store lost (deleted by hand) is made
  again from the trail before any of this (catalog.trail_repair), and named (`Reindexed.restored`), so `latest`
  never returns to a withdrawn version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..artifact import decode
from ..cache import BoundedCache
from ..errors import InvalidInputError, ObjectExistsError, VarlibError
from ..store import Store
from ..versions import Version, parse_version
from ..wording import counted
from .audit import now
from .index import IndexedCard, shard_key, update_shard
from .layout import classify_key, index_prefix, pointer_key
from .listing import GONE, KEPT, VersionEntry
from .pointer import CAS_ATTEMPTS, Pointer, read_pointer
from .withdrawals import Withdrawal, empty_pointer, read_withdrawals, settle_latest


@dataclass(frozen=True)
class Reindexed:
    """What a reindex did: the versions indexed, those it could not index, and where `latest` is now."""

    name: str
    indexed: int
    damaged: tuple[VersionEntry, ...] = ()  # a model.json that does not verify, with the listing's reason
    legacy: tuple[VersionEntry, ...] = ()  # legacy pickles: never loaded here (`varlib import-legacy`)
    latest: Version | None = None  # the version latest.json names afterwards
    moved_off: Version | None = None  # the damaged or missing version `latest` named before, if it did
    latest_before: Version | None = None  # the version `latest` named before this reindex moved it, if it did
    why: str = ""  # why it moved it
    restored: tuple[Withdrawal, ...] = ()  # withdrawals the audit trail records but the store had lost, made again


def older_cards_note(name: str, entries: Iterable[VersionEntry]) -> str | None:
    """The line that says how many versions of a listing (`Registry.list_versions(name)`) have a card of an older
    format, which every listing reads past, and that a reindex writes them again; None when none has."""
    older = sum(1 for entry in entries if entry.older_card)
    if not older:
        return None
    their = "its card is" if older == 1 else "their cards are"
    return (
        f"{counted(older, 'version')} of {name!r}: {their} of an older format, so every listing reads"
        f" {'that version' if older == 1 else 'them'} from the store instead; run `varlib reindex --name {name}`"
        " to write the cards again"
    )


def rebuild(
    store: Store, name: str, entries: list[VersionEntry], withdrawals: BoundedCache[Withdrawal], max_bytes: int
) -> Reindexed:
    """Rebuild the index and `latest` of `name` from `entries`, a verified listing (newest first)."""
    # model.json and legacy pickles of version folders; a stray key (`0_0_4/notes.txt`) is no version
    roles = {entry.key: classify_key(name, entry.key).role for entry in entries if entry.version is not None}
    listed = [entry for entry in entries if roles.get(entry.key) in ("model", "legacy")]
    intact = [entry for entry in listed if entry.ok]
    newest_listed = max((entry.version for entry in listed if entry.version is not None), default=None)
    kept = {entry.label: entry.status.startswith(GONE) for entry in listed if entry.status.startswith(KEPT)}
    _rewrite_index(store, name, newest_listed, intact, kept, max_bytes)
    withdrawn = set(read_withdrawals(store, name, withdrawals))
    newest = next((entry for entry in intact if entry.version not in withdrawn), None)
    target = None
    if newest is not None and newest.version is not None:
        stored = store.get(newest.key, max_bytes)
        decode(stored.data, stored.key)  # the bytes of `latest` are verified like any artifact
        target = (newest.version, stored.data)
    usable = {entry.version for entry in intact if entry.version is not None}
    moved = _move_latest(store, name, target, usable, newest_listed, max_bytes)
    # the move above never lands on a withdrawn version; one cut off before it settled is moved back here
    then, latest = settle_latest(store, name, max_bytes, withdrawals)
    replaced, stale = moved or (None, False)
    before, why = _latest_move(name, replaced, stale, then, latest, withdrawn, target[0] if target else None)
    return Reindexed(
        name,
        len(intact),
        tuple(entry for entry in listed if entry.damaged),
        tuple(entry for entry in listed if not entry.ok and roles[entry.key] == "legacy"),
        latest,
        replaced.version if replaced is not None and stale else None,
        before,
        why,
    )


def _latest_move(
    name: str,
    replaced: Pointer | None,
    stale: bool,
    then: Version | None,
    latest: Version | None,
    withdrawn: set[Version],
    target: Version | None,
) -> tuple[Version | None, str]:
    """The version `latest` named before this reindex moved it, and why it moved: `replaced` by the move to
    `target` (`stale`: off a version that does not load), or `then`, a withdrawn one, by settling it on `latest`.
    None when it did not move, or moved from no version (`latest` was found by the listing, as here)."""
    settled = then in withdrawn and then != latest
    if replaced is not None:
        before = replaced.version if replaced.stands_for(name) else None
        after = latest if settled or target is None else target
    else:
        before, after = (then, latest) if settled else (None, None)
    if before is None or before == after:
        return None, ""
    if stale:
        return before, f"{before} does not load"
    if before in withdrawn:
        return before, f"{before} is withdrawn"
    return before, f"{after} is the newest usable version not withdrawn"


def _rewrite_index(
    store: Store,
    name: str,
    newest_listed: Version | None,
    intact: list[VersionEntry],
    kept: dict[str, bool],
    max_bytes: int,
) -> None:
    """Every shard, existing or needed, rewritten to hold the cards of `intact`, the indexed cards of `kept`
    (label: whether its object is gone, to be marked removed now) and nothing else listed (the cards of versions
    newer than `newest_listed`, published meanwhile, are kept)."""
    shards: dict[str, dict[str, IndexedCard]] = {
        info.key: {} for info in store.list(index_prefix(name)) if info.key.endswith(".json")
    }
    for entry in intact:
        if entry.version is not None and entry.card is not None:
            shard = shards.setdefault(shard_key(name, entry.version), {})
            shard[entry.label] = IndexedCard(entry.card, entry.etag, entry.size)
    for key, fresh in shards.items():
        update_shard(store, key, name, _replacing(fresh, newest_listed, kept), max_bytes)


def _replacing(
    fresh: dict[str, IndexedCard], newest_listed: Version | None, kept: dict[str, bool]
) -> Callable[[dict[str, IndexedCard]], dict[str, IndexedCard]]:
    """A shard update that puts `fresh` in place of the shard's cards, keeping those of versions newer than the
    listing (published meanwhile) and of `kept` (a gone one marked removed); other cards of damaged versions
    are dropped."""
    at = now()

    def change(current: dict[str, IndexedCard]) -> dict[str, IndexedCard]:
        newer = {label: entry for label, entry in current.items() if _newer(label, newest_listed)}
        held = {
            label: replace(entry, removed=entry.removed or at) if kept[label] else entry
            for label, entry in current.items()
            if label in kept
        }
        return {**newer, **held, **fresh}

    return change


def _newer(label: str, newest_listed: Version | None) -> bool:
    try:
        return newest_listed is not None and parse_version(label) > newest_listed
    except InvalidInputError:
        return False


def _move_latest(
    store: Store,
    name: str,
    target: tuple[Version, bytes] | None,
    usable: set[Version],
    newest_listed: Version | None,
    max_bytes: int,
) -> tuple[Pointer, bool] | None:
    """Point latest.json at `target` (the newest intact version not withdrawn, with its bytes) by compare-and-
    swap. It moves forward, or back off a version that was listed damaged or not listed at all though older
    than the newest listed one (versions are never reused, so that one is gone). Returns the pointer it
    replaced and whether it moved off such a version, or None when it left it."""
    for _ in range(CAS_ATTEMPTS):
        current = read_pointer(store, name, max_bytes)
        stale = (
            current.version is not None
            and current.version not in usable
            and newest_listed is not None
            and current.version <= newest_listed
        )
        if target is None:
            if not stale:
                return None
            body = empty_pointer(name)
        else:
            version, body = target
            ahead = current.version is not None and (
                current.version > version or (current.version == version and current.holds_artifact)
            )
            if ahead and not stale:
                return None  # already there, or a newer publish (or a withdrawn one: settled next)
        try:
            store.replace(pointer_key(name), body, current.etag)
            return current, stale
        except ObjectExistsError:
            continue  # a publisher or a withdrawal moved it: look again
    raise VarlibError(f"`latest` of {name!r} kept changing while reindex rebuilt it; try again")
