"""The benchmark's MinIO and its buckets of model versions.

A MinIO server is started on a free loopback port with a temporary data folder (or the one
MINIO_ENDPOINT names is used). Buckets holding 10 / 1,000 / 10,000 versions are a benchmark
fixture: the objects are written straight through the store (the registry's own encoding and
card metadata at the registry's keys), concurrently, then `Registry.reindex` writes the card
index and the `latest` copy, because publishing 10,000 versions one by one through
Registry.publish lists the folders each time.
Populated buckets are reused within one run only.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from tests.support.minio_server import MINIO_BIN, MinioServer
from varlib import Registry
from varlib.artifact import Artifact, encode
from varlib.catalog.cards import Card, metadata_header
from varlib.catalog.layout import MODEL_FILE
from varlib.config import Settings
from varlib.store import open_store
from varlib.versions import Version

MODEL_NAME = "var"


class BenchMinio:
    """One MinIO for the whole run; product and baseline both read from it."""

    def __init__(self) -> None:
        self.tmp: Path | None = None
        self.server: MinioServer | None = None
        self.base: Settings | None = None
        self.run_id = secrets.token_hex(3)
        self._populated: dict[int, Settings] = {}

    def __enter__(self) -> BenchMinio:
        if os.environ.get("MINIO_ENDPOINT"):
            self.base = replace(Settings.from_env(), author="bench")
        else:
            self.tmp = Path(tempfile.mkdtemp(prefix="varlib-bench-"))
            self.server = MinioServer([self.tmp / "data"]).start()
            self.base = Settings(
                minio_endpoint=self.server.endpoint,
                access_key=self.server.access_key,
                secret_key=self.server.secret_key,
                author="bench",
            )
        return self

    def __exit__(self, *exc) -> None:
        if self.server is not None:
            self.server.stop()
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def server_cpu_s(self) -> float | None:
        """CPU seconds the MinIO process has used so far (None for an external server)."""
        if self.server is None or self.server.process is None:
            return None
        fields = Path(f"/proc/{self.server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def server_cpu_ms_per_call(self, fn, n: int) -> float | None:
        """MinIO's CPU per call of `fn`, averaged over `n` calls (jiffy resolution, so n should be large)."""
        before = self.server_cpu_s()
        if before is None:
            return None
        for _ in range(n):
            fn()
        return round((self.server_cpu_s() - before) / n * 1e3, 3)

    @property
    def external(self) -> bool:
        return self.server is None

    def settings(self, label: str) -> Settings:
        """Settings for a bucket of this run (bucket names are unique per run)."""
        return replace(self.base, bucket=f"bench-{self.run_id}-{label}")

    def env(self, settings: Settings) -> dict[str, str]:
        """Environment for a subprocess that should use `settings`' bucket."""
        return {
            "MINIO_ENDPOINT": settings.minio_endpoint,
            "MINIO_ACCESS_KEY": settings.access_key or "",
            "MINIO_SECRET_KEY": settings.secret_key or "",
            "MINIO_BUCKET": settings.bucket,
            "MINIO_SECURE": "1" if settings.minio_secure else "0",
            "VARLIB_AUTHOR": "bench",
        }

    def populated(self, artifact: Artifact, count: int, threads: int = 16) -> Settings:
        """A bucket with versions 0.0.1..0.0.<count> of `artifact` and the latest pointer (cached per run)."""
        if count not in self._populated:
            settings = self.settings(f"v{count}")
            populate(settings, artifact, count, threads)
            self._populated[count] = settings
        return self._populated[count]


def populate(settings: Settings, artifact: Artifact, count: int, threads: int = 16) -> None:
    """Write `count` versions directly through the store, as Registry.publish would lay them out."""
    store = open_store(settings)

    def write(patch: int) -> None:
        published = replace(artifact, version=Version(0, 0, patch))
        body = encode(published)
        store.create(
            f"{MODEL_NAME}/{published.version.key}/{MODEL_FILE}",
            body,
            metadata_header(Card.from_artifact(published), body),
        )

    store.create(f"{MODEL_NAME}/{Version(0, 0, 1).key}/{MODEL_FILE}", *_first(artifact))  # makes the bucket
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(write, range(2, count + 1)))
    # Publish indexes each card and moves the `latest` copy as it goes; a bucket written around it
    # gets both the way an operator's would, with `python -m varlib reindex`.
    Registry.from_settings(settings).reindex(MODEL_NAME)


def _first(artifact: Artifact) -> tuple[bytes, dict]:
    published = replace(artifact, version=Version(0, 0, 1))
    body = encode(published)
    return body, metadata_header(Card.from_artifact(published), body)


def minio_server_version() -> str:
    """The pinned module version get-minio.sh built (else `minio --version`, first line)."""
    pinned = MINIO_BIN.parent / "minio.version"
    if pinned.exists():
        return f"github.com/minio/minio@{pinned.read_text().strip()} (built by scripts/get-minio.sh)"
    try:
        out = subprocess.run([str(MINIO_BIN), "--version"], capture_output=True, text=True, timeout=20)
    except OSError as exc:
        return f"unknown ({exc})"
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr) else "unknown"
