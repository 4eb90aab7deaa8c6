"""A real Chromium against `streamlit run app.py`: the Diagnostics page renders its charts and the report downloads."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.minio_server import free_port
from varlib import ModelSpec, load_dataset, publish_result, train_model
from varlib.config import Settings
from varlib.registry import Registry

pytestmark = pytest.mark.e2e

PROJECT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """The dashboard on a free port, reading a local store with one published logdiff model."""
    store = tmp_path_factory.mktemp("e2e-diag") / "store"
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    result = train_model(dataset, ModelSpec(variables=tuple(dataset.variables), transform="logdiff", max_lags=8))
    publish_result(Registry.from_settings(Settings(store_dir=store, author="e2e")), result, "var")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "VARLIB_"))}
    env.update(VARLIB_STORE_DIR=str(store), VARLIB_AUTHOR="e2e")
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


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
    raise RuntimeError("streamlit did not become healthy within 60 s")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}; the e2e suite needs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def test_diagnostics_page_in_a_browser(app_url, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    try:
        # the entrypoint first: until app.py has run once, Streamlit treats pages/ as a legacy page folder
        page.goto(app_url, wait_until="domcontentloaded")
        page.get_by_text("Model store").wait_for(timeout=60_000)
        page.goto(f"{app_url}/diagnostics?model=var&version=0.0.1", wait_until="domcontentloaded")
        page.get_by_role("link", name="Compare versions").wait_for(timeout=45_000)  # the app's own navigation
        page.get_by_role("heading", name="Diagnostics").wait_for(timeout=45_000)
        page.get_by_text("VAR(", exact=False).first.wait_for(timeout=45_000)
        # the lag-order table is the first tab; the stability tab draws the roots chart
        page.get_by_role("tab", name="Stability").click()
        page.get_by_text("Stable: every eigenvalue").wait_for(timeout=20_000)
        page.locator(".js-plotly-plot").first.wait_for(timeout=20_000)
        page.get_by_role("tab", name="Impulse responses").click()
        irf = page.locator(".js-plotly-plot", has_text="impulse responses")
        irf.first.wait_for(timeout=20_000)
        # a 3 x 3 grid: nine panel titles "impulse → response"
        assert irf.first.locator(".annotation-text", has_text="→").count() == 9
        page.get_by_role("tab", name="Report").click()
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name="Download HTML report").click()
        target = tmp_path / "report.html"
        download.value.save_as(target)
        html = target.read_text()
        assert "VAR model var 0.0.1" in html and "Granger causality" in html and html.count("Plotly.newPlot") == 6
        assert not re.search(r"<script[^>]+src=", html)  # plotly.js is inline: the file opens offline
        if os.environ.get("E2E_SCREENSHOTS"):
            page.screenshot(path=os.environ["E2E_SCREENSHOTS"] + "/diagnostics.png", full_page=True)
    finally:
        page.close()
