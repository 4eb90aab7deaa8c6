"""A setting set to an empty value (`VARLIB_STORE_DIR=$DIR` in a CI job where DIR is unset) is refused by name,
never read as its default: an empty store folder used to publish into the working directory. VARLIB_AUTHOR and
the MinIO keys are the exceptions README names (empty is unset). Yes/no settings take 1/0, true/false, yes/no and
on/off, and refuse anything else by its value."""

from __future__ import annotations

import pytest

from varlib import AuthSettings, InvalidInputError, Settings
from varlib.logs import logging_config

SIGN_IN = {"VARLIB_OIDC_ISSUER": "http://127.0.0.1:5556/dex", "VARLIB_OIDC_AUDIENCE": "varlib"}
STORE = {
    "VARLIB_STORE_DIR": "local-store/ in the working directory",
    "MINIO_ENDPOINT": "the local store folder (VARLIB_STORE_DIR)",
    "MINIO_BUCKET": "the default bucket, models",
    "MINIO_SECURE": "its default, 0",
    "MINIO_CA_BUNDLE": "the system's CAs",
    "VARLIB_READ_ONLY": "its default, 0",
    "VARLIB_MAX_ARTIFACT_BYTES": "its default, 16777216",
    "VARLIB_STORE_TIMEOUT": "its default, 5",
    "VARLIB_REFRESH_SECONDS": "its default, 15",
}
SIGN_IN_SETTINGS = ["VARLIB_OIDC_ISSUER", "VARLIB_API_OPEN_READS", "VARLIB_OIDC_JWKS_SECONDS", "VARLIB_ROLES_CLAIM"]


@pytest.mark.parametrize("blank", ["", "  "])
@pytest.mark.parametrize("name", STORE)
def test_an_empty_store_setting_is_refused_by_name(name, blank):
    with pytest.raises(InvalidInputError) as refused:
        Settings.from_env({name: blank})
    assert str(refused.value).startswith(f"{name} is set but empty: give ")
    assert str(refused.value).endswith(f", or unset it to use {STORE[name]}")
    assert (refused.value.field, refused.value.value) == (name, blank)


@pytest.mark.parametrize("name", SIGN_IN_SETTINGS)
def test_an_empty_sign_in_setting_is_refused_by_name(name):
    # an empty issuer read as unset served the REST service with no sign-in at all
    with pytest.raises(InvalidInputError, match=f"^{name} is set but empty: give "):
        AuthSettings.from_env({**SIGN_IN, name: ""})


def test_an_empty_log_format_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("VARLIB_LOG_FORMAT", "")
    with pytest.raises(InvalidInputError, match="^VARLIB_LOG_FORMAT is set but empty: give json or text, or unset"):
        logging_config()


def test_empty_author_and_keys_are_unset_as_readme_says():
    settings = Settings.from_env({"VARLIB_AUTHOR": "", "MINIO_ACCESS_KEY": "", "MINIO_SECRET_KEY": ""})
    assert settings.anonymous and settings.author != ""


@pytest.mark.parametrize(
    ("raw", "value"),
    [(w, True) for w in ("1", "true", "YES", " on")] + [(w, False) for w in ("0", "false", "no", "Off")],
)
def test_yes_no_settings_take_these_words(raw, value):
    assert Settings.from_env({"VARLIB_READ_ONLY": raw}).read_only is value


@pytest.mark.parametrize("raw", ["maybe", "2", "y"])
def test_any_other_yes_no_value_is_refused_naming_it(raw):
    with pytest.raises(InvalidInputError) as refused:
        Settings.from_env({"VARLIB_READ_ONLY": raw})
    assert str(refused.value) == (
        f"VARLIB_READ_ONLY={raw!r} is not a yes/no value: use 1 or 0 (also true/false, yes/no, on/off)"
    )
