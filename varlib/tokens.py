"""Bearer tokens of the identity provider, verified: signature (the provider's JWKS), issuer, audience,
expiry; then the role the claims grant (varlib.roles).

The provider's signing keys are found through its discovery document
(`<issuer>/.well-known/openid-configuration`, `jwks_uri`) and kept by PyJWT's JWKS client for
`VARLIB_OIDC_JWKS_SECONDS` (300 s); a token signed with a key not in the kept set makes the client
fetch the set again once, so a key rotation needs no restart. Only asymmetric algorithms are
accepted, so a token signed with the public key as an HMAC secret (or with `alg: none`) is refused.
"""

from __future__ import annotations

import json
import os
import threading
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import jwt

from .errors import AuthenticationError, InvalidInputError, StoreUnavailableError
from .roles import RolePolicy

ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA")
REQUIRED_CLAIMS = ("exp", "iat", "iss", "aud", "sub")
_TRUE = {"1", "true", "yes", "on"}


NOT_A_JWT = (
    "the bearer token is not a token the identity provider issued (a JWT: three dot-separated parts of base64url"
    " JSON); send the access token from signing in"
)


@dataclass(frozen=True)
class AuthSettings:
    """Sign-in for the REST service: off unless VARLIB_OIDC_ISSUER is set."""

    issuer: str | None = None
    audience: str | None = None  # VARLIB_OIDC_AUDIENCE, else the dashboard's client id
    open_reads: bool = True  # VARLIB_API_OPEN_READS=0 makes reads need the viewer role too
    jwks_seconds: int = 300
    leeway_s: int = 0  # clock skew tolerated on exp/iat
    policy: RolePolicy = field(default_factory=RolePolicy)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AuthSettings:
        env = os.environ if env is None else env
        issuer = (env.get("VARLIB_OIDC_ISSUER") or "").strip().rstrip("/") or None
        audience = (env.get("VARLIB_OIDC_AUDIENCE") or env.get("VARLIB_OIDC_CLIENT_ID") or "").strip() or None
        if issuer and not audience:
            raise InvalidInputError(
                "VARLIB_OIDC_ISSUER is set but no audience: set VARLIB_OIDC_AUDIENCE (or VARLIB_OIDC_CLIENT_ID) to"
                " the client id the provider issues the tokens for"
            )
        return cls(
            issuer=issuer,
            audience=audience,
            open_reads=(env.get("VARLIB_API_OPEN_READS") or "1").strip().lower() in _TRUE,
            jwks_seconds=int(env.get("VARLIB_OIDC_JWKS_SECONDS") or 300),
            leeway_s=int(env.get("VARLIB_OIDC_LEEWAY_SECONDS") or 0),
            policy=RolePolicy.from_env(env),
        )

    @property
    def enabled(self) -> bool:
        return self.issuer is not None


class TokenVerifier:
    """Verifies the provider's JWTs; safe to share between threads."""

    def __init__(self, settings: AuthSettings, timeout_s: float = 5.0) -> None:
        if not settings.issuer or not settings.audience:
            raise InvalidInputError("token verification needs an issuer and an audience (VARLIB_OIDC_ISSUER)")
        self.settings = settings
        self.timeout_s = timeout_s
        self._client: jwt.PyJWKClient | None = None
        self._lock = threading.Lock()

    def verify(self, token: str) -> dict[str, Any]:
        """The token's claims; AuthenticationError when it does not verify, StoreUnavailableError when the
        provider's keys cannot be fetched."""
        try:
            key = self._jwks().get_signing_key_from_jwt(token)
        except jwt.PyJWKClientConnectionError as exc:
            raise StoreUnavailableError(
                f"the identity provider {self.settings.issuer} did not hand out its signing keys ({exc}); try again",
                endpoint=self.settings.issuer,
            ) from None
        except jwt.DecodeError:  # not a JWT at all: PyJWT's own words are about bytes and codecs
            raise AuthenticationError(NOT_A_JWT) from None
        except (jwt.PyJWKClientError, jwt.InvalidTokenError) as exc:
            raise AuthenticationError(f"the bearer token is not valid ({exc}); sign in again") from None
        try:
            claims = jwt.decode(
                token,
                key.key,
                algorithms=list(ALGORITHMS),
                audience=self.settings.audience,
                issuer=self.settings.issuer,
                leeway=self.settings.leeway_s,
                options={"require": list(REQUIRED_CLAIMS)},
            )
        except jwt.ExpiredSignatureError:
            raise AuthenticationError("the bearer token has expired; sign in again for a new one") from None
        except jwt.DecodeError:  # a header that reads, with a payload that does not
            raise AuthenticationError(NOT_A_JWT) from None
        except jwt.InvalidTokenError as exc:
            raise AuthenticationError(f"the bearer token is not valid ({exc}); sign in again") from None
        return claims

    def check_provider(self, timeout_s: float | None = None) -> None:
        """StoreUnavailableError (or AuthenticationError, for a provider naming another issuer) when the
        provider does not hand out its discovery document: sign-in, and every write, would then fail."""
        self._discover_jwks_uri(timeout_s)

    def _jwks(self) -> jwt.PyJWKClient:
        with self._lock:
            if self._client is None:
                self._client = jwt.PyJWKClient(
                    self._discover_jwks_uri(),
                    cache_jwk_set=True,
                    lifespan=self.settings.jwks_seconds,
                    timeout=int(max(1, self.timeout_s)),
                )
            return self._client

    def _discover_jwks_uri(self, timeout_s: float | None = None) -> str:
        url = f"{self.settings.issuer}/.well-known/openid-configuration"
        try:
            with urllib.request.urlopen(url, timeout=timeout_s or self.timeout_s) as answer:  # noqa: S310 - the configured issuer
                document = json.loads(answer.read(1024 * 1024))
        except (OSError, ValueError) as exc:
            raise StoreUnavailableError(
                f"the identity provider's discovery document {url} cannot be read ({exc}); check VARLIB_OIDC_ISSUER",
                endpoint=self.settings.issuer,
            ) from None
        if document.get("issuer", "").rstrip("/") != self.settings.issuer:
            raise AuthenticationError(
                f"the provider at {url} names issuer {document.get('issuer')!r}, not {self.settings.issuer!r}"
            )
        return str(document["jwks_uri"])
