"""The catalog: model versions in a store (layout, cards, index, `latest`, listing, publishing)."""

from .aliases import Alias
from .audit import AuditRecord
from .cards import Card, version_metadata
from .listing import VersionEntry, newest_usable, unfollowed
from .registry import Registry
from .reindex import Reindexed, older_cards_note

__all__ = [
    "Alias",
    "AuditRecord",
    "Card",
    "Registry",
    "Reindexed",
    "VersionEntry",
    "newest_usable",
    "older_cards_note",
    "unfollowed",
    "version_metadata",
]
