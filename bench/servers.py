"""Start a Streamlit app for a benchmark: `streamlit run` on a free loopback port, healthy before use."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.minio_server import free_port, stop_process

PROJECT_DIR = Path(__file__).resolve().parent.parent


@contextmanager
def streamlit_server(script: Path, env: dict[str, str], timeout: float = 240.0) -> Iterator[tuple[str, int]]:
    """Yields (url, pid) of `streamlit run script` with `env` added to this process's environment."""
    port = free_port()
    args = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]
    server = subprocess.Popen(
        args,
        env={**os.environ, **env},
        cwd=PROJECT_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{url}/_stcore/health", server, timeout)
        yield url, server.pid
    finally:
        stop_process(server, timeout=20)


def _wait_http(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit not ready at {url} after {timeout}s")
