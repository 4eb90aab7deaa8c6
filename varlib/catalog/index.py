"""Card index: the cards of every version, kept in a few shard objects per model name.

Layout: `<name>/_index/<M>_<m>_<patch // 1000>.json`, one shard per thousand patch versions,
each a JSON object mapping the version label to its card plus the `etag` and `bytes` the
object had when it was published. Publishing adds its card with compare-and-swap (the shard's
ETag), so concurrent publishers never lose each other's cards.

Why it exists: MinIO authorises every object of a `metadata=true` listing separately (twice),
so listing 10,000 versions with the card in user metadata cost about 2 s of server CPU, and
even a plain listing of every object costs about 0.1 ms per object on the server. Listing
one level (the version folders) and reading the shards costs a fraction of that.

What exists is still decided by the store, never by the index: a folder is listed from its
indexed card only when the card names that folder's version; any other folder (planted by
hand, a legacy pickle, a publisher that died before indexing, one whose card an older varlib wrote with
fields left blank: Card.current) is looked into and its objects checked or read and verified. The recorded
ETag and size let `list_versions(verify=True)` prove that no object was replaced after publishing; loading
always verifies the checksum anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import orjson

from ..errors import CorruptArtifactError, NotFoundError, ObjectExistsError, ObjectTooLargeError, VarlibError
from ..store import Store
from ..versions import Version, parse_key_version, parse_version
from .cards import Card
from .layout import index_prefix, listed_etag

SHARD_VERSIONS = 1000
FORMAT = "varlib/card-index"
SCHEMA_VERSION = 1
CAS_ATTEMPTS = 200
_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IndexedCard:
    """A card bound to the ETag and size its object had when it was published. `removed`: when a reindex found
    the object deleted behind the product's back; the card stays, so the version keeps its number (a publish
    never takes it again) and listings name it, but it vouches for no object."""

    card: Card
    etag: str
    size: int
    removed: str | None = None

    def vouches_for(self, name: str, label: str, max_bytes: int) -> bool:
        """True when this entry can stand for version `label` without reading the object: not a card an older varlib
        wrote, which may leave fields blank (read instead, until `varlib reindex` writes it again)."""
        return (
            self.removed is None
            and self.card.current
            and self.card.names(name, label)
            and bool(self.etag)
            and 0 < self.size <= max_bytes
        )

    def matches(self, name: str, label: str, etag: str, size: int) -> bool:
        """True when a listed object is exactly the one this entry was published for."""
        return self.removed is None and self.card.names(name, label) and self.etag == etag and self.size == size

    def to_dict(self) -> dict:
        removed = {"removed": self.removed} if self.removed else {}
        return {**self.card.to_dict(), "etag": self.etag, "bytes": self.size, **removed}


def shard_key(name: str, version: Version) -> str:
    """The shard that holds `version`'s card."""
    return f"{index_prefix(name)}{version.major}_{version.minor}_{version.patch // SHARD_VERSIONS}.json"


def decode_shard(raw: bytes, name: str) -> dict[str, IndexedCard]:
    """The entries of a shard by version label; an unreadable or foreign shard gives none (the
    listing then reads those versions, and the next publish into the shard rewrites it)."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return {}
    if (
        not isinstance(body, dict)
        or body.get("format") != FORMAT
        or body.get("schema_version") != SCHEMA_VERSION
        or body.get("name") != name
        or not isinstance(body.get("cards"), dict)
    ):
        return {}
    entries = {}
    for label, raw_card in body["cards"].items():
        card = Card.from_dict(raw_card)  # None unless raw_card is a dict naming a model
        if card is None:
            continue
        etag, size, removed = raw_card.get("etag"), raw_card.get("bytes"), raw_card.get("removed")
        if isinstance(etag, str) and isinstance(size, int) and not isinstance(size, bool):
            entries[label] = IndexedCard(card, etag, size, removed if isinstance(removed, str) else None)
    return entries


def encode_shard(name: str, entries: dict[str, IndexedCard]) -> bytes:
    cards = {label: entry.to_dict() for label, entry in entries.items()}
    body = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "name": name, "cards": cards}
    return orjson.dumps(body, option=orjson.OPT_SORT_KEYS)


def read_index(store: Store, name: str, max_bytes: int) -> dict[str, IndexedCard]:
    """Every indexed card of `name` by version label (none when the name has no index)."""
    entries: dict[str, IndexedCard] = {}
    for info in store.list(index_prefix(name)):
        if info.key.endswith(".json"):
            try:
                entries.update(decode_shard(store.get(info.key, max_bytes).data, name))
            except (NotFoundError, CorruptArtifactError):
                continue  # gone or oversized: those versions are read instead
    return entries


def newest_indexed(store: Store, name: str, max_bytes: int) -> Version | None:
    """The newest version the index holds a card of, a removed one too (one listing of the index folder and one
    read of its newest shard): a version deleted behind the product's back keeps its number through its card."""
    # a shard's name is its first version's key with the patch in thousands (shard_key): they order as versions
    shards = {}
    for info in store.list(index_prefix(name)):
        first = parse_key_version(info.key.rsplit("/", 1)[-1].removesuffix(".json"))
        if first is not None:
            shards[first] = info.key
    if not shards:
        return None
    try:
        labels = decode_shard(store.get(shards[max(shards)], max_bytes).data, name)
    except (NotFoundError, CorruptArtifactError):
        return None  # gone or oversized: the folders alone decide, as before the index
    return max(map(parse_version, labels), default=None)


def add_card(store: Store, name: str, version: Version, entry: IndexedCard, max_bytes: int) -> None:
    """Index a newly published version. It is already published, so a failure here only costs the
    listing a read of that object: it is logged, not raised."""
    label = str(version)
    try:
        update_shard(store, shard_key(name, version), name, lambda current: {**current, label: entry}, max_bytes)
    except VarlibError as exc:
        _log.warning("%s %s is published, but its card was not indexed: %s", name, label, exc)


def update_shard(
    store: Store,
    key: str,
    name: str,
    change: Callable[[dict[str, IndexedCard]], dict[str, IndexedCard]],
    max_bytes: int,
) -> None:
    """Compare-and-swap `change(entries)` into a shard, re-reading when another writer won."""
    for _ in range(CAS_ATTEMPTS):
        try:
            stored = store.get(key, max_bytes)
            current, etag = decode_shard(stored.data, name), stored.etag
        except NotFoundError:
            current, etag = {}, None
        except ObjectTooLargeError:  # unread, as an unreadable shard: rewritten from what is known now
            current, etag = {}, listed_etag(store, key)
        try:
            store.replace(key, encode_shard(name, change(current)), etag)
            return
        except ObjectExistsError:
            continue
    raise VarlibError(f"{key}: too many concurrent writers; try again", key=key)
