"""The service's API page: Swagger UI at /docs, and at /apidocs (the original service's path) a redirect to it.

FastAPI's own page loads Swagger UI's script and style from a CDN, so it stays blank on a network without
internet access, where a store in MinIO often lives. The fastapi-swagger package ships those files; the
service serves them itself (under /swagger/) and FastAPI's page points at them. They change only with that
package, so each carries a validator (an ETag, answered with 304 Not Modified) and may be kept for a day:
a browser fetches the 1.7 MB once, not on every visit to /docs. The page and its files ignore a query string
(a cache-busting `?v=5`); the API's endpoints refuse one they do not take (varlib.api.query).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.staticfiles import NotModifiedResponse

from .validators import etag_of, not_modified

DOCS = "/docs"
APIDOCS = "/apidocs"
FILES = {  # path -> media type; the file of fastapi-swagger's resources is the path's last part
    "/swagger/swagger-ui-bundle.js": "application/javascript",
    "/swagger/swagger-ui.css": "text/css",
    "/swagger/favicon-32x32.png": "image/png",
}
ASSETS = tuple(FILES)
PAGE_PATHS = (DOCS, APIDOCS, *ASSETS)  # what the page needs: open to all, as is the API's description
CACHE_CONTROL = "public, max-age=86400"
# Swagger UI's options as fastapi-swagger sets them: "Try it out" open, the token kept across reloads, a filter
# box for the operations, and each request's duration shown.
UI_PARAMETERS = {"tryItOutEnabled": True, "persistAuthorization": True, "filter": True, "displayRequestDuration": True}


def add_api_page(app: FastAPI) -> None:
    """Serve the page and its files from `app` (created with `docs_url=None`)."""
    for path, media_type in FILES.items():
        app.add_api_route(path, _file_route(path, media_type), methods=["GET"], name=path, include_in_schema=False)

    @app.get(DOCS, include_in_schema=False)
    def swagger_ui_html(request: Request) -> HTMLResponse:
        # Paths, not URLs: an absolute URL would be built from the request's Host header, which the caller
        # chooses (`Host: evil.example` would load the page's script from that site).
        root = _root(request)
        js, css, icon = (root + path for path in FILES)
        return get_swagger_ui_html(
            openapi_url=root + str(app.openapi_url),  # always set: the app keeps FastAPI's document
            title=f"{app.title} - Swagger UI",
            swagger_js_url=js,
            swagger_css_url=css,
            swagger_favicon_url=icon,
            swagger_ui_parameters=UI_PARAMETERS,
        )

    @app.get(APIDOCS, include_in_schema=False)
    def apidocs(request: Request) -> RedirectResponse:
        return RedirectResponse(url=_root(request) + DOCS)


def _root(request: Request) -> str:
    """The path the service is mounted at (behind a proxy's prefix), without its trailing slash."""
    return str(request.scope.get("root_path", "")).rstrip("/")


def _file_route(path: str, media_type: str) -> Callable[[Request], Response]:
    """A route answering with one of the package's files, or 304 when the browser holds it."""

    def serve(request: Request) -> Response:
        body, etag = _file(path.rsplit("/", 1)[1])
        answer = Response(body, media_type=media_type, headers={"ETag": etag, "Cache-Control": CACHE_CONTROL})
        return NotModifiedResponse(answer.headers) if not_modified(answer.headers, request.headers) else answer

    return serve


@cache
def _file(name: str) -> tuple[bytes, str]:
    """A file's bytes and ETag, read on the first request for it: once per process, however many apps."""
    body = resources.files("fastapi_swagger.resources").joinpath(name).read_bytes()
    return body, etag_of(body)
