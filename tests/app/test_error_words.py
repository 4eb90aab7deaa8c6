"""How the dashboard words a library refusal (ui.errors.explain): a sentence starts with a capital but a file's
name keeps its case, and the CLI's and REST's names for a thing are said as the page's control."""

from __future__ import annotations

from ui.errors import explain
from varlib import InvalidInputError, NotFoundError, WithdrawnError


def test_a_file_name_keeps_its_case_and_a_word_starts_a_sentence():
    assert explain(InvalidInputError("allempty.csv conditions hold no value")).startswith(
        "**Invalid input.** allempty.csv conditions"
    )  # it read "Allempty.csv"
    assert explain(InvalidInputError("steps must be 1 to 400")).startswith("**Invalid input.** Steps must")


def test_cli_and_rest_names_are_said_as_the_pages_controls():
    refused = InvalidInputError("gdp is exogenous: give it as an exogenous value (--exog-csv, REST `exog`)")
    assert explain(refused).endswith(
        "give it as an exogenous value (the *Exogenous values* table)\n\nCorrect the value named above and try again."
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
