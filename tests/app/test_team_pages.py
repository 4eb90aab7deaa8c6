"""Team features in the dashboard through the entrypoint: local use (no sign-in configured), aliases and
withdrawals on the Models page, `?version=@alias` and withdrawn versions on the Forecast page, and the
sign-in screen when a provider is configured (the signed-in flow runs in Chromium, tests/e2e)."""

from __future__ import annotations

import ui.store
from tests.app.conftest import charts, errors, open_app, sign_in_screen
from varlib import Actor
from varlib.service import publish_result
from varlib.versions import Version

FORECAST, MODELS = "views/forecast.py", "views/models.py"
OTHER = Actor("other admin", "o")


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


def test_local_use_says_so_and_an_admin_form_moves_an_alias_and_withdraws(seeded, macro_result):
    publish_result(seeded, macro_result, "var", "patch", "second")
    at = open_app(page=MODELS)
    assert "local use" in _markdown(at) and "No sign-in is configured" in _markdown(at)
    assert not at.text_input and not [f for f in at.dataframe if "action" in f.value.columns]  # drawn when opened
    at.session_state["admin_open|var"] = True
    at.session_state["history_open|var"] = True
    at.run()
    at.text_input(key="alias_name|var").input("champion")
    at.selectbox(key="alias_version|var").select("0.0.1")
    next(b for b in at.button if b.label == "Set alias").click().run()
    assert not at.exception and errors(at) == ""
    alias = seeded.alias("var", "champion")
    assert alias.version == Version(0, 0, 1)
    admin = next(e for e in at.expander if e.label == "Move an alias or withdraw a version")
    assert [s.value for s in admin.success] == ["@champion now points at 0.0.1 (a new alias)."]  # beside the form
    assert alias.actor.name == "tester" and alias.actor.via == "dashboard" and not alias.actor.signed_in
    at.selectbox(key="withdraw_version|var").select("0.0.2")
    at.text_input(key="withdraw_reason|var").input("bad holdout")
    next(b for b in at.button if b.label == "Withdraw").click().run()  # not confirmed: nothing withdrawn
    assert seeded.withdrawal("var", Version(0, 0, 2)) is None
    assert any("Tick *Withdraw the version picked above* to withdraw var 0.0.2" in w.value for w in at.warning)
    at.checkbox(key="withdraw_sure|var").check()
    next(b for b in at.button if b.label == "Withdraw").click().run()
    assert not at.exception and errors(at) == ""
    assert seeded.withdrawal("var", Version(0, 0, 2)).reason == "bad holdout"
    # the form is emptied: the picker moved on to 0.0.1, and one more click must not withdraw it with this reason
    assert at.text_input(key="withdraw_reason|var").value == "" and not at.checkbox(key="withdraw_sure|var").value
    next(b for b in at.button if b.label == "Withdraw").click().run()
    assert seeded.withdrawal("var", Version(0, 0, 1)) is None
    assert seeded.resolve_latest("var") == Version(0, 0, 1)
    frames = [frame.value for frame in at.dataframe]
    versions = next(f for f in frames if "status" in f.columns)
    assert versions["status"].tolist() == ["withdrawn", "ok"]
    assert next(f for f in frames if "alias" in f.columns and "moves" in f.columns)["alias"].tolist() == ["@champion"]
    trail = next(f for f in frames if "action" in f.columns)
    assert trail["action"].tolist()[:2] == ["withdraw", "alias.set"]
    assert "restored" not in trail.columns  # a column only when a repair wrote a record (test_table_formats)


