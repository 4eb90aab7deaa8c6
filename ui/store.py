"""Cached access to the configured store: one Registry per Settings, short-lived listings.

Versions are immutable, so a loaded (name, version) stays cached for good (the Registry keeps
pinned artifacts); the lists of names and versions change when someone publishes, so they
live for LIST_TTL seconds and the pages offer a refresh. Failures are never cached: a
cached function that raises stores nothing, so the next rerun tries again (recovery
without a restart).
"""

from __future__ import annotations

import streamlit as st

from varlib.artifact import Artifact
from varlib.config import Settings
from varlib.errors import NotFoundError
from varlib.registry import Registry, VersionEntry
from varlib.store import describe as describe_store
from varlib.versions import Version

LIST_TTL = 15  # seconds a listing may be stale before it is read again
CHECK_TTL = 15


def describe(current: Settings) -> str:
    """The store the settings select, in one line for people (no credentials)."""
    return describe_store(current)


def settings() -> Settings:
    """The settings of this process (read from the environment; cheap, no I/O)."""
    return Settings.from_env()


def _fingerprint(current: Settings) -> str:
    # Cache keys carry the settings without the secret (an HMAC of it stands in).
    return repr(current.cache_key())


@st.cache_resource(show_spinner=False)
def _registry(fingerprint: str, _settings: Settings) -> Registry:
    return Registry.from_settings(_settings)


def registry(current: Settings | None = None) -> Registry:
    """The Registry for the current settings, shared by every session of this server."""
    current = current or settings()
    return _registry(_fingerprint(current), current)


# cache_resource, not cache_data: cache_data hands every rerun a fresh unpickled copy, which with
# 10,000 versions cost most of a rerun. The shared result is a tuple of frozen entries, so no
# session can change what another one sees.
@st.cache_resource(ttl=LIST_TTL, show_spinner=False)
def _names(fingerprint: str, _registry: Registry) -> tuple[str, ...]:
    return tuple(_registry.list_names())


@st.cache_resource(ttl=LIST_TTL, show_spinner=False)
def _versions(fingerprint: str, name: str, _registry: Registry) -> tuple[VersionEntry, ...]:
    return tuple(_registry.list_versions(name))


@st.cache_data(ttl=CHECK_TTL, show_spinner=False)
def _check(fingerprint: str, _registry: Registry) -> bool:
    _registry.check()
    return True


def model_names(current: Settings | None = None) -> list[str]:
    """Model names in the store (cached for LIST_TTL seconds)."""
    current = current or settings()
    return list(_names(_fingerprint(current), registry(current)))


def versions(name: str, current: Settings | None = None) -> tuple[VersionEntry, ...]:
    """Every version of `name`, newest first, broken ones with their reason (cached briefly, shared)."""
    current = current or settings()
    return _versions(_fingerprint(current), name, registry(current))


def check(current: Settings | None = None) -> None:
    """Raise unless the store answers; a success is remembered for CHECK_TTL seconds."""
    current = current or settings()
    _check(_fingerprint(current), registry(current))


def refresh() -> None:
    """Forget the listings and the reachability check (after a publish, or on the refresh button)."""
    _names.clear()
    _versions.clear()
    _check.clear()


def newest_ok(entries: list[VersionEntry]) -> Version | None:
    """The version `latest` stands for in a listing: the newest usable one."""
    for entry in entries:
        if entry.ok:
            return entry.version
    return None


def load(name: str, version: Version, current: Settings | None = None) -> Artifact:
    """A pinned version's artifact; the Registry caches it for good after the first read."""
    if not isinstance(version, Version):
        raise NotFoundError(f"{name} {version!r} is not a concrete version")
    return registry(current).load(name, version, cached=True)
