"""docker-compose creates the read-only and publisher users and gives the app the read-only one by default."""

from __future__ import annotations

import re
import secrets
import subprocess
import sys

import pytest
import yaml

from tests.conftest import new_bucket
from tests.reliability.conftest import PROJECT_DIR, clean_env
from tests.support.figures import record
from varlib import Registry
from varlib.config import Settings
from varlib.errors import AccessDeniedError

COMPOSE = PROJECT_DIR / "docker-compose.yml"
_INTERPOLATION = re.compile(r"\$\{([A-Z_]+)(?::?[-?]([^}]*))?\}")


@pytest.fixture(scope="module")
def services() -> dict:
    return yaml.safe_load(COMPOSE.read_text())["services"]


def _variable(value: str) -> str:
    """The host variable a `${NAME:-default}` / `${NAME:?message}` value reads."""
    match = _INTERPOLATION.fullmatch(str(value))
    assert match, f"{value!r} is not a single ${{...}} interpolation"
    return match.group(1)


def _resolve(environment: dict, host: dict[str, str]) -> dict[str, str]:
    """Compose's interpolation of a service's environment against the host's variables."""

    def one(value) -> str:
        match = _INTERPOLATION.fullmatch(str(value))
        if not match:
            return str(value)
        name, default = match.group(1), match.group(2)
        if name in host:
            return host[name]
        assert "?" not in str(value).split(name, 1)[1][:2], f"{name} is required"
        return default or ""

    return {key: one(value) for key, value in environment.items()}


def test_users_service_creates_both_users_before_the_apps_start(services):
    users = services["minio-users"]
    assert users["command"] == ["python", "scripts/minio_users.py"]
    assert (PROJECT_DIR / "scripts" / "minio_users.py").exists()
    assert "COPY scripts/minio_users.py" in (PROJECT_DIR / "Dockerfile").read_text()
    env = users["environment"]
    for name in (
        "VARLIB_READER_ACCESS_KEY",
        "VARLIB_READER_SECRET_KEY",
        "VARLIB_PUBLISHER_ACCESS_KEY",
        "VARLIB_PUBLISHER_SECRET_KEY",
        "MINIO_ROOT_USER",
        "MINIO_ROOT_PASSWORD",
    ):
        assert _variable(env[name]) == name
    for name in ("app", "api", "app-publisher"):
        assert services[name]["depends_on"]["minio-users"]["condition"] == "service_completed_successfully"


def test_the_app_gets_the_read_only_user_unless_publishing_is_enabled(services):
    app, api, publisher = services["app"], services["api"], services["app-publisher"]
    for reader in (app, api):
        assert _variable(reader["environment"]["MINIO_ACCESS_KEY"]) == "VARLIB_READER_ACCESS_KEY"
        assert _variable(reader["environment"]["MINIO_SECRET_KEY"]) == "VARLIB_READER_SECRET_KEY"
        assert str(reader["environment"]["VARLIB_READ_ONLY"]) == "1"
        assert "profiles" not in reader
    assert publisher["profiles"] == ["publish"]  # opt-in: `docker compose --profile publish up`
    assert _variable(publisher["environment"]["MINIO_ACCESS_KEY"]) == "VARLIB_PUBLISHER_ACCESS_KEY"
    assert _variable(publisher["environment"]["MINIO_SECRET_KEY"]) == "VARLIB_PUBLISHER_SECRET_KEY"
    assert str(publisher["environment"]["VARLIB_READ_ONLY"]) == "0"
    root = {"MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD"}
    for name, service in services.items():  # only the set-up services hold the root credentials
        uses_root = {
            _INTERPOLATION.fullmatch(str(v)).group(1)
            for v in (service.get("environment") or {}).values()
            if _INTERPOLATION.fullmatch(str(v))
        } & root
        assert not uses_root or name in ("minio", "minio-init", "minio-users"), name


@pytest.mark.minio
def test_the_compose_wiring_works_against_a_real_minio(services, minio, macro_artifact):
    """Run scripts/minio_users.py with the environment compose would give it, then act as each app."""
    bucket = new_bucket()
    host = {
        "MINIO_ROOT_USER": minio.access_key,
        "MINIO_ROOT_PASSWORD": minio.secret_key,
        "VARLIB_READER_SECRET_KEY": secrets.token_hex(16),
        "VARLIB_PUBLISHER_SECRET_KEY": secrets.token_hex(16),
        "VARLIB_READER_ACCESS_KEY": f"reader-{secrets.token_hex(3)}",
        "VARLIB_PUBLISHER_ACCESS_KEY": f"publisher-{secrets.token_hex(3)}",
    }

    def as_service(name: str) -> dict[str, str]:
        env = _resolve(services[name]["environment"], host)
        return {**env, "MINIO_ENDPOINT": minio.endpoint, "MINIO_BUCKET": bucket}  # loopback, a fresh bucket

    done = subprocess.run(
        [sys.executable, "scripts/minio_users.py"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        env=clean_env(**as_service("minio-users")),
    )
    assert done.returncode == 0, done.stderr
    assert host["VARLIB_READER_SECRET_KEY"] not in done.stdout + done.stderr
    publisher = Registry.from_settings(Settings.from_env(as_service("app-publisher")))
    assert str(publisher.publish(macro_artifact).version) == "0.0.1"
    for name in ("app", "api"):
        reader = Registry.from_settings(Settings.from_env({**as_service(name), "VARLIB_READ_ONLY": "0"}))
        assert [e.label for e in reader.list_versions("var")] == ["0.0.1"]
        with pytest.raises(AccessDeniedError, match="not allowed"):
            reader.publish(macro_artifact)  # refused by MinIO itself, not only by VARLIB_READ_ONLY
        assert Registry.from_settings(Settings.from_env(as_service(name))).read_only
    again = subprocess.run(
        [sys.executable, "scripts/minio_users.py"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        env=clean_env(**as_service("minio-users")),
    )
    assert again.returncode == 0, again.stderr  # idempotent: compose may run it on every `up`
    record(
        "least-privilege",
        "docker-compose wiring (minio-users, app, api, app-publisher)",
        services_checked=4,
        reader_publishes_refused=2,
        publisher_publishes=1,
    )
