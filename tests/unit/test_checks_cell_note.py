"""The Models table's `checks` cell of a version whose whiteness check passed only as a note (fewer lagged
residuals than the LM test's 5: Check.partial) said `ok`, an all-clear the Diagnostics page and the version's card
do not give; it says `ok (note)`, from the card the store's index keeps, and a full pass stays `ok`."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ui.models_table import HELP
from ui.tables import checks_text, versions_table
from varlib import ModelSpec, Registry, Settings, VersionEntry, load_dataset, publish_result, train_model
from varlib.catalog.cards import Card
from varlib.versions import Version

VARIABLES = ("realgdp", "realcons", "realinv", "realgovt", "m1")


@pytest.fixture(scope="module")
def registry(tmp_path_factory) -> Registry:
    registry = Registry.from_settings(Settings(store_dir=tmp_path_factory.mktemp("noted"), author="ui-test"))
    short = load_dataset(variables=list(VARIABLES), start="1994-07-01")  # 61 quarters: the LM test on one lag
    publish_result(
        registry, train_model(short, ModelSpec(variables=VARIABLES, lags=8, transform="diff", holdout=0)), "short"
    )
    return registry


def test_a_pass_only_as_a_note_is_no_all_clear_in_the_checks_cell():
    noted = Card("m", "0.0.1", checked=True, noted=("whiteness",))
    assert versions_table([VersionEntry("m", "0.0.1", Version(0, 0, 1), "m/0_0_1/model.json", 100, "ok", noted)])[
        "checks"
    ].tolist() == ["ok (note)"]
    assert checks_text(replace(noted, flags=("not stable",))) == "⚠ stability"  # a failure says more than a note
    assert checks_text(replace(noted, noted=())) == "ok"  # a full pass


def test_the_card_keeps_the_note_through_its_json(registry):
    card = Card.from_artifact(registry.load("short", "0.0.1"))
    assert card.noted == ("whiteness",) and Card.from_dict(card.to_dict()) == card


def test_the_checks_column_help_names_the_note():
    """The column's help listed `ok`, the failed checks and `not checked`: not what `ok (note)` means."""
    assert "ok (note)" in HELP["checks"]
