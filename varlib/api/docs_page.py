"""The service's API page: Swagger UI at /docs, and at /apidocs (the original service's path) a redirect to it.

FastAPI's own page loads Swagger UI's script and style from a CDN, so it stays blank on a network without
internet access, where a store in MinIO often lives. The fastapi-swagger package ships those files; the
service serves them itself (under /swagger/) and FastAPI's page points at them. They change only with that
package, so each carries a validator (an ETag, answered with 304 Not Modified) and may be kept for a day:
a browser fetches the 1.7 MB once, not on every visit to /docs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse, Response

DOCS = "/docs"
APIDOCS = "/apidocs"
FILES = {  # path -> (route name, file in fastapi-swagger's resources, media type)
    "/swagger/swagger-ui-bundle.js": ("swagger_ui_bundle_js", "swagger-ui-bundle.js", "application/javascript"),
    "/swagger/swagger-ui.css": ("swagger_ui_css", "swagger-ui.css", "text/css"),
    "/swagger/favicon-32x32.png": ("swagger_favicon_png", "favicon-32x32.png", "image/png"),
}
ASSETS = tuple(FILES)
PAGE_PATHS = (DOCS, APIDOCS, *ASSETS)  # what the page needs: open to all, as is the API's description
CACHE_CONTROL = "public, max-age=86400"
# Swagger UI's options as fastapi-swagger sets them: "Try it out" open, the token kept across reloads, a filter
# box for the operations, and each request's duration shown.
UI_PARAMETERS = {"tryItOutEnabled": True, "persistAuthorization": True, "filter": True, "displayRequestDuration": True}


def add_api_page(app: FastAPI) -> None:
    """Serve the page and its files from `app` (created with `docs_url=None`)."""
    for path, (name, file, media_type) in FILES.items():
        app.add_api_route(path, _file_route(file, media_type), methods=["GET"], name=name, include_in_schema=False)

    @app.get(DOCS, include_in_schema=False)
    def swagger_ui_html(request: Request) -> HTMLResponse:
        js, css, icon = (str(request.url_for(name)) for name, _, _ in FILES.values())
        return get_swagger_ui_html(
            openapi_url=request.scope.get("root_path", "").rstrip("/") + app.openapi_url,
            title=f"{app.title} - Swagger UI",
            swagger_js_url=js,
            swagger_css_url=css,
            swagger_favicon_url=icon,
            swagger_ui_parameters=UI_PARAMETERS,
        )

    @app.get(APIDOCS, include_in_schema=False)
    def apidocs(request: Request) -> RedirectResponse:
        return RedirectResponse(url=request.url_for("swagger_ui_html"))


def _file_route(file: str, media_type: str) -> Callable[[Request], Response]:
    """A route answering with one of the package's files (read once), or 304 when the browser holds it."""
    body = resources.files("fastapi_swagger.resources").joinpath(file).read_bytes()
    headers = {"ETag": f'"{hashlib.sha256(body).hexdigest()[:32]}"', "Cache-Control": CACHE_CONTROL}

    def serve(request: Request) -> Response:
        if headers["ETag"] in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=media_type, headers=headers)

    return serve
