"""HTTP validators for the reads of a version, of a comparison and of a model's version listing: a strong ETag on
each 200 answer, and 304 Not Modified for a client that holds it (RFC 9110 8.8.3 and 13.1.2).

A pinned version's answers change only when it is withdrawn (their `withdrawn` field); `latest` and an alias move, and
a listing changes when a version is published or withdrawn. So every answer says `Cache-Control: no-cache` (a cache may
keep it but asks again each time) and carries the hash of the bytes sent as its ETag: asking again costs the client
no body while nothing changed. The bytes hold no timestamp (a run's time is a header: varlib.api.analysis), so the
same answer has the same ETag in every process. The ETag is taken outside gzip, so a compressed answer has its own.
POST forecasts carry none: If-None-Match on a POST asks for a 412, not a 304, and its answer is no representation
of the path.
"""

from __future__ import annotations

import hashlib
import re

from starlette.datastructures import Headers
from starlette.staticfiles import NotModifiedResponse, StaticFiles

ROUTES = (  # the GET routes that answer with what the store holds: versions' data and the listing of them
    "/models/{name}/versions",
    "/models/{name}/versions/{version}",
    "/models/{name}/versions/{version}/scenarios",
    "/models/{name}/versions/{version}/scenarios/{scenario}",
    "/models/{name}/versions/{version}/scenarios/{scenario}/forecast",
    "/models/{name}/versions/{version}/diagnostics",
    "/models/{name}/versions/{version}/backtest",
    "/models/{name}/compare",
    "/var_predict/{version}",
)
_PATHS = re.compile("|".join("^" + re.sub(r"\{\w+\}", "[^/]+", route) + "$" for route in ROUTES))
CACHE_CONTROL = "no-cache"
_CACHE_CONTROL = CACHE_CONTROL.encode()
_OURS = (b"etag", b"cache-control")  # replaced, should the app ever set them
# Starlette's own conditional GET (as StaticFiles answers): weak comparison of each tag listed, and `*`
not_modified = StaticFiles().is_not_modified

_HEADERS = {
    "ETag": {
        "description": "hash of the answer's bytes (strong); send it back as If-None-Match",
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": f"`{CACHE_CONTROL}`: ask again each time (a withdrawal or a publish changes the answer)",
        "schema": {"type": "string"},
    },
}
_NOT_MODIFIED = {
    "description": "Not Modified: If-None-Match named this answer's ETag; no body, the same ETag and Cache-Control",
    "headers": _HEADERS,
}
_IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "ETags of answers held (or `*`); one that matches is answered 304 without a body",
    "schema": {"type": "string"},
}


def etag_of(body: bytes) -> str:
    """A strong ETag: 128 bits of the SHA-256 of the bytes, quoted."""
    return f'"{hashlib.sha256(body).hexdigest()[:32]}"'


class Validators:
    """ASGI middleware: a 200 answer to GET on ROUTES gets its ETag and Cache-Control, or becomes a 304 when the
    request's If-None-Match names that ETag. Other answers (errors included) pass as they are."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not _PATHS.match(scope["path"]):
            await self.app(scope, receive, send)
            return
        held: dict = {}  # the 200's start and body parts, until its last part is sent

        async def validated(message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                held["start"], held["body"] = message, []
            elif message["type"] == "http.response.body" and "start" in held:
                held["body"].append(message.get("body", b""))
                if not message.get("more_body"):
                    await self._answer(scope, receive, send, held.pop("start"), b"".join(held.pop("body")))
            else:
                await send(message)

        await self.app(scope, receive, validated)

    @staticmethod
    async def _answer(scope, receive, send, start: dict, body: bytes) -> None:
        # raw pairs, not MutableHeaders, whose two writes took a third of this middleware's time per answer
        raw = [(key, value) for key, value in start.get("headers", ()) if key not in _OURS]
        raw += [(b"etag", etag_of(body).encode()), (b"cache-control", _CACHE_CONTROL)]
        asked = Headers(scope=scope)
        if "if-none-match" in asked:  # only then: the check also looks for If-Modified-Since
            headers = Headers(raw=raw)
            if not_modified(headers, asked):
                await NotModifiedResponse(headers)(scope, receive, send)
                return
        await send({**start, "headers": raw})
        await send({"type": "http.response.body", "body": body})


def document_validators(routes: list) -> None:
    """The OpenAPI document of ROUTES: If-None-Match taken, the 200's ETag and Cache-Control, and the 304."""
    for route in routes:
        if getattr(route, "path", None) in ROUTES and "GET" in getattr(route, "methods", ()):
            ok = route.responses.get(200, {})  # a copy: a route's own headers (Link, Server-Timing) are kept
            route.responses[200] = {**ok, "headers": {**ok.get("headers", {}), **_HEADERS}}
            route.responses.setdefault(304, _NOT_MODIFIED)
            extra = route.openapi_extra = route.openapi_extra or {}
            extra.setdefault("parameters", []).append(_IF_NONE_MATCH)
