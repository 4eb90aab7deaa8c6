"""`--end 2005.4` on a quarterly file dated `2005-10-01` was read as April 2005 and ended the sample at 2005Q2 without
a word, though econometrics programs write the fourth quarter so; `2005:4` was already refused as ambiguous. The
dotted form is now refused alike on rows longer than a month, and stays a month on monthly or finer rows. The refusal
fits the rows: on half-years it names the half-year (`2005H2`) first, on years it says the year alone is enough."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset
from varlib.cli import main


def _csv(freq: str, periods: int = 48, first: str = "1995-01-01") -> bytes:
    dates = pd.date_range(first, periods=periods, freq=freq)
    values = 10 + np.random.default_rng(7).normal(size=(periods, 2)).cumsum(axis=0) * 0.3
    rows = [f"{d:%Y-%m-%d},{a:.4f},{b:.4f}" for d, (a, b) in zip(dates, values, strict=True)]
    return ("date,x,y\n" + "\n".join(rows) + "\n").encode()


def _last(data: bytes, **bounds) -> str:
    return load_dataset(data, csv_name="data.csv", **bounds).span["last"]


@pytest.mark.parametrize("freq", ["QS-JAN", "QE-DEC"])
def test_a_dotted_count_on_rows_longer_than_a_month_is_refused_naming_both_readings(freq):
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(_csv(freq), csv_name="data.csv", end="2005.4")
    assert str(refused.value) == (
        "end date '2005.4' counts periods of 2005, a form the file's dates are not written in, so it could mean"
        " quarters or months: write 2005Q4 for a quarter or 2005-04 for a month"
    )
    assert (refused.value.field, refused.value.value) == ("end", "2005.4")
    with pytest.raises(InvalidInputError, match=r"start date '2000.1' .* write 2000Q1 for a quarter or 2000-01 for"):
        load_dataset(_csv(freq), csv_name="data.csv", start="2000.1")


@pytest.mark.parametrize("freq", ["2QS-JAN", "2QE-DEC"])
def test_on_half_yearly_rows_the_refusal_names_the_half_year_first(freq):
    # `2005.2` on half-years most likely means the second half: "quarters or months" named neither that reading
    # nor the form that writes it
    halves = _csv(freq, first="1995-06-30" if "E" in freq else "1995-01-01")  # calendar halves, either dating
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(halves, csv_name="data.csv", end="2005.2")
    assert str(refused.value) == (
        "end date '2005.2' counts periods of 2005, a form the file's dates are not written in, so it could mean a"
        " half-year, a quarter or a month: write 2005H2 for a half-year, 2005Q2 for a quarter or 2005-02 for a month"
    )
    assert (refused.value.field, refused.value.value) == ("end", "2005.2")
    with pytest.raises(InvalidInputError, match=r"'2005.4' .* half-years are 2005H1 and 2005H2, so it could mean a"):
        load_dataset(halves, csv_name="data.csv", end="2005.4")
    # and the form it names is read so, ending the sample at that half-year
    assert _last(halves, end="2005H2") == "2005H2"


@pytest.mark.parametrize("freq", ["YS-JAN", "YE-DEC"])
def test_on_yearly_rows_the_refusal_says_the_year_alone_is_enough(freq):
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(_csv(freq, periods=30), csv_name="data.csv", start="2000.1")
    assert str(refused.value) == (
        "start date '2000.1' counts periods of 2000, a form the file's dates are not written in; the rows are whole"
        " years, so the year alone is enough: write 2000"
    )
    assert _last(_csv(freq, periods=30), end="2005") == "2005"


def test_the_bundled_quarterly_data_refuses_it_too():
    with pytest.raises(InvalidInputError, match=r"'2005.4' .* write 2005Q4 for a quarter or 2005-04 for a month"):
        load_dataset(end="2005.4")


def test_a_dotted_count_stays_a_month_on_monthly_rows_and_where_it_can_be_no_quarter():
    assert _last(_csv("MS"), end="1996.4") == "Apr 1996"
    assert _last(_csv("ME"), end="1996.4") == "Apr 1996"
    assert _last(_csv("MS").replace(b"-01,", b"-15,"), end="1996.4") == "Apr 1996"  # months dated on their 15th
    assert _last(_csv("QS-JAN"), end="2005.7") == "2005Q3"  # July: no quarter is the 7th


@pytest.mark.parametrize(("freq", "first"), [("BME", "2020-02-28"), ("BMS", "2019-08-01")])
def test_a_dotted_count_stays_a_month_on_business_months_whose_first_step_is_over_31_days(freq, first):
    # a step of business months can be 32 days (2020-02-28 to 2020-03-31): these monthly rows were taken for
    # periods longer than a month, and `2022.4` refused as a quarter or a month
    assert _last(_csv(freq, first=first), end="2022.4") == "Apr 2022"


def test_a_year_month_bound_is_still_a_month_on_quarterly_rows():
    assert _last(_csv("QS-JAN"), end="2005-4") == "2005Q2"
    assert _last(_csv("QS-JAN"), end="2005Q4") == "2005Q4"


def test_the_cli_refuses_it_in_one_line_with_exit_2(tmp_path, monkeypatch, capsys):
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    path = tmp_path / "quarters.csv"
    path.write_bytes(_csv("QS-JAN"))
    assert main(["train", "--csv", str(path), "--end", "2005.4", "--lags", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err
    assert "'2005.4'" in err and "write 2005Q4 for a quarter or 2005-04 for a month" in err


@pytest.mark.parametrize("freq", ["MS", "QS-JAN", "2QS-JAN"])
def test_a_counted_bound_past_4_is_offered_as_a_month_only(freq):
    # `2005:7` offered `2005Q4 for a quarter`, another period, which written so would end the sample there
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(_csv(freq, periods=200 if freq == "MS" else 48), csv_name="data.csv", end="2005:7")
    assert str(refused.value) == (
        "end date '2005:7' counts periods of 2005, a form the file's dates are not written in, and a year has 4"
        " quarters, so it can only mean a month: write 2005-07"
    )
