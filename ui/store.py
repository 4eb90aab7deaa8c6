"""Cached access to the configured store: one Registry per Settings, short-lived listings.

Versions are immutable, so a loaded (name, version) stays cached for good (the Registry keeps
pinned artifacts, bounded); the lists of names and versions change when someone publishes, so
they live for LIST_TTL seconds, and the pages redraw them on a timer (ui.live). `latest` is
never taken from a listing: it is the Registry's `resolve_latest`, read afresh on every rerun.
Failures are never cached: a cached function that raises stores nothing, so the next rerun
tries again (recovery without a restart).
"""

from __future__ import annotations

import time
from dataclasses import replace

import streamlit as st

from ui.errors import OWN_WORDS, dashboard_words
from varlib import (
    Alias,
    Artifact,
    AuditRecord,
    NotFoundError,
    Registry,
    Scenario,
    Settings,
    StoreUnavailableError,
    VarlibError,
    Version,
    VersionEntry,
    Withdrawal,
    describe_store,
)


def _refresh_seconds() -> int:
    try:
        return Settings.from_env().refresh_s  # VARLIB_REFRESH_SECONDS
    except VarlibError:  # a bad environment: the sidebar reports it; the pages keep the default
        return 15


HISTORY_SHOWN = 200  # audit records the Models page shows; the CLI and REST page through all of them
LIST_TTL = _refresh_seconds()  # seconds a listing may be stale; open pages redraw it this often (ui.live)
MAX_STORES = 4  # registries kept per server process (one per distinct settings)
SCENARIOS_SEEN = "_scenarios_seen"  # the last listing of each version's saved scenarios this session read


def describe(current: Settings) -> str:
    """The store the settings select, in one line for people (no credentials)."""
    return describe_store(current)


def settings() -> Settings:
    """The settings of this process (read from the environment; cheap, no I/O)."""
    return Settings.from_env()


def _fingerprint(current: Settings) -> str:
    # Cache keys carry the settings without the secret (an HMAC of it stands in).
    return repr(current.cache_key())


@st.cache_resource(max_entries=MAX_STORES, show_spinner=False)
def _registry(fingerprint: str, _settings: Settings) -> Registry:
    return Registry.from_settings(_settings)


def registry(current: Settings | None = None) -> Registry:
    """The Registry for the current settings, shared by every session of this server."""
    current = current or settings()
    return _registry(_fingerprint(current), current)


# cache_resource, not cache_data: cache_data hands every rerun a fresh unpickled copy, which with
# 10,000 versions cost most of a rerun. The shared result is a tuple of frozen entries, so no
# session can change what another one sees.
@st.cache_resource(ttl=LIST_TTL, max_entries=MAX_STORES, show_spinner=False)
def _names(fingerprint: str, _registry: Registry) -> tuple[str, ...]:
    return tuple(_registry.list_names())


@st.cache_resource(ttl=LIST_TTL, max_entries=64, show_spinner=False)
def _versions(fingerprint: str, name: str, _registry: Registry) -> dict[str | None, tuple[VersionEntry, ...]]:
    # an unusable version's reason in the dashboard's words (the CLI commands it names said as the pages' own), once
    # per listing: as every page says it (None), and as each page with words of its own does (the Models page does
    # not send a person to the Models page)
    entries = _registry.list_versions(name)

    def worded(entry: VersionEntry, here: str | None) -> VersionEntry:
        return entry if entry.ok else replace(entry, status=dashboard_words(entry.status, here))

    return {here: tuple(worded(entry, here) for entry in entries) for here in (None, *OWN_WORDS)}


def model_names() -> list[str]:
    """Model names in the store (cached for LIST_TTL seconds)."""
    current = settings()
    return list(_names(_fingerprint(current), registry(current)))


def versions(name: str, here: str | None = None) -> tuple[VersionEntry, ...]:
    """Every version of `name`, newest first, broken ones with their reason (cached briefly, shared); shown on the
    page `here` (its address), the reason in that page's words (ui.errors.dashboard_words)."""
    current = settings()
    listed = _versions(_fingerprint(current), name, registry(current))
    return listed.get(here, listed[None])


def usable(name: str, include_withdrawn: bool = False) -> list[VersionEntry]:
    """The versions of `name` that can be loaded, newest first; withdrawn ones only when asked."""
    gone = {} if include_withdrawn else withdrawals(name)
    return [entry for entry in versions(name) if entry.usable(gone)]


# Aliases, withdrawals and the trail change when someone acts: short-lived like the listings.
@st.cache_resource(ttl=LIST_TTL, max_entries=64, show_spinner=False)
def _withdrawals(fingerprint: str, name: str, _registry: Registry) -> dict[Version, Withdrawal]:
    return _registry.withdrawals(name)


