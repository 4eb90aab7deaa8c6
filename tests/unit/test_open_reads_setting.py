"""VARLIB_API_OPEN_READS is a yes/no setting like the others: a typo is refused by name, not read as "no"; and
closed reads without a provider to verify tokens are refused, not served open."""

from __future__ import annotations

import pytest

from varlib import AuthSettings, InvalidInputError

SIGN_IN = {"VARLIB_OIDC_ISSUER": "http://127.0.0.1:5556/dex", "VARLIB_OIDC_AUDIENCE": "varlib"}


@pytest.mark.parametrize(("raw", "open_reads"), [(None, True), ("1", True), ("yes", True), ("0", False)])
def test_open_reads_reads_yes_and_no(raw, open_reads):
    env = SIGN_IN | ({} if raw is None else {"VARLIB_API_OPEN_READS": raw})
    assert AuthSettings.from_env(env).open_reads is open_reads


@pytest.mark.parametrize("raw", ["ture", "maybe", "2"])
def test_a_value_that_is_neither_is_refused_by_name(raw):
    with pytest.raises(InvalidInputError, match=rf"VARLIB_API_OPEN_READS='{raw}' is not a yes/no value"):
        AuthSettings.from_env(SIGN_IN | {"VARLIB_API_OPEN_READS": raw})


@pytest.mark.parametrize("issuer", [None, "/"])
def test_closed_reads_without_a_provider_are_refused_not_served_open(issuer):
    # no issuer, no token can be verified: the service used to start and answer every read to anyone
    env = {"VARLIB_API_OPEN_READS": "0"} | ({} if issuer is None else {"VARLIB_OIDC_ISSUER": issuer})
    with pytest.raises(InvalidInputError, match="VARLIB_API_OPEN_READS=0 .* VARLIB_OIDC_ISSUER is not set") as refused:
        AuthSettings.from_env(env)
    assert refused.value.field == "VARLIB_API_OPEN_READS"
    assert AuthSettings.from_env({"VARLIB_API_OPEN_READS": "1"}).open_reads  # open reads need no provider


@pytest.mark.parametrize("raw", ["no", "false", "off"])
def test_the_refusal_names_the_value_as_written(raw):
    # it said VARLIB_API_OPEN_READS=0 whatever the setting held
    with pytest.raises(InvalidInputError, match=rf"^VARLIB_API_OPEN_READS={raw} makes REST reads need") as refused:
        AuthSettings.from_env({"VARLIB_API_OPEN_READS": raw})
    assert refused.value.value == raw
