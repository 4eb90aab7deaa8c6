"""scripts/init_minio.py and scripts/minio_users.py read MINIO_* as the product does (varlib.Settings): every
endpoint form, every yes/no spelling of MINIO_SECURE, MINIO_CA_BUNDLE; a bad setting is refused by name."""

from __future__ import annotations

import secrets
import subprocess
import sys

import pytest
from minio import Minio

from tests.conftest import new_bucket
from tests.reliability.conftest import PROJECT_DIR, clean_env
from tests.support.minio_server import free_port
from varlib import Registry
from varlib.config import Settings


def _script(name: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """The script as docker-compose runs it (`python scripts/<name>.py`), with only `env` naming a store."""
    return subprocess.run(
        [sys.executable, f"scripts/{name}.py"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        env=clean_env(**{"VARLIB_SETUP_WAIT": "2", **env}),
    )


def _users_env(endpoint: str, root: tuple[str, str], bucket: str, **extra: str) -> dict[str, str]:
    tag = secrets.token_hex(3)
    return {
        "MINIO_ENDPOINT": endpoint,
        "MINIO_ROOT_USER": root[0],
        "MINIO_ROOT_PASSWORD": root[1],
        "MINIO_BUCKET": bucket,
        "VARLIB_READER_ACCESS_KEY": f"reader-{tag}",
        "VARLIB_READER_SECRET_KEY": secrets.token_hex(16),
        "VARLIB_PUBLISHER_ACCESS_KEY": f"publisher-{tag}",
        "VARLIB_PUBLISHER_SECRET_KEY": secrets.token_hex(16),
        **extra,
    }


def _clean_failure(done: subprocess.CompletedProcess, code: int, *needles: str) -> None:
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("error: ") and "Traceback" not in done.stderr, done.stderr
    for needle in needles:
        assert needle in lines[-1], (needle, done.stderr)


@pytest.mark.minio
def test_http_endpoint_form_and_spelled_out_secure_flag(minio, macro_artifact):
    """`http://host:port` and MINIO_SECURE=false, as the product accepts them, for both scripts."""
    bucket = new_bucket()
    plain = {"MINIO_ENDPOINT": f"http://{minio.endpoint}", "MINIO_SECURE": "false"}
    done = _script("init_minio", {**minio.env(bucket), **plain})
    assert done.returncode == 0 and f"bucket '{bucket}' ready" in done.stdout, done.stderr
    assert Minio(minio.endpoint, minio.access_key, minio.secret_key, secure=False).bucket_exists(bucket)

    env = _users_env(f"http://{minio.endpoint}/", (minio.access_key, minio.secret_key), bucket, MINIO_SECURE="no")
    done = _script("minio_users", env)
    assert done.returncode == 0 and f"on bucket '{bucket}'" in done.stdout, done.stderr
    publisher = Settings.from_env(
        {
            **minio.env(bucket),
            "MINIO_ACCESS_KEY": env["VARLIB_PUBLISHER_ACCESS_KEY"],
            "MINIO_SECRET_KEY": env["VARLIB_PUBLISHER_SECRET_KEY"],
        }
    )
    assert str(Registry.from_settings(publisher).publish(macro_artifact).version) == "0.0.1"


@pytest.mark.minio
@pytest.mark.parametrize("secure", ["true", "on", "https"])
def test_tls_with_the_ca_bundle_for_every_spelling(tls_minio, secure):
    """MINIO_SECURE=true / on, or an https:// endpoint, with MINIO_CA_BUNDLE: both scripts speak TLS to it."""
    server, files = tls_minio
    tls = {"MINIO_CA_BUNDLE": str(files.ca_cert)}
    if secure == "https":
        tls["MINIO_ENDPOINT"] = f"https://{server.endpoint}"
    else:
        tls.update(MINIO_ENDPOINT=server.endpoint, MINIO_SECURE=secure)
    bucket = new_bucket()
    done = _script("init_minio", {**server.env(bucket), **tls})
    assert done.returncode == 0 and f"bucket '{bucket}' ready" in done.stdout, done.stderr
    done = _script(
        "minio_users", {**_users_env(server.endpoint, (server.access_key, server.secret_key), bucket), **tls}
    )
    assert done.returncode == 0 and f"on bucket '{bucket}'" in done.stdout, done.stderr


@pytest.mark.minio
@pytest.mark.parametrize("name", ["init_minio", "minio_users"])
def test_an_untrusted_certificate_names_the_ca_bundle(tls_minio, name):
    """TLS without the CA that signed the server's certificate: the store's words, not "did not answer"."""
    server, _ = tls_minio
    root = (server.access_key, server.secret_key)
    env = _users_env(server.endpoint, root, "models") if name == "minio_users" else server.env("models")
    _clean_failure(_script(name, {**env, "MINIO_SECURE": "1"}), 1, "TLS connection failed", "MINIO_CA_BUNDLE")


@pytest.mark.parametrize("name", ["init_minio", "minio_users"])
def test_bad_settings_are_refused_by_name_at_once(name, tmp_path):
    """A value the product refuses is refused by the scripts too, by name, without waiting for a server."""
    endpoint = f"127.0.0.1:{free_port()}"  # nothing listens there: a refusal must come before any request
    root = ("root-user", secrets.token_hex(16))
    base = (
        _users_env(endpoint, root, "models")
        if name == "minio_users"
        else {"MINIO_ENDPOINT": endpoint, "MINIO_ACCESS_KEY": root[0], "MINIO_SECRET_KEY": root[1]}
    )
    missing_ca = str(tmp_path / "no-such-ca.crt")
    for extra, needle in (
        ({"MINIO_SECURE": "maybe"}, "MINIO_SECURE='maybe'"),
        ({"MINIO_SECURE": "1", "MINIO_CA_BUNDLE": missing_ca}, f"MINIO_CA_BUNDLE '{missing_ca}'"),
        ({"MINIO_ENDPOINT": f"ftp://{endpoint}"}, "MINIO_ENDPOINT"),
        ({"MINIO_BUCKET": "Models_1"}, "MINIO_BUCKET='Models_1'"),
        ({"VARLIB_SETUP_WAIT": "soon"}, "VARLIB_SETUP_WAIT='soon'"),
    ):
        _clean_failure(_script(name, {**base, **extra}), 2, needle)


def test_init_waits_then_says_the_server_is_unreachable():
    """No server: one error line naming the endpoint after VARLIB_SETUP_WAIT, not a traceback."""
    endpoint = f"127.0.0.1:{free_port()}"
    env = {"MINIO_ENDPOINT": endpoint, "MINIO_ACCESS_KEY": "root-user", "MINIO_SECRET_KEY": secrets.token_hex(16)}
    _clean_failure(_script("init_minio", env), 1, f"MinIO at {endpoint} is unreachable", "waited 2 s")
