"""A whiteness pass of the LM test on fewer lagged residuals than its 5 (a VAR(8) of five differenced series on
61 quarters holds one) is no all-clear: the portmanteau tests beside it reject at p 1e-40. The page showed it in
green as a pass like any other; it is shown as a note, as the Train page's check is, and a full pass stays green."""

from __future__ import annotations

import datetime

import pytest

from tests.app.conftest import errors, open_app
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result

VARIABLES = ("realgdp", "realcons", "realinv", "realgovt", "m1")


@pytest.fixture(scope="module")
def short_var8():
    dataset = load_dataset(variables=list(VARIABLES), start="1994-07-01")  # 61 quarters
    return train_model(dataset, ModelSpec(variables=VARIABLES, lags=8, transform="diff", holdout=0))


def test_the_checks_pass_on_one_lagged_residual_is_partial(short_var8, macro_result):
    whiteness = next(check for check in short_var8.adequacy.checks if check.name == "whiteness")
    assert whiteness.ok and whiteness.lags == 1 and whiteness.partial
    assert not any(check.partial for check in macro_result.adequacy.checks)  # 5 lagged residuals: a full pass


def test_the_diagnostics_page_shows_a_partial_pass_as_a_note_not_a_success(registry, short_var8):
    publish_result(registry, short_var8, "short")
    at = open_app({"model": "short", "version": "0.0.1", "tab": "residuals"}, page="views/diagnostics.py")
    assert not at.exception and errors(at) == ""
    noted = [box.value for box in at.info if "LM test" in box.value]
    assert len(noted) == 1 and "beyond lag 1 is not ruled out" in noted[0], noted
    assert not any("LM test" in box.value for box in at.success)


def test_a_full_pass_stays_a_success(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "tab": "residuals"}, page="views/diagnostics.py")
    assert not at.exception and errors(at) == ""
    assert any("No evidence of residual autocorrelation (LM test" in box.value for box in at.success)


@pytest.mark.parametrize(
    ("start", "said"),
    [("1994-07-01", "beyond lag 1 is not ruled out"), ("1994-10-01", "Not tested")],  # one lagged residual, none
)
def test_the_train_pages_check_shows_a_partial_or_untested_pass_as_a_note(registry, start, said):
    at = open_app(page="views/train.py")
    at.multiselect(key="train_macro_vars").set_value(list(VARIABLES))
    at.checkbox(key="train_limit").check().run()
    at.date_input(key="train_start").set_value(datetime.date.fromisoformat(start))
    at.selectbox(key="train_transform").set_value("diff")
    at.radio(key="train_how").set_value("fixed").run()
    at.number_input(key="train_lags").set_value(8)
    at.slider(key="train_holdout").set_value(0.0).run()
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    noted = [box.value for box in at.info if box.value.startswith("**Whiteness.**")]
    assert len(noted) == 1 and said in noted[0], [i.value for i in at.info]
    assert not any(box.value.startswith("**Whiteness.**") for box in at.success)


def test_the_models_pages_adequacy_card_marks_a_partial_pass_as_a_note(registry, short_var8, macro_result):
    """The version's card put a green tick before it, as before a full pass."""
    publish_result(registry, short_var8, "short")
    publish_result(registry, macro_result, "var")
    cards = {}
    for name in ("short", "var"):
        at = open_app({"model": name}, page="views/models.py")
        assert not at.exception and errors(at) == ""
        cards[name] = next(m.value for m in at.markdown if m.value.startswith("**Adequacy**"))
    assert ":blue[:material/info:] **whiteness**" in cards["short"], cards["short"]
    assert ":green[:material/check_circle:] **whiteness**" in cards["var"], cards["var"]
