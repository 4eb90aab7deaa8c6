"""Fixtures of the reliability suites: private MinIO servers, a CLI runner, a ready artifact."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.minio_server import MinioServer, minio_available, minio_required
from tests.support.tls import make_certificates, openssl_available
from varlib.artifact import Artifact, build_artifact

PROJECT_DIR = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class CliRun:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a CLI subprocess: nothing inherited that names a store, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "VARLIB_"))}
    env.update({"VARLIB_AUTHOR": "reliability", "PYTHONPATH": str(PROJECT_DIR)})
    env.update(extra)
    return env


def run_cli(env: dict[str, str], *args: str, timeout: float = 120) -> CliRun:
    """`python -m varlib <args>` in a fresh process; the wall time includes interpreter start."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "varlib", *args],
        env=env,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return CliRun(done.returncode, done.stdout, done.stderr, time.monotonic() - started)


def assert_clean_failure(run: CliRun, *needles: str) -> None:
    """A failure the product expected: exit 1 or 2, one `error:` line, no traceback."""
    assert run.returncode in (1, 2), (run.returncode, run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr
    assert "Traceback" not in run.stderr
    for needle in needles:
        assert needle in run.stderr, (needle, run.stderr)


def require_minio() -> None:
    """Fail in CI, skip loudly elsewhere, when the MinIO binary is missing."""
    if not minio_available():
        message = "MinIO server binary .tools/bin/minio is missing: run `make test` (scripts/get-minio.sh builds it)"
        if minio_required():
            pytest.fail(message)
        pytest.skip("!!! MINIO TESTS SKIPPED !!! " + message)


def start_server(folder: Path, **options) -> MinioServer:
    """A private MinIO (faults are injected into it, never into the session server)."""
    require_minio()
    server = MinioServer([folder / "data"], **options)
    server.start()
    return server


@pytest.fixture
def own_minio(tmp_path):
    server = start_server(tmp_path / "own")
    yield server
    server.stop(kill=True)


@pytest.fixture
def tls_minio(tmp_path):
    """A MinIO of its own speaking TLS with a certificate of a private authority: (server, its certificate files)."""
    require_minio()
    if not openssl_available():
        pytest.fail("the openssl CLI is needed to make the test certificates")
    files = make_certificates(tmp_path / "tls")
    server = MinioServer([tmp_path / "data"], certs_dir=files.certs_dir, ca_file=files.ca_cert).start()
    yield server, files
    server.stop(kill=True)


@pytest.fixture(scope="session")
def macro_artifact(macro_result) -> Artifact:
    """An unpublished artifact of the bundled data (publishing assigns the version)."""
    return build_artifact(macro_result, "var", "reliability", "reliability suite")
