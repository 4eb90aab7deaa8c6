"""docker-compose.yml is a shipped product: it parses and wires what the code reads."""

import re
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((PROJECT / "docker-compose.yml").read_text())


def test_services_ports_and_volume(compose):
    services = compose["services"]
    assert {"minio", "minio-init", "app"} <= set(services)
    assert {"9100:9100", "9101:9101"} <= set(services["minio"]["ports"])
    assert "8501:8501" in services["app"]["ports"]
    assert "minio-data" in compose["volumes"]
    assert "minio-data:/data" in services["minio"]["volumes"]
    assert "healthcheck" in services["minio"]


def _quoted_names(path: Path) -> set[str]:
    return set(re.findall(r'"((?:MINIO|VARLIB)_[A-Z_]+)"', path.read_text()))


def test_app_reads_only_variables_the_settings_know(compose):
    known = _quoted_names(PROJECT / "varlib" / "config.py")
    setup = _quoted_names(PROJECT / "scripts" / "minio_users.py")  # the set-up scripts' own (VARLIB_SETUP_WAIT)
    for name, allowed in (("app", known), ("minio-init", known | setup)):
        env = compose["services"][name]["environment"]
        assert env["MINIO_ENDPOINT"] == "minio:9100"
        assert set(env) <= allowed | {"MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD"}, set(env) - allowed


def test_the_bucket_service_is_given_the_wait_its_script_reads(compose):
    """scripts/init_minio.py waits up to VARLIB_SETUP_WAIT seconds, as the README says of the set-up scripts:
    compose passed it to `minio-users` only, so `minio-init` always waited the default 60."""
    assert "setup_wait(os.environ)" in (PROJECT / "scripts" / "init_minio.py").read_text()
    assert compose["services"]["minio-init"]["environment"]["VARLIB_SETUP_WAIT"] == "${VARLIB_SETUP_WAIT:-60}"


def test_the_users_service_is_given_every_variable_its_script_reads(compose):
    """The README says `minio-users` waits up to VARLIB_SETUP_WAIT seconds: compose did not pass it on, so it
    always waited the default 60."""
    script = (PROJECT / "scripts" / "minio_users.py").read_text()
    read = set(re.findall(r'"(VARLIB_[A-Z_]+)"', script))
    assert "VARLIB_SETUP_WAIT" in read
    assert read <= set(compose["services"]["minio-users"]["environment"]), read - set(
        compose["services"]["minio-users"]["environment"]
    )


def test_start_order_waits_for_health_and_bucket(compose):
    services = compose["services"]
    assert services["minio-init"]["depends_on"]["minio"]["condition"] == "service_healthy"
    assert services["app"]["depends_on"]["minio-init"]["condition"] == "service_completed_successfully"


def test_no_literal_secrets(compose):
    text = (PROJECT / "docker-compose.yml").read_text()
    for line in text.splitlines():
        if re.search(r"(PASSWORD|SECRET_KEY|ACCESS_KEY):", line):
            assert "${" in line, line


def test_dockerfiles_copy_what_exists():
    for dockerfile in ("Dockerfile", "docker/minio.Dockerfile"):
        for source in re.findall(r"^COPY (?!--from)(\S+)", (PROJECT / dockerfile).read_text(), re.M):
            assert (PROJECT / source).exists(), f"{dockerfile} copies missing {source}"
