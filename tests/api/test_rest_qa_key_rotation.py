"""A provider's new signing key is taken with its first token, not 30 s later (PyJWT's default wait between
fetches for a key id it does not know); and a flood of tokens with made-up key ids still costs the provider at
most one fetch of its key set a second (varlib.tokens.JWKS_REFETCH_S)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.api.conftest import bearer
from tests.api.local_store import local_client, local_registry
from tests.support.json_server import json_server
from tests.support.minio_server import free_port
from tests.support.oidc_server import CLIENT_ID, DexServer, start_dex
from varlib import AuthenticationError, AuthSettings, TokenVerifier, tokens

ALIAS = "/models/var/aliases/champion"


def test_a_restarted_dex_with_new_keys_is_trusted_at_once(tmp_path, macro_result):
    """Dex on memory storage makes new signing keys when it restarts: the first token it then issues works."""
    first = start_dex(tmp_path / "dex-1")
    settings, _ = local_registry(tmp_path / "store", macro_result, versions=1)
    try:
        for http in local_client(settings, AuthSettings(issuer=first.issuer, audience=CLIENT_ID)):
            old = first.access_token("admin")
            answer = http.put(ALIAS, json={"version": "0.0.1"}, headers=bearer(old))
            assert answer.status_code == 200, answer.text  # the key set is now kept
            first.stop()
            again = DexServer(
                tmp_path / "dex-2", port=first.port, client_secret=first.client_secret, users=first.users
            ).start()
            try:
                token = again.access_token("admin")
                assert jwt.get_unverified_header(token)["kid"] != jwt.get_unverified_header(old)["kid"]  # rotated
                answer = http.put(ALIAS, json={"version": "0.0.1"}, headers=bearer(token))
                assert answer.status_code == 200, answer.text
            finally:
                again.stop()
    finally:
        first.stop()


class _Provider:
    """An identity provider on loopback: its discovery document and a key set that can change, counted."""

    def __init__(self) -> None:
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.keys: dict[str, rsa.RSAPrivateKey] = {}
        self.fetches = 0
        self.rotate()

    def rotate(self) -> str:
        """Replace the signing key with a new one; its key id."""
        kid = f"key-{len(self.keys) + 1}"
        self.keys = {kid: rsa.generate_private_key(public_exponent=65537, key_size=2048)}
        return kid

    def token(self, kid: str | None = None) -> str:
        kid = kid or next(iter(self.keys))
        key = self.keys.get(kid) or next(iter(self.keys.values()))  # a made-up kid: signed, but by no key it names
        now = int(time.time())
        claims = {"iss": self.issuer, "aud": CLIENT_ID, "sub": "s", "iat": now, "exp": now + 300}
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})

    def answer(self, path: str) -> dict:
        if path.endswith("/.well-known/openid-configuration"):
            return {"issuer": self.issuer, "jwks_uri": f"{self.issuer}/keys"}
        self.fetches += 1
        keys = [
            {**json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(k.public_key())), "kid": kid, "use": "sig"}
            for kid, k in self.keys.items()
        ]
        return {"keys": keys}


@pytest.fixture
def provider() -> Iterator[_Provider]:
    served = _Provider()
    with json_server(served.answer, served.port):
        yield served


def test_a_rotated_key_is_fetched_with_its_first_token(provider):
    verifier = TokenVerifier(AuthSettings(issuer=provider.issuer, audience=CLIENT_ID))
    assert verifier.verify(provider.token())["sub"] == "s"
    new = provider.rotate()  # right after the set was fetched: no wait is owed to that fetch
    assert verifier.verify(provider.token(new))["sub"] == "s"
    assert provider.fetches == 2


def test_requests_that_bring_a_new_key_together_are_all_taken_for_one_fetch(provider):
    verifier = TokenVerifier(AuthSettings(issuer=provider.issuer, audience=CLIENT_ID))
    verifier.verify(provider.token())
    token = provider.token(provider.rotate())
    with ThreadPoolExecutor(8) as pool:  # the first fetches the set; the others wait for it and find the key
        subjects = list(pool.map(lambda _: verifier.verify(token)["sub"], range(8)))
    assert subjects == ["s"] * 8 and provider.fetches == 2


def test_a_flood_of_unknown_key_ids_fetches_the_set_at_most_once_a_second(provider, monkeypatch):
    verifier = TokenVerifier(AuthSettings(issuer=provider.issuer, audience=CLIENT_ID))
    verifier.verify(provider.token())
    # the verifier's clock, moved by hand: a loaded machine that took over a second for the flood let a second
    # fetch in by right, and the count below then failed by chance
    now = [time.monotonic()]
    monkeypatch.setattr(tokens, "time", SimpleNamespace(monotonic=lambda: now[0]))
    for number in range(50):
        with pytest.raises(AuthenticationError, match="signed with a key that"):
            verifier.verify(provider.token(f"made-up-{number}"))
    assert provider.fetches == 2  # the first look, and one fetch for the whole flood
    now[0] += 1.1
    with pytest.raises(AuthenticationError):
        verifier.verify(provider.token("made-up-later"))
    assert provider.fetches == 3