def test_forecast_page_opens_an_alias_and_hides_withdrawn_versions(seeded, macro_result):
    for _ in range(2):
        publish_result(seeded, macro_result, "var")
    seeded.set_alias("var", "champion", "0.0.2", Actor("Alice", "a", "http://issuer"))
    seeded.withdraw("var", "0.0.3", "wrong data")
    at = open_app({"model": "var", "version": "@champion"})
    picker = at.selectbox(key="fc_version")
    assert picker.value == "@champion" and "0.0.3" not in picker.options
    assert picker.options[:3] == ["latest (0.0.2)", "@champion (0.0.2)", "0.0.2"]
    assert "var 0.0.2" in _markdown(at) and at.query_params["version"] == "@champion"
    at = open_app({"model": "var", "version": "0.0.3"})  # named explicitly: shown, with the withdrawal
    assert at.selectbox(key="fc_version").value == "0.0.3"
    assert any("was withdrawn" in w.value and "wrong data" in w.value for w in at.warning)
    seeded.withdraw("var", "0.0.2", "also wrong")
    at = open_app({"model": "var", "version": "@champion"})
    said = errors(at)
    assert said.startswith("**Withdrawn.**") and "which was withdrawn (also wrong; 20" in said and " UTC by " in said
    assert "the Models page's *Move an alias* form" in said and "varlib " not in said and "T0" not in said


def test_with_a_provider_configured_nobody_sees_the_pages_before_signing_in(seeded):
    at = sign_in_screen("http://127.0.0.1:9/dex/.well-known/openid-configuration")
    assert [b.label for b in at.button] == ["Sign in"]
    assert not at.selectbox and not at.dataframe and "Sign in with your organisation" in _markdown(at)


def test_pickers_leave_withdrawn_versions_out_unless_asked(seeded, macro_result):
    publish_result(seeded, macro_result, "var")
    seeded.withdraw("var", "0.0.2", "bad")
    at = open_app(page="views/backtest.py")
    assert at.selectbox(key="bt_version|var").options == ["latest (0.0.1)", "0.0.1"]
    at.checkbox(key="bt_withdrawn|var").check().run()
    assert at.selectbox(key="bt_version|var").options == ["latest (0.0.1)", "0.0.2 (withdrawn)", "0.0.1"]


def test_a_model_whose_every_version_is_withdrawn_says_so_on_each_page(seeded):
    seeded.withdraw("var", "0.0.1", "wrong data")  # the seeded store's only version of `var`
    at = open_app({"model": "var"})
    assert "no version in use: its only usable version is withdrawn" in errors(at)
    assert "broken or legacy" not in errors(at)
    assert at.selectbox(key="fc_version").options == []  # no `latest` to offer
    at = open_app({"model": "var", "version": "0.0.1"})  # named by a link: shown, with its withdrawal
    assert errors(at) == "" and at.selectbox(key="fc_version").options == ["0.0.1 (withdrawn)"]
    assert any("was withdrawn" in w.value and "wrong data" in w.value for w in at.warning) and charts(at)
    at = open_app({"model": "var"}, page="views/backtest.py")
    assert "its only usable version is withdrawn" in errors(at) and "Withdrawn too" in errors(at)
    at.checkbox(key="bt_withdrawn|var").check().run()
    assert errors(at) == "" and at.selectbox(key="bt_version|var").options == ["0.0.1 (withdrawn)"]  # no `latest`
    assert any("was withdrawn" in w.value and "wrong data" in w.value for w in at.warning)


def test_the_history_table_says_which_records_a_repair_restored():
    from ui.tables import history_table
    from varlib import AuditRecord

    ada = Actor("Ada", "ada-sub", "http://issuer", "rest")
    original = AuditRecord("2026-11-30T10:00:00.000000Z", "publish", "var", ada, "0.0.1")
    restored = AuditRecord(
        "2026-11-30T11:00:00.000000Z", "withdraw", "var", ada, "0.0.1", reason="bad", restored="2026-12-01T05:00:00Z"
    )
    assert "restored" not in history_table([original]).columns
    table = history_table([restored, original])
    assert table["restored"].tolist() == ["2026-12-01 05:00:00 UTC", ""] and table["by"].tolist() == ["Ada", "Ada"]


def test_the_admin_forms_start_at_the_version_the_details_show_and_follow_it(seeded, macro_result):
    publish_result(seeded, macro_result, "var", "patch", "second")
    at = open_app({"model": "var", "version": "0.0.1"}, page=MODELS)
    at.session_state["admin_open|var"] = True
    at.run()
    # a default of `latest` set an alias on 0.0.2 while 0.0.1 was on screen
    assert at.selectbox(key="alias_version|var").value == "0.0.1"
    assert at.selectbox(key="withdraw_version|var").value == "0.0.1"
    at.selectbox(key="models_version|var").set_value("0.0.2").run()
    assert at.selectbox(key="alias_version|var").value == "0.0.2"
    assert at.selectbox(key="alias_version|var").options[0] == "latest"  # still offered, no longer the default


