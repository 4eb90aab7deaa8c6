"""The catalog: model versions in a store (layout, cards, index, `latest`, listing, publishing)."""

from .cards import Card, version_metadata
from .listing import VersionEntry, newest_usable
from .registry import Registry
from .reindex import Reindexed

__all__ = ["Card", "Registry", "Reindexed", "VersionEntry", "newest_usable", "version_metadata"]
