"""The sign-in example profile of docker-compose.yml: Dex wired to a dashboard and a REST service, every
secret from the environment, and the variables each service gets are ones the product reads."""

import re
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[2]
SECRET = re.compile(r"(SECRET|PASSWORD|HASH)")  # access keys are user names, not secrets


@pytest.fixture(scope="module")
def services():
    return yaml.safe_load((PROJECT / "docker-compose.yml").read_text())["services"]


def test_the_profile_starts_dex_before_the_dashboard_and_the_api(services):
    for name in ("dex", "app-signin", "api-signin"):
        assert services[name]["profiles"] == ["sign-in"]
    for name in ("app-signin", "api-signin"):
        assert services[name]["depends_on"]["dex"]["condition"] == "service_healthy"
    assert services["dex"]["build"]["dockerfile"] == "docker/dex.Dockerfile"


def test_one_issuer_and_one_client_everywhere(services):
    issuers = {services[name]["environment"]["VARLIB_OIDC_ISSUER"] for name in ("dex", "app-signin", "api-signin")}
    assert len(issuers) == 1
    assert services["app-signin"]["environment"]["VARLIB_OIDC_CLIENT_ID"] == "varlib-dashboard"
    assert services["api-signin"]["environment"]["VARLIB_OIDC_AUDIENCE"] == "varlib-dashboard"
    dex = yaml.safe_load((PROJECT / "docker" / "dex.yaml").read_text())
    assert dex["staticClients"][0]["id"] == "varlib-dashboard"
    assert dex["oauth2"]["passwordConnector"] == "local"
    assert {g for user in dex["staticPasswords"] for g in user["groups"]} == {
        "varlib-admins",
        "varlib-publishers",
        "varlib-viewers",
    }


def test_secrets_come_from_the_environment_only(services):
    for name in ("dex", "app-signin", "api-signin"):
        for key, value in services[name]["environment"].items():
            if SECRET.search(key):
                assert str(value).startswith("${") and ":?" in str(value), (name, key, value)
    dex = (PROJECT / "docker" / "dex.yaml").read_text()
    assert "secretEnv: VARLIB_OIDC_CLIENT_SECRET" in dex and "secret:" not in dex
    assert dex.count("hashFromEnv:") == 3 and "hash:" not in dex


def test_the_dashboard_writes_its_secrets_file_at_start(services):
    command = " ".join(services["app-signin"]["command"])
    assert "scripts/auth_secrets.py /tmp/varlib/secrets.toml" in command
    assert "--secrets.files /tmp/varlib/secrets.toml" in command
    assert "COPY scripts/auth_secrets.py scripts/" in (PROJECT / "Dockerfile").read_text()
