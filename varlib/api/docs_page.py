"""The service's API page: Swagger UI at /docs, and at /apidocs (the original service's path) a redirect to it.

FastAPI's own page loads Swagger UI's script and style from a CDN, so it stays blank on a network without
internet access, where a store in MinIO often lives. The fastapi-swagger package ships those files and
serves them from the service itself (under /swagger/); its page is FastAPI's, with those URLs.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from fastapi_swagger import patch_fastapi

DOCS = "/docs"
APIDOCS = "/apidocs"
ASSETS = ("/swagger/swagger-ui-bundle.js", "/swagger/swagger-ui.css", "/swagger/favicon-32x32.png")
PAGE_PATHS = (DOCS, APIDOCS, *ASSETS)  # what the page needs: open to all, as is the API's description


def add_api_page(app: FastAPI) -> None:
    """Serve the page and its files from `app` (created with `docs_url=None`)."""
    js, css, icon = ASSETS
    patch_fastapi(
        app,
        docs_url=DOCS,
        redirect_from_root_to_docs=False,
        title=f"{app.title} - Swagger UI",
        swagger_js_url=js,
        swagger_css_url=css,
        swagger_favicon_url=icon,
    )

    @app.get(APIDOCS, include_in_schema=False)
    def apidocs(request: Request) -> RedirectResponse:
        return RedirectResponse(url=request.url_for("swagger_ui_html"))
