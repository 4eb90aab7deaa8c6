"""The REST service's API page in a real Chromium: Swagger UI draws every operation, and the browser asks
the service for everything it needs (no CDN), so the page works on a network without internet access."""

from __future__ import annotations

import pytest

from tests.api.conftest import start_server
from tests.support.browser import other_hosts
from tests.support.minio_server import stop_process

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def api_url(tmp_path_factory):
    """`python -m varlib serve` on an empty local store (the page needs no version)."""
    store = tmp_path_factory.mktemp("store")
    process, url = start_server({"VARLIB_STORE_DIR": str(store)}, tmp_path_factory.mktemp("serve") / "serve.log")
    yield url
    stop_process(process)


def test_the_api_page_draws_every_operation_from_the_service_alone(page, api_url):
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{api_url}/docs")
    page.wait_for_load_state()  # loaded: its scripts and styles fetched
    assert not other_hosts(asked, api_url), f"the page asked other hosts: {other_hosts(asked, api_url)}"
    assert any(url.endswith("/swagger/swagger-ui-bundle.js") for url in asked)
    operations = page.locator(".opblock-summary-path")
    operations.first.wait_for()
    # Swagger UI breaks long paths with zero-width spaces
    paths = {text.replace("\u200b", "") for text in operations.all_inner_texts()}
    assert {"/var_predict/{version}", "/models/{name}/versions/{version}/forecast", "/health"} <= paths
    assert page.title() == "varlib forecasting service - Swagger UI"
    assert not other_hosts(asked, api_url) and any(url.endswith("/openapi.json") for url in asked)
    page.goto(f"{api_url}/apidocs")  # the original service's path leads to the same page
    page.wait_for_url(f"{api_url}/docs")
