"""How the dashboard words a library refusal (ui.errors.explain): a sentence starts with a capital but a file's
name keeps its case, and the CLI's and REST's names for a thing are said as the page's control."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from ui.errors import explain
from varlib import (
    InvalidInputError,
    NotFoundError,
    ProviderUnavailableError,
    StoreUnavailableError,
    WithdrawnError,
    publish_result,
)


def test_a_file_name_keeps_its_case_and_a_word_starts_a_sentence():
    assert explain(InvalidInputError("allempty.csv conditions hold no value")).startswith(
        "**Invalid input.** allempty.csv conditions"
    )  # it read "Allempty.csv"
    assert explain(InvalidInputError("steps must be 1 to 400")).startswith("**Invalid input.** Steps must")


def test_a_silent_sign_in_provider_is_not_called_the_store():
    provider = explain(ProviderUnavailableError("the identity provider's discovery document cannot be read"))
    assert provider.startswith("**The sign-in provider cannot be reached.**") and "store" not in provider
    assert explain(StoreUnavailableError("nothing answers")).startswith("**The model store cannot be reached.**")


def test_a_model_name_before_its_version_keeps_its_case():
    withdrawn = WithdrawnError("var 0.0.3 was withdrawn (race test); a scenario cannot be saved on it")
    assert explain(withdrawn).startswith("**Withdrawn.** var 0.0.3 was withdrawn")  # `Var` is another model


def test_cli_and_rest_names_are_said_as_the_pages_controls():
    refused = InvalidInputError("gdp is exogenous: give it as an exogenous value (--exog-csv, REST `exog`)")
    assert explain(refused).endswith(
        "give it as an exogenous value (the *Exogenous values* table)\n\nNothing was stored or changed."
    )
    moved = WithdrawnError("@champion points at 0.0.2; move it with `varlib alias set champion VERSION --name var`")
    assert "move it with the Models page's *Move an alias* form (admins only)" in explain(moved)
    emptied = NotFoundError(
        "model 'var' has no usable version yet in x; train and publish one with `varlib train --name var --publish`"
    )
    assert explain(emptied).startswith(
        "**Not found.** Model 'var' has no usable version yet in x; train and publish one on the *Train & publish*"
        " page\n"
    )


def test_a_link_to_an_alias_of_a_withdrawn_version_names_the_pages_form_on_every_page(seeded, macro_result):
    publish_result(seeded, macro_result, "var", "patch", "soon withdrawn")  # 0.0.2
    seeded.set_alias("var", "champion", "0.0.2")
    seeded.withdraw("var", "0.0.2", "leaky holdout")
    for page in ("views/diagnostics.py", "views/backtest.py"):
        at = open_app({"model": "var", "version": "@champion"}, page=page)
        said = errors(at)  # refused where the page shows a version, as on the Forecast page (it follows the alias)
        assert "withdrawn" in said and "the Models page's *Move an alias* form" in said, page
        assert "varlib alias set" not in said, page


def test_a_reason_or_a_name_in_a_refusal_is_shown_as_typed(seeded, macro_result):
    """A withdrawal's reason was put into the page's markdown as it was: its link was live and its image was
    fetched from another host by every viewer who opened the alias."""
    publish_result(seeded, macro_result, "var", "patch", "canary")  # 0.0.2
    seeded.set_alias("var", "canary", "0.0.2")
    reason = "see [the incident](http://127.0.0.1:9/phish) ![t](http://127.0.0.1:9/pixel.png) :red[oops] *now*"
    seeded.withdraw("var", "0.0.2", reason)
    for page in ("views/forecast.py", "views/diagnostics.py", "views/backtest.py"):
        at = open_app({"model": "var", "version": "@canary"}, page=page)
        shown = "\n".join(e.value for e in at.error) + "\n".join(w.value for w in at.warning)
        assert "](http" not in shown.replace("\\](http", ""), page  # no link, no image
        assert ":red[" not in shown.replace("\\:red\\[", "") and "*now*" not in shown, page
        # as typed: a word joiner (U+2060, invisible) keeps `http://` from becoming a bare link
        said = (errors(at) + "\n".join(w.value.replace("\\", "") for w in at.warning)).replace("\u2060", "")
        assert reason in said, page
    moved = WithdrawnError(
        "@canary points at 0.0.2: [x](http://127.0.0.1:9/y); move it with `varlib alias set c VERSION --name var`"
    )
    assert "\\[x\\](http" in explain(moved) and "the Models page's *Move an alias* form" in explain(moved)
