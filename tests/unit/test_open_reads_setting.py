"""VARLIB_API_OPEN_READS is a yes/no setting like the others: a typo is refused by name, not read as "no"."""

from __future__ import annotations

import pytest

from varlib import AuthSettings, InvalidInputError

SIGN_IN = {"VARLIB_OIDC_ISSUER": "http://127.0.0.1:5556/dex", "VARLIB_OIDC_AUDIENCE": "varlib"}


@pytest.mark.parametrize(("raw", "open_reads"), [(None, True), ("", True), ("1", True), ("yes", True), ("0", False)])
def test_open_reads_reads_yes_and_no(raw, open_reads):
    env = SIGN_IN | ({} if raw is None else {"VARLIB_API_OPEN_READS": raw})
    assert AuthSettings.from_env(env).open_reads is open_reads


@pytest.mark.parametrize("raw", ["ture", "maybe", "2"])
def test_a_value_that_is_neither_is_refused_by_name(raw):
    with pytest.raises(InvalidInputError, match=rf"VARLIB_API_OPEN_READS='{raw}' is not a yes/no value"):
        AuthSettings.from_env(SIGN_IN | {"VARLIB_API_OPEN_READS": raw})
