"""Periods listed ahead of a date: a link's first lag date starts consecutive periods only when it is one of the
model's periods (a day at midnight), within the year 9999, for a whole number of them; and a store's one-line
description stays one line whatever its folder's name holds."""

from __future__ import annotations

import numpy as np
import pytest

import varlib
from varlib import InvalidInputError


def test_periods_from_counts_quarters_from_a_quarter():
    assert varlib.periods_from("2009-07-01", "QS-JAN", 3) == ["2009-07-01", "2009-10-01", "2010-01-01"]
    assert varlib.periods_from("2009-07-01", "QS-JAN", np.int64(2)) == ["2009-07-01", "2009-10-01"]  # from an array
    assert varlib.periods_from("2009-07-01", "QS-JAN", 0) == []


@pytest.mark.parametrize(
    ("first", "frequency", "count", "said"),
    [
        ("2009-07-01T12:00", "QS-JAN", 2, "is not a period of frequency QS-JAN"),  # noon is inside the quarter
        ("2009-08-01", "QS-JAN", 2, "is not a period of frequency QS-JAN"),
        ("9999-10-01", "QS-JAN", 3, "3 periods from '9999-10-01' run past the year 9999"),
        ("2009-07-01", "QS-JAN", -1, "periods -1 must be a whole number from 0 to 10000000"),
        ("2009-07-01", "QS-JAN", 2.0, "periods 2.0 must be a whole number from 0 to 10000000"),
        ("2009-07-01", "QS-JAN", True, "periods True must be a whole number from 0 to 10000000"),
        ("2009-07-01", "QS-JAN", 10**7, "10000000 periods from '2009-07-01' run past the year 9999"),  # pandas' limit
        ("2009-07-01", None, 2, "'2009-07-01' cannot start periods: the dates have no frequency"),
    ],
)
def test_periods_from_refuses_what_it_cannot_count(first, frequency, count, said):
    with pytest.raises(InvalidInputError) as refused:
        varlib.periods_from(first, frequency, count)
    assert said in str(refused.value)


def test_a_folder_name_with_a_new_line_is_described_on_one_line(tmp_path):
    settings = varlib.Settings(store_dir=tmp_path / "a\nb")
    text = varlib.describe_store(settings)
    assert "\n" not in text and "a\\nb" in text
    said = varlib.Registry.from_settings(settings).missing_note()  # what `varlib models` prints on an empty store
    assert said is not None and "\n" not in said and "a\\nb" in said
