"""Start and stop real `minio server` processes on free loopback ports for the tests."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import ssl
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
MINIO_BIN = PROJECT_DIR / ".tools" / "bin" / "minio"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_process(process: subprocess.Popen, kill: bool = False, timeout: float = 15) -> None:
    """Stop a server started by the tests or the benchmarks: SIGTERM (or SIGKILL), SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    if kill:
        process.kill()
    else:
        process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


def minio_required() -> bool:
    """CI (and VARLIB_REQUIRE_MINIO=1) must fail, never skip, when MinIO cannot start."""
    return os.environ.get("CI", "").lower() in ("1", "true") or os.environ.get("VARLIB_REQUIRE_MINIO") == "1"


@dataclass
class MinioServer:
    """One `minio server` process (a single drive, or one node of a distributed set)."""

    data_dirs: list[Path]
    port: int = field(default_factory=free_port)
    console_port: int = field(default_factory=free_port)
    access_key: str = "varlib-test"
    secret_key: str = field(default_factory=lambda: secrets.token_hex(16))
    endpoints: str | None = None  # distributed: the shared MINIO_ENDPOINTS list
    process: subprocess.Popen | None = None
    log_path: Path | None = None
    certs_dir: Path | None = None  # TLS: holds public.crt and private.key (MinIO's --certs-dir)
    ca_file: Path | None = None  # the CA that signed public.crt, to check readiness over https

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, wait: bool = True, timeout: float = 60.0) -> MinioServer:
        for data_dir in self.data_dirs:
            data_dir.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "MINIO_ROOT_USER": self.access_key,
            "MINIO_ROOT_PASSWORD": self.secret_key,
            "MINIO_BROWSER": "off",
            "MINIO_UPDATE": "off",
            "MINIO_CI_CD": "1",
        }
        args = [
            str(MINIO_BIN),
            "server",
            "--quiet",
            "--address",
            self.endpoint,
            "--console-address",
            f"127.0.0.1:{self.console_port}",
        ]
        if self.certs_dir is not None:
            args += ["--certs-dir", str(self.certs_dir)]
        if self.endpoints:
            env["MINIO_ENDPOINTS"] = self.endpoints
            # In a container MinIO waits for loopback hosts to "resolve to a valid IP" forever;
            # this names the endpoint that is this process (ignored outside containers).
            env["_MINIO_SERVER_LOCAL"] = self.endpoint
        else:
            args += [str(d) for d in self.data_dirs]
        self.log_path = self.data_dirs[0].parent / f"minio-{self.port}.log"
        log = open(self.log_path, "ab")  # noqa: SIM115 - the server process writes to it for its whole life
        self.process = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        if wait:
            self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout: float = 60.0, path: str = "/minio/health/live") -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"minio server exited with {self.process.returncode}: {self.log_tail()}")
            try:
                with urllib.request.urlopen(
                    f"{self.scheme}://{self.endpoint}{path}", timeout=1, context=self._ssl_context()
                ) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"minio server on {self.endpoint} not ready after {timeout}s: {self.log_tail()}")

    @property
    def scheme(self) -> str:
        return "https" if self.certs_dir is not None else "http"

    def _ssl_context(self) -> ssl.SSLContext | None:
        if self.certs_dir is None:
            return None
        return ssl.create_default_context(cafile=str(self.ca_file) if self.ca_file else None)

    def stop(self, kill: bool = False) -> None:
        if self.process is not None:
            stop_process(self.process, kill=kill)

    def log_tail(self) -> str:
        if self.log_path and self.log_path.exists():
            return self.log_path.read_text(errors="replace")[-2000:]
        return ""

    def env(self, bucket: str) -> dict[str, str]:
        """Environment variables that point the product at this server."""
        return {
            "MINIO_ENDPOINT": self.endpoint,
            "MINIO_ACCESS_KEY": self.access_key,
            "MINIO_SECRET_KEY": self.secret_key,
            "MINIO_BUCKET": bucket,
        }


def minio_available() -> bool:
    return MINIO_BIN.exists() and os.access(MINIO_BIN, os.X_OK)


def cleanup(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
