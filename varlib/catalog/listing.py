"""Listing a model's versions: which folders exist (the store decides), and each one's card and status.

A version folder whose card is in the card index is listed from the index without looking
inside it: one folder-level listing plus one read per shard of 1,000 cards. Every other folder
is listed and each object checked: its card metadata when that matches the object, else the
object is read and verified. `verify=True` lists every object and checks the indexed ones
against the ETag and size they were published with, which catches an object replaced behind
the registry's back (about 3x slower at 10,000 versions). A card an older varlib wrote (in the index or
the metadata) may leave fields blank: its object is read instead, by every listing, once per process (the
reader caches the card by ETag), until `varlib reindex` writes the card again from the artifact.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from ..store import ObjectInfo, Store
from ..versions import Version, parse_key_version, parse_version
from ..wording import utc_time
from .cards import Card, header_card
from .index import IndexedCard, read_index
from .layout import classify_key, is_helper_folder, is_model_key, model_key
from .reader import OK, Reader

# Above this many unindexed versions, one metadata listing is cheaper than a listing per folder.
READS_BEFORE_METADATA_LISTING = 16
REMOVED = "removed: "  # the status of a version deleted behind the product's back whose removal reindex recorded
GONE = "gone: "  # one deleted so since the last reindex
REPLACED = "replaced after it was published: "  # another object than the published one under its key
KEPT = (REMOVED, GONE, REPLACED)  # statuses whose indexed card a reindex keeps (varlib.catalog.reindex)
LEGACY = "legacy pickle, not loaded"  # the status of an old pickled version (`varlib import-legacy` converts it)


@dataclass(frozen=True, slots=True)  # slots: 10,000 of them per listing, less for the GC to walk
class VersionEntry:
    """One row of a listing: a version folder, or a stray object with the reason it is unusable."""

    name: str
    label: str  # "0.0.3", or the key when the object is outside the naming pattern
    version: Version | None
    key: str
    size: int
    status: str  # "ok" or the reason the object cannot be used
    card: Card | None = None
    etag: str = ""
    # its card (in the index or the object's metadata) is of an older card format, so this listing looked past it
    # (into the folder, or the artifact) and every listing will until `varlib reindex` writes it again
    older_card: bool = False

    @property
    def ok(self) -> bool:
        return self.status == OK

    def usable(self, withdrawn: Collection[Version]) -> bool:
        """Whether this version can be used: it loads (`ok`) and is not one of the `withdrawn` versions (e.g.
        `Registry.withdrawals(name)`). The one place that says what "usable" means."""
        return self.ok and self.version is not None and self.version not in withdrawn

    @property
    def damaged(self) -> bool:
        """A version's model.json that cannot be used (or is gone): not a legacy pickle or a stray object, nor a
        version whose removal a reindex has recorded (named, and its number kept, but no longer news)."""
        return (
            not self.ok
            and self.version is not None
            and self.key.endswith("/model.json")
            and not self.status.startswith(REMOVED)
        )

    @property
    def gone(self) -> bool:
        """Deleted behind the product's back, its removal recorded by a reindex or not yet."""
        return self.status.startswith((GONE, REMOVED))

    def to_dict(self) -> dict:
        card = self.card.to_dict() if self.card else {}
        return {
            **card,
            "name": self.name,
            "version": self.label,
            "status": self.status,
            "created_at": card.get("created_at"),
            "key": self.key,
            "bytes": self.size,
        }


