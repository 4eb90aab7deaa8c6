"""The Train page on rows too few for any lag order: the note under the lag controls says so before Train, with
the rows a VAR(1) needs and the way to get them (a date range that cuts the file is named), instead of promising a
search "from 1 up to 1" that Train then refuses."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from tests.app.conftest import open_app

TRAIN = "views/train.py"


def _quarters(rows: int) -> bytes:
    """`rows` quarters of three positive, trending series."""
    rng = np.random.default_rng(7)
    dates = pd.date_range("1990-01-01", periods=rows, freq="QS")
    growth = 0.005 + 0.01 * rng.standard_normal((rows, 3))
    frame = pd.DataFrame(100 * np.exp(np.cumsum(growth, axis=0)), index=dates, columns=["gdp", "cons", "inv"])
    return frame.rename_axis("date").to_csv(float_format="%.4f").encode()


def _upload(data: bytes, name: str = "accounts.csv"):
    at = open_app(page=TRAIN)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value((name, data, "text/csv")).run()
    assert not at.exception
    return at


def _texts(at) -> tuple[str, str]:
    return "\n".join(w.value for w in at.warning), "\n".join(c.value for c in at.caption)


def test_a_date_range_leaving_too_few_rows_is_named_before_train(registry):
    at = _upload(_quarters(80))
    at.checkbox(key="train_limit").check().run()
    at.date_input(key="train_start").set_value(dt.date(2008, 1, 1)).run()  # keeps 2008Q1 to 2009Q4: 8 rows
    warnings, captions = _texts(at)
    assert "Lag search from 1 up to 1" not in captions
    assert "Too few rows to train: on 8 usable rows even a VAR(1) of 3 variables" in warnings
    assert "it needs at least 15. To train, widen the date range (Limit the date range keeps 8 rows)" in warnings
    at.date_input(key="train_start").set_value(dt.date(1995, 1, 1)).run()  # 60 rows: a search again
    warnings, captions = _texts(at)
    assert "Too few rows" not in warnings and "the sample-aware maximum on these 60 rows" in captions


def test_a_short_file_is_told_to_add_rows(registry):
    at = _upload(_quarters(12), "short.csv")
    warnings, captions = _texts(at)
    assert "Lag search from" not in captions
    assert "on 12 usable rows even a VAR(1) of 3 variables" in warnings
    assert "To train, add rows or use fewer variables." in warnings and "date range" not in warnings
