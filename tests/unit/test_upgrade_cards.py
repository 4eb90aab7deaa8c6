"""Cards written by an older varlib (f7ffd51, 2026-11-29): never taken for current ones, and the Models table's
`checks` cell says `not checked` for a version stored without checks."""

from __future__ import annotations

import base64
import json
from dataclasses import replace

from ui.tables import versions_table
from varlib import VersionEntry
from varlib.artifact import EXOG_SCHEMA_VERSION, SCHEMA_VERSION
from varlib.catalog.cards import (
    CARD_FORMAT,
    METADATA_KEY,
    Card,
    header_card,
    keep_stored_schema,
    stored_schema,
)
from varlib.catalog.index import IndexedCard
from varlib.versions import Version

# the card f7ffd51 wrote for a version, to its index and the object's metadata: no frequency, model, holdout order
OLD_CARD = {
    "name": "m",
    "version": "0.0.1",
    "created_at": "2026-11-29T08:00:00Z",
    "author": "old",
    "notes": "f7 first",
    "dataset": "macrodata",
    "variables": ["realgdp", "realcons"],
    "k_ar": 2,
    "lag_method": "fixed",
    "transform": "none",
    "trend": "c",
    "holdout_rmse": {"realgdp": 571.08, "realcons": 309.75},
    "kind": "var",
    "schema_version": 1,
}


def test_a_card_without_its_format_is_an_older_varlibs_and_vouches_for_no_version():
    old = Card.from_dict(OLD_CARD)
    assert old is not None and old.card_format == 1 and not old.current and old.checked is None
    assert not IndexedCard(old, "etag", 100).vouches_for("m", "0.0.1", 10**6)  # listings read its object
    current = Card.from_dict({**OLD_CARD, "card_format": CARD_FORMAT, "checked": True})
    assert current is not None and current.current and current.checked is True
    assert IndexedCard(current, "etag", 100).vouches_for("m", "0.0.1", 10**6)


def test_an_older_varlibs_card_in_the_objects_metadata_is_not_taken():
    def header(card: dict) -> dict[str, str]:
        text = json.dumps({**card, "bytes": 100, "md5": "abc"})
        return {METADATA_KEY: base64.urlsafe_b64encode(text.encode()).decode()}

    older = header_card(header(OLD_CARD), "m", "0.0.1", "abc", 100)
    assert older is not None and not older.current  # the listing reads the object instead (and marks it older_card)
    fresh = header_card(header({**OLD_CARD, "card_format": CARD_FORMAT}), "m", "0.0.1", "abc", 100)
    assert fresh is not None and fresh.current


def test_a_card_says_whether_checks_were_stored_and_keeps_its_format(var2):
    card = Card.from_artifact(var2)
    assert card.current and card.checked is True and card.frequency == "quarterly" and card.model
    assert Card.from_dict(card.to_dict()) == card  # the index and the metadata give back the same card
    assert card.to_dict()["card_format"] == CARD_FORMAT
    unchecked = Card.from_artifact(replace(var2, adequacy=None))  # a version older than the checks
    assert unchecked.checked is False and unchecked.flags == ()


def test_an_older_card_describes_the_same_artifact_on_the_fields_it_had(var2):
    fresh = Card.from_artifact(replace(var2, version=Version(0, 0, 1)))
    old = Card.from_dict({k: v for k, v in fresh.to_dict().items() if k in OLD_CARD})
    assert old is not None and old != fresh and old.describes_same(fresh)  # blank frequency and model
    other = Card.from_dict({k: v for k, v in fresh.to_dict().items() if k in OLD_CARD} | {"notes": "another"})
    assert other is not None and not other.describes_same(fresh)


def test_the_stored_schema_is_the_one_read_else_the_one_written(var2, varx):
    assert stored_schema(var2) == SCHEMA_VERSION and stored_schema(varx) == EXOG_SCHEMA_VERSION
    read = replace(var2)  # a copy, as a reader decodes one
    keep_stored_schema(read, 1)
    assert stored_schema(read) == 1 and Card.from_artifact(read).schema_version == 1
    assert read == var2 and stored_schema(var2) == SCHEMA_VERSION  # no field of the artifact, nor of others


def _entry(card: Card) -> VersionEntry:
    return VersionEntry("m", "0.0.1", Version(0, 0, 1), "m/0_0_1/model.json", 100, "ok", card)


def test_the_models_table_says_not_checked_for_a_version_stored_without_checks(var2):
    unchecked = Card.from_artifact(replace(var2, adequacy=None, warnings=()))
    passed = replace(unchecked, checked=True)
    failed = replace(passed, flags=("not stable",))
    warned = replace(unchecked, flags=("1 training warning",))
    unknown = replace(unchecked, checked=None, card_format=1)  # a gone version's older card
    table = versions_table([_entry(card) for card in (unchecked, passed, failed, warned, unknown)])
    assert list(table["checks"]) == ["not checked", "ok", "⚠ stability", "not checked; ⚠ 1 training warning", ""]
