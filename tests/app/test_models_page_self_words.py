"""The library's refusal of an alias a model lacks ends with where the aliases are listed: the dashboard said "the
Models page lists them" on the Models page itself. There it names the section in sight instead; elsewhere it still
sends a person to the Models page."""

from __future__ import annotations

from tests.app.conftest import errors, open_app, warnings
from tests.app.test_diagnostics_pages import DIAG
from varlib.service import publish_result

MODELS = "views/models.py"
HERE = "the Aliases section lists them"


def test_a_links_alias_the_model_lacks_names_the_aliases_section_on_the_models_page(seeded):
    said = warnings(open_app({"model": "var", "version": "@nope"}, page=MODELS))
    assert f"(model 'var' has no alias @nope; {HERE}); showing the default instead." in said
    assert "Models page" not in said
    elsewhere = warnings(open_app({"model": "var", "version": "@nope"}, page=DIAG))
    assert "(model 'var' has no alias @nope; the Models page lists them)" in elsewhere


def _admin_forms(seeded, macro_result):
    publish_result(seeded, macro_result, "var", "patch", "second")
    seeded.set_alias("var", "champion", "0.0.1")
    at = open_app(page=MODELS)
    at.session_state["admin_open|var"] = True
    return at.run()


def test_deleting_an_alias_deleted_meanwhile_names_the_aliases_section(seeded, macro_result):
    at = _admin_forms(seeded, macro_result)
    seeded.delete_alias("var", "champion")  # by another admin: this page's listing still shows it
    next(b for b in at.button if b.label == "Delete alias").click().run()
    said = errors(at)
    assert said.startswith("**Not found.** Model 'var' has no alias @champion") and f"; {HERE}" in said
    assert said.endswith("The versions table and the Aliases section show what there is now.")
    assert "Models page" not in said  # nor "the Models page lists what exists" as the next step


def test_moving_an_alias_to_a_version_withdrawn_meanwhile_is_refused_without_the_page_naming_itself(
    seeded, macro_result
):
    at = _admin_forms(seeded, macro_result)
    at.text_input(key="alias_name|var").input("best")
    at.selectbox(key="alias_version|var").set_value("0.0.2")
    seeded.withdraw("var", "0.0.2", "wrong data file")  # by another admin: this page's listing still offers it
    next(b for b in at.button if b.label == "Set alias").click().run()
    said = errors(at)
    assert said.startswith("**Withdrawn.** var 0.0.2 was withdrawn (wrong data file); an alias cannot point at it")
    assert said.endswith("Pick another version; the versions table says why it was withdrawn, the History by whom.")
    assert "Models page" not in said
