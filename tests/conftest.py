"""Shared fixtures: a real MinIO for the session, fresh buckets and folders per test."""

from __future__ import annotations

import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.minio_server import MinioServer, minio_available, minio_required
from tests.support.streamlit_scan import check_version, scan_once
from varlib import Registry
from varlib.config import Settings


@dataclass(frozen=True)
class MinioTarget:
    """Where the MinIO tests write: an endpoint and credentials with full rights."""

    endpoint: str
    access_key: str
    secret_key: str
    server: MinioServer | None  # None when MINIO_ENDPOINT points at an external server

    def settings(self, bucket: str, **changes) -> Settings:
        return Settings(
            minio_endpoint=self.endpoint,
            access_key=self.access_key,
            secret_key=self.secret_key,
            bucket=bucket,
            **changes,
        )

    def env(self, bucket: str) -> dict[str, str]:
        return {
            "MINIO_ENDPOINT": self.endpoint,
            "MINIO_ACCESS_KEY": self.access_key,
            "MINIO_SECRET_KEY": self.secret_key,
            "MINIO_BUCKET": bucket,
        }


@pytest.fixture(scope="session")
def minio(tmp_path_factory) -> MinioTarget:
    """A running MinIO: the one MINIO_ENDPOINT names, else a server started on a free port."""
    external = os.environ.get("MINIO_ENDPOINT")
    if external:
        # a generator fixture: `return` alone would yield nothing, and every test using it would error
        yield MinioTarget(
            external, os.environ.get("MINIO_ACCESS_KEY", ""), os.environ.get("MINIO_SECRET_KEY", ""), None
        )
        return
    if not minio_available():
        message = (
            "MinIO server binary .tools/bin/minio is missing: run `make test` (it builds it with"
            " scripts/get-minio.sh) or set MINIO_ENDPOINT"
        )
        if minio_required():
            pytest.fail(message)
        pytest.skip("!!! MINIO TESTS SKIPPED !!! " + message)
    server = MinioServer([tmp_path_factory.mktemp("minio") / "data"])
    try:
        server.start()
    except RuntimeError as exc:
        if minio_required():
            pytest.fail(f"MinIO could not start: {exc}")
        pytest.skip(f"!!! MINIO TESTS SKIPPED !!! MinIO could not start: {exc}")
    yield MinioTarget(server.endpoint, server.access_key, server.secret_key, server)
    server.stop()


def new_bucket() -> str:
    return "t-" + secrets.token_hex(6)


@pytest.fixture
def minio_settings(minio) -> Settings:
    """Settings for a fresh, empty bucket on the test MinIO."""
    return minio.settings(new_bucket(), author="tester")


@pytest.fixture
def local_settings(tmp_path) -> Settings:
    return Settings(store_dir=tmp_path / "store", author="tester")


def point_cli_at(settings: Settings, monkeypatch) -> None:
    """The environment the CLI reads, set to the store of `settings` (a MinIO bucket or a local folder)."""
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    if not settings.uses_minio:
        monkeypatch.setenv("VARLIB_STORE_DIR", str(settings.store_dir))
        monkeypatch.setenv("MINIO_BUCKET", settings.bucket)  # a local store's folder inside VARLIB_STORE_DIR
        return
    for variable, value in {
        "MINIO_ENDPOINT": settings.minio_endpoint,
        "MINIO_ACCESS_KEY": settings.access_key,
        "MINIO_SECRET_KEY": settings.secret_key,
        "MINIO_BUCKET": settings.bucket,
    }.items():
        monkeypatch.setenv(variable, value)


@pytest.fixture
def local_cli(local_settings, monkeypatch, capsys):
    """`varlib` in this process on the local store of `local_settings`: run(*argv) -> (exit code, stdout, stderr)."""
    from varlib.cli import main

    point_cli_at(local_settings, monkeypatch)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(params=["local", pytest.param("minio", marks=pytest.mark.minio)])
def store_settings(request, tmp_path) -> Settings:
    """The contract suite runs once per backend."""
    if request.param == "local":
        return Settings(store_dir=tmp_path / "store", author="tester")
    return request.getfixturevalue("minio_settings")


@pytest.fixture
def registry(store_settings) -> Registry:
    return Registry.from_settings(store_settings)


@pytest.fixture(scope="session")
def macro_result():
    """One training run on the bundled data, shared by tests that only need a fitted model."""
    from varlib import ModelSpec, load_dataset, train_model

    dataset = load_dataset()
    return train_model(dataset, ModelSpec(variables=tuple(dataset.variables)))


def cli_store(settings: Settings, monkeypatch, result, name: str, versions: int) -> Registry:
    """The store of `settings` holding `versions` versions of `name` (0.0.1 on, each the fit `result`), with the CLI
    pointed at it."""
    from varlib import publish_result

    registry = Registry.from_settings(settings)
    for _ in range(versions):
        publish_result(registry, result, name)
    point_cli_at(settings, monkeypatch)
    return registry


@pytest.fixture
def cli_var_store(local_settings, monkeypatch, macro_result) -> Registry:
    """A local store holding var 0.0.1 and 0.0.2 (the bundled data's fit), with the CLI pointed at it."""
    return cli_store(local_settings, monkeypatch, macro_result, "var", 2)


def project_dir() -> Path:
    return Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def dex(tmp_path_factory):
    """A real Dex for the session: test users in groups, the password grant on (tests/support/oidc_server.py)."""
    from tests.support.oidc_server import start_dex

    server = start_dex(tmp_path_factory.mktemp("dex"))
    yield server
    server.stop()


def pytest_configure(config) -> None:
    _stop_on_refusal(
        check_version
    )  # of the Streamlit whose component scan the tests cache (tests.support.streamlit_scan)


def pytest_collection_finish(session) -> None:
    """Streamlit's scan of the installed packages, once per process rather than once per AppTest; only when a test
    collected uses AppTest (a run that needs none of Streamlit does not import it)."""
    if "streamlit.testing.v1" in sys.modules:
        _stop_on_refusal(scan_once)


def _stop_on_refusal(step) -> None:
    """Run `step`; its refusal (RuntimeError: another Streamlit, a moved scanner) stops the run with its words alone."""
    try:
        step()
    except RuntimeError as exc:
        raise pytest.UsageError(str(exc)) from None


def pytest_xdist_node_collection_finished(node, ids: list[str]) -> None:
    """Under pytest-xdist, refuse a run in which two tests share a node id: the workers report by id, so all but
    one of them would vanish without a word (schemathesis gives every operation of its schema the same id; such
    files are marked `one_process`, which `make test` runs after the rest, in one process)."""
    seen: set[str] = set()
    shared = sorted({nodeid for nodeid in ids if nodeid in seen or seen.add(nodeid)})
    if shared:
        raise pytest.UsageError(
            f"{len(shared)} node ids are shared by several tests, which pytest-xdist would run or report once:"
            f" {', '.join(shared[:5])}; mark their files `one_process` and run them without -n"
        )
