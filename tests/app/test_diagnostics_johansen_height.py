"""The Diagnostics page's Johansen tables (a VECM's cointegration tab, a VAR's unit-root advice) show every rank:
past ten variables, the rank chosen hid behind the table's inner scroll, as on the Train page."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from tests.app.test_train_qa_words import heights  # noqa: F401 (a fixture)
from tests.app.test_vecm_pages import DIAG, vecm_result, with_vecm  # noqa: F401 (fixtures)


def test_every_johansen_table_is_as_tall_as_its_ranks(with_vecm, heights):  # noqa: F811
    for model, tab in (("macro-vecm", "Cointegration"), ("var", "Unit roots")):
        at = open_app({"model": model, "version": "0.0.1"}, page=DIAG)
        heights.clear()
        at.session_state["dg_tab"] = tab  # only the open tab is drawn
        at.run()
        assert errors(at) == ""
        drawn = [height for columns, (height, _) in heights.items() if "trace 95%" in columns]
        assert drawn and set(drawn) == {"content"}, (model, heights)
