"""Lag-input and path files as people write them: dates under another header, a mistyped date, empty
lines in a one-column path. Each is read as meant or refused by name, never taken in the wrong order."""

from __future__ import annotations

import numpy as np
import pytest

from varlib.data import load_csv, read_lag_inputs, read_path_csv
from varlib.data.paths import CONDITIONS, EXOG, check_path
from varlib.errors import InvalidInputError

NEWEST_FIRST = "{header},gdp\n2021-10-01,4\n2021-07-01,3\n2021-04-01,2\n2021-01-01,1\n"


@pytest.mark.parametrize("header", ["date", "obs", "observation_date", "Period"])
def test_a_first_column_of_dates_dates_the_lag_inputs_whatever_its_header(header):
    lags = read_lag_inputs(NEWEST_FIRST.format(header=header).encode(), ["gdp"], 2, "none", frequency="QS-JAN")
    assert lags["gdp"].tolist() == [3.0, 4.0] and [str(d.date()) for d in lags.index] == ["2021-07-01", "2021-10-01"]


@pytest.mark.parametrize("header", ["date", "obs"])
def test_a_mistyped_lag_date_is_named_not_dropped_with_the_others(header):
    text = NEWEST_FIRST.format(header=header).replace("2021-04-01", "2021-04-31")
    with pytest.raises(InvalidInputError, match=r"row 3: '2021-04-31' is not a date"):
        read_lag_inputs(text.encode(), ["gdp"], 2, "none", frequency="QS-JAN")
    two_digit_year = b"date,gdp,cons\n01/04/2022,1,2\n01/05/2022,2,3\n01/06/2022,3,1\n01/07/22,4,5\n"
    with pytest.raises(InvalidInputError, match=r"row 4: '01/07/22' is not a date; write it as the other dates are"
                       r" \('01/04/2022'\) or as YYYY-MM-DD"):  # fmt: skip
        load_csv(two_digit_year, name="yy.csv")
    repeated_header = b"date,gdp\n2021-01-01,1\ndate,gdp\n2021-04-01,2\n"
    with pytest.raises(InvalidInputError, match=r"row 2 repeats the header \(date, gdp\); delete that line"):
        read_lag_inputs(repeated_header, ["gdp"], 2, "none")


def test_a_first_column_that_is_not_dates_leaves_the_lag_inputs_undated():
    lags = read_lag_inputs(b"country,gdp\nDE,1\nDE,2\n", ["gdp"], 2, "none", frequency="QS-JAN")
    assert lags["gdp"].tolist() == [1.0, 2.0] and lags.index.tolist() == [0, 1]


@pytest.mark.parametrize("kind", [CONDITIONS, EXOG])
def test_an_empty_line_of_a_one_column_path_is_a_step_left_free(kind):
    path = check_path(read_path_csv(b"gdp\n1000\n\n1010\n\n", kind, "path.csv"), ["gdp"], ["a", "b", "c", "d"])
    np.testing.assert_array_equal(path["gdp"].to_numpy(), [1000, np.nan, 1010, np.nan])
    leading = check_path(read_path_csv(b"\n\ngdp\n1000\n", kind, "path.csv"), ["gdp"], ["a", "b"])
    np.testing.assert_array_equal(leading["gdp"].to_numpy(), [1000, np.nan])


@pytest.mark.parametrize(
    "data, message",
    [
        (
            b"date;orders;stock\n2005-01-01;998;2.000\n2005-02-01;999;2.010\n2005-03-01;1.000;2.020\n",
            r"column 'orders', row 3: '1.000', which is 1000 if the point groups thousands and 1.000 if it is",
        ),
        (
            b"date\tpayrolls\thours\n2000-01-01\t129,810\t995\n2000-02-01\t129,793\t1,001\n",
            r"column 'payrolls', row 1: '129,810', which is 129810 if the comma groups thousands",
        ),
    ],
    ids=["points", "commas"],
)
def test_a_file_whose_numbers_all_read_as_thousands_or_as_decimals_is_refused(data, message):
    with pytest.raises(InvalidInputError, match=message):
        load_csv(data, name="sheet.csv")


