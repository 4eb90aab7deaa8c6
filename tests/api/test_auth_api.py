"""REST sign-in against a real Dex: writes need a verified token with the admin role, refusals are
401/403 in the usual error JSON, the trail names the token's identity; aliases and withdrawals over
HTTP; expired, foreign and tampered tokens; closed reads (metrics and JSON logs: test_metrics_logs_api)."""

from __future__ import annotations

import base64
import json
import time

import httpx
import jwt
import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import bearer, samples, start_server
from tests.conftest import new_bucket
from tests.support.minio_server import free_port, stop_process
from tests.support.oidc_server import CLIENT_ID, start_dex
from varlib import AuthSettings, Registry, RolePolicy, parse_version, publish_result
from varlib.api import create_app
from varlib.api.caching import WITHDRAWALS_FRESH_S
from varlib.api.docs_page import ASSETS

pytestmark = pytest.mark.minio


@pytest.fixture(scope="module")
def secured(minio, dex, macro_result, tmp_path_factory):
    """`varlib serve` in its own process on a fresh bucket with three versions, verifying Dex's tokens."""
    bucket = new_bucket()
    registry = Registry.from_settings(minio.settings(bucket, author="api-test"))
    for _ in range(3):
        publish_result(registry, macro_result, "var")
    env = {**minio.env(bucket), **dex.env()}
    process, url = start_server(env, tmp_path_factory.mktemp("secured") / "serve.log")
    yield url, registry
    stop_process(process)


def test_writes_need_a_token_and_the_admin_role(secured, dex):
    url, registry = secured
    with httpx.Client(base_url=url, timeout=30) as http:
        missing = http.put("/models/var/aliases/champion", json={"version": "0.0.2"})
        assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
        assert missing.json()["type"] == "AuthenticationError" and "bearer token" in missing.json()["error"]
        for role in ("viewer", "publisher", "nobody"):  # a viewer forging an admin request, and the others
            refused = http.put(
                "/models/var/aliases/champion", json={"version": "0.0.2"}, headers=bearer(dex.access_token(role))
            )
            assert refused.status_code == 403, (role, refused.text)
            assert refused.json()["type"] == "AccessDeniedError" and "needs the admin role" in refused.json()["error"]
            assert refused.json()["error"].endswith("to add them to the group `varlib-admins`")  # what to do
        assert registry.aliases("var") == []  # nothing moved
        admin = bearer(dex.access_token("admin"))
        moved = http.put("/models/var/aliases/@champion", json={"version": "0.0.2"}, headers=admin)
        assert moved.status_code == 200, moved.text
        assert moved.json()["version"] == "0.0.2" and moved.json()["actor"]["name"] == "Alice Admin"
        forecast = http.post("/models/var/versions/@champion/forecast", json={"steps": 3})
        assert forecast.status_code == 200 and forecast.json()["version"] == "0.0.2"
        assert http.get("/models/var/versions/@champion").json()["version"] == "0.0.2"
        assert [(a["alias"], a["withdrawn"]) for a in http.get("/models/var/aliases").json()] == [("champion", False)]

        pinned = {"steps": 3}  # answered, then kept by the pinned-response cache and the forecast-answer cache
        for _ in range(2):
            assert http.post("/models/var/versions/0.0.2/forecast", json=pinned).json()["withdrawn"] is None
        forwarded = {**admin, "X-Forwarded-For": "6.6.6.6"}  # no proxy is trusted: the trail keeps the peer's address
        withdrawn = http.post(
            "/models/var/versions/0.0.2/withdraw", json={"reason": "leaky holdout"}, headers=forwarded
        )
        assert withdrawn.status_code == 200, withdrawn.text
        time.sleep(WITHDRAWALS_FRESH_S + 0.2)  # what the service knows of withdrawals is at most this old
        for path in ("/models/var/versions/0.0.2/forecast", "/models/var/versions/0_0_2/forecast"):
            kept = http.post(path, json=pinned)  # the same request: not the answer kept from before
            assert kept.status_code == 200 and kept.json()["withdrawn"]["reason"] == "leaky holdout", path
        assert http.get("/var_predict/0.0.2?future_periods=2").json()["withdrawn"]["reason"] == "leaky holdout"
        assert http.post("/models/var/versions/latest/forecast", json=pinned).json()["withdrawn"] is None
        assert http.get("/models/var/aliases").json()[0]["withdrawn"] is True  # as `alias list --json` says it
        gone = http.post("/models/var/versions/@champion/forecast", json={"steps": 3})
        assert gone.status_code == 410 and gone.json()["type"] == "WithdrawnError"
        assert "which was withdrawn" in gone.json()["error"]
        assert http.get("/models/var/versions/0.0.2").json()["withdrawn"]["reason"] == "leaky holdout"
        again = http.post("/models/var/versions/0.0.2/withdraw", json={"reason": "again"}, headers=admin)
        assert again.status_code == 409
        anonymous = http.get("/models/var/history")  # open reads, but the trail names people and addresses
        assert anonymous.status_code == 401 and "names people" in anonymous.json()["error"]
        history = http.get("/models/var/history", headers=bearer(dex.access_token("viewer"))).json()
        assert [r["action"] for r in history[:2]] == ["withdraw", "alias.set"]
        actor = history[0]["actor"]
        claims = json.loads(base64.urlsafe_b64decode(dex.access_token("admin").split(".")[1] + "=="))
        assert actor == {"name": "Alice Admin", "subject": claims["sub"], "issuer": dex.issuer, "via": "rest",
                         "origin": "127.0.0.1"}  # fmt: skip
        assert http.delete("/models/var/aliases/champion", headers=admin).status_code == 200


