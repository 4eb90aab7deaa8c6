"""The Train page's "Use a VECM ..." button keeps what it set when Train is pressed before the button's run is drawn:
that request carries the fields as the browser still shows them (a VAR, its order chosen by a criterion, every row),
and they won over the button's settings, so the page went back to them and trained them. Its fields are drawn under
new keys at each press, which no late request names. Also: no warning of a field given a default and a value, and
the settings kept across a page switch.

The late request is the page as it was before the press, run again: AppTest sends the values of the page an element
belongs to, so Train pressed on the page kept from before the press, its fields set to the values they showed (a field
left unset sends the session's value of its key at the time of sending), sends what the browser sends."""

from __future__ import annotations

import datetime as dt

import streamlit.elements.lib.policies as policies

import varlib.integration
from tests.app.conftest import errors, visit
from tests.app.test_train_vecm_page_words import FIRST_TESTED, TESTED, _long_csv, _uploaded, _use_vecm
from tests.app.test_vecm_pages import _cointegrated_csv

FORECAST, TRAIN = "views/forecast.py", "views/train.py"
ADVISED = {"Model kind": "vecm", "Transform": "log", "Cointegration rank": 1, "Lag order": "fixed", "Lags": 2}


def _widgets(at) -> tuple:
    return (*at.radio, *at.selectbox, *at.number_input, *at.checkbox, *at.date_input, *at.datetime_input)


def _fields(at) -> dict:
    """The page's fields by label (their keys are the page's own business)."""
    return {w.label: w.value for w in _widgets(at)}


def _train(at) -> None:
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)


def _pressed_then_trained_late(at):
    """Train pressed on the page as it was before the VECM button's run was drawn."""
    for field in _widgets(at):
        field.set_value(field.value)  # as shown, as the browser keeps them until the button's run comes back
    late = next(b for b in at.button if b.label == "Train")
    at.run()  # the same page drawn again, whose button is pressed: the one kept is not
    _use_vecm(at)
    late.click().run()
    assert not at.exception and errors(at) == "", errors(at)
    return at


def test_a_train_pressed_before_the_button_s_run_came_back_trains_the_vecm_it_set(registry):
    at = _uploaded(_cointegrated_csv(), "pair.csv")
    assert _fields(at)["Model kind"] == "var" and _fields(at)["Lag order"] == "chosen by a criterion"
    _pressed_then_trained_late(at)
    fields = _fields(at)
    assert {label: fields.get(label) for label in ADVISED} == ADVISED
    assert fields["Deterministic terms"] == "co"
    spec = at.session_state["train_result"].spec
    assert (spec.kind, spec.transform, spec.coint_rank, spec.lags, spec.deterministic) == ("vecm", "log", 1, 2, "co")
    assert "Trained VECM of cointegration rank 1 (fixed)" in at.status[0].proto.label
    _train(at)  # pressed again, now that the page shows the button's settings: the same model
    assert at.session_state["train_result"].spec == spec


def test_a_late_train_keeps_the_date_range_the_button_set(registry, monkeypatch):
    monkeypatch.setattr(varlib.integration, "MAX_TESTED_ROWS", TESTED)
    at = _pressed_then_trained_late(_uploaded(_long_csv(), "link.csv"))
    fields = _fields(at)
    assert fields["Limit the date range"] and fields["From"] == dt.date.fromisoformat(FIRST_TESTED)
    assert fields["Lag order"] == "fixed" and fields["Model kind"] == "vecm"
    assert f"{TESTED} rows of a, b, {FIRST_TESTED} to 2001-08-22." in [m.value for m in at.markdown]


def test_a_press_draws_its_fields_without_a_warning(registry, monkeypatch):
    said = []  # Streamlit logs it, once per process: counted here, whatever ran before
    monkeypatch.setattr(policies, "_shown_default_value_warning", False)
    monkeypatch.setattr(policies._LOGGER, "warning", lambda message, *args, **kwargs: said.append(message % args))
    at = _uploaded(_cointegrated_csv(), "pair.csv")
    _use_vecm(at)
    assert _fields(at)["Deterministic terms"] == "co"
    assert not said, said
    assert not [w.value for w in at.warning] and not at.exception
    at.selectbox(key=next(s.key for s in at.selectbox if s.label == "Deterministic terms")).set_value("colo").run()
    assert _fields(at)["Deterministic terms"] == "colo" and not said, said


def test_the_button_s_settings_survive_a_page_switch(registry):
    at = _uploaded(_cointegrated_csv(), "pair.csv")
    _use_vecm(at)
    visit(visit(at, FORECAST), TRAIN)
    fields = _fields(at)
    assert {label: fields.get(label) for label in ADVISED} == ADVISED
    _train(at)
    spec = at.session_state["train_result"].spec
    assert (spec.kind, spec.transform, spec.coint_rank, spec.lags) == ("vecm", "log", 1, 2)
