"""Model names and versions on top of a store: list, resolve `latest`, load, publish.

Layout (bucket-relative): `<name>/<M_m_p>/model.json`, plus `<name>/latest.json`, a copy of
the newest version's model.json that makes a `latest` request one GET instead of a listing
and a second read, and `<name>/_index/`, the card index (varlib.card_index). The commit point
of a publish is a single create-if-absent of model.json: the first writer wins, a loser takes
the next version, and nothing is ever overwritten. The copy only moves forward
(compare-and-swap) and is a hint: a missing, damaged or dangling one falls back to a listing.
Pointers written before the copy existed (`{"version": "0.0.3"}`) are still followed.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from . import card_index
from .artifact import FORMAT as ARTIFACT_FORMAT
from .artifact import Artifact, card_from_metadata, card_metadata, decode, decode_parsed, encode, parse
from .config import Settings
from .errors import (
    AccessDeniedError,
    CorruptArtifactError,
    NotFoundError,
    ObjectExistsError,
    VarlibError,
)
from .store import ObjectInfo, Store, open_store
from .versions import LATEST, NAME_PATTERN, ZERO, Version, check_name, parse_key_version, parse_version

MODEL_FILE = "model.json"
LEGACY_FILE = "model.pkl"
POINTER_FILE = "latest.json"
OK = "ok"
_PUBLISH_ATTEMPTS = 200
_CACHE_SIZE = 256
# Above this many versions without an index card, one metadata listing is cheaper than reading each.
_READS_BEFORE_METADATA_LISTING = 16
_log = logging.getLogger(__name__)


def _is_model_key(key: str) -> bool:
    return key.endswith("/" + MODEL_FILE) and key.count("/") == 2


def _indexed(cards: dict[str, dict], info: ObjectInfo) -> bool:
    name, folder, _ = info.key.split("/")
    version = parse_key_version(folder)
    return version is not None and card_index.matches(cards.get(str(version)), name, str(version), info.etag, info.size)


def _card_fields(card: dict) -> dict:
    """A card without the fields that bind it to one stored object."""
    return {k: v for k, v in card.items() if k not in ("etag", "bytes", "md5")}


@dataclass(frozen=True, slots=True)  # slots: 10,000 of them per listing, less for the GC to walk
class VersionEntry:
    """One row of a listing: a version folder, or a stray object with the reason it is unusable."""

    name: str
    label: str  # "0.0.3", or the key when the object is outside the naming pattern
    version: Version | None
    key: str
    size: int
    status: str  # "ok" or the reason the object cannot be used
    card: dict = field(default_factory=dict)
    etag: str = ""

    @property
    def ok(self) -> bool:
        return self.status == OK

    def to_dict(self) -> dict:
        return {**_card_fields(self.card), "name": self.name, "version": self.label, "status": self.status,
                "created_at": self.card.get("created_at"), "key": self.key, "bytes": self.size}


class Registry:
    """Versions of VAR models in one store. Safe to share between threads."""

    def __init__(self, store: Store, *, max_artifact_bytes: int = 16 * 1024 * 1024, read_only: bool = False,
                 author: str = "unknown") -> None:
        self.store = store
        self.max_artifact_bytes = max_artifact_bytes
        self.read_only = read_only
        self.author = author
        self._artifacts: OrderedDict[tuple[str, Version], Artifact] = OrderedDict()
        self._cards: dict[tuple[str, str], tuple[str, dict]] = {}  # (key, etag) -> (status, card)
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> "Registry":
        settings = settings or Settings.from_env()
        return cls(open_store(settings), max_artifact_bytes=settings.max_artifact_bytes,
                   read_only=settings.read_only, author=settings.author)

    @property
    def description(self) -> str:
        return self.store.description

    # -- reading ---------------------------------------------------------------------
    def list_names(self) -> list[str]:
        """Model names in the store, sorted."""
        return [name for name in self.store.list_folders("") if NAME_PATTERN.match(name)]

    def list_versions(self, name: str, verify: bool = False) -> list[VersionEntry]:
        """Every version of `name`, newest first; unusable objects are listed with their reason, last.

        A version folder whose card is in the card index is listed from the index without looking
        inside it: one folder-level listing plus one read per shard of 1,000 cards. Every other
        folder is listed and each object checked (its card metadata when that matches the object,
        else the object is read and verified). `verify=True` also checks the objects of indexed
        folders against the ETag and size they were published with, which catches an object
        replaced behind the registry's back; it lists every object, about 3x slower at 10,000."""
        check_name(name)
        prefix = f"{name}/"
        folders, top_level = self.store.children(prefix)
        cards = self._indexed_cards(name, folders)
        if verify:
            return self._classify(name, self._every_object(prefix, cards), cards)
        indexed, unindexed = self._split_by_index(name, folders, cards)
        return self._classify(name, self._objects_in(prefix, unindexed) + top_level, {}, indexed)

    def _split_by_index(self, name: str, folders: list[str], cards: dict[str, dict]) -> tuple[list[VersionEntry], list[str]]:
        """Entries for the folders the index vouches for, and the folders it does not."""
        entries, unindexed = [], []
        for folder in folders:
            if folder == card_index.INDEX_FOLDER:
                continue
            version = parse_key_version(folder)
            card = cards.get(str(version)) if version is not None else None
            if card_index.usable(card, name, str(version), self.max_artifact_bytes):
                entries.append(VersionEntry(name, str(version), version, self._key(name, version), card["bytes"],
                                            OK, card, card["etag"]))
            else:
                unindexed.append(folder)
        return entries, unindexed

    def _objects_in(self, prefix: str, folders: list[str]) -> list[ObjectInfo]:
        """The objects of some folders, with user metadata: a listing each, or one listing of all."""
        if len(folders) <= _READS_BEFORE_METADATA_LISTING:
            return [info for folder in folders for info in self.store.list(f"{prefix}{folder}/", metadata=True)]
        wanted = {f"{prefix}{folder}/" for folder in folders}  # e.g. a bucket from before the index
        return [info for info in self.store.list(prefix, metadata=True)
                if info.key[:info.key.find("/", len(prefix)) + 1] in wanted]

    def _every_object(self, prefix: str, cards: dict[str, dict]) -> list[ObjectInfo]:
        """Every object under prefix, with user metadata when many lack a matching indexed card."""
        infos = list(self.store.list(prefix))
        unmatched = sum(1 for info in infos if _is_model_key(info.key) and not _indexed(cards, info))
        if unmatched > _READS_BEFORE_METADATA_LISTING:
            infos = list(self.store.list(prefix, metadata=True))
        return infos

    def _classify(self, name: str, infos: list[ObjectInfo], cards: dict[str, dict],
                  entries: list[VersionEntry] | None = None) -> list[VersionEntry]:
        """Entries for listed objects: models checked against `cards`, legacy pickles, strays."""
        models: dict[Version, ObjectInfo] = {}
        legacy: dict[Version, ObjectInfo] = {}
        strays: list[VersionEntry] = []
        for info in infos:
            parts = info.key.split("/")
            version = parse_key_version(parts[1]) if len(parts) == 3 else None
            if (len(parts) == 2 and parts[1] == POINTER_FILE) or card_index.is_index_key(name, info.key):
                continue
            if version is not None and parts[2] == MODEL_FILE:
                models[version] = info
            elif version is not None and parts[2] == LEGACY_FILE:
                legacy[version] = info
            else:
                strays.append(VersionEntry(name, info.key, version, info.key, info.size,
                                           f"key outside the naming pattern {name}/M_m_p/{MODEL_FILE}; ignored"))
        entries = list(entries or [])
        entries += [self._entry(name, version, info, cards.get(str(version))) for version, info in models.items()]
        entries += [self._legacy_entry(name, version, info) for version, info in legacy.items() if version not in models]
        entries.sort(key=lambda entry: entry.version, reverse=True)
        return entries + sorted(strays, key=lambda entry: entry.key)

    def resolve(self, name: str, version: str | Version) -> Version:
        """A concrete version for `latest`, `0.0.3` or `0_0_3`. `latest` is re-read on every call."""
        check_name(name)
        if isinstance(version, Version):
            return version
        if str(version).strip().lower() != LATEST:
            return parse_version(version)
        pointed = self._read_pointer(name).version
        if pointed is not None:
            return pointed
        return self._newest_ok(name)

    def load(self, name: str, version: str | Version = LATEST, *, cached: bool = True) -> Artifact:
        """The artifact of a version. Pinned versions never change, so `cached` keeps them for good.

        `latest` is one read of the pointer, which holds a copy of the newest artifact; with
        `cached=False` that copy is verified and decoded on every call."""
        if not isinstance(version, Version) and str(version).strip().lower() == LATEST:
            check_name(name)
            artifact = self._load_pointed(name, cached)
            if artifact is not None:
                return artifact
            concrete = self._newest_ok(name)  # no pointer, or a dangling or unreadable one: the listing decides
        else:
            concrete = self.resolve(name, version)
        hit = self._cached(name, concrete) if cached else None
        if hit is not None:
            return hit
        artifact = self._read(name, concrete)
        if cached:
            self._remember(artifact)
        return artifact

    def check(self) -> None:
        """Raise unless the store answers."""
        self.store.check()

    # -- publishing ------------------------------------------------------------------
    def publish(self, artifact: Artifact, bump: str = "patch") -> Artifact:
        """Store `artifact` as the next free version after the newest one; never overwrites."""
        self.ensure_writable()
        name = check_name(artifact.name)
        ZERO.bump(bump)  # validates the bump before any I/O
        for _ in range(_PUBLISH_ATTEMPTS):
            taken = [v for v in map(parse_key_version, self.store.list_folders(f"{name}/")) if v is not None]
            candidate = max(taken, default=ZERO).bump(bump)
            published = replace(artifact, version=candidate)
            body = encode(published)
            try:
                etag = self.store.create(self._key(name, candidate), body, card_metadata(published.card(), body))
            except ObjectExistsError:
                continue  # another publisher took it: list again and take the next one
            self._index_card(published, etag, len(body))
            self._advance_pointer(name, candidate, body)
            self._remember(published)
            return published
        raise VarlibError(f"could not find a free version of {name!r} after {_PUBLISH_ATTEMPTS} attempts")

    def reindex(self, name: str) -> int:
        """Rebuild the card index of `name` from the objects themselves (for buckets written
        before the index, or by other tools); returns how many versions it indexed."""
        self.ensure_writable()
        intact = [entry for entry in self.list_versions(name, verify=True) if entry.ok]  # newest first
        by_shard: dict[str, dict[str, dict]] = {}
        for entry in intact:
            card = card_index.indexed_card(_card_fields(entry.card), entry.etag, entry.size)
            by_shard.setdefault(card_index.shard_key(name, entry.version), {})[entry.label] = card
        for key, cards in by_shard.items():
            self._update_shard(key, name, lambda current, cards=cards: cards)
        if intact:  # and the `latest` copy, in the current form
            stored = self.store.get(intact[0].key, self.max_artifact_bytes)
            decode(stored.data, stored.key)
            self._advance_pointer(name, intact[0].version, stored.data)
        return len(intact)

    def ensure_writable(self) -> None:
        """Refuse early, before any training time is spent, when this registry may not publish."""
        if self.read_only:
            raise AccessDeniedError(
                "not allowed: this store is read-only (VARLIB_READ_ONLY=1); publishing needs write access"
            )

    # -- internals -------------------------------------------------------------------
    @staticmethod
    def _key(name: str, version: Version) -> str:
        return f"{name}/{version.key}/{MODEL_FILE}"

    def _read(self, name: str, version: Version) -> Artifact:
        key = self._key(name, version)
        try:
            stored = self.store.get(key, self.max_artifact_bytes)
        except NotFoundError:
            folder = f"{name}/{version.key}/"
            if any(info.key.endswith(LEGACY_FILE) for info in self.store.list(folder)):
                raise NotFoundError(
                    f"{name} {version} is a legacy pickle ({folder}{LEGACY_FILE}); it is never unpickled here."
                    f" Convert it with: python -m varlib import-legacy {version} --name {name} --trust"
                ) from None
            raise NotFoundError(f"{name} {version} does not exist; `python -m varlib list --name {name}` shows"
                                " the versions") from None
        artifact = decode(stored.data, key)
        if artifact.name != name or artifact.version != version:
            raise CorruptArtifactError(
                f"{key} says it is {artifact.name} {artifact.version}: an object copied to the wrong key"
            )
        return artifact

    def _cached(self, name: str, version: Version) -> Artifact | None:
        with self._lock:
            hit = self._artifacts.get((name, version))
            if hit is not None:
                self._artifacts.move_to_end((name, version))
            return hit

    def _remember(self, artifact: Artifact) -> None:
        with self._lock:
            self._artifacts[(artifact.name, artifact.version)] = artifact
            self._artifacts.move_to_end((artifact.name, artifact.version))
            while len(self._artifacts) > _CACHE_SIZE:
                self._artifacts.popitem(last=False)

    def _entry(self, name: str, version: Version, info: ObjectInfo, indexed: dict | None) -> VersionEntry:
        label = str(version)
        if info.size > self.max_artifact_bytes:
            return VersionEntry(name, label, version, info.key, info.size,
                                f"too large: {info.size:,} bytes, over the {self.max_artifact_bytes:,}-byte limit")
        if card_index.matches(indexed, name, label, info.etag, info.size):
            return VersionEntry(name, label, version, info.key, info.size, OK, indexed, info.etag)
        card = card_from_metadata(info.metadata)
        if card_index.matches(card, name, label, info.etag, info.size, etag_field="md5"):
            return VersionEntry(name, label, version, info.key, info.size, OK, card, info.etag)
        status, card = self._verified_card(name, version, info)
        return VersionEntry(name, label, version, info.key, info.size, status, card, info.etag)

    def _verified_card(self, name: str, version: Version, info: ObjectInfo) -> tuple[str, dict]:
        """Read and verify the object (no card in the listing); cached by etag, since versions never change."""
        cache_key = (info.key, info.etag)
        with self._lock:
            hit = self._cards.get(cache_key)
        if hit is not None:
            return hit
        try:
            artifact = self._read(name, version)
            result = (OK, artifact.card())
        except CorruptArtifactError as exc:
            result = (str(exc), {})
        except NotFoundError:  # deleted between listing and reading
            return "deleted while listing", {}
        with self._lock:
            self._cards[cache_key] = result
        return result

    @staticmethod
    def _legacy_entry(name: str, version: Version, info: ObjectInfo) -> VersionEntry:
        return VersionEntry(
            name, str(version), version, info.key, info.size,
            f"legacy pickle, not loaded (unpickling runs code): convert with"
            f" `python -m varlib import-legacy {version} --name {name} --trust`",
        )

    def _indexed_cards(self, name: str, folders: list[str]) -> dict[str, dict]:
        """Cards of every shard of the card index, by version label."""
        cards: dict[str, dict] = {}
        if card_index.INDEX_FOLDER not in folders:
            return cards
        for info in self.store.list(f"{name}/{card_index.INDEX_FOLDER}/"):
            if info.key.endswith(".json"):
                try:
                    cards.update(card_index.decode_shard(self.store.get(info.key, self.max_artifact_bytes).data, name))
                except (NotFoundError, CorruptArtifactError):
                    continue  # gone or oversized: those versions are read instead
        return cards

    def _index_card(self, artifact: Artifact, etag: str, size: int) -> None:
        """Add a new version's card to its shard. The version is already published, so a failure
        here only costs the listing a read of that object; it is logged, not raised."""
        label = str(artifact.version)
        card = card_index.indexed_card(artifact.card(), etag, size)
        try:
            self._update_shard(card_index.shard_key(artifact.name, artifact.version), artifact.name,
                               lambda current: {**current, label: card})
        except VarlibError as exc:
            _log.warning("%s %s is published, but its card was not indexed: %s", artifact.name, label, exc)

    def _update_shard(self, key: str, name: str, change) -> None:
        """Compare-and-swap `change(cards)` into a shard, re-reading when another writer won."""
        for _ in range(_PUBLISH_ATTEMPTS):
            try:
                stored = self.store.get(key, self.max_artifact_bytes)
                current, etag = card_index.decode_shard(stored.data, name), stored.etag
            except NotFoundError:
                current, etag = {}, None
            try:
                self.store.replace(key, card_index.encode_shard(name, change(current)), etag)
                return
            except ObjectExistsError:
                continue
        raise VarlibError(f"{key}: too many concurrent writers; try again")

    def _newest_ok(self, name: str) -> Version:
        # Every object checked: without a usable pointer, `latest` must land on an intact version
        # even if one was replaced after it was indexed.
        for entry in self.list_versions(name, verify=True):
            if entry.ok:
                return entry.version
        raise NotFoundError(
            f"model {name!r} has no usable version yet in {self.description}; train and publish one with"
            f" `python -m varlib train --name {name} --publish`"
        )

    def _load_pointed(self, name: str, cached: bool) -> Artifact | None:
        """`latest` from the pointer alone; None when it has no usable version (then: the listing)."""
        pointer = self._read_pointer(name)
        if pointer.version is None:
            return None
        hit = self._cached(name, pointer.version) if cached else None
        if hit is not None:
            return hit
        artifact = self._from_pointer(name, pointer) if pointer.holds_artifact else None
        if artifact is None:  # an old-style pointer, or a damaged copy: read the version itself
            try:
                artifact = self._read(name, pointer.version)
            except NotFoundError:
                return None  # dangling
        if cached:
            self._remember(artifact)
        return artifact

    def _from_pointer(self, name: str, pointer: "_Pointer") -> Artifact | None:
        try:
            artifact = decode_parsed(pointer.data, pointer.body, f"{name}/{POINTER_FILE}")
        except CorruptArtifactError:
            return None
        return artifact if artifact.name == name and artifact.version == pointer.version else None

    def _read_pointer(self, name: str) -> "_Pointer":
        try:
            stored = self.store.get(f"{name}/{POINTER_FILE}", self.max_artifact_bytes)
        except (NotFoundError, CorruptArtifactError):
            return _Pointer(None, None)
        try:
            body = parse(stored.data)  # parsed once: a `latest` copy is then verified from this
            return _Pointer(parse_version(body["version"]), stored.etag, stored.data, body)
        except (KeyError, TypeError, AttributeError, VarlibError):
            return _Pointer(None, stored.etag)  # unreadable: overwritten by the next publish

    def _advance_pointer(self, name: str, version: Version, body: bytes) -> None:
        """Move `latest` forward to `version` (whose model.json is `body`), never back."""
        key = f"{name}/{POINTER_FILE}"
        for _ in range(_PUBLISH_ATTEMPTS):
            current = self._read_pointer(name)
            if current.version is not None and (current.version > version
                                                or (current.version == version and current.holds_artifact)):
                return
            try:
                self.store.replace(key, body, current.etag)
                return
            except ObjectExistsError:
                continue  # a concurrent publisher moved it; re-read and compare


@dataclass(frozen=True)
class _Pointer:
    """What `latest.json` says: the version, the etag for compare-and-swap, and the artifact copy."""

    version: Version | None
    etag: str | None
    data: bytes = b""
    body: dict | None = None  # the parsed JSON of `data`

    @property
    def holds_artifact(self) -> bool:
        """A copy of the model (the current form), not the earlier `{"version": ...}`."""
        return self.body is not None and self.body.get("format") == ARTIFACT_FORMAT
