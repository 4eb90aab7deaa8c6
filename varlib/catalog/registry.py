"""The Registry: one object per store that lists, resolves, loads and publishes model versions.

It is a facade over the catalog's modules (layout, cards, index, pointer, reader, listing, reindex,
publish; aliases, withdrawals and the audit trail through catalog.governance, saved scenarios through
catalog.scenarios) and the one owner of what `latest` means: the newest intact version that is not
withdrawn, found through the `latest.json` copy when that is usable and through a verified listing otherwise.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from ..artifact import Artifact
from ..config import READ_ONLY_SAID, Settings
from ..errors import AccessDeniedError, CorruptArtifactError, InvalidInputError, NotFoundError, VarlibError
from ..identity import Actor
from ..plain_text import check_notes
from ..spec import ModelSpec
from ..store import Store, open_store
from ..versions import LATEST, NAME_PATTERN, ZERO, Version, check_name, is_alias, is_latest, parse_version
from . import audit, trail_repair
from . import publish as publishing
from .audit import MAX_PAGE, AuditRecord
from .governance import Governance
from .layout import withdrawal_key
from .listing import LEGACY, Lister, VersionEntry, newest_usable
from .pointer import read_pointer
from .reader import Reader
from .reindex import Reindexed, rebuild
from .scenarios import ScenarioShelf
from .shape import Reshaped, reshaped, shape_of
from .withdrawals import none_in_use, settle_latest


class Registry(Governance, ScenarioShelf):
    """Versions of models in one store, with their aliases, withdrawals, audit trail and saved scenarios.
    Safe to share between threads."""

    HISTORY_PAGE = MAX_PAGE  # the most audit records one page of `history` lists (`before` pages on)

    def __init__(
        self,
        store: Store,
        *,
        max_artifact_bytes: int = 16 * 1024 * 1024,
        read_only: bool = False,
        author: str = "unknown",
    ) -> None:
        self.store = store
        self.max_artifact_bytes = max_artifact_bytes
        self.read_only = read_only
        self.author = author
        self._reader = Reader(store, max_artifact_bytes)
        self._lister = Lister(store, self._reader)
        Governance.__init__(self)
        ScenarioShelf.__init__(self)

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Registry:
        settings = settings or Settings.from_env()
        return cls(
            open_store(settings),
            max_artifact_bytes=settings.max_artifact_bytes,
            read_only=settings.read_only,
            author=settings.author,
        )

    @property
    def description(self) -> str:
        return self.store.description

    def missing_note(self) -> str | None:
        """Why the store lists nothing, when its bucket does not exist (a mistyped bucket or folder); else None."""
        return self.store.missing_note()

    # -- reading -----------------------------------------------------------------------------
    def list_names(self) -> list[str]:
        """Model names in the store, sorted."""
        return [name for name in self.store.list_folders("") if NAME_PATTERN.fullmatch(name)]

    def list_versions(self, name: str, verify: bool = False) -> list[VersionEntry]:
        """Every version of `name`, newest first, an unusable or gone one in its place with its reason; objects
        outside the naming pattern last (catalog.listing explains the index and `verify`)."""
        return self._lister.list_versions(check_name(name), verify)

    def resolve_latest(self, name: str, instead: str | None = None) -> Version:
        """The version `latest` stands for now; read afresh on every call. Its artifact is verified
        and kept, so loading that version next costs no second read. `instead`: what the AllWithdrawnError of a model
        whose every version is withdrawn says to do (by default publish one or name a withdrawn one, which a read may
        still use)."""
        version = self._latest(check_name(name), cached=True, instead=instead).version
        if version is None:  # a stored artifact always names its version (the reader checks it)
            raise NotFoundError(f"model {name!r}: the newest object names no version; run `varlib reindex`")
        return version

    def resolve(self, name: str, version: str | Version) -> Version:
        """A concrete version for `latest`, `0.0.3`, `0_0_3` or an alias such as `@champion`."""
        check_name(name)
        if isinstance(version, Version):
            return version
        if is_alias(version):
            return self.resolve_alias(name, version)
        if is_latest(version):
            return self.resolve_latest(name)
        try:
            return parse_version(version)
        except InvalidInputError as exc:
            raise InvalidInputError(str(exc) + self.alias_hint(name, str(version))) from None

    def alias_hint(self, name: str, text: str) -> str:
        """`; did you mean @champion ...` when `text`, no version, names an alias of `name` without its @."""
        try:
            found = self.alias(name, text.strip())
        except VarlibError:  # not an alias's name either, or the store cannot say: the refusal stands alone
            return ""
        if found is None or found.version is None:
            return ""
        return f"; did you mean @{found.alias}, the alias of {name} that points at {found.version}?"

    def load(
        self, name: str, version: str | Version = LATEST, *, cached: bool = True, via: str | None = None
    ) -> Artifact:
        """The artifact of a version. Versions never change, so `cached` keeps them for good;
        `latest` is re-resolved on every call (with `cached=False` its copy is verified every time). `via`: the name
        a caller resolved to `version` itself; an alias, here or there, is named if its version is gone."""
        check_name(name)
        if not isinstance(version, Version) and is_latest(version):
            return self._latest(name, cached)
        via = version if isinstance(version, str) and is_alias(version) else via
        concrete = self.resolve(name, version)
        try:
            return self._reader.load(name, concrete, cached)
        except NotFoundError as exc:
            if is_latest(via) and (copy := self._latest(name, cached)).version == concrete:
                return copy  # deleted by hand while the newest: `latest` asked for serves its pointer's copy (README)
            if via is None or not is_alias(via):
                raise
            alias = via.strip().lstrip("@")  # its version went behind the product's back: say whose it was
            raise NotFoundError(
                f"@{alias} points at {name} {concrete}, which is no longer in the store ({exc}); move it:"
                f" `varlib alias set {alias} VERSION --name {name}`",
                key=exc.key,
                field="version",
                value=f"@{alias}",
            ) from None

    def still_stored(self, name: str, version: Version, ask: bool = True) -> bool:
        """Whether the store holds a version read before (catalog.reader); `ask=False`: if seen in the last second."""
        return self._reader.still_stored(name, version) if ask else self._reader.seen_lately(name, version)

    def check(self) -> None:
        """Raise unless the store answers."""
        self.store.check()

    def latest_behind(self, name: str, entries: list[VersionEntry], withdrawn: Collection[Version]) -> str | None:
        """For a verified listing `entries` of `name` and its `withdrawn` versions: why `latest` names a version
        that is gone or damaged, or an older one than the newest usable one not withdrawn (a publish cut off before
        it moved `latest`), else None."""
        newest = newest_usable(entries, withdrawn)
        try:
            latest: Version | None = self.resolve_latest(name)
        except NotFoundError:
            latest = None
        named = next((e for e in entries if latest is not None and e.version == latest and not e.ok), None)
        if named is not None:  # deleted or damaged behind the product's back: `latest` reads its copy meanwhile
            return (
                f"`latest` still serves {latest} ({named.status.split(':')[0]}) from its copy in latest.json;"
                f" `varlib reindex --name {name}` moves it to {newest or 'the newest usable version'}"
            )
        if newest is None or (latest is not None and latest >= newest):  # newer: published since the listing
            return None
        return (
            f"`latest` names {latest or 'no version'} while {newest} is the newest usable version not withdrawn (a"
            f" publish was cut off before it moved `latest`); `varlib reindex --name {name}` moves it"
        )

    # -- publishing ----------------------------------------------------------------------------
    def next_version(self, name: str, bump: str = "patch") -> Version:
        """The version a publish would take now (the publish itself re-checks at its commit point)."""
        return publishing.next_version(self.store, name, bump, self.max_artifact_bytes)

    def publish(self, artifact: Artifact, bump: str = "patch", actor: Actor | None = None) -> Artifact:
        """Store `artifact` as the next free version after the newest one; never overwrites. The audit
        trail records `actor` (default: the local author)."""
        self.ensure_writable()
        # as a scenario's notes: a terminal printing `list` would obey an escape sequence in them
        check_notes(artifact.notes)
        done = publishing.publish(self.store, artifact, bump, self.max_artifact_bytes, self._predecessor)
        published, name = done.artifact, artifact.name
        self._reader.remember(published)
        with publishing.stored_but(published, "keeping `latest` off withdrawn versions"):
            # a withdrawal may have raced this publish; `latest` before it, for the trail: what readers had
            _, after = settle_latest(self.store, name, self.max_artifact_bytes, self._withdrawn)
            before = done.replaced if done.pointed else self._newest_before(name, published.version or ZERO)
        latest = audit.latest_moved(before, after) if done.moved else audit.STAYED
        with publishing.stored_but(published, "recording it in the audit trail"):
            self._record("publish", name, actor or Actor.local(self.author), str(published.version), latest=latest)
        return published

    def _newest_before(self, name: str, new: Version) -> Version | None:
        """`latest` as readers had it before version `new` when the pointer named none (missing or damaged): the
        newest usable version older than it that is not withdrawn, as the listing gives it."""
        withdrawn = self.withdrawals(name)
        older = [e for e in self.list_versions(name, verify=True) if e.version is not None and e.version < new]
        return newest_usable(older, withdrawn)

    def reindex(self, name: str, actor: Actor | None = None) -> Reindexed:
        """Rebuild the card index and the `latest` copy of `name` from the objects themselves (for buckets
        written before the index, by other tools, or damaged since): `latest` on the newest intact version
        that is not withdrawn. Returns what it indexed and each version it could not (catalog.reindex). A move
        of `latest` is recorded in the audit trail as `latest.move` by `actor` (default: the local author)."""
        self.ensure_writable("reindexing")
        # first: the withdrawals the trail records must hold before `latest` is rebuilt, or it could land on one
        restored = tuple(trail_repair.restore_withdrawals(self, check_name(name)))
        entries = self.list_versions(name, verify=True)
        done = replace(rebuild(self.store, name, entries, self._withdrawn, self.max_artifact_bytes), restored=restored)
        if done.latest_before is not None:
            moved = audit.latest_moved(done.latest_before, done.latest)
            self._record(
                "latest.move", done.name, actor or Actor.local(self.author), None, reason=done.why, latest=moved
            )
        return done

    def restore_trail(self, name: str) -> list[AuditRecord]:
        """Write the audit records of stored changes whose own record was cut off (catalog.trail_repair)."""
        self.ensure_writable("restoring the audit trail")
        return trail_repair.restore(self, check_name(name))

    def ensure_writable(self, action: str = "publishing") -> None:
        """Refuse early, before any training time is spent, when this registry may not change the store;
        `action` (e.g. "withdrawing a version") is what the refusal says needs write access."""
        if self.read_only:
            raise AccessDeniedError(
                f"not allowed: this store is read-only ({READ_ONLY_SAID}); {action} needs write access"
            )

    def shape_changes(self, name: str, spec: ModelSpec, frequency: str | None) -> Reshaped | None:
        """What a version fitted with `spec` on data of `frequency` would change in the shape of the version of
        `name` it would follow, with that version (None: nothing, or a new name); a patch or minor bump is refused
        when not None."""
        newest = publishing.newest_version(self.store, check_name(name), self.max_artifact_bytes)
        return reshaped(self._predecessor(name, newest) if newest != ZERO else None, shape_of(spec, frequency))

    def _predecessor(self, name: str, newest: Version) -> Artifact | None:
        """The version a new one follows: the newest folder when it holds a readable model, else the
        newest intact version (a damaged or legacy newest folder has no shape to keep)."""
        try:
            return self._reader.load(name, newest)
        except (NotFoundError, CorruptArtifactError):
            try:
                return self._latest(name, cached=True)
            except NotFoundError:
                return None

    # -- `latest` ------------------------------------------------------------------------------
    def _latest(self, name: str, cached: bool, instead: str | None = None) -> Artifact:
        pointer = read_pointer(self.store, name, self.max_artifact_bytes)
        # Writers keep the pointer off withdrawn versions and reading it stays one read, so only a withdrawal
        # this process already knows of (free to ask) is checked: one whose pointer move was cut off.
        known = pointer.version is not None and self._withdrawn.get(withdrawal_key(name, pointer.version))
        if pointer.version is not None and pointer.stands_for(name) and not known:
            hit = self._reader.cached(name, pointer.version) if cached else None
            if hit is not None:
                return hit
            artifact = pointer.artifact(name)
            if artifact is None and not pointer.holds_artifact:  # the earlier form: read the version it names
                try:
                    artifact = self._reader.read(name, pointer.version)
                except NotFoundError:
                    artifact = None  # dangling: the listing decides
            if artifact is not None:
                if cached:
                    self._reader.remember(artifact)
                return artifact
        return self._reader.load(name, self._newest_intact(name, instead), cached)

    def _newest_intact(self, name: str, instead: str | None = None) -> Version:
        # Every object checked: without a usable pointer, `latest` must land on an intact version
        # even if one was replaced after it was indexed, and never on a withdrawn one.
        withdrawn = self.withdrawals(name)
        entries = self.list_versions(name, verify=True)
        newest = newest_usable(entries, withdrawn)
        if newest is None and withdrawn:
            raise none_in_use(name, len(withdrawn), instead)
        if newest is None:
            pickles = [e.label for e in entries if e.status.startswith(LEGACY)]
            convert = (
                f"; or convert its legacy pickle with `varlib import-legacy {pickles[0]} --name {name} --trust`"
                if pickles
                else ""
            )
            raise NotFoundError(
                f"model {name!r} has no usable version yet in {self.description}; train and publish one with"
                f" `varlib train --name {name} --publish`{convert}"
            )
        return newest
