"""The upload preview shows each column with the decimals its values were uploaded with: it exists to confirm
what was read, so it neither rounds a value (7944.697 as 7944.7) nor pads one (3.14 as 3.14000)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tests.app.conftest import displayed, open_app
from ui.train_preview import decimals_needed

TRAIN = "views/train.py"


def test_each_column_shows_the_decimals_it_was_uploaded_with(seeded):
    rows = 12
    rng = np.random.default_rng(2)
    frame = pd.DataFrame(
        {
            "date": pd.date_range("1989-10-01", periods=rows, freq="QS").strftime("%Y-%m-%d"),
            "realgdp": np.r_[7944.697, np.round(8000 + 100 * rng.random(rows - 1), 3)],
            "realinv": np.r_[1011.119, 1021.07, np.round(1000 + 50 * rng.random(rows - 2), 3)],
            "rate": np.r_[3.14, 2.5, np.round(3 + rng.random(rows - 2), 2)],
            "count": np.arange(rows) * 10.0,
        }
    )
    csv = frame.to_csv(index=False).encode()
    assert b"7944.697," in csv and b",3.14," in csv  # as a spreadsheet writes them
    at = open_app(page=TRAIN)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("macro.csv", csv, "text/csv")).run()
    cells = displayed(at.dataframe[0])
    assert cells is not None
    assert cells["realgdp"].iloc[0] == "7944.697"
    assert cells["realinv"].iloc[:2].tolist() == ["1011.119", "1021.070"]  # one format per column
    assert cells["rate"].iloc[:2].tolist() == ["3.14", "2.50"]
    assert cells["count"].iloc[:2].tolist() == ["0", "10"]


def test_decimals_needed_stops_at_ten_and_ignores_gaps():
    assert decimals_needed(pd.Series([7944.697, 5261.7, np.nan])) == 3
    assert decimals_needed(pd.Series([100.34558419206479])) == 10
    assert decimals_needed(pd.Series([-2.0, 1e12])) == 0
    assert decimals_needed(pd.Series([np.nan, np.inf])) == 0


def test_the_files_own_words_are_shown_as_typed(seeded):
    """Column names and quoted cells went into markdown: `**loud**` was bold, and a name written as an image
    (`![x](http://...)`) would have been fetched from that host by the browser."""
    rows = ["date,gdp,**loud**,![x](http://example.com/t.png),region"]
    rows += [
        f"{2000 + q // 4}-{1 + 3 * (q % 4):02d}-01,{100 + q * 1.7 % 5},{q},{q * 2},[n](http://a.b)" for q in range(40)
    ]
    at = open_app(page=TRAIN)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("md.csv", "\n".join(rows).encode(), "text/csv")).run()
    shown = "\n".join(c.value for c in at.caption) + "\n".join(w.value for w in at.warning)
    assert r"\*\*loud\*\*" in shown and r"!\[x\](http" in shown and "\\[n\\](http:\u2060//a.b)" in shown  # no bare link
    assert "**loud**" not in shown.replace(r"\*\*loud\*\*", "") and "![x](" not in shown


def test_a_variable_named_in_markdown_reads_as_typed_on_the_forecast_and_diagnostics_pages(seeded):
    from varlib import ModelSpec, load_dataset, publish_result, train_model

    dataset = load_dataset()
    frame = dataset.frame[["realgdp", "realcons"]].rename(columns={"realcons": "**cons**"})
    renamed = type(dataset)("md.csv", frame, "0" * 64, frequency=dataset.frequency)
    publish_result(seeded, train_model(renamed, ModelSpec(("realgdp", "**cons**"), lags=2)), "md")
    for page, where in (("views/forecast.py", "caption"), ("views/diagnostics.py", "caption")):
        at = open_app({"model": "md"}, page=page)
        shown = "\n".join(c.value for c in getattr(at, where))
        assert r"realgdp, \*\*cons\*\*" in shown and "realgdp, **cons**" not in shown, page


def test_the_exogenous_picker_offers_no_constant_column(seeded):
    """Training refuses a constant exogenous column (it is the VAR's own constant), so it is not offered; a
    counting one is (an exogenous trend)."""
    rows = 40
    rng = np.random.default_rng(4)
    frame = pd.DataFrame(
        {
            "date": pd.date_range("2000-01-01", periods=rows, freq="QS").strftime("%Y-%m-%d"),
            "a": rng.normal(size=rows).cumsum(),
            "b": rng.normal(size=rows).cumsum(),
            "const": np.ones(rows),
            "trend": np.arange(rows, dtype=float),
            "rate": rng.normal(size=rows),
        }
    )
    at = open_app(page=TRAIN)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("x.csv", frame.to_csv(index=False).encode(), "text/csv")).run()
    picker = next(m for m in at.multiselect if m.label.startswith("Exogenous variables"))
    assert "trend" in picker.options and "const" not in picker.options
    variables = next(m for m in at.multiselect if m.label.startswith("Variables"))
    assert "const" not in variables.options
