"""The Models page's Move-an-alias form, pressed for the version the alias points at already: it says the alias
points there already, since when and by whom, that nothing was recorded and the reason typed not kept, and the
history gets no record; a VARLIB_AUTHOR with a control character is told, not recorded."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from ui.literal import library_text
from varlib import Actor
from varlib.versions import Version
from varlib.wording import utc_time

MODELS = "views/models.py"


def test_moving_an_alias_to_where_it_points_says_nothing_was_recorded(seeded):
    seeded.set_alias("var", "champion", "0.0.1", Actor("other admin", "o"))
    at = open_app(page=MODELS)
    at.session_state["admin_open|var"] = True
    at.run()
    at.text_input(key="alias_name|var").input("champion")
    at.selectbox(key="alias_version|var").select("0.0.1")
    at.text_input(key="alias_reason|var").input("fresher data")
    next(b for b in at.button if b.label == "Set alias").click().run()
    assert not at.exception and errors(at) == ""
    set_at = utc_time(seeded.alias("var", "champion").at)
    assert [i.value for i in at.info if "nothing was stored" in i.value] == [  # as markdown: `19\\:01:38`
        library_text(
            f"@champion of 'var' already points at 0.0.1, set {set_at} by other admin (no reason given); nothing was"
            " stored or recorded in the audit trail, so the reason given (fresher data) was not kept."
        )
    ]
    assert not [s.value for s in at.success]
    alias = seeded.alias("var", "champion")
    assert (alias.version, alias.revision, alias.actor.name) == (Version(0, 0, 1), 1, "other admin")
    assert [r.action for r in seeded.history("var")].count("alias.set") == 1


def test_an_author_with_a_newline_is_told_on_the_page(seeded, monkeypatch):
    monkeypatch.setenv("VARLIB_AUTHOR", "Mallory\n2026 withdraw 0.0.1 Alice")
    at = open_app(page=MODELS)
    assert "VARLIB_AUTHOR has a control character U+000A at position 8" in errors(at)