@st.cache_resource(ttl=LIST_TTL, max_entries=64, show_spinner=False)
def _aliases(fingerprint: str, name: str, _registry: Registry) -> tuple[Alias, ...]:
    return tuple(_registry.aliases(name))


@st.cache_resource(ttl=LIST_TTL, max_entries=64, show_spinner=False)
def _history(fingerprint: str, name: str, _registry: Registry) -> tuple[AuditRecord, ...]:
    return tuple(_registry.history(name, HISTORY_SHOWN))


@st.cache_resource(ttl=LIST_TTL, max_entries=64, show_spinner=False)
def _scenarios(fingerprint: str, name: str, version: Version, _registry: Registry) -> tuple[Scenario, ...]:
    return tuple(_registry.scenarios(name, version))


def scenarios(name: str, version: Version) -> tuple[Scenario, ...]:
    """The saved scenarios of a version that open, by name (cached for LIST_TTL seconds; a save clears it)."""
    return tuple(s for s in _all_scenarios(name, version) if not s.damaged)


def damaged_scenarios(name: str, version: Version) -> tuple[Scenario, ...]:
    """The saved scenarios of a version whose objects cannot be read: never offered, named with `damaged`."""
    return tuple(s for s in _all_scenarios(name, version) if s.damaged)


def _all_scenarios(name: str, version: Version) -> tuple[Scenario, ...]:
    """The listing, or while the store is away the one this session last read: a steps change on the Forecast
    page then keeps forecasting from the version it has loaded, with the scenario it has open (the sidebar says
    the store is unreachable). Kept in the session, one listing per version looked at (docs/CACHES.md). After a
    failure the store is asked again only LIST_TTL seconds later: a silent store holds each request up for its
    whole timeout, which made every steps change take seconds."""
    current = settings()
    seen: dict = st.session_state.setdefault(SCENARIOS_SEEN, {})
    key = (_fingerprint(current), name, str(version))
    listing, failed_at = seen.get(key, (None, None))
    if listing is not None and failed_at is not None and time.monotonic() - failed_at < LIST_TTL:
        return listing
    try:
        seen[key] = (_scenarios(key[0], name, version, registry(current)), None)
    except StoreUnavailableError:
        if listing is None:
            raise
        seen[key] = (listing, time.monotonic())
    return seen[key][0]


def scenario_elsewhere(name: str, version: Version, scenario: str) -> tuple[str, list[Version]]:
    """Why `scenario` does not open on `version`, in the words the CLI and REST give (Registry.scenario's refusal,
    naming the versions that hold it), and those versions, newest first; ("", []) when it opens after all."""
    current = registry()
    try:
        current.scenario(name, version, scenario)
    except NotFoundError as exc:
        # the lookup behind that refusal (one listing of the model's scenarios), reused, not written again here
        return str(exc), current.versions_with_scenario(name, scenario)
    return "", []


def withdrawals(name: str) -> dict[Version, Withdrawal]:
    """The withdrawn versions of `name` (cached for LIST_TTL seconds)."""
    current = settings()
    return dict(_withdrawals(_fingerprint(current), name, registry(current)))


def aliases(name: str) -> tuple[Alias, ...]:
    """The aliases of `name` that point somewhere (cached for LIST_TTL seconds)."""
    current = settings()
    return _aliases(_fingerprint(current), name, registry(current))


def deleted_alias(name: str, alias: str) -> Alias | None:
    """`alias` of `name` if it was deleted (its tombstone says when, by whom, from which version); else None.
    One small read, never cached: it is asked only of an alias a page still holds that the listing lacks."""
    try:
        found = registry().alias(name, alias)
    except VarlibError:  # a name outside the alias rule, or a damaged object: not a deletion
        return None
    return found if found is not None and found.version is None else None


def history(name: str) -> tuple[AuditRecord, ...]:
    """The newest HISTORY_SHOWN audit records of `name` (cached for LIST_TTL seconds)."""
    current = settings()
    return _history(_fingerprint(current), name, registry(current))


def resolve(name: str, version: str) -> Version:
    """A concrete version for `latest`, `0.0.3` or `@alias` (an alias is read afresh: it can move)."""
    return registry().resolve(name, version)


def latest(name: str) -> Version:
    """The version `latest` stands for now (Registry.resolve_latest: one small read, never cached here)."""
    return registry().resolve_latest(name)


def refresh() -> None:
    """Forget the listings (after a publish, or on the refresh button)."""
    _names.clear()
    _versions.clear()
    _withdrawals.clear()
    _aliases.clear()
    _history.clear()
    _scenarios.clear()


def load(name: str, version: Version, via: str | None = None) -> Artifact:
    """A pinned version's artifact; the Registry caches it after the first read. `via`: the name picked (an alias
    is named if its version is gone)."""
    if not isinstance(version, Version):
        raise NotFoundError(f"{name} {version!r} is not a concrete version")
    return registry().load(name, version, cached=True, via=via)
