"""`import-legacy` names a pickle by its number only: `latest`, an alias or a malformed number is refused naming
the value and what to give, never with the version rule that offers `latest` and aliases as the way out."""

from __future__ import annotations

import pytest

from varlib import InvalidInputError, Registry, Settings, import_legacy


@pytest.mark.parametrize("given", ["latest", "@champion", "0.0.01", "", "1.2"])
def test_a_pickle_is_named_by_its_number_only(tmp_path, given):
    registry = Registry.from_settings(Settings(store_dir=tmp_path, author="test"))
    with pytest.raises(InvalidInputError) as caught:
        import_legacy(registry, given, "var", trust=True)
    message = str(caught.value)
    assert message.startswith(f"the pickle's version {given!r} is not a version number: give the number of its")
    assert "var/<M_m_p>/model.pkl, such as 0_0_1" in message and "'latest'," not in message
    assert (caught.value.field, caught.value.value) == ("version", given)


def test_a_number_in_either_spelling_still_names_the_pickle(tmp_path):
    registry = Registry.from_settings(Settings(store_dir=tmp_path, author="test"))
    for given in ("0_0_1", "0.0.1"):
        with pytest.raises(Exception, match=r"there is no legacy pickle var/0_0_1/model\.pkl"):
            import_legacy(registry, given, "var", trust=True)
