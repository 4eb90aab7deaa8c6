"""The Models page's team sections: an alias on a withdrawn version is marked, admins delete aliases (recorded in
the audit trail as the CLI's deletion is), a read-only store says why the admin controls are missing, a damaged
withdrawal record is worded as such, and the status column is wide enough to read a withdrawal."""

from __future__ import annotations

import json
import re

from tests.app.conftest import errors, open_app
from tests.integration.test_damaged_listings import overwrite
from ui import models_table
from ui.tables import aliases_table
from varlib import Actor, Registry
from varlib.service import publish_result
from varlib.versions import Version

MODELS = "views/models.py"
ADMIN = "Move an alias or withdraw a version"


def _text(at) -> str:
    """The page's text as people read it: markdown's escapes (ui.literal) taken off."""
    return re.sub(
        r"\\(.)", r"\1", "\n".join(x.value for x in [*at.markdown, *at.caption, *at.info, *at.warning, *at.error])
    )


def _aliases(at):
    return next(f.value for f in at.dataframe if "alias" in f.value.columns and "moves" in f.value.columns)


def _two_versions(registry: Registry, macro_result) -> Registry:
    publish_result(registry, macro_result, "var", "patch", "second")
    return registry


def test_an_alias_on_a_withdrawn_version_is_marked(seeded, macro_result):
    _two_versions(seeded, macro_result)
    seeded.set_alias("var", "best", "0.0.2")
    seeded.set_alias("var", "old", "0.0.1")
    seeded.withdraw("var", "0.0.2", "wrong data")
    at = open_app(page=MODELS)
    assert _aliases(at)["version"].tolist() == ["0.0.2 (withdrawn)", "0.0.1"]
    assert "@best points at 0.0.2, which is withdrawn" in _text(at)
    # the table alone, as other pages would build it
    assert aliases_table(seeded.aliases("var"), seeded.withdrawals("var"))["version"].tolist()[0] == "0.0.2 (withdrawn)"
    at.session_state["admin_open|var"] = True
    at.run()  # the alias most likely to be deleted is marked in the form too
    assert at.selectbox(key="alias_delete|var").options == [
        "@best (points at 0.0.2, withdrawn)",
        "@old (points at 0.0.1)",
    ]


def test_an_admin_deletes_an_alias_and_the_trail_records_it(seeded, macro_result):
    _two_versions(seeded, macro_result)
    seeded.set_alias("var", "champion", "0.0.1")
    at = open_app(page=MODELS)
    at.session_state["admin_open|var"] = True
    at.session_state["history_open|var"] = True
    at.run()
    assert at.selectbox(key="alias_delete|var").options == ["@champion (points at 0.0.1)"]
    next(b for b in at.button if b.label == "Delete alias").click().run()
    assert not at.exception and errors(at) == ""
    gone = seeded.alias("var", "champion")
    assert gone.version is None and gone.actor.name == "tester" and gone.actor.via == "dashboard"
    record = seeded.history("var")[0]
    assert (record.action, record.alias, record.previous) == ("alias.delete", "champion", "0.0.1")
    assert record.actor.via == "dashboard"
    admin = next(e for e in at.expander if e.label == ADMIN)
    done = "@champion is deleted (it pointed at 0.0.1); the history keeps its moves."
    assert [s.value for s in admin.success] == [done]
    assert "has no aliases yet" in _text(at)
    trail = next(f.value for f in at.dataframe if "action" in f.value.columns)
    assert trail["action"].tolist()[0] == "alias.delete"


def test_only_admins_on_a_writable_store_get_the_delete_control(seeded, monkeypatch):
    import ui.auth

    seeded.set_alias("var", "champion", "0.0.1")
    viewer = ui.auth.SignIn(True, Actor("Vera Viewer", "v", "http://issuer.test", "dashboard"), "viewer")
    with monkeypatch.context() as patched:
        patched.setattr(ui.auth, "current", lambda: viewer)
        at = open_app(page=MODELS)
        assert "Moving or deleting an alias and withdrawing a version need the admin role" in _text(at)
        assert not any(e.label == ADMIN for e in at.expander)


def test_a_read_only_store_says_why_the_admin_controls_are_missing(seeded, monkeypatch):
    monkeypatch.setenv("VARLIB_READ_ONLY", "1")
    at = open_app(page=MODELS)
    assert not any(e.label == ADMIN for e in at.expander)
    assert "this store is read-only (VARLIB_READ_ONLY is on)" in _text(at)


def test_a_damaged_withdrawal_record_is_worded_as_such(seeded, macro_result):
    _two_versions(seeded, macro_result)
    seeded.withdraw("var", "0.0.1", "wrong data")
    overwrite(seeded, "var/_withdrawn/0_0_1.json", b"{")
    at = open_app({"model": "var", "version": "0.0.1"}, page=MODELS)
    assert not at.exception and errors(at) == ""
    text = _text(at)
    assert "on  by unknown" not in text and "by unknown" not in text
    assert "but its withdrawal record is damaged (the record var/_withdrawn/0_0_1.json is damaged)" in text
    status = at.dataframe[0].value["status"].tolist()
    assert status == ["ok", "withdrawn (record damaged)"]


def test_the_status_column_is_wide_enough_to_read_a_withdrawal(seeded, macro_result):
    _two_versions(seeded, macro_result)
    seeded.withdraw("var", "0.0.1", "bad holdout")
    at = open_app(page=MODELS)
    table = at.dataframe[0]
    config = json.loads(table.proto.columns)
    assert config["status"]["width"] >= 80  # "withdrawn", not "withdr"
    assert sum(config[c]["width"] for c in models_table.DEFAULT) <= 980
    assert table.value["status"].tolist() == ["ok", "withdrawn"]  # why: in the version's details
    assert seeded.withdrawal("var", Version(0, 0, 1)).reason == "bad holdout"
    assert config["created"]["label"] == "created (UTC)"  # the cells stop at the minute, before the zone


def test_a_signed_in_user_without_a_role_gets_one_sign_out_and_the_group_to_ask_for(seeded, monkeypatch):
    import ui.auth

    monkeypatch.setenv("VARLIB_VIEWER_GROUPS", "staff")
    nobody = ui.auth.SignIn(True, Actor("Nora Nogroup", "n", "http://issuer.test", "dashboard"), None)
    with monkeypatch.context() as patched:
        patched.setattr(ui.auth, "current", lambda: nobody)
        at = open_app(page=MODELS)
    said = "\n".join(w.value for w in at.warning)
    assert "has no role on this dashboard: ask an administrator of the identity provider to add you to" in said
    assert "`staff`" in said and [b.label for b in at.button].count("Sign out") == 1  # it had two, page and sidebar
