"""A quarterly file as statistical offices export it: the World Bank and the OECD write a missing value as `..`,
the IMF and many yearbooks as `n.a.`. The upload called such a column one of numbers "but for 'n.a.' in row 11:
fix that cell" and kept it out of the variables, where `n/a` beside it was read as a missing value to fill."""

from __future__ import annotations

import pandas as pd
import pytest
import statsmodels.datasets.danish_data as danish

from varlib import InvalidInputError, load_dataset, parse_lag_table, profile_csv


def _danish(marks: dict[tuple[int, str], str]) -> bytes:
    data = danish.load_pandas().data.astype(object)
    data.index = pd.Index(pd.PeriodIndex(data.index, freq="Q").astype(str), name="quarter")
    for (row, column), mark in marks.items():
        data.iloc[row, data.columns.get_loc(column)] = mark
    return data.to_csv().encode()


def test_source_missing_marks_are_missing_values_to_fill_not_typos():
    data = _danish({(10, "lry"): "n.a.", (12, "lpy"): "..", (20, "ibo"): "N.A.", (30, "ide"): "—"})
    profile, _ = profile_csv(data, "danish.csv")
    assert profile.numeric == ("lrm", "lry", "lpy", "ibo", "ide") and profile.text == ()
    assert profile.problems == ("empty cells: lry (1: 1976Q3), lpy (1: 1977Q1), ibo (1: 1979Q1), ide (1: 1981Q3)",)
    assert any(note.startswith("'..' and ") and "as missing values" in note for note in profile.read_as)
    dataset = load_dataset(
        data, "quarter", ["lrm", "lry", "lpy", "ibo", "ide"], csv_name="danish.csv", fill="interpolate"
    )
    assert len(dataset.frame) == 55 and not dataset.frame.isna().any().any()


@pytest.mark.parametrize("mark", ["..", "n.a.", "N.A.", "—"])
def test_a_source_missing_mark_typed_as_a_lag_input_is_called_missing(mark):
    table = pd.DataFrame({"date": ["1987-04-01", "1987-07-01"], "lrm": [12.04, 12.02], "ibo": [0.117, mark]})
    with pytest.raises(InvalidInputError, match=f"is '{mark}', which marks a missing value; enter a number"):
        parse_lag_table(table, ["lrm", "ibo"], 2, "none")
