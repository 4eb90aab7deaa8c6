"""scripts/auth_secrets.py reads VARLIB_OIDC_ISSUER as the REST service does: an address without a scheme is
refused by name when the secrets file is written, not at the first sign-in."""

import importlib.util
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
ENV = {
    "VARLIB_OIDC_CLIENT_ID": "varlib-dashboard",
    "VARLIB_OIDC_CLIENT_SECRET": "client-secret",
    "VARLIB_OIDC_COOKIE_SECRET": "c" * 32,
    "VARLIB_OIDC_REDIRECT_URI": "http://localhost:8503/oauth2callback",
}


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("auth_secrets", PROJECT / "scripts" / "auth_secrets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_issuer_without_a_scheme_is_refused_by_name(script):
    with pytest.raises(SystemExit) as caught:
        script.render({**ENV, "VARLIB_OIDC_ISSUER": "dex:5556/dex"})
    assert "VARLIB_OIDC_ISSUER='dex:5556/dex' is not an http(s) address" in str(caught.value)


def test_an_http_issuer_gives_its_discovery_document(script):
    text = script.render({**ENV, "VARLIB_OIDC_ISSUER": " http://dex:5556/dex/ "})
    assert 'server_metadata_url = "http://dex:5556/dex/.well-known/openid-configuration"' in text
    assert script.render({name: value for name, value in ENV.items() if name != "VARLIB_OIDC_ISSUER"}) is None


def test_an_empty_issuer_is_refused_not_taken_for_no_sign_in(script):
    """An unset variable expanded into an empty one switched the dashboard's sign-in off without a word, where the
    REST service refuses it (varlib.config.given)."""
    with pytest.raises(SystemExit) as caught:
        script.render({**ENV, "VARLIB_OIDC_ISSUER": " "})
    assert "VARLIB_OIDC_ISSUER is set but empty" in str(caught.value)
