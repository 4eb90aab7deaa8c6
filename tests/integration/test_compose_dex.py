"""The sign-in profile's Dex, started as its container starts it: docker/dex-start.sh on docker/dex.yaml with the
pinned Dex. Dex expands no `$NAME` in `issuer` or `redirectURIs`, so the config as shipped served the issuer
`$VARLIB_OIDC_ISSUER` and the profile's dashboard and REST service never found their provider."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import bcrypt
import pytest

from tests.support.minio_server import PROJECT_DIR, free_port, stop_process
from tests.support.oidc_server import CLIENT_ID, DEX_BIN, dex_available, oidc_required

PASSWORD = "admin password"


@pytest.fixture
def compose_dex(tmp_path):
    """Dex on a loopback port, given the environment docker-compose.yml gives the `dex` service."""
    if not dex_available():
        message = "Dex binary .tools/bin/dex is missing: run `make test` (it builds it with scripts/get-dex.sh)"
        pytest.fail(message) if oidc_required() else pytest.skip(message)
    port = free_port()
    digest = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=10)).decode()
    env = {
        **os.environ,
        "PATH": f"{DEX_BIN.parent}{os.pathsep}{os.environ['PATH']}",
        "TMPDIR": str(tmp_path),
        "VARLIB_OIDC_ISSUER": f"http://127.0.0.1:{port}/dex",
        "VARLIB_OIDC_REDIRECT_URI": f"http://127.0.0.1:{port}/oauth2callback",
        "VARLIB_OIDC_CLIENT_SECRET": "client-secret",
        **{f"VARLIB_DEX_{role}_HASH": digest for role in ("ADMIN", "PUBLISHER", "VIEWER")},
    }
    command = ["sh", str(PROJECT_DIR / "docker" / "dex-start.sh"), str(PROJECT_DIR / "docker" / "dex.yaml")]
    log = (tmp_path / "dex.log").open("wb")
    process = subprocess.Popen([*command, "--web-http-addr", f"127.0.0.1:{port}"], env=env, stdout=log, stderr=log)
    try:
        yield env
    finally:
        stop_process(process)
        log.close()


def _discovery(issuer: str, timeout: float = 30.0) -> dict:
    """The provider's discovery document at the issuer the environment names, once Dex answers."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration", timeout=2) as answer:
                return json.loads(answer.read())
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_dex_serves_the_issuer_and_redirect_address_the_environment_names(compose_dex):
    issuer = compose_dex["VARLIB_OIDC_ISSUER"]
    assert _discovery(issuer)["issuer"] == issuer
    query = urllib.parse.urlencode(
        {
            "client_id": CLIENT_ID,
            "redirect_uri": compose_dex["VARLIB_OIDC_REDIRECT_URI"],
            "response_type": "code",
            "scope": "openid",
            "state": "s",
        }
    )
    with urllib.request.urlopen(f"{issuer}/auth?{query}", timeout=10) as login:  # an unknown address: a 400
        assert login.status == 200 and "password" in login.read().decode().lower()


def test_the_readme_password_grant_gives_the_admin_a_token_with_the_group(compose_dex):
    """README, "Sign-in and roles": TOKEN=$(curl -u varlib-dashboard:$SECRET -d grant_type=password ...)."""
    issuer = compose_dex["VARLIB_OIDC_ISSUER"]
    _discovery(issuer)
    data = {"grant_type": "password", "username": "admin@example.com", "password": PASSWORD}
    data["scope"] = "openid profile email groups"
    basic = base64.b64encode(f"{CLIENT_ID}:{compose_dex['VARLIB_OIDC_CLIENT_SECRET']}".encode()).decode()
    request = urllib.request.Request(
        f"{issuer}/token", data=urllib.parse.urlencode(data).encode(), headers={"Authorization": f"Basic {basic}"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        tokens = json.loads(answer.read())
    claims = tokens["id_token"].split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))
    assert claims["iss"] == issuer and claims["groups"] == ["varlib-admins"]


def test_the_image_starts_dex_through_the_script():
    """The tests above run docker/dex-start.sh: the image must run it too, with envsubst installed."""
    dockerfile = (PROJECT_DIR / "docker" / "dex.Dockerfile").read_text()
    assert "COPY docker/dex-start.sh /usr/local/bin/dex-start" in dockerfile and "gettext-base" in dockerfile
    assert 'ENTRYPOINT ["dex-start", "/etc/dex/config.yaml"]' in dockerfile
