"""Start and stop a real Dex (OpenID Connect provider) on a free loopback port for the tests.

Users live in Dex's password database with groups (Dex v2.45.0 and later): a viewer, a publisher and
an admin, each in a group of its own, plus a user in no group. Passwords are random per run. The
password grant is on for the local connector, so the REST tests get real tokens without a browser;
the Chromium test signs in through Dex's own login form.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import bcrypt

from tests.support.minio_server import PROJECT_DIR, free_port, stop_process

DEX_BIN = PROJECT_DIR / ".tools" / "bin" / "dex"
CLIENT_ID = "varlib-dashboard"
OTHER_CLIENT_ID = "another-app"  # a second client of the same provider: its tokens are not for varlib
GROUPS = {"viewer": "varlib-viewers", "publisher": "varlib-publishers", "admin": "varlib-admins"}


@dataclass(frozen=True)
class TestUser:
    __test__ = False  # not a test class, whatever pytest thinks of the name

    username: str
    name: str
    email: str
    groups: tuple[str, ...]
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12), repr=False)


def default_users() -> dict[str, TestUser]:
    return {
        "viewer": TestUser("vera", "Vera Viewer", "vera@example.test", (GROUPS["viewer"],)),
        "publisher": TestUser("paul", "Paul Publisher", "paul@example.test", (GROUPS["publisher"],)),
        "admin": TestUser("alice", "Alice Admin", "alice@example.test", (GROUPS["admin"],)),
        "nobody": TestUser("nora", "Nora Nogroup", "nora@example.test", ()),
    }


def oidc_required() -> bool:
    """CI (and VARLIB_REQUIRE_OIDC=1) must fail, never skip, when Dex cannot start."""
    return os.environ.get("CI", "").lower() in ("1", "true") or os.environ.get("VARLIB_REQUIRE_OIDC") == "1"


def dex_available() -> bool:
    return DEX_BIN.is_file() and os.access(DEX_BIN, os.X_OK)


@dataclass
class DexServer:
    """One `dex serve` process with memory storage, one confidential client and the test users."""

    workdir: Path
    redirect_uris: list[str] = field(default_factory=list)
    id_token_expiry: str = "10m"
    port: int = field(default_factory=free_port)
    client_secret: str = field(default_factory=lambda: secrets.token_urlsafe(24), repr=False)
    other_secret: str = field(default_factory=lambda: secrets.token_urlsafe(24), repr=False)
    users: dict[str, TestUser] = field(default_factory=default_users)
    process: subprocess.Popen | None = None

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}/dex"

    def config(self) -> dict:
        return {
            "issuer": self.issuer,
            "storage": {"type": "memory"},
            "web": {"http": f"127.0.0.1:{self.port}"},
            "logger": {"level": "warn"},
            "expiry": {"idTokens": self.id_token_expiry},
            "oauth2": {
                "skipApprovalScreen": True,
                "passwordConnector": "local",
                "grantTypes": ["authorization_code", "password", "refresh_token"],
            },
            "staticClients": [
                {
                    "id": CLIENT_ID,
                    "name": "VAR forecasts",
                    "secret": self.client_secret,
                    "redirectURIs": self.redirect_uris or [f"http://127.0.0.1:{self.port}/unused"],
                },
                {
                    "id": OTHER_CLIENT_ID,
                    "name": "Another app",
                    "secret": self.other_secret,
                    "redirectURIs": [f"http://127.0.0.1:{self.port}/other"],
                },
            ],
            "enablePasswordDB": True,
            "staticPasswords": [
                {
                    "email": user.email,
                    "username": user.username,
                    "name": user.name,
                    "userID": f"id-{user.username}",
                    # Dex refuses hashes below cost 10 at login
                    "hash": bcrypt.hashpw(user.password.encode(), bcrypt.gensalt(rounds=10)).decode(),
                    "groups": list(user.groups),
                }
                for user in self.users.values()
            ],
        }

    def start(self, timeout: float = 30.0) -> DexServer:
        self.workdir.mkdir(parents=True, exist_ok=True)
        config = self.workdir / "dex.json"  # JSON is YAML: Dex reads it as its config file
        config.write_text(json.dumps(self.config()))
        config.chmod(0o600)
        log = (self.workdir / "dex.log").open("ab")
        self.process = subprocess.Popen([str(DEX_BIN), "serve", str(config)], stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dex exited with {self.process.returncode}: {self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.issuer}/.well-known/openid-configuration", timeout=2):
                    return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"dex did not answer within {timeout:.0f} s: {self.log_tail()}")

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)

    def log_tail(self) -> str:
        path = self.workdir / "dex.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def tokens(self, role: str, scope: str = "openid profile email groups", other_client: bool = False) -> dict:
        """Real tokens for a test user through the password grant (access_token, id_token, ...); with
        `other_client`, tokens the provider issues to another application."""
        user = self.users[role]
        data = urllib.parse.urlencode(
            {"grant_type": "password", "username": user.email, "password": user.password, "scope": scope}
        ).encode()
        client, secret = (OTHER_CLIENT_ID, self.other_secret) if other_client else (CLIENT_ID, self.client_secret)
        basic = base64.b64encode(f"{client}:{secret}".encode()).decode()
        request = urllib.request.Request(
            f"{self.issuer}/token", data=data, headers={"Authorization": f"Basic {basic}"}, method="POST"
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())

    def access_token(self, role: str) -> str:
        return self.tokens(role)["access_token"]

    def env(self) -> dict[str, str]:
        """What the REST service needs to verify this provider's tokens."""
        return {"VARLIB_OIDC_ISSUER": self.issuer, "VARLIB_OIDC_AUDIENCE": CLIENT_ID}


def start_dex(workdir: Path, **options) -> DexServer:
    """A started Dex, or a failure (CI) / loud skip (elsewhere) saying why it could not start."""
    import pytest

    if not dex_available():
        message = "Dex binary .tools/bin/dex is missing: run `make test` (it builds it with scripts/get-dex.sh)"
        if oidc_required():
            pytest.fail(message)
        pytest.skip("!!! OIDC TESTS SKIPPED !!! " + message)
    server = DexServer(workdir, **options)
    try:
        return server.start()
    except RuntimeError as exc:
        if oidc_required():
            pytest.fail(f"Dex could not start: {exc}")
        pytest.skip(f"!!! OIDC TESTS SKIPPED !!! Dex could not start: {exc}")
