"""The set-up scripts wait for a MinIO that answers 503 while it starts (its health check passes before its S3 API
is up, and docker-compose waits only for that check): `init_minio.py` retried it before it read its settings
through the product, then gave up at the first answer; wrong credentials still end the set-up at once."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from minio.error import MinioAdminException, S3Error

from varlib import Settings

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
SETTINGS = Settings.from_env({"MINIO_ENDPOINT": "127.0.0.1:9", "MINIO_ACCESS_KEY": "a", "MINIO_SECRET_KEY": "b" * 8})


@pytest.fixture(scope="module")
def users():
    sys.path.insert(0, str(SCRIPTS))  # as `python scripts/init_minio.py` finds it
    try:
        spec = importlib.util.spec_from_file_location("minio_users", SCRIPTS / "minio_users.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(SCRIPTS))


def _s3(code: str) -> S3Error:
    return S3Error(None, code, "said", "/models", "request", "host")


def _answers(*refusals):
    """An action refused by each of `refusals` in turn, then done."""
    left = list(refusals)

    def action():
        if left:
            raise left.pop(0)
        return "done"

    return action


@pytest.mark.parametrize(
    "starting", [_s3("XMinioServerNotInitialized"), MinioAdminException("503", "Server not initialized")]
)
def test_a_server_still_starting_is_waited_for(users, monkeypatch, starting):
    monkeypatch.setattr(users.time, "sleep", lambda seconds: None)
    assert users.until_ready(_answers(starting, starting), SETTINGS, 60) == "done"


def test_wrong_credentials_end_the_set_up_at_once(users, monkeypatch, capsys):
    monkeypatch.setattr(users.time, "sleep", lambda seconds: pytest.fail("no wait for a refusal"))
    assert users.until_ready(_answers(_s3("InvalidAccessKeyId")), SETTINGS, 60) is None
    assert "refused the set-up: InvalidAccessKeyId" in capsys.readouterr().err


def test_a_server_still_starting_after_the_wait_is_said(users, monkeypatch, capsys):
    # a wait of -1 s is over before the first answer
    monkeypatch.setattr(users.time, "sleep", lambda seconds: None)
    assert users.until_ready(_answers(*[_s3("XMinioServerNotInitialized")] * 3), SETTINGS, -1) is None
    assert "refused the set-up: XMinioServerNotInitialized" in capsys.readouterr().err
