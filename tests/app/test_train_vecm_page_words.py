"""The Train page says the VECM the unit-root advice names in its own fields' words, not the CLI's options (whose
`--coint-rank` the browser wrapped at its dashes); and on a sample of more than 5,000 rows (the limit made 500 here),
whose last 5,000 alone are tested, the advice names the first one's date and its button sets From to it, so that
training as advised tests the rows the advice tested."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

import varlib.integration
from tests.app.conftest import errors, open_app
from tests.app.test_vecm_pages import _cointegrated_csv
from ui.train_keys import field_key
from varlib import load_dataset

PAGE = "views/train.py"
TESTED = 500  # the tests' row limit (5,000) made smaller: the same words and button, on rows tested in a blink
FIRST_TESTED = "2000-04-10"  # the 101st day from 2000-01-01: the first of the last 500 of 600
SHORT_WORDS = (
    "(Model kind **VECM**, Transform **log**, Cointegration rank **1**, Lag order **fixed**, Lags **2**,"
    " Deterministic terms **co**)"
)


def _long_csv() -> bytes:
    """600 days of two walks, the second tracking the first from day 101 on: one relation in the last 500 rows (as
    tests/integration/test_vecm_advised_on_last_rows.py builds 6,000, for the limit itself)."""
    rng = np.random.default_rng(0)
    walks = np.cumsum(rng.normal(size=(600, 2)), axis=0)
    tracks = walks[100:, 0] + rng.normal(size=500) + walks[99, 1] - walks[99, 0]
    levels = np.column_stack([walks[:, 0], np.concatenate([walks[:100, 1], tracks])])
    days = pd.date_range("2000-01-01", periods=600, freq="D", name="date")
    return pd.DataFrame(levels, index=days, columns=["a", "b"]).to_csv().encode()


def _uploaded(csv: bytes, name: str):
    at = open_app(page=PAGE)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value((name, csv, "text/csv")).run()
    assert not at.exception and errors(at) == "", errors(at)
    return at


def _advice(at) -> str:
    return next(i.value for i in at.info if i.value.startswith("**Unit-root tests**"))


def _use_vecm(at) -> None:
    next(b for b in at.button if b.label.startswith("Use a VECM with rank 1")).click().run()
    assert not at.exception and errors(at) == "", errors(at)


def keyed(at, name: str) -> str:
    """The key the page draws the field `name` under now: renewed by the VECM button (ui.train_keys)."""
    return field_key(name, at.session_state)


def test_the_preview_names_the_vecm_in_the_fields_its_button_sets(registry):
    at = _uploaded(_cointegrated_csv(), "pair.csv")
    said = _advice(at)
    assert "The test ran at VAR order 2 in log levels: to train the VECM it tested, fix that order and rank" in said
    assert SHORT_WORDS in said, said
    assert "--" not in said and "CLI" not in said and "coint\\_rank" not in said  # no option the page has no field for
    _use_vecm(at)  # the fields named are the ones the button sets
    assert at.radio(key=keyed(at, "train_kind")).value == "vecm"
    assert at.selectbox(key=keyed(at, "train_rank|2")).value == 1
    assert at.radio(key=keyed(at, "train_how")).value == "fixed"
    assert at.number_input(key=keyed(at, "train_lags")).value == 2
    assert keyed(at, "train_limit") == "train_limit"  # every row was tested: the range is left as it was
    assert not at.checkbox(key="train_limit").value


def test_on_a_long_sample_the_advice_names_the_first_row_tested_and_the_button_sets_from(registry, monkeypatch):
    monkeypatch.setattr(varlib.integration, "MAX_TESTED_ROWS", TESTED)
    at = _uploaded(_long_csv(), "link.csv")
    said = _advice(at)
    assert f"on the last {TESTED} rows (from {FIRST_TESTED}): to train the VECM it tested" in said, said
    assert "train on those rows alone (Model kind **VECM**, Transform **none**, Cointegration rank **1**" in said
    assert f"Deterministic terms **co** and, under Limit the date range, From **{FIRST_TESTED}**)" in said
    assert "first one's date" not in said and "--" not in said
    at.checkbox(key="train_limit").check().run()  # a To kept from an earlier choice: not the rows tested
    at.date_input(key="train_end").set_value(dt.date(2001, 1, 1)).run()
    at.checkbox(key="train_limit").uncheck().run()
    _use_vecm(at)
    assert at.checkbox(key=keyed(at, "train_limit")).value
    assert at.date_input(key=keyed(at, "train_start")).value == dt.date.fromisoformat(FIRST_TESTED)
    assert at.date_input(key=keyed(at, "train_end")).value is None
    assert at.radio(key=keyed(at, "train_how")).value == "fixed"
    assert at.number_input(key=keyed(at, "train_lags")).value == 2
    # the rows Train reads are the rows tested: the preview now tests every one of them, at the rank advised
    said = _advice(at)
    assert "finds 1 cointegrating relation" in said and "The test ran at VAR order 2 in levels: to train" in said
    trained = load_dataset(_long_csv(), start=at.date_input(key=keyed(at, "train_start")).value.isoformat())
    assert (trained.span["first"], trained.span["rows"]) == (FIRST_TESTED, TESTED)
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    assert "Trained VECM of cointegration rank 1 (fixed)" in at.status[0].proto.label
    assert f"{TESTED} rows of a, b, {FIRST_TESTED} to 2001-08-22." in [m.value for m in at.markdown]


def test_the_results_name_the_vecm_advised_at_the_order_fitted_in_the_page_s_fields_too(registry):
    at = _uploaded(_cointegrated_csv(), "pair.csv")  # a VAR in levels trained: the advice names a VECM again
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    said = next(i.value for i in at.info if i.value.startswith("**Unit roots at the order fitted**"))
    assert f"fix that order and rank {SHORT_WORDS}: at the order" in said, said
    assert "--" not in said and "CLI" not in said
