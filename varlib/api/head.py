"""HEAD on every path that takes GET: the GET's status and headers, without the body (RFC 9110 9.3.2).

FastAPI routes answer only the methods they name, so HEAD (probes, `curl -I`, link checkers) was a 405 on
every read. Running it as the GET here, rather than adding HEAD to each route, keeps the OpenAPI document to
one operation per read and gives HEAD the GET's exact answer (caching, Content-Length, errors included).
"""

from __future__ import annotations


class HeadAsGet:
    """ASGI middleware: a HEAD request is handled as a GET of the same path and its body dropped."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        # A copy: the server reads its own scope's method to know the answer has no body.
        await self.app({**scope, "method": "GET"}, receive, headers_only)
