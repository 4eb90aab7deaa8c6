"""`latest` of a model whose every usable version is withdrawn (both stores): an AllWithdrawnError, which is a
NotFoundError to whoever looks for a version to use and a WithdrawnError by its cause, naming `latest` as the refused
`version`; moving an alias to `latest` then is refused in the same class; a publish puts `latest` back in use."""

from __future__ import annotations

import pytest

from varlib import AllWithdrawnError, NotFoundError, WithdrawnError, publish_result


@pytest.fixture
def withdrawn(registry, macro_result):
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    for version in ("0.0.1", "0.0.2"):
        registry.withdraw("var", version, "leaky holdout")
    return registry


def test_latest_is_refused_as_withdrawn_and_as_not_found_naming_latest(withdrawn):
    with pytest.raises(AllWithdrawnError) as refused:
        withdrawn.resolve_latest("var")
    assert isinstance(refused.value, NotFoundError) and isinstance(refused.value, WithdrawnError)
    assert (refused.value.field, refused.value.value) == ("version", "latest")
    assert "publish a new one, or name a withdrawn version explicitly" in refused.value.message
    with pytest.raises(AllWithdrawnError):
        withdrawn.load("var", "latest")


def test_an_alias_moved_to_latest_is_refused_in_the_same_class(withdrawn):
    with pytest.raises(AllWithdrawnError) as refused:
        withdrawn.set_alias("var", "champion", "latest")
    assert (refused.value.field, refused.value.value) == ("version", "latest")
    assert "an alias cannot point at a withdrawn version: publish a new one" in refused.value.message


def test_a_publish_puts_latest_back_in_use(withdrawn, macro_result):
    assert publish_result(withdrawn, macro_result, "var").version == withdrawn.resolve_latest("var")