class Lister:
    """Lists versions of one store through a Reader (whose card cache it shares)."""

    def __init__(self, store: Store, reader: Reader) -> None:
        self.store = store
        self.reader = reader

    @property
    def max_bytes(self) -> int:
        return self.reader.max_bytes

    def list_versions(self, name: str, verify: bool = False) -> list[VersionEntry]:
        """Every version of `name`, newest first, an unusable or gone one in its place with its reason; objects
        outside the naming pattern last."""
        prefix = f"{name}/"
        # the index first: a card in it was written after its object, so the folders listed next hold every
        # indexed version that still exists, and one missing from them was deleted, not published meanwhile
        index = read_index(self.store, name, self.max_bytes)
        folders, top_level = self.store.children(prefix)
        if verify:
            found, strays = self._classify(name, self._every_object(prefix, index), index)
        else:
            indexed, unindexed = self._split_by_index(name, folders, index)
            found, strays = self._classify(name, self._objects_in(prefix, unindexed) + top_level, {}, indexed)
        # no request more (the folders and the index are read); a gone version keeps its place among the others
        found = [_older_indexed(entry, index) for entry in found] + _gone(name, index, found)
        found.sort(key=lambda entry: entry.version or Version(-1, 0, 0), reverse=True)
        return found + sorted(strays, key=lambda entry: entry.key)

    def _split_by_index(
        self, name: str, folders: list[str], index: dict[str, IndexedCard]
    ) -> tuple[list[VersionEntry], list[str]]:
        """Entries for the folders the index vouches for, and the folders it does not."""
        entries, unindexed = [], []
        for folder in folders:
            if is_helper_folder(folder):  # _index, _aliases, _withdrawn, _audit
                continue
            version = parse_key_version(folder)
            entry = index.get(str(version)) if version is not None else None
            if version is not None and entry is not None and entry.vouches_for(name, str(version), self.max_bytes):
                entries.append(
                    VersionEntry(
                        name, str(version), version, model_key(name, version), entry.size, OK, entry.card, entry.etag
                    )
                )
            else:
                unindexed.append(folder)
        return entries, unindexed

    def _objects_in(self, prefix: str, folders: list[str]) -> list[ObjectInfo]:
        """The objects of some folders, with user metadata: a listing each, or one listing of all."""
        if len(folders) <= READS_BEFORE_METADATA_LISTING:
            return [info for folder in folders for info in self.store.list(f"{prefix}{folder}/", metadata=True)]
        wanted = {f"{prefix}{folder}/" for folder in folders}  # e.g. a bucket from before the index
        return [
            info
            for info in self.store.list(prefix, metadata=True)
            if info.key[: info.key.find("/", len(prefix)) + 1] in wanted
        ]

    def _every_object(self, prefix: str, index: dict[str, IndexedCard]) -> list[ObjectInfo]:
        """Every object under prefix, with user metadata when many lack a matching indexed card."""
        infos = list(self.store.list(prefix))
        name = prefix.rstrip("/")
        unmatched = sum(1 for info in infos if is_model_key(info.key) and not _indexed(index, name, info))
        if unmatched > READS_BEFORE_METADATA_LISTING:
            infos = list(self.store.list(prefix, metadata=True))
        return infos

    def _classify(
        self,
        name: str,
        infos: list[ObjectInfo],
        index: dict[str, IndexedCard],
        entries: list[VersionEntry] | None = None,
    ) -> tuple[list[VersionEntry], list[VersionEntry]]:
        """Entries for listed objects (models checked against the index, legacy pickles), and the strays."""
        models: dict[Version, ObjectInfo] = {}
        legacy: dict[Version, ObjectInfo] = {}
        strays: list[VersionEntry] = []
        for info in infos:
            role = classify_key(name, info.key)
            if role.role == "model" and role.version is not None:
                models[role.version] = info
            elif role.role == "legacy" and role.version is not None:
                legacy[role.version] = info
            elif role.role == "stray":
                strays.append(
                    VersionEntry(
                        name,
                        info.key,
                        role.version,
                        info.key,
                        info.size,
                        f"key outside the naming pattern {name}/M_m_p/model.json; ignored",
                    )
                )
        found = list(entries or [])
        found += [self._entry(name, version, info, index.get(str(version))) for version, info in models.items()]
        found += [_legacy_entry(name, version, info) for version, info in legacy.items() if version not in models]
        return found, strays

    def _entry(self, name: str, version: Version, info: ObjectInfo, indexed: IndexedCard | None) -> VersionEntry:
        label = str(version)
        if info.size > self.max_bytes:
            return VersionEntry(
                name,
                label,
                version,
                info.key,
                info.size,
                f"too large: {info.size:,} bytes, over the {self.max_bytes:,}-byte limit",
            )
        if indexed is not None and indexed.matches(name, label, info.etag, info.size) and indexed.card.current:
            return VersionEntry(name, label, version, info.key, info.size, OK, indexed.card, info.etag)
        if indexed is not None and indexed.matches(name, label, info.etag, info.size):
            # the published object, its card by an older varlib (fields left blank): the card is read from it
            status, verified = self.reader.verified_card(name, version, info)
            return VersionEntry(name, label, version, info.key, info.size, status, verified, info.etag)
        if indexed is not None and indexed.removed is None and indexed.card.names(name, label):
            # another object than the one published (its ETag or size differ): read, it says why it is damaged,
            # or it is a whole artifact that is not the published one, whose card the listing keeps
            status, verified = self.reader.verified_card(name, version, info)
            # damaged; or the published artifact itself, written back (a folder's ETag is no checksum of its bytes)
            if status != OK or (verified is not None and indexed.card.describes_same(verified)):
                return VersionEntry(name, label, version, info.key, info.size, status, verified, info.etag)
            why = (
                f"{REPLACED}{info.key} is {info.size:,} bytes (ETag {info.etag[:12]}), the published object"
                f" {indexed.size:,} bytes (ETag {indexed.etag[:12]}); restore the published object"
            )
            return VersionEntry(name, label, version, info.key, info.size, why, indexed.card, indexed.etag)
        card = header_card(info.metadata, name, label, info.etag, info.size)
        if card is not None and card.current:
            return VersionEntry(name, label, version, info.key, info.size, OK, card, info.etag)
        status, verified = self.reader.verified_card(name, version, info)
        older = card is not None and status == OK  # an older varlib's card for this object (a reindex writes it anew)
        return VersionEntry(name, label, version, info.key, info.size, status, verified, info.etag, older)


