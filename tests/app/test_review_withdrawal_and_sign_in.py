"""Review fixes on the dashboard: a withdrawn version's warning is the library's sentence (`Withdrawal.describe`,
escaped); the sign-in screen asks the `[auth] server_metadata_url` it is given, as given, and its warning names
that setting, not the REST service's VARLIB_OIDC_ISSUER."""

from __future__ import annotations

import re

from tests.app.conftest import open_app, sign_in_screen
from tests.support.json_server import json_server
from tests.support.minio_server import free_port
from ui.literal import WORD_JOINER, literal
from varlib import Actor
from varlib.service import publish_result
from varlib.versions import Version

MODELS = "views/models.py"


def _read(markdown: str) -> str:
    """Markdown as people read it: escapes (ui.literal) and autolink breakers taken off."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


def test_a_withdrawn_versions_warning_is_the_librarys_sentence(seeded, macro_result):
    publish_result(seeded, macro_result, "var", "patch", "second")
    seeded.withdraw("var", "0.0.1", "trained on *draft* data", Actor("Alice Admin", "CiQ1"))
    gone = seeded.withdrawal("var", Version(0, 0, 1))
    at = open_app({"model": "var", "version": "0.0.1"}, page=MODELS)
    [warning] = [w.value for w in at.warning if "withdrawn" in w.value]
    # the time to the second with UTC and who by name (the subject is the History's), as the CLI and reports say it;
    # typed text escaped
    assert warning.startswith(f"**var 0.0.1** {literal(gone.describe(subject=False))}. It still loads when named")
    assert " UTC by Alice Admin: trained on *draft* data. It still" in _read(warning)


def test_the_sign_in_screen_asks_the_metadata_url_as_given():
    port, asked = free_port(), []
    issuer = f"http://127.0.0.1:{port}/realms/varlib"
    document = {"issuer": issuer, "jwks_uri": f"{issuer}/certs", "authorization_endpoint": f"{issuer}/auth"}

    def answer(path: str) -> object:
        asked.append(path)
        return document if path == "/realms/varlib/metadata" else []  # any other path: no discovery document

    with json_server(answer, port):  # a provider whose metadata URL does not end in /.well-known/...
        at = sign_in_screen(f"{issuer}/metadata")
    assert asked and set(asked) == {"/realms/varlib/metadata"}
    assert not at.warning and [(b.label, b.disabled) for b in at.button] == [("Sign in", False)]


def test_an_unreachable_provider_is_told_with_the_dashboards_own_setting():
    url = f"http://127.0.0.1:{free_port()}/dex/.well-known/openid-configuration"  # nothing listens there
    at = sign_in_screen(url)
    [warning] = [_read(w.value) for w in at.warning]
    assert f"discovery document {url} cannot be read (nothing answers at that address: connection refused)" in warning
    assert "check [auth] server_metadata_url in .streamlit/secrets.toml" in warning
    assert "VARLIB_OIDC_ISSUER" not in warning
    assert [(b.label, b.disabled) for b in at.button] == [("Sign in", True)]
