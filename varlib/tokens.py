"""Bearer tokens of the identity provider, verified: signature (the provider's JWKS), issuer, audience,
expiry; then the role the claims grant (varlib.roles).

The provider's signing keys are found through its discovery document
(`<issuer>/.well-known/openid-configuration`, `jwks_uri`) and kept by PyJWT's JWKS client for
`VARLIB_OIDC_JWKS_SECONDS` (300 s); a token signed with a key not in the kept set makes the client
fetch the set again at once (at most once a second, JWKS_REFETCH_S), so a key rotation needs no restart.
Only asymmetric algorithms are accepted, so a token signed with the public key as an HMAC secret (or with
`alg: none`) is refused.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlparse

import jwt

from .auth_settings import AuthSettings
from .errors import AuthenticationError, InvalidInputError, ProviderUnavailableError

ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA")
REQUIRED_CLAIMS = ("exp", "iat", "iss", "aud", "sub")
# PyJWT waits 30 s after any fetch, the first one included, before a key id it does not know makes it fetch the set
# again: a provider's new key would be refused that long. Counted from the last such fetch instead, and one second,
# a new key is fetched with its first token, and a flood of made-up key ids costs the provider one fetch a second.
JWKS_REFETCH_S = 1.0
PROBE_TIMEOUT_S = 2.0  # a probe of the provider (/ready, the dashboard's sign-in screen) must be quick: slower is down

NOT_A_JWT = (
    "the bearer token is not a token the identity provider issued (a JWT: three dot-separated parts of base64url"
    " JSON); send the access token from signing in"
)


class TokenVerifier:
    """Verifies the provider's JWTs; safe to share between threads."""

    def __init__(self, settings: AuthSettings, timeout_s: float = 5.0) -> None:
        if not settings.issuer or not settings.audience:
            raise InvalidInputError("token verification needs an issuer and an audience (VARLIB_OIDC_ISSUER)")
        self.settings = settings
        self.timeout_s = timeout_s
        self._client: jwt.PyJWKClient | None = None
        self._lock = threading.Lock()
        self._refetch_lock = threading.Lock()
        self._refetched = -JWKS_REFETCH_S  # when an unknown key id last made the set be fetched again (monotonic)

    def verify(self, token: str) -> dict[str, Any]:
        """The token's claims; AuthenticationError when it does not verify, ProviderUnavailableError when the
        provider's keys cannot be had (it does not answer, or answers with no usable key set)."""
        key = self._signing_key(token)
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
        except jwt.InvalidSignatureError:  # a DecodeError to PyJWT, but the token reads: it was altered
            raise AuthenticationError(
                "the bearer token's signature does not match its contents (it was changed after the identity"
                " provider issued it); send the access token from signing in, unchanged"
            ) from None
        except jwt.DecodeError:  # a header that reads, with a payload that does not
            raise AuthenticationError(NOT_A_JWT) from None
        except jwt.InvalidAudienceError:  # signing in again to the same client would not help: say whose it is
            raise AuthenticationError(
                f"the bearer token was issued for another application, not for {self.settings.audience!r}"
                " (VARLIB_OIDC_AUDIENCE); send a token of this service's client"
            ) from None
        except jwt.InvalidIssuerError:
            raise AuthenticationError(
                f"the bearer token was issued by another identity provider, not {self.settings.issuer}; sign in"
                " there for a token"
            ) from None
        except jwt.InvalidTokenError as exc:
            raise AuthenticationError(f"the bearer token is not valid ({exc}); sign in again") from None
        return claims

    def check_provider(self, timeout_s: float = PROBE_TIMEOUT_S) -> None:
        """ProviderUnavailableError when the provider does not hand out a discovery document of this issuer that
        names its keys: sign-in, and every write, would then fail."""
        self._discover_jwks_uri(timeout_s)

    @staticmethod
    def check_metadata(url: str, setting: str, timeout_s: float = PROBE_TIMEOUT_S) -> None:
        """ProviderUnavailableError naming `setting` unless the discovery document at `url` (as given) names keys."""
        _discovery(url, timeout_s, setting, url)

    def _signing_key(self, token: str) -> jwt.PyJWK:
        """The provider's key that signed `token`. The key set is fetched (or taken from the cache) before the
        token is looked at: a provider that cannot be reached, or answers with no usable key set, is a 503 in
        plain words whatever the token, never a 500 or a 401 that blames the token."""
        client = self._jwks_or_503()
        kept = self._kept_set(client)  # before the token: an unreachable key set is a 503 whatever was sent
        kid = _check_algorithm(token)
        if (key := _kept_key(kept, kid)) is not None:
            return key
        with self._refetch_lock:  # one look for an unknown key id at a time: the next finds the set it fetched
            if (key := _kept_key(self._kept_set(client), kid)) is not None:
                return key
            if time.monotonic() - self._refetched < JWKS_REFETCH_S:
                raise self._unknown_key()
            self._refetched = time.monotonic()
            try:
                return client.get_signing_key_from_jwt(token)  # the set fetched again, for a key id it lacks
            except jwt.DecodeError:  # not a JWT at all: PyJWT's own words are about bytes and codecs
                raise AuthenticationError(NOT_A_JWT) from None
            except (jwt.PyJWKClientConnectionError, jwt.PyJWKSetError, ValueError, OSError) as exc:
                raise self._keys_unavailable(exc) from None
            except jwt.PyJWKClientError:  # a key id the provider does not publish: another provider's token, mostly
                raise self._unknown_key() from None
            except jwt.InvalidTokenError as exc:
                raise AuthenticationError(f"the bearer token is not valid ({exc}); sign in again") from None

    def _jwks_or_503(self) -> jwt.PyJWKClient:
        try:
            return self._jwks()
        except _PROVIDER_FAILURES as exc:
            raise self._keys_unavailable(exc) from None

    def _kept_set(self, client: jwt.PyJWKClient) -> jwt.PyJWKSet:
        try:
            return client.get_jwk_set()  # from the cache while it is fresh
        except _PROVIDER_FAILURES as exc:
            raise self._keys_unavailable(exc) from None

    def _unknown_key(self) -> AuthenticationError:
        return AuthenticationError(
            f"the bearer token was signed with a key that {self.settings.issuer} does not publish: it comes from"
            " another identity provider, or from a key this one has retired; sign in there for a new token"
        )

    def _keys_unavailable(self, exc: Exception) -> ProviderUnavailableError:
        return ProviderUnavailableError(
            f"the identity provider {self.settings.issuer} did not hand out its signing keys ({plain_reason(exc)}),"
            " so no token can be verified now; try again later, or check that VARLIB_OIDC_ISSUER names the provider",
            endpoint=self.settings.issuer,
        )

    def _jwks(self) -> jwt.PyJWKClient:
        with self._lock:
            if self._client is None:
                self._client = jwt.PyJWKClient(
                    self._discover_jwks_uri(),
                    cache_jwk_set=True,
                    lifespan=self.settings.jwks_seconds,
                    timeout=int(max(1, self.timeout_s)),
                    cooldown_duration=0,  # _signing_key spaces the fetches for unknown key ids itself
                )
            return self._client

    def _discover_jwks_uri(self, timeout_s: float | None = None) -> str:
        url, issuer = f"{self.settings.issuer}/.well-known/openid-configuration", self.settings.issuer
        document = _discovery(url, timeout_s or self.timeout_s, "VARLIB_OIDC_ISSUER", issuer)
        named = str(document.get("issuer") or "").rstrip("/")
        if named != issuer:  # the provider's configuration, not the token, is at fault: a 503
            wrong = f"the provider at {url} names issuer {named or None!r}, not {issuer!r}"
            raise ProviderUnavailableError(
                f"{wrong}; set VARLIB_OIDC_ISSUER to the issuer the provider names", endpoint=issuer
            )
        return str(document["jwks_uri"])


