"""The Train page with files as analysts have them: one of a single numeric column says that a VAR needs two and what
to add (it said "Pick at least two variables" with one to pick); a file wider than a VAR of its rows (an export of a
thousand series, 2 MB) starts with no variable chosen, says why, and its preview names and draws twelve columns (it
drew a chart per column and tested every unit root before anyone chose, minutes); an upload is read once."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

import ui.train_load
from tests.app.conftest import charts, open_app, warnings
from tests.app.test_train_upload import _upload

TRAIN = "views/train.py"


def wide(columns: int, rows: int = 60) -> bytes:
    """`rows` quarters of `columns` random walks and a text column."""
    rng = np.random.default_rng(5)
    names = [f"series_{i:03d}" for i in range(columns)]
    frame = pd.DataFrame(100 + np.cumsum(rng.standard_normal((rows, columns)), axis=0), columns=names)
    frame.insert(0, "date", pd.date_range("1990-01-01", periods=rows, freq="QS").strftime("%Y-%m-%d"))
    frame["region"] = "north"
    return frame.to_csv(index=False, float_format="%.3f").encode()


def _captions(at) -> str:
    """The captions as people read them (markdown's escapes taken off: `series\\_000` is series_000)."""
    return re.sub(r"\\(.)", r"\1", "\n".join(c.value for c in at.caption))


def test_a_file_of_one_numeric_column_says_a_var_needs_two_and_what_to_add(registry):
    at = _upload(open_app(page=TRAIN), wide(1), "gdp only.csv")
    said = warnings(at)
    assert "**gdp only.csv** has one column that can be a variable, series_000: a VAR models how two or more" in said
    assert "Add another numeric column to the file (the notes above say why the others cannot be variables)" in said
    assert "Pick at least two variables" not in said
    assert not [m for m in at.multiselect if m.label.startswith("Variables")]  # nothing to pick from
    assert next(b for b in at.button if b.label == "Train").disabled


def test_a_file_wider_than_a_var_of_its_rows_starts_with_no_variable_chosen(registry):
    at = _upload(open_app(page=TRAIN), wide(60), "exports.csv")
    variables = next(m for m in at.multiselect if m.label.startswith("Variables"))
    assert len(variables.options) == 60 and variables.value == []
    captions = _captions(at)
    assert "60 columns can be variables, more than a VAR(1) takes on these 60 rows (at most 48)" in captions
    assert "Pick at least two variables" in warnings(at)
    variables.set_value(["series_001", "series_002"]).run()
    assert not at.exception and "Lag search from 1 up to" in _captions(at)


def test_a_file_whose_columns_fit_keeps_them_all_chosen(registry):
    at = _upload(open_app(page=TRAIN), wide(12), "twelve.csv")
    variables = next(m for m in at.multiselect if m.label.startswith("Variables"))
    assert len(variables.value) == 12 and "can be variables, more than" not in _captions(at)


def test_the_preview_names_and_draws_twelve_of_many_columns(registry):
    at = _upload(open_app(page=TRAIN), wide(60), "exports.csv")
    captions = _captions(at)
    assert "series_010, series_011 and 48 more" in captions and "series_012" not in captions
    assert "The charts show the first 12 of the 60 numeric columns: choose columns under Variables" in captions
    (figure,) = charts(at)
    assert [t["name"] for t in figure["data"]] == [f"series_{i:03d}" for i in range(12)]


def test_an_upload_is_read_once(registry, monkeypatch):
    reads, read = [], ui.train_load.profile_csv

    def counted(data, name, date_col):
        reads.append(date_col)
        return read(data, name, date_col)

    monkeypatch.setattr(ui.train_load, "profile_csv", counted)
    at = _upload(open_app(page=TRAIN), wide(3), "three.csv")
    assert not at.exception and reads == [None]  # the detected date column's profile was read again as `date`


def test_the_model_name_stays_the_files_while_fewer_than_two_variables_are_chosen(registry):
    """It said macrodata while fewer than two were chosen (or none yet, in a wide file), and a name typed before
    dropped a variable was lost when two were chosen again."""
    at = _upload(open_app(page=TRAIN), wide(3), "exports.csv")
    at.text_input(key="train_name|exports").set_value("regional-exports").run()
    variables = next(m for m in at.multiselect if m.label.startswith("Variables"))
    variables.set_value(["series_001"]).run()
    assert at.text_input(key="train_name|exports").value == "regional-exports"
    next(m for m in at.multiselect if m.label.startswith("Variables")).set_value(["series_001", "series_002"]).run()
    assert at.text_input(key="train_name|exports").value == "regional-exports"
    wider = _upload(open_app(page=TRAIN), wide(60), "wide exports.csv")
    assert wider.text_input(key="train_name|wide-exports").value == "wide-exports"
