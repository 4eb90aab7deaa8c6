"""Publishing: the next free version, taken by one conditional create; then the index and `latest`.

The commit point is a single create-if-absent of model.json (`If-None-Match: *` on MinIO, an
exclusive create in a folder): the first writer wins and a loser takes the next version, so
nothing is ever overwritten. The card index and the `latest` copy are updated afterwards; a
publisher that dies in between leaves a valid version that listings still find. What `latest` named before
this publish moved it is returned, for the audit record (`Published`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from ..artifact import Artifact, encode
from ..errors import (
    STORED,
    InvalidInputError,
    NothingWrittenError,
    ObjectExistsError,
    StoreUnavailableError,
    VarlibError,
)
from ..store import Store
from ..versions import ZERO, Version, check_name, parse_key_version
from .aliases import list_aliases
from .cards import Card, metadata_header
from .index import IndexedCard, add_card, newest_indexed
from .layout import SCENARIO_FOLDER, helper_prefix, model_key
from .pointer import advance_pointer, read_pointer
from .shape import check_shape
from .withdrawals import withdrawn_versions

ATTEMPTS = 200


@dataclass(frozen=True)
class Published:
    """A stored version, and whether the publish moved `latest` to it from `replaced` (None: no version, or
    a pointer that named none of this model's: `pointed` False, and readers had `latest` from the listing)."""

    artifact: Artifact
    moved: bool = False
    replaced: Version | None = None
    pointed: bool = True


def newest_version(store: Store, name: str, max_bytes: int) -> Version:
    """The highest version of `name` (ZERO when there is none), usable or not: its newest folder, or a newer
    one whose object was deleted behind the product's back (a number is never published twice: an alias, a
    withdrawal or a record naming it would stand for another model), as the index or a helper names it."""
    return max(_newest_folder(store, name), _newest_named(store, name, max_bytes))


def _newest_named(store: Store, name: str, max_bytes: int) -> Version:
    """The highest version the helpers of `name` name: its indexed cards, and, should the index be gone too,
    `latest`, the aliases (deleted ones' last target included), the withdrawals and the saved scenarios. Each
    would silently stand for another model if its number were published again."""
    named = [newest_indexed(store, name, max_bytes) or ZERO]
    pointer = read_pointer(store, name, max_bytes)
    named += [pointer.version] if pointer.version is not None and pointer.stands_for(name) else []
    named += [alias.version for alias in list_aliases(store, name, deleted=True) if alias.version is not None]
    named += withdrawn_versions(store, name)
    scenarios = map(parse_key_version, store.list_folders(helper_prefix(name, SCENARIO_FOLDER)))
    return max([*named, *(version for version in scenarios if version is not None)])


def _newest_folder(store: Store, name: str) -> Version:
    taken = [v for v in map(parse_key_version, store.list_folders(f"{name}/")) if v is not None]
    return max(taken, default=ZERO)


def next_version(store: Store, name: str, bump: str, max_bytes: int) -> Version:
    """The version a publish with `bump` would take now (a concurrent publish may take it first)."""
    return newest_version(store, check_name(name), max_bytes).bump(bump)


def publish(
    store: Store, artifact: Artifact, bump: str, max_bytes: int, previous: Callable[[str, Version], Artifact | None]
) -> Published:
    """Store `artifact` as the next free version after the newest one; returns it with its version.

    `previous(name, newest)` gives the version the new one follows (None for a new name), whose shape
    it must keep unless `bump` is major (catalog.shape); it is checked again whenever another
    publisher took the candidate first. `latest` then moves to it unless a newer version is there already."""
    name = check_name(artifact.name)
    ZERO.bump(bump)  # validates the bump before any I/O
    # the numbers the index and the other helpers name, read once and not on every retry: they stay taken, and
    # a version published by another writer since then is seen by its folder
    indexed = _newest_named(store, name, max_bytes)
    for _ in range(ATTEMPTS):
        newest = max(_newest_folder(store, name), indexed)
        check_shape(previous(name, newest) if newest != ZERO else None, artifact, bump)
        candidate = newest.bump(bump)
        published = replace(artifact, version=candidate)
        body = encode(published)
        _check_size(name, body, max_bytes)
        card = Card.from_artifact(published)
        try:
            etag = store.create(model_key(name, candidate), body, metadata_header(card, body))
        except ObjectExistsError:
            continue  # another publisher took it: list again and take the next one
        except NothingWrittenError:  # refused before it took effect: stored nothing, said once
            raise
        except StoreUnavailableError as exc:  # the write may have landed before the store stopped answering
            raise StoreUnavailableError(
                f"{exc.message}; {name} {candidate} may have been stored before the store stopped answering: look"
                f" with `varlib list --name {name}` before publishing again",
                **exc.fields(),
            ) from None
        add_card(store, name, candidate, IndexedCard(card, etag, len(body)), max_bytes)
        with stored_but(published, "moving `latest` to it"):
            replaced = advance_pointer(store, name, candidate, body, max_bytes)
        if replaced is None:
            return Published(published)
        named = replaced.stands_for(name)
        return Published(published, True, replaced.version if named else None, named)
    raise VarlibError(f"could not find a free version of {name!r} after {ATTEMPTS} attempts; try again")


def _check_size(name: str, body: bytes, max_bytes: int) -> None:
    """Refuse a version larger than the store's readers take, before anything is stored: stored, it would be
    listed as too large, never forecast from, and its number taken for good."""
    if len(body) > max_bytes:
        raise InvalidInputError(
            f"the new version of {name} would be {len(body):,} bytes, over the {max_bytes:,}-byte limit of what is"
            " read from the store (VARLIB_MAX_ARTIFACT_BYTES), so nobody could use it; nothing was stored: train it on"
            " fewer rows (a later start) or fewer variables, or raise VARLIB_MAX_ARTIFACT_BYTES wherever the store"
            " is read",
            field="size",
            value=len(body),
        )


@contextmanager
def stored_but(published: Artifact, step: str) -> Iterator[None]:
    """A failure after the version's own object was stored: said as such, so that nobody publishes the same
    model again (a second version), and with the command that completes the rest. The error keeps its kind
    (an edge's status or exit code) and says which version was stored (`VarlibError.stored`)."""
    try:
        yield
    except VarlibError as exc:
        name = published.name
        message = (
            f"the version {name} {published.version} is stored, but {step} failed: {exc.message}; do not publish it"
            f" again: once the store answers, `varlib reindex --name {name}` moves `latest` to it and records it in"
            " the audit trail"
        )
        context = {k: v for k, v in exc.fields().items() if k not in ("field", "value")}
        raise type(exc)(message, field=STORED, value=str(published.version), **context) from None