def test_a_withdrawn_version_offers_no_scenario_save(seeded):
    """The library refuses a new scenario on a withdrawn version; the editor says so instead of a form."""
    from ui.paths_editor import EDITOR_OPEN

    seeded.withdraw("var", "0.0.1", "trained on the wrong file")
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    at.session_state[EDITOR_OPEN] = True
    at.run()
    assert not at.exception and errors(at) == ""
    notes = "\n".join(i.value for i in at.info)
    assert "var 0.0.1 was withdrawn (trained on the wrong file), so no new scenario is saved on it" in notes
    assert not any(b.label == "Save scenario" for b in at.button)


def test_with_every_version_withdrawn_the_alias_form_offers_no_latest(seeded):
    """`latest` stood for no version, and choosing it answered 'Not found' on the Models page itself."""
    seeded.withdraw("var", "0.0.1", "wrong data")
    at = open_app({"model": "var"}, page=MODELS)
    at.session_state["admin_open|var"] = True
    at.run()
    assert errors(at) == ""
    assert not [box for box in at.selectbox if box.key == "alias_version|var"]
    assert any("Every version of **var** is withdrawn: an alias has nothing to point at" in c.value for c in at.caption)


def test_an_alias_of_a_withdrawn_version_is_not_the_forecast_pages_default(seeded):
    """With every version withdrawn, the Forecast page opened on @champion and a red 'Withdrawn' box, where
    Diagnostics and Backtest said the model has no version in use."""
    seeded.set_alias("var", "champion", "0.0.1")
    seeded.withdraw("var", "0.0.1", "wrong data")
    at = open_app({"model": "var"})
    assert "no version in use: its only usable version is withdrawn" in errors(at)
    assert at.selectbox(key="fc_version").options == []
    named = open_app({"model": "var", "version": "@champion"})  # named by a link: offered, and refused by name
    assert named.selectbox(key="fc_version").options == ["@champion (0.0.1, withdrawn)"]
    assert "points at 0.0.1, which was withdrawn" in errors(named)


def test_the_models_details_open_on_the_newest_version_in_use_and_mark_the_withdrawn(seeded, macro_result):
    publish_result(seeded, macro_result, "var", "patch", "soon withdrawn")  # 0.0.2, the newest
    seeded.withdraw("var", "0.0.2", "leaky holdout")
    at = open_app({"model": "var"}, page=MODELS)
    details = at.selectbox(key="models_version|var")
    assert details.value == "0.0.1" and details.options == ["0.0.2 (withdrawn)", "0.0.1"]
    assert not any("was withdrawn" in w.value for w in at.warning)  # the version on screen is in use


def test_a_form_whose_pick_went_away_meanwhile_changes_nothing(seeded, macro_result):
    """Another admin withdrew the version (or deleted the alias) this form had picked: the click withdrew the
    version the picker fell back to, with this reason, or deleted another alias."""
    for note in ("second", "third"):
        publish_result(seeded, macro_result, "var", "patch", note)
    for alias in ("race", "bulk"):
        seeded.set_alias("var", alias, "0.0.1")
    for form, pick, button, change, said in (
        (
            "withdraw_version|var",
            "0.0.2",
            "Withdraw",
            lambda: seeded.withdraw("var", "0.0.2", "pulled", OTHER),
            "0.0.2** was withdrawn by other admin after this form was drawn: nothing was changed",
        ),
        (
            "alias_delete|var",
            "@race",
            "Delete alias",
            lambda: seeded.delete_alias("var", "race", OTHER),
            "@race** was deleted after this form was drawn: nothing was changed",
        ),
        (
            "alias_version|var",
            "0.0.3",
            "Set alias",
            lambda: seeded.withdraw("var", "0.0.3", "pulled", OTHER),
            "0.0.3** was withdrawn by other admin after this form was drawn",
        ),
    ):
        at = open_app(page=MODELS)
        at.session_state["admin_open|var"] = True
        at.run()
        at.selectbox(key=form).select(pick)
        at.text_input(key="withdraw_reason|var").input("wrong file")
        at.text_input(key="alias_name|var").input("champion")
        at.checkbox(key="withdraw_sure|var").check()
        change()  # while this form is on screen
        ui.store.refresh()  # as the other admin's dashboard does after its change (ui.governance._done)
        trail = len(seeded.history("var"))
        next(b for b in at.button if b.label == button).click().run()
        assert any(said in w.value for w in at.warning), [w.value for w in at.warning]
        assert len(seeded.history("var")) == trail, button  # nothing else withdrawn, deleted or moved