def newest_usable(entries: Iterable[VersionEntry], withdrawn: Collection[Version]) -> Version | None:
    """The newest version of a listing (newest first) that can be used: it loads and is not one of the `withdrawn`
    versions (required: a listing alone does not say which are withdrawn, and `latest` never names one)."""
    return next((entry.version for entry in entries if entry.usable(withdrawn)), None)


def unfollowed(entries: Iterable[VersionEntry], withdrawn: Collection[Version]) -> dict[Version, str]:
    """The versions an alias cannot be followed to, each with the word an alias list marks it with: `withdrawn`,
    `gone` (deleted behind the product's back) or `unusable` (its object cannot be used: `varlib list` says why).
    One rule for the CLI's `alias list` and the dashboard's aliases and version pickers."""
    marks = dict.fromkeys(withdrawn, "withdrawn")
    for entry in entries:
        if entry.version is not None and not entry.ok:
            marks[entry.version] = "gone" if entry.gone else "unusable"
    return marks


def _indexed(index: dict[str, IndexedCard], name: str, info: ObjectInfo) -> bool:
    version = classify_key(name, info.key).version
    entry = index.get(str(version)) if version is not None else None
    return entry is not None and entry.matches(name, str(version), info.etag, info.size)


def _older_indexed(entry: VersionEntry, index: dict[str, IndexedCard]) -> VersionEntry:
    """`entry` marked `older_card` when the index holds an older format's card for exactly its object (the quick
    listing looked into its folder instead; asks nothing more)."""
    indexed = index.get(entry.label)
    # a version that does not load keeps its note out: a reindex cannot write its card, so the note would stay
    if entry.older_card or not entry.ok or indexed is None or indexed.card.current:
        return entry
    return (
        replace(entry, older_card=True) if indexed.matches(entry.name, entry.label, entry.etag, entry.size) else entry
    )


def _legacy_entry(name: str, version: Version, info: ObjectInfo) -> VersionEntry:
    return VersionEntry(
        name,
        str(version),
        version,
        info.key,
        info.size,
        f"{LEGACY} (unpickling runs code): convert with `varlib import-legacy {version} --name {name} --trust`",
    )


def _gone(name: str, index: dict[str, IndexedCard], found: list[VersionEntry]) -> list[VersionEntry]:
    """Versions the card index vouched for whose model.json is no longer there (deleted behind the product's back):
    named with their card, not dropped from the listing without a word."""
    present = {str(entry.version) for entry in found if entry.version is not None}
    # every listing runs this: only the missing labels are parsed, not the whole index (the caller sorts)
    missing = [(parse_version(label), label, entry) for label, entry in index.items() if label not in present]
    gone = []
    for version, label, entry in missing:
        key = model_key(name, version)
        why = (
            f"{REMOVED}published, then deleted from the store outside the product (recorded by reindex"
            f" {utc_time(entry.removed)}); its number stays taken"
            if entry.removed
            else f"{GONE}published, but {key} is no longer in the store; `varlib reindex --name {name}` records its"
            " removal (its number stays taken)"
        )
        gone.append(VersionEntry(name, label, version, key, 0, why, entry.card, entry.etag))
    return gone
