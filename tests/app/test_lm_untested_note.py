"""A whiteness check the sample leaves no lagged residual for (a VAR(8) of five differenced series on 60 quarters)
is not tested at all: the Train page showed its `Not tested` in green with a tick, as a pass, while a pass on one
lagged residual is a note. It is a note too, and its words say what to do."""

from __future__ import annotations

import datetime

import pytest

from tests.app.conftest import errors, open_app
from tests.app.test_lm_partial_pass import VARIABLES
from varlib import ModelSpec, load_dataset, train_model

START = "1994-10-01"  # 60 quarters: one row fewer than a VAR(8) of five needs for one lagged residual


@pytest.fixture(scope="module")
def untested_var8():
    dataset = load_dataset(variables=list(VARIABLES), start=START)
    return train_model(dataset, ModelSpec(variables=VARIABLES, lags=8, transform="diff", holdout=0))


def test_a_whiteness_check_on_no_lagged_residual_is_no_all_clear(untested_var8):
    whiteness = next(check for check in untested_var8.adequacy.checks if check.name == "whiteness")
    assert whiteness.ok and whiteness.lags is None and whiteness.partial  # not failed, and not passed either
    assert whiteness.verdict.startswith("Not tested: too few rows for even one lagged residual")
    assert "not ruled out" in whiteness.verdict and "fewer lags or variables" in whiteness.verdict


def test_the_train_page_shows_an_untested_whiteness_check_as_a_note(registry):
    at = open_app(page="views/train.py")
    at.multiselect(key="train_macro_vars").set_value(list(VARIABLES))
    at.checkbox(key="train_limit").check().run()
    at.date_input(key="train_start").set_value(datetime.date.fromisoformat(START))
    at.selectbox(key="train_transform").set_value("diff")
    at.radio(key="train_how").set_value("fixed").run()
    at.number_input(key="train_lags").set_value(8)
    at.slider(key="train_holdout").set_value(0.0).run()
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    noted = [box.value for box in at.info if box.value.startswith("**Whiteness.**")]
    assert len(noted) == 1 and "Not tested" in noted[0], [i.value for i in at.info]
    assert not any(box.value.startswith("**Whiteness.**") for box in at.success)
