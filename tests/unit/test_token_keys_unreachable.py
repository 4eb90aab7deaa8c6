"""While the provider's key set cannot be fetched, every token is answered with a 503 (ProviderUnavailableError),
whatever it is: a malformed or wrongly signed one must not get a 401 that sends its holder to sign in again."""

from __future__ import annotations

import pytest

from tests.support.json_server import json_server
from tests.support.minio_server import free_port
from varlib import AuthSettings, ProviderUnavailableError, TokenVerifier


@pytest.fixture
def issuer():
    """A provider that publishes its discovery document, whose key set lives on a port nothing listens on."""
    port = free_port()
    issuer, keys = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{free_port()}/keys"  # nothing listens there
    with json_server(lambda path: {"issuer": issuer, "jwks_uri": keys}, port):
        yield issuer


@pytest.mark.parametrize("token", ["abc", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"])
def test_a_bad_token_is_a_503_while_the_keys_cannot_be_fetched(issuer, token):
    with pytest.raises(ProviderUnavailableError):
        TokenVerifier(AuthSettings(issuer=issuer, audience="varlib")).verify(token)
