"""Sign-in settings that would start a service nobody can use are refused at start, naming the variable:
an admin or publisher group variable set to no group, and an issuer without a scheme."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.api.conftest import CLEAN_ENV, PROJECT
from tests.support.minio_server import free_port
from varlib import AuthSettings, InvalidInputError, RolePolicy

SIGN_IN = {"VARLIB_OIDC_ISSUER": "http://127.0.0.1:5556/dex", "VARLIB_OIDC_AUDIENCE": "varlib"}


@pytest.mark.parametrize(
    ("name", "raw", "role"),
    [
        ("VARLIB_ADMIN_GROUPS", "", "admin"),
        ("VARLIB_ADMIN_GROUPS", " , ", "admin"),
        ("VARLIB_PUBLISHER_GROUPS", "", "publisher"),
    ],
)
def test_a_role_variable_set_to_no_group_is_refused_by_name(name, raw, role):
    with pytest.raises(InvalidInputError) as refused:
        AuthSettings.from_env({**SIGN_IN, name: raw})
    message = str(refused.value)
    assert message.startswith(f"{name}={raw!r} names no group, so nobody could have the {role} role;"), message
    assert f"or unset {name} for that default" in message
    assert (refused.value.field, refused.value.value) == (name, raw)


def test_no_viewer_group_still_means_every_signed_in_user_views():
    policy = RolePolicy.from_env({"VARLIB_VIEWER_GROUPS": ""})
    assert policy.viewer_groups == frozenset() and policy.role_of({"groups": []}) == "viewer"
    assert RolePolicy.from_env({}).admin_groups == {"varlib-admins"}  # unset: the default


@pytest.mark.parametrize("issuer", ["127.0.0.1:8852/dex", "localhost:8852/dex", "id.example.com/dex", "https://"])
def test_an_issuer_without_a_scheme_is_refused_by_name(issuer):
    with pytest.raises(InvalidInputError) as refused:
        AuthSettings.from_env({**SIGN_IN, "VARLIB_OIDC_ISSUER": issuer})
    shown = issuer.rstrip("/")  # as the service reads it
    assert str(refused.value).startswith(f"VARLIB_OIDC_ISSUER={shown!r} is not an http(s) address;"), refused.value
    assert refused.value.field == "VARLIB_OIDC_ISSUER"


@pytest.mark.parametrize("issuer", ["http://127.0.0.1:5556/dex", "https://id.example.com/dex/"])
def test_an_http_issuer_is_taken(issuer):
    assert AuthSettings.from_env({**SIGN_IN, "VARLIB_OIDC_ISSUER": issuer}).issuer == issuer.rstrip("/")


@pytest.mark.parametrize(
    ("setting", "named"),
    [
        ({"VARLIB_ADMIN_GROUPS": ""}, "VARLIB_ADMIN_GROUPS='' names no group"),
        ({"VARLIB_OIDC_ISSUER": "127.0.0.1:8852/dex"}, "VARLIB_OIDC_ISSUER='127.0.0.1:8852/dex' is not an http(s)"),
    ],
)
def test_serve_refuses_to_start_in_one_line_with_exit_2(tmp_path, setting, named):
    env = {**CLEAN_ENV, **SIGN_IN, "VARLIB_STORE_DIR": str(tmp_path), **setting}
    # without the check it would start serving: the timeout ends it, and the test fails
    done = subprocess.run(
        [sys.executable, "-m", "varlib", "serve", "--port", str(free_port())],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith(f"error: {named}") and done.stdout == "", done.stderr
