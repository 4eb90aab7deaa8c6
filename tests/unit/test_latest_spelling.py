"""`latest` is spelled one way everywhere: the REST paths and the CLI refused `LATEST` while an alias move took it
(`alias set --name var staging LATEST` set @staging to the newest version)."""

from __future__ import annotations

import pytest

from varlib import InvalidInputError, Registry, Settings, publish_result


@pytest.fixture()
def registry(macro_result, tmp_path):
    registry = Registry.from_settings(Settings(store_dir=tmp_path, author="tester"))
    publish_result(registry, macro_result, "var")
    return registry


@pytest.mark.parametrize("spelling", ["LATEST", "Latest"])
def test_an_alias_is_not_moved_to_latest_spelled_otherwise(registry, spelling):
    with pytest.raises(InvalidInputError, match=f"version '{spelling}' is not valid: use M.m.p .*'latest'"):
        registry.set_alias("var", "staging", spelling)
    with pytest.raises(InvalidInputError, match="is not valid"):
        registry.resolve("var", spelling)
    assert registry.aliases("var") == []  # nothing was set


def test_latest_in_lower_case_with_spaces_around_still_resolves(registry):
    assert str(registry.resolve("var", " latest ")) == "0.0.1"
