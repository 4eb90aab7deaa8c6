"""The service started by uvicorn itself (`uvicorn varlib.api:create_app --factory`), as deployments often start
it: a bad setting ends the start in the one `error:` line `varlib serve` prints, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.api.conftest import CLEAN_ENV, PROJECT
from tests.support.minio_server import free_port
from varlib import InvalidInputError, Settings
from varlib.api import create_app

READ_ONLY = "error: VARLIB_READ_ONLY='maybe' is not a yes/no value"
ISSUER = "error: VARLIB_OIDC_ISSUER is set but empty"


@pytest.mark.parametrize(
    ("bad", "said"), [({"VARLIB_READ_ONLY": "maybe"}, READ_ONLY), ({"VARLIB_OIDC_ISSUER": ""}, ISSUER)]
)
def test_uvicorn_factory_start_with_a_bad_setting_is_one_line(bad, said, tmp_path):
    started = subprocess.run(
        [sys.executable, "-m", "uvicorn", "varlib.api:create_app", "--factory"]
        + ["--host", "127.0.0.1", "--port", str(free_port())],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env={**CLEAN_ENV, "VARLIB_STORE_DIR": str(tmp_path / "store"), **bad},
        timeout=120,
    )
    assert started.returncode == 3  # uvicorn's own start-up failure: a supervisor does not start it again
    assert "Traceback" not in started.stderr
    errors = [line for line in started.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(said), started.stderr


def test_the_factory_call_exits_in_one_line(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    monkeypatch.setenv("VARLIB_READ_ONLY", "maybe")
    with pytest.raises(SystemExit) as ended:
        create_app()
    assert ended.value.code == 3
    assert capsys.readouterr().err.startswith(READ_ONLY)


def test_a_caller_giving_settings_still_gets_the_exception(monkeypatch, tmp_path):
    monkeypatch.setenv("VARLIB_OIDC_ISSUER", "")  # read for the sign-in, which the caller left to the environment
    with pytest.raises(InvalidInputError, match="VARLIB_OIDC_ISSUER"):
        create_app(Settings(store_dir=tmp_path))
