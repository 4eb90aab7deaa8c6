"""Card index: the listing fields of every version, kept in a few shard objects per model name.

Layout: `<name>/_index/<M>_<m>_<patch // 1000>.json`, one shard per thousand patch versions,
each a JSON object mapping the version label to its card plus the `etag` and `bytes` the
object had when it was published. Publish adds its card with compare-and-swap (the shard's
ETag), so concurrent publishers never lose each other's cards.

Why it exists: MinIO authorises every object of a `metadata=true` listing separately (twice),
so listing 10,000 versions with the card in user metadata cost about 2 s of server CPU, and
even a plain listing of every object costs about 0.1 ms per object on the server. Listing
one level (the version folders) and reading the shards costs a fraction of that.

What exists is still decided by the store, never by the index: a folder is listed from its
indexed card only when the card names that folder's version; any other folder (planted by
hand, a legacy pickle, a publisher that died before indexing) is looked into and its objects
checked or read and verified as before. An indexed card also records the object's ETag and
size, so `Registry.list_versions(verify=True)` (`python -m varlib list --verify`) can prove
that no object was replaced after publishing; loading always verifies the checksum anyway.
"""

from __future__ import annotations

import orjson

from .versions import Version

INDEX_FOLDER = "_index"
SHARD_VERSIONS = 1000
FORMAT = "varlib/card-index"
SCHEMA_VERSION = 1


def shard_key(name: str, version: Version) -> str:
    """The shard that holds `version`'s card."""
    return f"{name}/{INDEX_FOLDER}/{version.major}_{version.minor}_{version.patch // SHARD_VERSIONS}.json"


def is_index_key(name: str, key: str) -> bool:
    return key.startswith(f"{name}/{INDEX_FOLDER}/")


def indexed_card(card: dict, etag: str, size: int) -> dict:
    """A card as the index keeps it: bound to the object's etag and size at publish time."""
    return {**card, "etag": etag, "bytes": size}


def _names(card: dict | None, name: str, label: str) -> bool:
    return bool(card) and card.get("name") == name and card.get("version") == label


def matches(card: dict | None, name: str, label: str, etag: str, size: int, etag_field: str = "etag") -> bool:
    """True when a card belongs to exactly this listed object: an indexed card (its `etag`), or
    the card in the object's own metadata (`etag_field="md5"`, the body's MD5, its S3 ETag)."""
    return _names(card, name, label) and card.get(etag_field) == etag and card.get("bytes") == size


def usable(card: dict | None, name: str, label: str, max_bytes: int) -> bool:
    """True when an indexed card can stand for its version without reading the object."""
    return _names(card, name, label) and isinstance(card.get("etag"), str) \
        and isinstance(card.get("bytes"), int) and 0 < card["bytes"] <= max_bytes


def decode_shard(raw: bytes, name: str) -> dict[str, dict]:
    """The cards of a shard by version label; an unreadable or foreign shard gives none (the
    listing then reads those versions, and the next publish into the shard rewrites it)."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return {}
    if not isinstance(body, dict) or body.get("format") != FORMAT or body.get("schema_version") != SCHEMA_VERSION \
            or body.get("name") != name or not isinstance(body.get("cards"), dict):
        return {}
    return {label: card for label, card in body["cards"].items() if isinstance(card, dict)}


def encode_shard(name: str, cards: dict[str, dict]) -> bytes:
    body = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "name": name, "cards": cards}
    # numpy scalars (fresh training metrics) become numbers, NaN and infinity become null.
    return orjson.dumps(body, option=orjson.OPT_SORT_KEYS | orjson.OPT_SERIALIZE_NUMPY)
