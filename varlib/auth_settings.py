"""The REST service's sign-in settings from the environment: the identity provider (VARLIB_OIDC_ISSUER), the
audience its tokens must be issued for, whether reads need a viewer's token (VARLIB_API_OPEN_READS), how long the
provider's keys are kept, the clock skew tolerated and the roles' groups. A half-configured sign-in is refused at
start, naming the setting, rather than served as something else (varlib.tokens verifies the tokens).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .config import given, whole_number_setting, yes_no_setting
from .errors import InvalidInputError
from .roles import RolePolicy

MAX_LEEWAY_S = 300  # clock skew tolerated on exp/iat: more would keep an expired token working for long


@dataclass(frozen=True)
class AuthSettings:
    """Sign-in for the REST service: off unless VARLIB_OIDC_ISSUER is set."""

    issuer: str | None = None
    audience: str | None = None  # VARLIB_OIDC_AUDIENCE, else the dashboard's client id
    open_reads: bool = True  # VARLIB_API_OPEN_READS=0 makes reads need the viewer role too
    jwks_seconds: int = 300
    leeway_s: int = 0  # clock skew tolerated on exp/iat
    policy: RolePolicy = field(default_factory=RolePolicy)

    def __post_init__(self) -> None:
        # without a scheme the service would start, then answer every write and /ready with urllib's
        # "unknown url type": refused at start instead, as a bad VARLIB_OIDC_JWKS_SECONDS is
        where = urlparse(self.issuer or "")
        if self.issuer is not None and (where.scheme not in ("http", "https") or not where.netloc):
            raise InvalidInputError(
                f"VARLIB_OIDC_ISSUER={self.issuer!r} is not an http(s) address; give the provider's issuer as its"
                " discovery document names it, scheme included (e.g. https://id.example.com/dex)",
                field="VARLIB_OIDC_ISSUER",
                value=self.issuer,
            )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AuthSettings:
        env = os.environ if env is None else env
        # empty is refused, not read as no sign-in: a CI secret that expanded to nothing would serve writes unchecked
        issuer = given(env, "VARLIB_OIDC_ISSUER", "the provider's http(s) address", "no sign-in")
        issuer = (issuer or "").strip().rstrip("/") or None
        audience = (env.get("VARLIB_OIDC_AUDIENCE") or env.get("VARLIB_OIDC_CLIENT_ID") or "").strip() or None
        if issuer and not audience:
            raise InvalidInputError(
                "VARLIB_OIDC_ISSUER is set but no audience: set VARLIB_OIDC_AUDIENCE (or VARLIB_OIDC_CLIENT_ID) to"
                " the client id the provider issues the tokens for"
            )
        open_reads = yes_no_setting("VARLIB_API_OPEN_READS", env, default=True)
        if not open_reads and not issuer:
            # closed reads check a token, which needs a provider to verify it: without one every read would stay
            # open, the opposite of what the setting asks, and nothing would say so
            raw = (env.get("VARLIB_API_OPEN_READS") or "").strip()  # as written: `no`, `false` and `off` too
            raise InvalidInputError(
                f"VARLIB_API_OPEN_READS={raw} makes REST reads need a signed-in viewer, but VARLIB_OIDC_ISSUER is not"
                " set, so no token could be verified: set VARLIB_OIDC_ISSUER and VARLIB_OIDC_AUDIENCE, or unset"
                " VARLIB_API_OPEN_READS to leave reads open",
                field="VARLIB_API_OPEN_READS",
                value=raw,
            )
        return cls(
            issuer=issuer,
            audience=audience,
            open_reads=open_reads,
            jwks_seconds=whole_number_setting("VARLIB_OIDC_JWKS_SECONDS", env, 300, 1, 86_400),
            leeway_s=whole_number_setting("VARLIB_OIDC_LEEWAY_SECONDS", env, 0, 0, MAX_LEEWAY_S),
            policy=RolePolicy.from_env(env),
        )

    @property
    def enabled(self) -> bool:
        return self.issuer is not None
