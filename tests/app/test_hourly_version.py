"""An hourly version: its dates are stored as `2021-03-01` at midnight and `2021-03-01T07:00:00` otherwise, which
pandas would not read together, so `show`, its REST metadata and `compare` crashed on it (and so would every page
that draws its history). Each now reads them, and names every period with its time (`2021-03-01T00:00`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tests.app.conftest import errors, open_app
from varlib import ModelSpec, compare_table, load_dataset, publish_result, train_model, version_metadata
from varlib.data import period_labels


def _hourly() -> bytes:
    rng, a, b, rows = np.random.default_rng(0), 0.0, 0.0, ["time,a,b"]
    for stamp in pd.date_range("2021-03-01", periods=80, freq="h"):
        a, b = 0.5 * a + rng.normal(), 0.3 * b + rng.normal()
        rows.append(f"{stamp:%Y-%m-%d %H:%M},{a:.3f},{b:.3f}")
    return ("\n".join(rows) + "\n").encode()


def test_an_hourly_version_is_shown_compared_and_drawn(registry):
    dataset = load_dataset(_hourly(), csv_name="hourly.csv")
    first = publish_result(registry, train_model(dataset, ModelSpec(("a", "b"), lags=1)), "fh")
    second = publish_result(registry, train_model(dataset, ModelSpec(("a", "b"), lags=2)), "fh")
    assert version_metadata(first)["span"] == {"rows": 80, "first": "2021-03-01T00:00", "last": "2021-03-04T07:00"}
    assert first.history.index[0] == pd.Timestamp("2021-03-01")
    assert "first date" in compare_table([first, second]).index
    assert period_labels(["2021-03-01", "2021-03-01T07:00:00"], "h") == ["2021-03-01T00:00", "2021-03-01T07:00"]
    at = open_app({"model": "fh", "version": "0.0.2", "steps": 3})
    assert errors(at) == ""