@pytest.mark.parametrize(
    "data, orders",
    [
        (b"date;orders;rate\n2005-01-01;998;2,5\n2005-02-01;1.000;2,25\n", [998.0, 1000.0]),  # a decimal comma
        (b"date;orders;rate\n2005-01-01;1.000;2.5\n2005-02-01;1.001;2.25\n", [1.0, 1.001]),  # a decimal point
        (b"date;orders;rate\n2005-01-01;1.000.000;2\n2005-02-01;1.000;3\n", [1_000_000.0, 1000.0]),  # two groups
        (b"date;orders;rate\n1960.1;1,5;2\n1960.2;1,25;3\n", [1.5, 1.25]),  # the labels are not numbers
    ],
    ids=["comma", "point", "groups", "period-labels"],
)
def test_other_numbers_of_the_file_decide_how_a_group_of_three_reads(data, orders):
    assert load_csv(data, name="sheet.csv").frame["orders"].tolist() == orders


def test_dated_rows_without_values_around_the_data_are_left_out_and_said_never_filled():
    from varlib.data import profile_csv

    rows = ["2000-01-01,,", "2000-04-01,1,5", "2000-07-01,2,4", "2000-10-01,3,6", "2001-01-01,2,5"]
    data = ("date,gdp,cons\n" + "\n".join([*rows, "2001-04-01,,", "2001-07-01,,"]) + "\n").encode()
    for fill in ("none", "ffill", "interpolate"):
        dataset = load_csv(data, name="ahead.csv", fill=fill)
        assert [str(d.date()) for d in dataset.frame.index[[0, -1]]] == ["2000-04-01", "2001-01-01"]
        assert dataset.read_as == (
            "1 dated row without values before the data (2000-01-01) left out",
            "2 dated rows without values after the data (2001-04-01 to 2001-07-01) left out",
        )
    profile = profile_csv(data, name="ahead.csv")[0]
    assert (profile.first, profile.last, profile.missing_values) == ("2000-04-01", "2001-01-01", {})
    assert profile.rows == 4  # the rows kept, not the file's 7
    assert profile.read_as == dataset.read_as


def test_a_long_daily_file_trains_with_a_holdout_of_at_most_the_longest_forecast(tmp_path):
    from varlib import ModelSpec, train_model

    rng = np.random.default_rng(3)
    days = np.arange(5000)
    text = "date,a,b\n" + "".join(
        f"{d},{x:.4f},{y:.4f}\n"
        for d, x, y in zip(
            (np.datetime64("2000-01-01") + days).astype(str), rng.normal(size=5000), rng.normal(size=5000), strict=True
        )
    )
    result = train_model(load_csv(text.encode(), name="daily.csv"), ModelSpec(("a", "b"), lags=1))
    assert result.evaluation is not None and result.evaluation.rows == 400  # 10% would be 500 steps ahead
    (tmp_path / "folder").mkdir()
    with pytest.raises(InvalidInputError, match="cannot read CSV .*folder'.*Is a directory"):
        load_csv(tmp_path / "folder")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"GDP and consumption\n\ndate,gdp,cons\n2000-01-01,1,2\n", r"line 1 \('GDP and consumption'\) looks like a"),
        (b"date,gdp,cons\n2000-01-01,1,000,000.0,5\n", r"line 2: 5 fields where .* in quotes \(\"1,234.5\"\)"),
        (b"date;gdp;cons\n2000-01-01;1;2;3\n", r"line 2: 4 fields where the header \(date, gdp, cons\) has 3; every"),
    ],
    ids=["title-line", "unquoted-thousands", "extra-value"],
)
def test_rows_wider_than_the_header_are_refused_with_their_line(data, message):
    with pytest.raises(InvalidInputError, match=message):
        load_csv(data, name="sheet.csv")


