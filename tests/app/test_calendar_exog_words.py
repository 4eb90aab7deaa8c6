"""A VARX given quarter dummies: the pages say their scores were given values the calendar sets in advance (the
Backtest page, the Models page's details and the Train page), not that a forecast "has to guess" them."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from tests.app.conftest import errors, open_app
from tests.support.models import publish_result
from varlib import ModelSpec, load_dataset, train_model

CALENDAR = "The exogenous variables q1, q2, q3 repeat with the calendar"
SPEC = ModelSpec(variables=("realgdp", "realcons"), exog=("q1", "q2", "q3"), transform="logdiff", lags=2)


def _seasonal(registry):
    dataset = load_dataset(variables=["realgdp", "realcons"])
    quarters = np.tile(np.eye(4)[:, :3], (len(dataset.frame) // 4 + 1, 1))[: len(dataset.frame)]
    frame = dataset.frame.assign(q1=quarters[:, 0], q2=quarters[:, 1], q3=quarters[:, 2])
    return publish_result(registry, train_model(replace(dataset, frame=frame), SPEC), "seasonal")


def _text(at) -> str:
    return "\n".join(x.value for x in [*at.markdown, *at.caption])


def test_a_backtest_of_calendar_dummies_says_they_are_known_in_advance(registry):
    _seasonal(registry)
    at = open_app({"model": "seasonal", "version": "0.0.1", "origins": 2, "horizon": 2}, page="views/backtest.py")
    at.button(key="bt_run").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    assert CALENDAR in _text(at) and "has to guess" not in _text(at)


def test_the_models_details_of_calendar_dummies_say_they_are_known_in_advance(registry):
    _seasonal(registry)
    at = open_app({"model": "seasonal", "version": "0.0.1"}, page="views/models.py")
    assert not at.exception and errors(at) == "", errors(at)
    assert CALENDAR in _text(at) and "has to guess" not in _text(at)
