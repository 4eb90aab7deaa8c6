"""Half-years: a date off the grid is told the date of the half-year it stands for (pandas' `2QS-JAN` and `2QE-DEC`
take every quarter's start or end for theirs, so 2005-04-01 was told to be 2005-04-01), and the same period written
two ways out of order (`1997-03-31` then `1997Q1`) is named as a repeat, not as rows to sort."""

from __future__ import annotations

import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset


def _csv(labels) -> bytes:
    rows = [f"{label},{10 + i % 3},{11 - i % 4}" for i, label in enumerate(labels)]
    return ("date,a,b\n" + "\n".join(rows) + "\n").encode()


def _refusal(labels) -> str:
    with pytest.raises(InvalidInputError) as caught:
        load_dataset(_csv(labels), csv_name="h.csv")
    return str(caught.value)


FIRSTS = [f"{d:%Y-%m-%d}" for d in pd.date_range("2000-01-01", periods=20, freq="6MS")]  # 2005-01-01 is row 11
LASTS = [f"{d:%Y-%m-%d}" for d in pd.date_range("2000-06-30", periods=20, freq="6ME")]  # 2005-06-30 is row 11
HALVES = [f"{year}H{half}" for year in range(2000, 2010) for half in (1, 2)]


@pytest.mark.parametrize(
    ("dates", "typed", "said"),
    [
        (FIRSTS, "2005-04-01", "2005-01-01"),
        (FIRSTS, "2005-03-15", "2005-01-01"),
        (LASTS, "2005-03-31", "2005-06-30"),
        (LASTS, "2005-04-30", "2005-06-30"),
    ],
)
def test_an_off_grid_date_among_half_years_is_told_the_date_of_its_half_year(dates, typed, said):
    changed = [*dates[:10], typed, *dates[11:]]
    assert "are half-yearly" in _refusal(changed)
    assert f"but for {typed} (nearest free date: {said}): " in _refusal(changed)


def test_a_half_year_written_twice_in_order_is_an_extra_row_not_a_quarter_to_move_to():
    assert "2000-06-30 (an extra row: 2000-01-01 and 2000-07-01 have rows)" in _refusal(
        [HALVES[0], "2000-06-30", *HALVES[1:]]
    )
    assert "2004-12-31 (an extra row: 2004-07-01 and 2005-01-01 have rows)" in _refusal(
        [*HALVES[:10], "2004-12-31", *HALVES[10:]]
    )


@pytest.mark.parametrize(
    ("labels", "said"),
    [
        (
            [*(f"{y}Q{q}" for y in (1995, 1996) for q in (1, 2, 3, 4)), "1997-03-31", "1997Q1", "1997Q2", "1997Q3"],
            "'h.csv' has the period 1997Q1 more than once: row 9 (1997-03-31) and row 10 (1997Q1); keep one row per"
            " period",
        ),
        (
            [*HALVES[:8], "2004-06-30", *HALVES[8:]],
            "'h.csv' has the period 2004H1 more than once: row 9 (2004-06-30) and row 10 (2004H1); keep one row per"
            " period",
        ),
    ],
)
def test_a_period_written_two_ways_out_of_order_is_named_as_a_repeat_not_as_unsorted(labels, said):
    assert _refusal(labels) == said
