"""A real Chromium against `streamlit run app.py` on a real MinIO: one dashboard server per test module.

Waits the way Streamlit's own e2e tests do: the app's websocket is connected and no script run is in
progress (`data-test-connection-state` / `data-test-script-state` on stApp), then checks content with
auto-retrying expectations. Screenshots go to test-artifacts/e2e/.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import new_bucket
from tests.support.browser import shot, wait_for_app
from tests.support.minio_server import free_port, minio_required, stop_process
from tests.support.models import publish_long_named
from varlib import ModelSpec, Registry, load_dataset, publish_result, train_model
from varlib.config import Settings

PROJECT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1440, "height": 1000}


@contextmanager
def running_dashboard(env: dict[str, str], port: int | None = None, args: tuple[str, ...] = ()) -> Iterator[str]:
    """`streamlit run app.py` on a free loopback port (or `port`) with `env` added and extra `args`; yields its URL."""
    port = port or free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "VARLIB_"))}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            *args,
        ],
        cwd=PROJECT,
        env={**clean, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server)
        yield url
    finally:
        stop_process(server, timeout=10)


def _wait_healthy(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited: {server.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer {url}/_stcore/health within {timeout:.0f} s")


@contextmanager
def dashboard_signing_in(minio, macro_result, workdir: Path, **dex_options) -> Iterator[tuple]:
    """A dashboard with sign-in through its own Dex (whose client allows this dashboard's redirect URI):
    (url, registry, dex). `dex_options` go to the Dex server (e.g. `id_token_expiry`)."""
    from tests.support.oidc_server import CLIENT_ID, start_dex

    port = free_port()
    redirect = f"http://127.0.0.1:{port}/oauth2callback"
    dex = start_dex(workdir / "dex", redirect_uris=[redirect], **dex_options)
    oidc_env = {
        "VARLIB_OIDC_ISSUER": dex.issuer,
        "VARLIB_OIDC_CLIENT_ID": CLIENT_ID,
        "VARLIB_OIDC_CLIENT_SECRET": dex.client_secret,
        "VARLIB_OIDC_COOKIE_SECRET": secrets.token_hex(32),
        "VARLIB_OIDC_REDIRECT_URI": redirect,
    }
    secrets_file = workdir / "secrets.toml"
    written = subprocess.run(
        [sys.executable, "scripts/auth_secrets.py", str(secrets_file)],
        cwd=PROJECT,
        env={"PATH": "/usr/bin:/bin", **oidc_env},
        capture_output=True,
        text=True,
    )
    assert written.returncode == 0, written.stderr
    registry = seeded_registry(minio, macro_result, author="seed")
    env = {**minio.env(registry.store.bucket), "VARLIB_AUTHOR": "not-the-signed-in-user"}
    try:
        with running_dashboard(env, port=port, args=("--secrets.files", str(secrets_file))) as url:
            yield url, registry, dex
    finally:
        dex.stop()


def log_in_at_dex(page, dex, role: str):
    """Press the page's Sign in and fill Dex's own login form as the test user of `role` (returned)."""
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector('input[name="login"]')
    user = dex.users[role]
    page.fill('input[name="login"]', user.email)
    page.fill('input[name="password"]', user.password)
    page.locator('button[type="submit"]').click()
    return user


def sign_in(page, url: str, dex, role: str, link: str = "") -> None:
    """Sign in as the test user of `role` through Dex's own login form."""
    page.goto(f"{url}{link}")
    wait_for_app(page)
    user = log_in_at_dex(page, dex, role)
    page.wait_for_url(f"{url}/**")
    wait_for_app(page)
    page.locator('[data-testid="stSidebar"]').get_by_text(user.name).wait_for()


def seeded_registry(minio, macro_result, author: str = "e2e") -> Registry:
    """A fresh bucket holding var 0.0.1."""
    registry = Registry.from_settings(minio.settings(new_bucket(), author=author))
    publish_result(registry, macro_result, "var", "patch", "seeded for the browser test")
    return registry


@pytest.fixture(scope="module")
def dashboard(minio, macro_result):
    """This module's dashboard server against a fresh MinIO bucket holding var 0.0.1: (url, registry)."""
    registry = seeded_registry(minio, macro_result)
    with running_dashboard({**minio.env(registry.store.bucket), "VARLIB_AUTHOR": "e2e"}) as url:
        yield url, registry


@pytest.fixture(scope="module")
def local_dashboard(tmp_path_factory, macro_result):
    """A dashboard on a local store holding var 0.0.1 (no MinIO needed): its url."""
    store = tmp_path_factory.mktemp("store")
    publish_result(Registry.from_settings(Settings(store_dir=store, author="e2e")), macro_result, "var", "patch", "")
    with running_dashboard({"VARLIB_STORE_DIR": str(store), "VARLIB_AUTHOR": "e2e"}) as url:
        yield url


REFRESH = 2  # seconds between an open page's looks at the store (VARLIB_REFRESH_SECONDS) in the live tests


@pytest.fixture(scope="module")
def quick_dashboard(minio, macro_result):
    """As `dashboard`, with open pages looking at the store every REFRESH seconds: (url, registry)."""
    registry = seeded_registry(minio, macro_result)
    env = {**minio.env(registry.store.bucket), "VARLIB_AUTHOR": "e2e", "VARLIB_REFRESH_SECONDS": str(REFRESH)}
    with running_dashboard(env) as url:
        yield url, registry


@pytest.fixture(scope="module")
def local_var_dashboard(tmp_path_factory):
    """A dashboard on a local store (no MinIO) holding `var` 0.0.1, a VAR(2) of realgdp and realcons; yields its URL."""
    folder = tmp_path_factory.mktemp("local_var") / "store"
    settings = {"VARLIB_STORE_DIR": str(folder), "VARLIB_AUTHOR": "e2e"}
    registry = Registry.from_settings(Settings.from_env(settings))
    publish_result(registry, train_model(load_dataset(), ModelSpec(("realgdp", "realcons"), lags=2)), "var")
    with running_dashboard(settings) as url:
        yield url


@pytest.fixture(scope="module")
def long_named_dashboard(tmp_path_factory):
    """A dashboard on a local store holding `long` 0.0.1, nine variables of long names (tests.support.models)."""
    settings = {"VARLIB_STORE_DIR": str(tmp_path_factory.mktemp("long_names") / "store"), "VARLIB_AUTHOR": "e2e"}
    publish_long_named(Registry.from_settings(Settings.from_env(settings)))
    with running_dashboard(settings) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium through playwright (no browser download); missing means fail in CI, else skip loudly."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium is missing at {CHROMIUM}: install Debian's `chromium` (.ci/run does)"
        if minio_required():
            pytest.fail(message)
        pytest.skip("!!! E2E TESTS SKIPPED !!! " + message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def browser_context(chromium):
    """One context per module, so the app's scripts are fetched and compiled once."""
    context = chromium.new_context(viewport=VIEWPORT)
    yield context
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.call_failed = report.failed
    return report


@pytest.fixture
def page(request, browser_context):
    page = browser_context.new_page()
    page.set_default_timeout(60_000)
    yield page
    show_if_failed(request, page)
    page.close()


def show_if_failed(request, page) -> None:
    """When the test of `request` failed, a screenshot of `page` and its text in the report: a failure that passes
    when rerun is read from what it showed."""
    if not getattr(request.node, "call_failed", False):
        return
    try:
        shot(page, request.node.name)
        print(f"page at failure: {page.url}\n{page.locator('body').inner_text(timeout=5_000)[:4000]}")
    except Exception as exc:  # noqa: BLE001 - a crashed page: the test's own failure is the report
        print(f"page at failure could not be read: {exc}")