def _discovery(url: str, timeout_s: float, setting: str, endpoint: str | None) -> dict[str, Any]:
    """The discovery document at `url`, naming an http(s) `jwks_uri`; else ProviderUnavailableError naming `setting`."""
    what = f"the identity provider's discovery document {url}"
    if urlparse(url).scheme not in ("http", "https"):  # urllib would read a local file, or fail in its own words
        raise ProviderUnavailableError(f"{url!r} is not the http(s) address of a discovery document; check {setting}")
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as answer:  # noqa: S310 - the configured address
            document = json.loads(answer.read(1024 * 1024))
    except (OSError, ValueError) as exc:
        why = f"cannot be read ({plain_reason(exc)}); check {setting}, or try again once the provider answers"
        raise ProviderUnavailableError(f"{what} {why}", endpoint=endpoint) from None
    if not isinstance(document, dict):
        raise ProviderUnavailableError(f"{what} is not a JSON object; check {setting}", endpoint=endpoint)
    keys = document.get("jwks_uri")
    if not isinstance(keys, str) or urlparse(keys).scheme not in ("http", "https"):
        why = f"names no http(s) address of its signing keys (jwks_uri is {keys!r}); check the provider's configuration"
        raise ProviderUnavailableError(f"{what} {why}", endpoint=endpoint)
    return document


