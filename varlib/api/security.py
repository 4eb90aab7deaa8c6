"""Who is calling: bearer tokens from the identity provider, verified, and the role they grant.

Writes (alias moves, withdrawals) always need a token whose role allows them; with no provider
configured (VARLIB_OIDC_ISSUER unset) the service takes no writes at all. Reads are open unless
VARLIB_API_OPEN_READS=0, when they need the viewer role too; the audit trail, which names people and the
addresses they came from, needs it whenever a provider is configured. Refusals use the usual error JSON:
401 for a missing, malformed, expired or foreign token, 403 for a role that may not do it.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from varlib import AccessDeniedError, Actor, AuthenticationError, AuthSettings, TokenVerifier, require_role

from .docs_page import PAGE_PATHS

OPEN_PATHS = ("/health", "/ready", "/metrics", "/openapi.json", *PAGE_PATHS)


class Security:
    """The service's sign-in settings and token verifier (None when no provider is configured)."""

    def __init__(self, settings: AuthSettings) -> None:
        self.settings = settings
        self.verifier = TokenVerifier(settings) if settings.enabled else None

    @property
    def reads_need_token(self) -> bool:
        return self.verifier is not None and not self.settings.open_reads

    async def actor(self, request: Request, action: str) -> Actor:
        """The verified caller allowed to do `action`; raises AuthenticationError or AccessDeniedError."""
        if self.verifier is None:
            raise AccessDeniedError(
                f"not allowed: {action} over the REST service needs sign-in, and this service has no identity"
                " provider configured (set VARLIB_OIDC_ISSUER and VARLIB_OIDC_AUDIENCE); use the CLI locally",
                field="role",
            )
        token = _bearer(request)
        claims = await run_in_threadpool(self.verifier.verify, token)
        role = self.settings.policy.role_of(claims)
        actor = Actor.from_claims(claims, via="rest", origin=request.client.host if request.client else "")
        require_role(role, action, who=actor.name)
        return actor


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationError(
            "this request needs a bearer token from the identity provider: send `Authorization: Bearer <token>`"
        )
    return token.strip()


async def guard_reads(request: Request) -> None:
    """App-wide dependency: with closed reads, every route except the open ones needs the viewer role."""
    security: Security = request.app.state.security
    if security.reads_need_token and request.url.path not in OPEN_PATHS:
        await security.actor(request, "read")


async def guard_trail(request: Request) -> None:
    """Route dependency of the audit trail: with a provider configured, a viewer's token even while other
    reads are open (without one, the service is one person's and the trail theirs)."""
    security: Security = request.app.state.security
    if security.verifier is None or security.reads_need_token:  # no sign-in, or guard_reads checked already
        return
    if not request.headers.get("authorization"):
        raise AuthenticationError(
            "the audit trail names people and the addresses they came from, so it needs a signed-in viewer even"
            " while other reads are open: send `Authorization: Bearer <token>`"
        )
    await security.actor(request, "read")
