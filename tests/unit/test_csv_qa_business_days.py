"""Business days with one date mistyped onto a Saturday (Monday 2020-01-13 typed 2020-01-11) were read as daily
data missing 32 weekend days, which `--fill interpolate` then invented. The odd date is named with the grid's
nearest free date, as a Friday among quarter ends is (QA)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset
from varlib.data.frequency import detect_frequency


def _dates() -> pd.DatetimeIndex:
    days = pd.bdate_range("2020-01-01", periods=80)
    return pd.DatetimeIndex([pd.Timestamp("2020-01-11") if d == pd.Timestamp("2020-01-13") else d for d in days])


def test_a_saturday_among_business_days_is_named_with_the_nearest_free_date():
    with pytest.raises(
        InvalidInputError, match=r"business daily \(B\) but for 2020-01-11 \(nearest free date: 2020-01-13\)"
    ):
        detect_frequency(_dates())


@pytest.mark.parametrize("fill", ["none", "interpolate"])
def test_no_fill_invents_the_weekends(fill):
    rng = np.random.default_rng(1)
    values = 100 + np.cumsum(rng.normal(size=(80, 2)), axis=0)
    rows = [f"{d:%Y-%m-%d},{a:.3f},{b:.3f}" for d, (a, b) in zip(_dates(), values, strict=True)]
    with pytest.raises(InvalidInputError, match="correct that date to the period it stands for"):
        load_dataset(("date,a,b\n" + "\n".join(rows) + "\n").encode(), csv_name="bd.csv", fill=fill)


def test_daily_data_with_a_few_days_missing_is_still_daily():
    days = pd.date_range("2020-01-01", periods=120, freq="D").delete([10, 40])
    found = detect_frequency(days)
    assert found.alias == "D" and len(found.missing) == 2


def test_business_days_with_holidays_are_still_business_days():
    days = pd.bdate_range("2020-01-01", periods=120).delete([0, 30])
    assert detect_frequency(days).alias == "B"


def test_an_extra_saturday_between_two_rows_is_said_to_be_one_to_delete():
    # the grid dates on either side both have rows: there is no free date to name, only a row too many
    days = pd.bdate_range("2020-01-01", periods=120).append(pd.DatetimeIndex(["2020-03-14"])).sort_values()
    with pytest.raises(InvalidInputError) as refused:
        detect_frequency(days)
    said = str(refused.value)
    assert "but for 2020-03-14 (an extra row: 2020-03-13 and 2020-03-16 have rows)" in said
    assert said.endswith("; delete that row") and "nearest free date" not in said
