"""The Models page's History filter is in the page's address while the History is open: a copied link left it out,
so a colleague opening it saw everything; a link naming an alias the History has no records of says so."""

from __future__ import annotations

from tests.app.conftest import open_app

MODELS = "views/models.py"


def test_a_picked_filter_is_in_the_address_and_a_link_with_it_opens_so(seeded):
    seeded.set_alias("var", "champion", "0.0.1")
    at = open_app({"model": "var"}, page=MODELS)
    assert "history" not in at.query_params
    at.session_state["history_open|var"] = True  # the History expander, opened
    at.run()
    at.selectbox(key="history_scope|var").select("@champion").run()
    assert at.query_params["history"] == "@champion"
    address = {key: at.query_params[key] for key in at.query_params}
    assert address == {"model": "var", "version": "0.0.1", "history": "@champion"}
    colleague = open_app(address, page=MODELS)
    assert colleague.selectbox(key="history_scope|var").value == "@champion"
    assert colleague.query_params["history"] == "@champion" and not colleague.warning
    history = colleague.dataframe[-1].value
    assert set(history["alias"]) == {"@champion"}  # its records alone


def test_a_link_naming_an_alias_the_history_has_not_says_so_and_shows_everything(seeded):
    seeded.set_alias("var", "champion", "0.0.1")
    at = open_app({"model": "var", "history": "@gone"}, page=MODELS)
    assert at.selectbox(key="history_scope|var").value == "everything"
    said = "\n".join(w.value for w in at.warning)
    assert "The link asked for history '@gone', which is not an alias of 'var' in its history" in said
    assert "(aliases: @champion)" in said and "showing the default instead" in said
    assert "history" not in at.query_params
    at = open_app({"model": "var", "history": "champion"}, page=MODELS)  # not an alias reference: refused by name
    assert "history 'champion', which is not valid (everything or an alias such as @champion)" in at.warning[0].value