def test_a_token_without_groups_says_so_rather_than_blame_the_groups(secured, dex):
    """Alice is an admin, but a token asked for without the `groups` scope cannot say so."""
    url, registry = secured
    token = dex.tokens("admin", scope="openid profile email")["access_token"]
    with httpx.Client(base_url=url, timeout=30) as http:
        refused = http.put("/models/var/aliases/nogroups", json={"version": "0.0.1"}, headers=bearer(token))
    assert refused.status_code == 403, refused.text
    message = refused.json()["error"]
    assert (
        "has viewer; the token carries no `groups` claim: if they are in `varlib-admins` already, get a token"
        in message
    )
    assert "the `groups` scope" in message and message.endswith("to add them to the group `varlib-admins`")
    assert "nogroups" not in [alias.alias for alias in registry.aliases("var")]


def test_foreign_tampered_and_malformed_tokens_are_refused(secured, dex):
    url, registry = secured
    admin_token = dex.access_token("admin")
    header, payload, signature = admin_token.split(".")
    viewer_claims = json.loads(base64.urlsafe_b64decode(dex.access_token("viewer").split(".")[1] + "=="))
    viewer_claims["groups"] = ["varlib-admins"]  # a viewer edits its own token's groups: the signature breaks
    forged = ".".join(
        [header, base64.urlsafe_b64encode(json.dumps(viewer_claims).encode()).decode().rstrip("="), signature]
    )
    foreign = dex.tokens("admin", other_client=True)["access_token"]  # same provider, another application
    with httpx.Client(base_url=url, timeout=30) as http:
        for token in (forged, foreign, "not-a-jwt", admin_token + "x"):
            answer = http.put("/models/var/aliases/staging", json={"version": "0.0.1"}, headers=bearer(token))
            assert answer.status_code == 401, answer.text
            assert answer.json()["type"] == "AuthenticationError"
            if token is forged:  # it reads as a token: said to be altered, not "not a JWT"
                assert "signature does not match its contents" in answer.json()["error"], answer.text
        said = http.put("/models/var/aliases/staging", json={"version": "0.0.1"}, headers=bearer(foreign)).json()
        assert said["error"].startswith(f"the bearer token was issued for another application, not for {CLIENT_ID!r}")
        assert "sign in again" not in said["error"]  # it would not help: the same client issues the same audience
        no_json = base64.urlsafe_b64encode(b"not json").decode().rstrip("=")  # a header that reads, then this
        for garbled in ("not-a-jwt", "abc.def.ghi", f"{header}.{no_json}.{signature}"):  # said as what it is
            said = http.put("/models/var/aliases/staging", json={"version": "0.0.1"}, headers=bearer(garbled))
            assert said.status_code == 401 and "is not a token the identity provider issued" in said.json()["error"]
            assert "codec" not in said.json()["error"], said.json()["error"]
            assert said.headers["www-authenticate"] == 'Bearer realm="varlib", error="invalid_token"'  # RFC 6750
        unsigned = jwt.encode(viewer_claims, None, algorithm="none")  # claims an admin's groups, with no signature
        shared = jwt.encode(viewer_claims, "a secret guessed or leaked", algorithm="HS256")
        for token, how in ((unsigned, "is not signed at all (alg none)"), (shared, "is signed with 'HS256'")):
            said = http.put("/models/var/aliases/staging", json={"version": "0.0.1"}, headers=bearer(token))
            assert said.status_code == 401 and f"the bearer token {how}, and this service" in said.json()["error"]
    assert registry.alias("var", "staging") is None


def test_an_expired_token_is_refused(minio, macro_result, tmp_path):
    # a provider of its own with short tokens: long enough for the first request, which also fetches the provider's
    # keys (its `exp` is whole seconds, so a 2 s token left as little as 1 s for it on a loaded machine)
    short = start_dex(tmp_path / "dex-short", id_token_expiry="6s")
    try:
        settings = minio.settings(new_bucket(), author="t")
        publish_result(Registry.from_settings(settings), macro_result, "var")
        auth = AuthSettings(issuer=short.issuer, audience=CLIENT_ID)
        with TestClient(create_app(settings, auth)) as http:
            token = short.access_token("admin")
            assert (
                http.put("/models/var/aliases/a", json={"version": "0.0.1"}, headers=bearer(token)).status_code == 200
            )
            time.sleep(7.5)
            late = http.put("/models/var/aliases/a", json={"version": "0.0.1"}, headers=bearer(token))
            assert late.status_code == 401 and "expired" in late.json()["error"]
    finally:
        short.stop()