def test_a_delimiter_ending_the_data_rows_only_and_a_text_column_are_left_out():
    trailing = b"date,gdp,cons\n2000-01-01,1,5,\n2000-04-01,2,4,\n2000-07-01,3,6,\n"
    assert load_csv(trailing, name="sheet.csv").frame.to_numpy().tolist() == [[1, 5], [2, 4], [3, 6]]
    coded = b"date,country,gdp,cons\n2000-01-01,DE,1,5\n2000-04-01,DE,2,4\n2000-07-01,DE,3,6\n"
    assert load_csv(coded, name="sheet.csv").variables == ["gdp", "cons"]
    # a stray word, not `n.a.`, which marks a missing value (tests/unit/test_missing_marks_of_sources.py)
    stray = b"date,gdp,cons\n2000-01-01,1,5\n2000-04-01,tbc,4\n2000-07-01,3,6\n"
    with pytest.raises(InvalidInputError, match=r"column 'gdp' .* row 2 \(2000-04-01\): 'tbc' is not a finite"):
        load_csv(stray, name="sheet.csv")


def test_a_log_models_lag_input_at_or_below_zero_is_named_by_variable_and_date():
    with pytest.raises(InvalidInputError, match="lag input gdp on 2009-04-01 is 0; this model works on logs"):
        read_lag_inputs(b"date,gdp\n2009-01-01,1\n2009-04-01,0\n", ["gdp"], 2, "log")


def test_a_column_named_twice_is_refused_not_read_from_the_first():
    data = b"date,gdp,cons,gdp\n2000-01-01,1,2,3\n2000-04-01,2,3,4\n"
    with pytest.raises(InvalidInputError, match=r"has the column 'gdp' more than once \(columns 2 and 4\)"):
        load_csv(data, name="sheet.csv", variables=["gdp", "cons"])


def test_notes_under_the_data_are_left_out_and_said():
    from varlib.data import profile_csv

    rows = "".join(f"2000-{m:02d}-01,{m},{10 - m}\n" for m in (1, 4, 7, 10))
    data = f"date,gdp,cons\n{rows}\nSource: Statistics Office,,\nNote: seasonally adjusted,,\n".encode()
    dataset = load_csv(data, name="office.csv")
    assert dataset.frame["gdp"].tolist() == [1.0, 4.0, 7.0, 10.0]
    note = "2 lines of notes under the data ('Source: Statistics Office', 'Note: seasonally adjusted') left out"
    assert dataset.read_as == (note,) and profile_csv(data, name="office.csv")[0].read_as == (note,)
    lags = read_lag_inputs(data, ["gdp", "cons"], 2, "none", frequency="QS-JAN")
    assert lags["gdp"].tolist() == [7.0, 10.0] and str(lags.index[-1].date()) == "2000-10-01"
    with pytest.raises(InvalidInputError, match=r"row 5: 'Source: Office' is not a date"):
        load_csv(f"date,gdp,cons\n{rows}Source: Office,12x5,\n".encode(), name="office.csv")  # a value: not a note


@pytest.mark.parametrize("separator", [",,\n", ",,\n,,\n"])
def test_empty_rows_that_set_the_notes_apart_go_with_them(separator):
    from varlib.data import profile_csv

    rows = "".join(f"2000-{m:02d}-01,{m},{10 - m}\n" for m in (1, 4, 7, 10))
    data = f"date,gdp,cons\n{rows}{separator}Source: Statistics Office,,\n".encode()  # as Excel writes them
    dataset = load_csv(data, name="office.csv")
    assert dataset.frame["gdp"].tolist() == [1.0, 4.0, 7.0, 10.0]
    assert dataset.read_as == ("1 line of notes under the data ('Source: Statistics Office') left out",)
    profile = profile_csv(data, name="office.csv")[0]
    assert profile.rows == 4 and profile.missing_values == {} and profile.frequency.label == "quarterly"
    lags = read_lag_inputs(data, ["gdp", "cons"], 2, "none", frequency="QS-JAN")
    assert lags["gdp"].tolist() == [7.0, 10.0]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark_is_read(encoding):
    data = "date,gdp,cons\n2000-01-01,1,5\n2000-04-01,2,4\n2000-07-01,3,6\n".encode(encoding)
    dataset = load_csv(data, name="unicode.csv")
    assert dataset.frame["gdp"].tolist() == [1.0, 2.0, 3.0] and dataset.read_as == ("UTF-16",)


