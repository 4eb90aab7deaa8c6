"""Train & publish: the upload preview chart's hover names the period, as the holdout charts' do, and the
exogenous picker, greyed out when every numeric column is a variable, says why."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tests.app.conftest import charts, open_app, values

TRAIN = "views/train.py"


def _upload(at, columns: dict):
    rows = 40
    frame = pd.DataFrame({"date": pd.date_range("2000-01-01", periods=rows, freq="QS").strftime("%Y-%m-%d"), **columns})
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("q.csv", frame.to_csv(index=False).encode(), "text/csv")).run()
    assert not at.exception
    return at


def _two(rows: int = 40) -> dict:
    rng = np.random.default_rng(3)
    return {"realgdp": 5000 + rng.normal(size=rows).cumsum(), "realinv": 1803.67 + rng.normal(size=rows).cumsum()}


def test_the_preview_charts_hover_names_the_period(seeded):
    at = _upload(open_app(page=TRAIN), _two())
    figure = next(f for f in charts(at) if any(t.get("name") == "realinv" for t in f["data"]))
    trace = next(t for t in figure["data"] if t["name"] == "realinv")
    assert trace["hovertemplate"] == "realinv %{customdata}: %{y:,.6~g}<extra></extra>"
    assert list(values(trace, "customdata"))[:2] == ["2000Q1", "2000Q2"]


def test_the_exogenous_picker_says_why_it_offers_nothing(seeded):
    at = _upload(open_app(page=TRAIN), _two())
    picker = next(m for m in at.multiselect if m.label.startswith("Exogenous variables"))
    assert picker.options == []
    said = "every numeric column is a variable: take one out of variables to use it here"
    assert said in (picker.help or "").lower() and any(said in c.value.lower() for c in at.caption)
    rng = np.random.default_rng(5)
    at = _upload(open_app(page=TRAIN), {**_two(), "rate": rng.normal(size=40)})
    variables = next(m for m in at.multiselect if m.label.startswith("Variables"))
    variables.set_value(["realgdp", "realinv"]).run()
    picker = next(m for m in at.multiselect if m.label.startswith("Exogenous variables"))
    assert picker.options == ["rate"] and not any("every numeric column" in c.value.lower() for c in at.caption)
