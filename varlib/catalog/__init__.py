"""The catalog: model versions in a store (layout, cards, index, `latest`, listing, publishing)."""

from .cards import Card, version_metadata
from .listing import VersionEntry, newest_usable
from .registry import Registry

__all__ = ["Card", "Registry", "VersionEntry", "newest_usable", "version_metadata"]
