"""The Models page's History filtered by an alias reads the newest HISTORY_SHOWN records only: every alias is
offered, also one not moved lately, and a cut trail says how many of the alias's records are shown and how often
it moved in all, where @alias-05 showed 7 of its 154 moves as if they were its whole history."""

from __future__ import annotations

from tests.app.conftest import open_app
from ui import store
from varlib.service import publish_result

MODELS = "views/models.py"


def _open(query: dict):
    at = open_app(query, page=MODELS)
    at.session_state["history_open|var"] = True  # the History expander, opened
    return at.run()


def _captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_an_alias_of_a_cut_trail_says_how_much_of_it_is_shown(seeded, macro_result):
    publish_result(seeded, macro_result, "var", "patch", "seed")  # 0.0.2
    seeded.set_alias("var", "old", "0.0.1")  # then pushed out of the newest records
    for move in range(store.HISTORY_SHOWN):
        seeded.set_alias("var", "busy", "0.0.1" if move % 2 else "0.0.2")
    at = _open({"model": "var"})
    scope = at.selectbox(key="history_scope|var")
    assert scope.options == ["everything", "@busy", "@old"]
    scope.select("@old").run()
    assert "@old's records among the newest 200 only: 0; it has moved 1 time in all." in _captions(at)
    at.selectbox(key="history_scope|var").select("@busy").run()
    assert "@busy's records among the newest 200 only: 200; it has moved 200 times in all." in _captions(at)


def test_a_whole_trail_is_filtered_without_a_note(seeded, macro_result):
    seeded.set_alias("var", "champion", "0.0.1")
    at = _open({"model": "var"})
    at.selectbox(key="history_scope|var").select("@champion").run()
    assert "records among the newest" not in _captions(at) and not at.exception
