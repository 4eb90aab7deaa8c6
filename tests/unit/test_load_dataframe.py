"""`load_dataset` takes a pandas DataFrame, the first thing an analyst passes, and reads it as its CSV would be
read (dates and cells checked alike); it raised `TypeError: 'str' object cannot be interpreted as an integer`."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset


@pytest.fixture(scope="module")
def macro() -> pd.DataFrame:
    return load_dataset(variables=["realgdp", "realcons"]).frame


def test_a_frame_dated_by_its_index_or_by_a_column_reads_as_the_bundled_data(macro):
    for frame in (macro, macro.reset_index(), macro.rename_axis(None)):
        dataset = load_dataset(frame)
        assert dataset.name == "DataFrame" and dataset.frequency == "QS-JAN"
        assert np.array_equal(dataset.frame.to_numpy(), macro.to_numpy())  # every digit kept
    assert load_dataset(macro, csv_name="macro").span == {"rows": 203, "first": "1959Q1", "last": "2009Q3"}


def test_a_frame_with_a_hole_is_refused_as_its_csv_would_be(macro):
    holed = macro.copy()
    holed.iloc[5, 0] = np.nan
    with pytest.raises(InvalidInputError, match="realgdp.*1960Q2|1960-04-01"):
        load_dataset(holed)


def test_anything_else_is_named():
    with pytest.raises(InvalidInputError, match="reads a CSV path, its bytes or a pandas DataFrame, not a list"):
        load_dataset([[1, 2], [3, 4]])  # type: ignore[arg-type]
