"""A withdrawn version's notices name who withdrew it as a person reads it: the name (or email) the record has,
not the identity provider's opaque subject beside it; a record with the subject alone says it is an id. On the
Models page's details, the Forecast page's notice, the note that a page's version was withdrawn meanwhile, and
an admin form whose pick was withdrawn meanwhile."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

import ui.store
from tests.app.conftest import TIMEOUT, open_app, warnings
from varlib import Actor
from varlib.service import publish_result

MODELS = "views/models.py"
SUBJECT = "CiQwOGE4Njg0Yi1kYjg4LTRiNzMtOTBhOS0zY2QxNjYxZjU0NjYSBWxvY2Fs"
NAMED = Actor("Wanda Withdrawer", SUBJECT, "http://issuer.test", via="dashboard")
EMAILED = Actor.from_claims({"sub": SUBJECT, "iss": "http://issuer.test", "email": "wanda@example.test"}, "rest")
ID_ONLY = Actor.from_claims({"sub": SUBJECT, "iss": "http://issuer.test"}, via="rest")
AS_ID = f"an account known only by its id {SUBJECT}"


def test_the_forecast_pages_notice_names_the_person_not_the_subject(seeded, macro_result):
    for _ in range(2):
        publish_result(seeded, macro_result, "var")
    seeded.withdraw("var", "0.0.1", "wrong data", NAMED)
    seeded.withdraw("var", "0.0.2", "leaky holdout", EMAILED)
    said = warnings(open_app({"model": "var", "version": "0.0.1"}))
    assert "by Wanda Withdrawer: wrong data" in said and SUBJECT not in said
    said = warnings(open_app({"model": "var", "version": "0.0.2"})).replace("\u2060", "")  # `@` kept from linking
    assert "by wanda@example.test: leaky holdout" in said and SUBJECT not in said


def test_the_models_pages_details_say_a_subject_alone_is_an_id(seeded, macro_result):
    publish_result(seeded, macro_result, "var")
    seeded.withdraw("var", "0.0.2", "wrong data", ID_ONLY)
    at = open_app({"model": "var"}, page=MODELS)
    at.selectbox(key="models_version|var").select("0.0.2 (withdrawn)").run()
    assert f"by {AS_ID}: wrong data" in warnings(at)


def _withdrawn_meanwhile() -> None:
    import streamlit as st

    from ui import live
    from varlib.versions import Version  # the page runs this function's source alone: its own imports

    live._note_withdrawn("var", Version(0, 0, 2))
    st.write(st.session_state[live.MOVED][4])


def test_the_note_that_the_shown_version_was_withdrawn_meanwhile_says_an_id_is_one(seeded, macro_result):
    publish_result(seeded, macro_result, "var")
    seeded.withdraw("var", "0.0.2", "wrong data", ID_ONLY)
    at = AppTest.from_function(_withdrawn_meanwhile, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception[0].stack_trace
    assert at.markdown[0].value.strip() == f"by {AS_ID} (wrong data)"


def test_a_form_whose_version_was_withdrawn_meanwhile_says_an_id_is_one(seeded, macro_result):
    publish_result(seeded, macro_result, "var")
    at = open_app({"model": "var"}, page=MODELS)
    at.session_state["admin_open|var"] = True
    at.run()
    at.selectbox(key="withdraw_version|var").select("0.0.2")
    seeded.withdraw("var", "0.0.2", "pulled", ID_ONLY)  # while this form is on screen
    ui.store.refresh()  # as the other admin's dashboard does after its change
    at.text_input(key="withdraw_reason|var").input("mine")
    at.checkbox(key="withdraw_sure|var").check()
    next(b for b in at.button if b.label == "Withdraw").click().run()
    assert f"0.0.2** was withdrawn by {AS_ID} after this form was drawn" in warnings(at)
