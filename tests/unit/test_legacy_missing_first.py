"""`import-legacy` without --trust says that a pickle is missing before it asks the user to trust it."""

from __future__ import annotations

import pytest

from varlib import InvalidInputError, NotFoundError, Registry, Settings, import_legacy


def test_a_missing_pickle_is_said_before_asking_for_trust(tmp_path):
    registry = Registry.from_settings(Settings(store_dir=tmp_path, author="test"))
    with pytest.raises(NotFoundError, match=r"there is no legacy pickle var/0_0_1/model\.pkl"):
        import_legacy(registry, "0_0_1", "var")


def test_a_pickle_there_is_still_refused_without_trust(tmp_path):
    registry = Registry.from_settings(Settings(store_dir=tmp_path, author="test"))
    registry.store.create("var/0_0_1/model.pkl", b"not read")
    with pytest.raises(InvalidInputError, match=r"refusing to unpickle var/0_0_1/model\.pkl"):
        import_legacy(registry, "0_0_1", "var")
