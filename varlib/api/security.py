"""Who is calling: bearer tokens from the identity provider, verified, and the role they grant.

Writes (alias moves, withdrawals) always need a token whose role allows them; with no provider
configured (VARLIB_OIDC_ISSUER unset) the service takes no writes at all. Reads are open unless
VARLIB_API_OPEN_READS=0, when they need the viewer role too; the audit trail, which names people and the
addresses they came from, needs it whenever a provider is configured. Refusals use the usual error JSON:
401 for a missing, malformed, expired or foreign token, 403 for a role that may not do it, and 503 when the
provider cannot be reached or hands out no usable keys (varlib.tokens), which no token could help.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from functools import cache
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from varlib import (
    ACTION_WORDS,
    AccessDeniedError,
    Actor,
    AuthenticationError,
    AuthSettings,
    StoreUnavailableError,
    TokenVerifier,
    require_role,
)

from .docs_page import PAGE_PATHS
from .error_schema import as_configured

OPEN_PATHS = ("/health", "/ready", "/metrics", "/openapi.json", *PAGE_PATHS)
PROVIDER_FRESH_S = 10.0  # how long /ready trusts its last look at the provider: probes come every few seconds
# Declares the bearer token in the OpenAPI document (the docs page's Authorize button, generated clients) for
# the routes that need one; it checks nothing itself (`auto_error=False`): `_bearer` and the verifier do, with
# the service's own error JSON.
BEARER = HTTPBearer(auto_error=False, description="an access token from the identity provider (VARLIB_OIDC_ISSUER)")
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]


class Security:
    """The service's sign-in settings and token verifier (None when no provider is configured)."""

    def __init__(self, settings: AuthSettings) -> None:
        self.settings = settings
        self.verifier = TokenVerifier(settings) if settings.enabled else None

        self._provider_lock = threading.Lock()
        self._provider_seen: tuple[float, StoreUnavailableError | None] | None = None

    def check_provider(self) -> None:
        """StoreUnavailableError when sign-in is configured and its provider does not hand out its discovery
        document (every write, and every read while reads are closed, would then answer 503). Blocking; the
        answer is kept PROVIDER_FRESH_S seconds."""
        if self.verifier is None:
            return
        with self._provider_lock:
            now = time.monotonic()
            if self._provider_seen is None or now - self._provider_seen[0] > PROVIDER_FRESH_S:
                self._provider_seen = (now, _unreachable(self.verifier))
            problem = self._provider_seen[1]
        if problem is not None:
            raise problem

    @property
    def reads_need_token(self) -> bool:
        return self.verifier is not None and not self.settings.open_reads

    async def actor(self, request: Request, action: str) -> Actor:
        """The verified caller allowed to do `action`; raises AuthenticationError or AccessDeniedError."""
        if self.verifier is None:
            raise AccessDeniedError(
                f"not allowed: {ACTION_WORDS[action]} over the REST service needs sign-in, and this service"
                " has no identity provider configured (set VARLIB_OIDC_ISSUER and VARLIB_OIDC_AUDIENCE); use the"
                " CLI locally",
                field="role",
            )
        token = _bearer(request)
        claims = await run_in_threadpool(self.verifier.verify, token)
        role = self.settings.policy.role_of(claims)
        actor = Actor.from_claims(claims, via="rest", origin=request.client.host if request.client else "")
        require_role(role, action, who=actor.known_as(), policy=self.settings.policy, claims=claims)
        return actor


@cache  # one dependency per action, so that `app.dependency_overrides[signed_in(action)]` finds it
def signed_in(action: str) -> Callable[..., Awaitable[Actor]]:
    """A route dependency: the verified caller allowed to do `action`. FastAPI solves dependencies before it
    validates the body, so a write without a valid token is a 401 (or 403) whatever its body holds."""

    async def caller(request: Request, _: Bearer) -> Actor:
        security: Security = request.app.state.security
        return await security.actor(request, action)

    caller.action = action  # type: ignore[attr-defined]  # for sign_in_before_body
    return caller


async def sign_in_before_body(request: Request, calls: Iterable[Callable]) -> None:
    """Run the sign-in checks among a route's dependencies (`calls`: guard_reads, signed_in(action)). FastAPI
    solves dependencies only after it has read the body, so a body that cannot be read would otherwise tell a
    caller without a token about the body (422) before saying that it may not write (401 or 403)."""
    overrides = request.app.dependency_overrides
    for call in calls:
        if call in overrides:  # a test's stand-in for sign-in
            continue
        if call is guard_reads:
            await guard_reads(request)
        elif (action := getattr(call, "action", None)) is not None:
            await request.app.state.security.actor(request, action)


def _unreachable(verifier: TokenVerifier) -> StoreUnavailableError | None:
    """Why the provider cannot sign anyone in now (down, or answering for another issuer), or None."""
    try:
        verifier.check_provider()  # with the library's probe timeout, the one the dashboard's sign-in screen uses
    except StoreUnavailableError as exc:
        return exc
    return None


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


async def guard_trail(request: Request, _: Bearer) -> None:
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


def document_tokens(app: FastAPI, security: Security) -> None:
    """Make the OpenAPI document say which routes need a token as this service is configured: none without a
    provider (writes are refused outright, the trail is open), every route but the open ones while reads are
    closed, else the writes and the audit trail (the routes whose dependencies declare BEARER); and the error
    answers that configuration gives (varlib.api.error_schema.as_configured): without a provider every write is a
    403 and nothing a 401, with one a 503 where a token is checked may be the provider's."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()  # FastAPI keeps it as app.openapi_schema: changed in place, once
        schemes = schema.get("components", {}).get("securitySchemes", {})
        writes = _writes(app)
        provider = security.verifier is not None
        for path, operations in schema["paths"].items():
            for method, operation in operations.items():
                if not provider:
                    operation.pop("security", None)
                elif security.reads_need_token and path not in OPEN_PATHS:
                    operation["security"] = [{name: []} for name in schemes]
                checks = "security" in operation
                as_configured(operation, provider, checks, (method, path) in writes, path == "/ready")
        if not provider:
            schema.get("components", {}).pop("securitySchemes", None)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _writes(app: FastAPI) -> set[tuple[str, str]]:
    """The (method, path) of every route that needs a signed-in caller allowed to do an action (`signed_in`)."""
    return {
        (method.lower(), route.path)
        for route in app.routes
        if isinstance(route, APIRoute) and any(hasattr(d.call, "action") for d in route.dependant.dependencies)
        for method in route.methods or ()
    }
