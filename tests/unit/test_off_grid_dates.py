"""A date mistyped among dates of one grid (a Friday 1990-03-30 among quarter ends, 2003-05-02 among month
starts) is named with the grid date it stands for, the nearest one no other row has. pandas inferred business
quarter ends for the first, so the forecast was dated 2001-03-30, 2001-06-29, ...; the second was called irregular
with two good dates as the example and 'aggregate the data' as the fix."""

import pandas as pd
import pytest

from varlib.data.frequency import detect_frequency
from varlib.errors import InvalidInputError

QUARTER_ENDS = pd.date_range("1985-03-31", periods=60, freq="QE-DEC")
MONTH_STARTS = pd.date_range("2000-01-01", periods=70, freq="MS")


def _with(dates: pd.DatetimeIndex, position: int, typed: str) -> pd.DatetimeIndex:
    stamps = list(dates)
    stamps[position] = pd.Timestamp(typed)
    return pd.DatetimeIndex(stamps)


@pytest.mark.parametrize(
    ("dates", "said"),
    [
        (
            _with(QUARTER_ENDS, 20, "1990-03-30"),
            "are quarterly (QE-DEC) but for 1990-03-30 (nearest free date: 1990-03-31)",
        ),
        (_with(MONTH_STARTS, 40, "2003-05-02"), "are monthly (MS) but for 2003-05-02 (nearest free date: 2003-05-01)"),
        # `1990Q2` among quarter ends reads as 1990-04-01: its period is the free 1990-06-30, not the row before's
        (
            _with(QUARTER_ENDS, 21, "1990-04-01"),
            "are quarterly (QE-DEC) but for 1990-04-01 (nearest free date: 1990-06-30)",
        ),
        (
            _with(pd.date_range("1980-01-01", periods=40, freq="QS-JAN"), 25, "1986-06-30"),
            "are quarterly (QS-JAN) but for 1986-06-30 (nearest free date: 1986-04-01)",
        ),
    ],
)
def test_one_mistyped_date_is_named_with_the_nearest_date_of_the_grid(dates, said):
    with pytest.raises(InvalidInputError) as caught:
        detect_frequency(dates, "'data.csv'")
    assert said in str(caught.value)
    assert str(caught.value).endswith("correct that date to the period it stands for")


def test_business_quarter_ends_and_plain_grids_read_as_before():
    business = pd.date_range("1985-03-29", periods=40, freq="BQE-DEC")
    assert detect_frequency(business).alias == "BQE-DEC"
    assert detect_frequency(QUARTER_ENDS).alias == "QE-DEC"
    gap = QUARTER_ENDS.delete(7)
    assert detect_frequency(gap).missing == (QUARTER_ENDS[7],)


def test_dates_on_no_grid_are_still_called_irregular():
    scattered = pd.DatetimeIndex(["2000-01-03", "2000-02-17", "2000-02-29", "2000-05-11", "2000-05-12", "2000-09-01"])
    with pytest.raises(InvalidInputError, match="are irregularly spaced"):
        detect_frequency(scattered)
