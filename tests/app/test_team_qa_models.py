"""The Models page's team sections as QA found them: the Delete alias form deletes an alias that moved after
the form was drawn (and still refuses one deleted meanwhile), and a signed-out session is told to reload, not to
join a group."""

from __future__ import annotations

from streamlit.proto.WidgetStates_pb2 import WidgetState

from tests.app.conftest import errors, open_app
from varlib.service import publish_result

MODELS = "views/models.py"
KEY = "alias_delete|var"


def _as_the_browser_sends(at, text: str) -> None:
    """Streamlit's browser side keeps the text of the option it showed and sends that text back on the next run
    (AppTest sends the text of the value the server holds): make the picker send `text`."""
    picker = at.selectbox(key=KEY)
    state = WidgetState(id=picker.id, string_value=text)
    picker.__class__ = type("SentAsShown", (type(picker),), {"_widget_state": property(lambda _: state)})


def _text(at) -> str:
    return "\n".join(x.value for x in [*at.markdown, *at.caption, *at.info, *at.warning, *at.error, *at.success])


def _delete_form(seeded, macro_result):
    publish_result(seeded, macro_result, "var", "patch", "second")
    seeded.set_alias("var", "canary", "0.0.1")
    at = open_app(page=MODELS)
    at.session_state["admin_open|var"] = True
    at.run()
    assert at.selectbox(key=KEY).value == "@canary"
    return at


def _press_delete(at, rerun: bool = True):
    import ui.store

    shown = at.selectbox(key=KEY).options[0]  # the option's text as the browser shows it, and sends it back
    ui.store.refresh()  # the listing's cache as it is after LIST_TTL seconds
    if rerun:  # any run in between (another form's change, the timer) redraws the form with the change
        at.run()
    _as_the_browser_sends(at, shown)
    next(b for b in at.button if b.label == "Delete alias").click().run()
    assert not at.exception


def test_an_alias_moved_after_the_form_was_drawn_is_deleted_on_the_first_click(seeded, macro_result):
    at = _delete_form(seeded, macro_result)
    seeded.set_alias("var", "canary", "0.0.2")  # someone else moves it (`varlib alias set`)
    _press_delete(at)
    assert errors(at) == "" and "after this form was drawn" not in _text(at)
    assert seeded.alias("var", "canary").version is None  # deleted: the record of its deletion
    assert "@canary is deleted (it pointed at 0.0.2)" in _text(at)


def test_an_alias_whose_version_was_withdrawn_meanwhile_is_deleted_on_the_first_click(seeded, macro_result):
    at = _delete_form(seeded, macro_result)
    seeded.withdraw("var", "0.0.1", "bad data")  # the alias' option now says withdrawn
    _press_delete(at)
    assert "after this form was drawn" not in _text(at)
    assert seeded.alias("var", "canary").version is None


def test_an_alias_deleted_after_the_form_was_drawn_is_still_refused(seeded, macro_result):
    at = _delete_form(seeded, macro_result)
    seeded.set_alias("var", "champion", "0.0.2")
    seeded.delete_alias("var", "canary")
    before = len(seeded.history("var"))
    _press_delete(at, rerun=False)
    assert "@canary** was deleted after this form was drawn: nothing was changed" in _text(at)
    assert len(seeded.history("var")) == before and seeded.alias("var", "champion").version is not None
