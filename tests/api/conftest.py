"""REST service fixtures: a bucket on the real MinIO with published versions, and `python -m varlib serve`
running on a free loopback port against it; a bearer header, and /metrics text read as samples."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import new_bucket
from tests.support.minio_server import free_port, stop_process
from varlib import Registry
from varlib.config import Settings
from varlib.service import publish_result

PROJECT = Path(__file__).resolve().parents[2]
CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "VARLIB_"))}


@dataclass(frozen=True)
class Service:
    """A running service and the bucket behind it."""

    url: str
    settings: Settings
    env: dict[str, str]
    registry: Registry  # an independent reader/writer of the same bucket

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)


def start_server(env: dict[str, str], log: Path, workers: int = 1) -> tuple[subprocess.Popen, str]:
    """`python -m varlib serve` on a free port, output to `log` (a pipe could fill and stall it);
    returns once /health answers."""
    port = free_port()
    with open(log, "ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "varlib", "serve", "--port", str(port), "--workers", str(workers)],
            cwd=PROJECT,
            env={**CLEAN_ENV, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"serve exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    stop_process(process)
    raise RuntimeError("serve did not answer /health within 60 s")


@pytest.fixture(scope="module")
def service(minio, macro_result, tmp_path_factory):
    """Two published versions of `var` (0.0.1, 0.0.2) on a fresh bucket, served over a real socket."""
    bucket = new_bucket()
    settings = minio.settings(bucket, author="api-test")
    registry = Registry.from_settings(settings)
    publish_result(registry, macro_result, "var", notes="first")
    publish_result(registry, macro_result, "var", notes="second")
    env = {**minio.env(bucket), "VARLIB_AUTHOR": "api-test"}
    process, url = start_server(env, tmp_path_factory.mktemp("serve") / "serve.log")
    yield Service(url, settings, env, registry)
    stop_process(process)


@pytest.fixture
def client(service):
    with service.client() as http:
        yield http


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def samples(text: str) -> dict[tuple[str, tuple], float]:
    """/metrics text as {(sample name, its sorted labels): value}."""
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found