def test_numeric_dates_mixed_with_another_form_are_refused_with_both_rows():
    data = b"date,gdp,cons\n01/01/2020,1,5\n01/04/2020,2,4\n2020-07-01,3,6\n01/10/2020,4,5\n"
    with pytest.raises(InvalidInputError, match=r"two forms: row 1 '01/01/2020' and row 3 '2020-07-01'"):
        load_csv(data, name="sheet.csv")


def test_periods_counted_up_to_two_a_year_are_half_years():
    rows = "".join(f"{year}:{half},{year + half},{2 * year - half}\n" for year in range(1990, 2000) for half in (1, 2))
    dataset = load_csv(f"date,gdp,cons\n{rows}".encode(), name="halves.csv")
    assert dataset.frequency.startswith("2QS") and dataset.read_as == ("dates as half-years of the year",)
    assert [str(d.date()) for d in dataset.frame.index[:3]] == ["1990-01-01", "1990-07-01", "1991-01-01"]
    lags = b"date,gdp\n2009:1,1\n2009:2,2\n"
    half_yearly = read_lag_inputs(lags, ["gdp"], 2, "none", frequency=dataset.frequency)
    assert str(half_yearly.index[-1].date()) == "2009-07-01"
    quarterly = read_lag_inputs(lags, ["gdp"], 2, "none", frequency="QS-JAN")  # quarters, as before
    assert str(quarterly.index[-1].date()) == "2009-04-01"


def test_a_year_and_an_unpadded_count_are_counted_periods_not_iso_months():
    rows = "".join(f"{year}-{q},{year + q},{2 * year - q}\n" for year in range(1990, 1995) for q in (1, 2, 3, 4))
    dataset = load_csv(f"date,gdp,cons\n{rows}".encode(), name="quarters.csv")
    assert dataset.frequency == "QS-JAN" and str(dataset.frame.index[1].date()) == "1990-04-01"
    months = "".join(f"2000-{m:02d},{m},{20 - m}\n" for m in range(1, 13))  # padded: ISO months, as before
    assert load_csv(f"date,gdp,cons\n{months}".encode(), name="months.csv").frequency == "MS"


def test_decimal_years_are_refused_as_such():
    data = b"date,gdp,cons\n2000.00,1,5\n2000.25,2,4\n2000.50,3,6\n2000.75,4,5\n"
    with pytest.raises(InvalidInputError, match=r"'2000.00' is a year with a fraction, not a date; write"):
        load_csv(data, name="years.csv")
    # the example is the value's own period: 2000.00 is 2000Q1; 2000.25 (refused first once 2000.00 is 2000.1) 2000Q2
    for rows, period in ((data, "2000Q1 or 2000-01-01"), (data.replace(b"2000.00", b"2000.1"), "2000Q2 or 2000-04-01")):
        with pytest.raises(InvalidInputError, match=f"write the periods as {period}$"):
            load_csv(rows, name="years.csv")
    months = "".join(f"{2000 + m / 12:.2f},{m},{9 - m % 3}\n" for m in range(1, 9)).encode()  # 2000.08, 2000.17
    with pytest.raises(InvalidInputError, match="'2000.17' is a year .* as 2000-03 or 2000-03-01$"):
        load_csv(b"date,gdp,cons\n" + months, name="months.csv")
    whole = "".join(f"{year}.0,{year - 1900},{2 * year}\n" for year in range(1950, 1960))  # a float column's years
    dataset = load_csv(f"year,gdp,cons\n{whole}".encode(), name="years.csv")
    assert dataset.frequency.startswith("YS") and str(dataset.frame.index[0].date()) == "1950-01-01"


def test_a_header_without_rows_says_so():
    with pytest.raises(InvalidInputError, match=r"has a header \(date, gdp, cons\) but no data rows"):
        load_csv(b"date,gdp,cons\n\n", name="empty.csv")