# A key set that cannot be had: PyJWT's client errors (no answer, an answer that is no JSON object, a set of no
# usable key), and what it lets through from urllib and json (a connection reset mid-answer, text that is no JSON).
_PROVIDER_FAILURES = (jwt.PyJWKClientError, jwt.PyJWKSetError, ValueError, OSError)


def plain_reason(exc: BaseException) -> str:
    """Why the provider could not be read, in plain words rather than urllib's (`<urlopen error [Errno 111]
    Connection refused>`)."""
    cause: BaseException = exc
    if isinstance(exc, jwt.PyJWKClientConnectionError) and exc.__cause__ is not None:
        cause = exc.__cause__  # PyJWT wraps urllib's error in "Fail to fetch data from the url, err: ..."
    if isinstance(cause, urllib.error.HTTPError):
        return f"it answered HTTP {cause.code} {cause.reason}".rstrip()
    if isinstance(cause, urllib.error.URLError):
        if not isinstance(cause.reason, BaseException):
            return str(cause.reason)
        cause = cause.reason
    if isinstance(cause, TimeoutError):
        return "it did not answer in time"
    if isinstance(cause, ConnectionRefusedError):
        return "nothing answers at that address: connection refused"
    if isinstance(cause, OSError) and cause.strerror:
        return cause.strerror
    if isinstance(cause, ValueError):
        return f"its answer is not JSON: {cause}"
    return str(cause)


def _kept_key(kept: jwt.PyJWKSet, kid: object) -> jwt.PyJWK | None:
    """The signing key of id `kid` in the set, as PyJWT's client matches it (a key for signatures, or of no use)."""
    if not kid:  # no key id: PyJWT's client looks it up (and refuses it), spaced like any unknown one
        return None
    return next((k for k in kept.keys if k.key_id == kid and k.public_key_use in ("sig", None)), None)


def _check_algorithm(token: str) -> object:
    """The id of the key that signed the token (its `kid`); AuthenticationError for a token not signed with a
    public-key algorithm the provider uses: unsigned (`none`) or signed with a shared secret (HS256), which the key
    lookup would blame on a key the provider does not publish."""
    try:
        header = jwt.get_unverified_header(token)
        if header.get("alg") in ALGORITHMS:
            # read whole, as PyJWT's key lookup did: a payload that is no JSON is no token, whatever its signature
            jwt.decode_complete(token, options={"verify_signature": False})
            return header.get("kid")
    except jwt.DecodeError:
        raise AuthenticationError(NOT_A_JWT) from None
    algorithm = header.get("alg")
    how = "is not signed at all (alg none)" if str(algorithm).lower() == "none" else f"is signed with {algorithm!r}"
    raise AuthenticationError(
        f"the bearer token {how}, and this service takes only the identity provider's public-key signatures"
        f" ({', '.join(ALGORITHMS)}); send the access token from signing in"
    )
