"""/ready with sign-in configured: ready only while the identity provider answers (a real Dex), a 503 naming
the provider when it cannot be reached, since every write would then answer 503."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import AuthSettings


@pytest.fixture(scope="module")
def settings(macro_result, tmp_path_factory):
    return local_registry(tmp_path_factory.mktemp("ready"), macro_result, versions=1)[0]


def test_ready_names_an_unreachable_provider(settings):
    issuer = "http://127.0.0.1:8797"  # nothing listens there
    for client in local_client(settings, AuthSettings(issuer=issuer, audience="varlib")):
        answer = client.get("/ready")
        assert answer.status_code == 503, answer.text
        assert answer.json()["type"] == "ProviderUnavailableError" and issuer in answer.json()["error"]
        assert client.head("/ready").status_code == 503


def test_ready_with_a_reachable_provider(settings, dex):
    for client in local_client(settings, AuthSettings.from_env(dex.env())):
        answer = client.get("/ready")
        assert answer.status_code == 200 and answer.json()["status"] == "ready", answer.text