def test_closed_reads_need_the_viewer_role_and_no_provider_means_no_writes(minio, dex, macro_result):
    settings = minio.settings(new_bucket(), author="t")
    publish_result(Registry.from_settings(settings), macro_result, "var")
    viewers_only = RolePolicy(viewer_groups=frozenset({"varlib-viewers"}))  # not every signed-in user
    closed = AuthSettings(issuer=dex.issuer, audience=CLIENT_ID, open_reads=False, policy=viewers_only)
    with TestClient(create_app(settings, closed)) as http:
        assert http.get("/models").status_code == 401
        assert http.post("/models/var/versions/0.0.1/forecast", json={"steps": 2}).status_code == 401
        assert http.get("/health").status_code == 200 and http.get("/metrics").status_code == 200
        assert http.get("/ready").json() == {"status": "ready", "store": None}  # open to all: no store address
        for path in ("/docs", *ASSETS):  # the API page works before anyone signs in
            assert http.get(path).status_code == 200, path
        viewer = bearer(dex.access_token("viewer"))
        assert http.get("/models", headers=viewer).json() == {"models": ["var"]}
        assert http.post("/models/var/versions/0.0.1/forecast", json={"steps": 2}, headers=viewer).status_code == 200
        assert http.get("/models", headers=bearer(dex.access_token("nobody"))).status_code == 403
        assert http.get("/models/var/history").status_code == 401
        assert [r["action"] for r in http.get("/models/var/history", headers=viewer).json()] == ["publish"]
    with TestClient(create_app(settings, AuthSettings())) as http:  # no provider configured: reads only
        refused = http.put("/models/var/aliases/a", json={"version": "0.0.1"})
        assert refused.status_code == 403 and "no identity provider configured" in refused.json()["error"]
        assert http.get("/models").status_code == 200
        assert http.get("/models/var/history").status_code == 200  # one person's service: the trail is theirs
        assert http.get("/ready").json()["store"] == Registry.from_settings(settings).description


def test_an_unreachable_provider_is_a_503_not_a_pass(minio, dex, macro_result):
    settings = minio.settings(new_bucket(), author="t")
    publish_result(Registry.from_settings(settings), macro_result, "var")
    gone = AuthSettings(issuer=f"http://127.0.0.1:{free_port()}/dex", audience=CLIENT_ID)
    with TestClient(create_app(settings, gone)) as http:
        answer = http.put("/models/var/aliases/a", json={"version": "0.0.1"}, headers=bearer(dex.access_token("admin")))
        ready = http.get("/ready")
        got = samples(http.get("/metrics").text)
    assert answer.status_code == 503 and "identity provider" in answer.json()["error"]
    # named apart from the store's failures: a client that tells them by `type` does not blame the store
    assert answer.json()["type"] == ready.json()["type"] == "ProviderUnavailableError"
    assert got[("varlib_auth_refusals_total", (("status", "503"),))] == 2
    assert ("varlib_store_errors_total", (("type", "ProviderUnavailableError"),)) not in got
    assert Registry.from_settings(settings).aliases("var") == []


def test_a_write_with_an_unreadable_body_is_signed_in_first(secured, dex):
    url, registry = secured
    json_type = {"Content-Type": "application/json"}
    with httpx.Client(base_url=url, timeout=30) as http:
        for body in (b"notjson", b'{"reason": "a", "reason": "b"}'):
            post = lambda headers, body=body: http.post(  # noqa: E731
                "/models/var/versions/0.0.1/withdraw", content=body, headers={**json_type, **headers}
            )
            assert post({}).status_code == 401  # who asks comes first: nothing about the body to a stranger
            assert post(bearer(dex.access_token("viewer"))).status_code == 403
            allowed = post(bearer(dex.access_token("admin")))
            assert allowed.status_code == 422 and allowed.json()["type"] == "InvalidInputError", allowed.text
        empty = http.post("/models/var/versions/0.0.1/withdraw", headers=bearer(dex.access_token("admin")))
        said = empty.json()["error"]  # `{}` would be refused too: the field it cannot do without is named
        assert empty.status_code == 422 and "a JSON object (with Content-Type: application/json), with `reason`" in said
    assert registry.withdrawal("var", parse_version("0.0.1")) is None


def test_a_refusal_of_a_token_without_a_name_says_its_subject_is_an_id(secured, dex):
    """A token asked for without the `profile` and `email` scopes carries no name: the refusal says who it is by
    the provider's subject, said to be an id, not read as a name ("CiQw... has viewer")."""
    url, _ = secured
    token = dex.tokens("viewer", scope="openid groups")["access_token"]
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert "name" not in claims and "email" not in claims  # what the provider issues for these scopes
    with httpx.Client(base_url=url, timeout=30) as http:
        refused = http.put("/models/var/aliases/nameless", json={"version": "0.0.1"}, headers=bearer(token))
    assert refused.status_code == 403, refused.text
    assert f"; an account known only by its id {claims['sub']} has viewer" in refused.json()["error"]