def test_a_withdrawal_names_the_aliases_it_strands_and_a_cut_history_says_so(seeded, macro_result, monkeypatch):
    publish_result(seeded, macro_result, "var", "patch", "second")
    for alias in ("champion", "canary"):
        seeded.set_alias("var", alias, "0.0.2")
    monkeypatch.setattr(ui.store, "HISTORY_SHOWN", 3)  # 2 publishes and 2 moves: more than the page shows
    ui.store.refresh()
    at = open_app(page=MODELS)
    at.session_state["admin_open|var"] = True
    at.session_state["history_open|var"] = True
    at.run()
    assert any(c.value.startswith("The newest 3 records are shown; all of them: `varlib history") for c in at.caption)
    at.text_input(key="alias_name|var").input("champion")
    at.selectbox(key="alias_version|var").select("0.0.1")
    next(b for b in at.button if b.label == "Set alias").click().run()
    assert [s.value for s in at.success] == ["@champion now points at 0.0.1 (it pointed at 0.0.2)."]
    at.selectbox(key="withdraw_version|var").select("0.0.2")
    at.text_input(key="withdraw_reason|var").input("bad holdout")
    at.checkbox(key="withdraw_sure|var").check()
    next(b for b in at.button if b.label == "Withdraw").click().run()
    assert [s.value for s in at.success] == [
        "var 0.0.2 is withdrawn. @canary points at it: refused wherever used until moved. `latest` is now 0.0.1."
    ]


def test_a_page_on_an_alias_deleted_meanwhile_keeps_it_and_says_who_deleted_it(seeded, macro_result):
    """The picker fell back to `latest` without a word: the page showed another version than the one followed."""
    publish_result(seeded, macro_result, "var", "patch", "second")
    seeded.set_alias("var", "champion", "0.0.1")
    at = open_app({"model": "var", "version": "@champion"})
    assert "var 0.0.1** · created" in _markdown(at)
    seeded.delete_alias("var", "champion", OTHER)
    ui.store.refresh()
    at.run()
    picker = at.selectbox(key="fc_version")
    assert picker.value == "@champion" and "@champion (deleted)" in picker.options
    said = errors(at)
    assert said.startswith("**Not found.**") and "(it was deleted 20" in said, said
    assert "by other admin; it pointed at 0.0.1); the Models page lists them" in said
    assert "· created" not in _markdown(at)  # no model card, no forecast of another version
    seeded.set_alias("var", "champion", "0.0.2")  # set again: the page shows what it stands for now
    ui.store.refresh()
    at.run()
    assert "var 0.0.2** · created" in _markdown(at) and not at.error


def test_this_sessions_own_withdrawal_is_not_said_to_have_happened_meanwhile(seeded, macro_result):
    publish_result(seeded, macro_result, "var", "patch", "second")
    at = open_app(page=MODELS)
    at.session_state["admin_open|var"] = True
    at.run()
    at.selectbox(key="alias_version|var").select("0.0.2")  # the alias form has it picked too
    at.selectbox(key="withdraw_version|var").select("0.0.2")
    at.text_input(key="withdraw_reason|var").input("bad data")
    at.checkbox(key="withdraw_sure|var").check()
    next(b for b in at.button if b.label == "Withdraw").click().run()
    assert any("var 0.0.2 is withdrawn" in s.value for s in at.success), [s.value for s in at.success]
    assert not [w.value for w in at.warning if "after this form was drawn" in w.value]
    at.run()  # the next run of the page: a pick gone from now on is someone else's doing again
    assert not [w.value for w in at.warning if "after this form was drawn" in w.value]
