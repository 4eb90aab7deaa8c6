"""CSVs as spreadsheets in other locales save them: every form reads to the same numbers and dates as the
plain file, and a file whose reading would be a guess is refused with the cells that make it one."""

import numpy as np
import pandas as pd
import pytest

from varlib.data import check_path, load_csv, profile_csv, read_lag_inputs, read_path_csv
from varlib.data.number_marks import canonical_numbers
from varlib.data.timeindex import parse_dates
from varlib.errors import InvalidInputError

ROWS = 40  # enough for the upload preview to raise no other point
QUARTERS = pd.date_range("2000-01-01", periods=ROWS, freq="QS")
VALUES = np.column_stack(
    [1000 + np.arange(ROWS) * 12.25 + np.cos(np.arange(ROWS)), 50 + np.sin(np.arange(ROWS))]
).round(4)


def _plain() -> pd.DataFrame:
    return load_csv(_csv(",", "%Y-%m-%d", "."), name="plain.csv").frame


def _csv(delimiter: str, date_format: str, decimal: str, encoding: str = "utf-8") -> bytes:
    frame = pd.DataFrame(VALUES, columns=["gdp", "cons"], index=QUARTERS.strftime(date_format))
    return frame.rename_axis("date").to_csv(sep=delimiter, decimal=decimal).encode(encoding)


@pytest.mark.parametrize(
    ("delimiter", "date_format", "decimal", "encoding"),
    [
        (";", "%d.%m.%Y", ",", "utf-8"),  # German Excel
        (";", "%d/%m/%Y", ",", "cp1252"),  # French Excel, Windows encoding
        ("\t", "%Y-%m-%d", ".", "utf-16"),  # Excel's "Unicode text"
        (",", "%m/%d/%Y", ".", "utf-8-sig"),  # US Excel's "CSV UTF-8", with a byte-order mark
        (";", "%Y-%m-%d", ".", "utf-8"),  # semicolons, decimal points
        (",", "%d/%m/%y", ".", "utf-8"),
    ],
)
def test_spreadsheet_forms_read_as_the_plain_file(delimiter, date_format, decimal, encoding):
    dataset = load_csv(_csv(delimiter, date_format, decimal, encoding), name="sheet.csv")
    pd.testing.assert_frame_equal(dataset.frame, _plain(), check_freq=False)
    assert dataset.frequency == load_csv(_csv(",", "%Y-%m-%d", "."), name="plain.csv").frequency


def test_a_dataset_says_how_it_was_read_and_a_plain_one_says_nothing():
    assert load_csv(_csv(";", "%d.%m.%Y", ","), name="sheet.csv").read_as == (
        "semicolon-separated",
        "decimal commas",
        "dates day first",
    )
    assert load_csv(_csv(",", "%Y-%m-%d", "."), name="plain.csv").read_as == ()


def test_a_quoted_name_holding_a_delimiter_does_not_decide_the_delimiter():
    data = b'date;"GDP, real";"cons, real"\n2000-01-01;1,5;2\n2000-04-01;2;3\n2000-07-01;3;4,25\n'
    frame = load_csv(data, name="sheet.csv").frame
    assert list(frame.columns) == ["GDP, real", "cons, real"] and frame["cons, real"].tolist() == [2.0, 3.0, 4.25]


def test_grouped_thousands_read_in_either_convention():
    us = b'date,gdp,cons\n2000-01-01,"1,234.5",1\n2000-04-01,"12,345,678",2\n2000-07-01,3,3\n'
    eu = b"date;gdp;cons\n2000-01-01;1.234,5;1\n2000-04-01;12.345.678;2\n2000-07-01;3;3\n"
    french = "date;gdp;cons\n2000-01-01;1 234,5;1\n2000-04-01;12\u202f345\u00a0678;2\n2000-07-01;3;3\n".encode()
    swiss = b"date,gdp,cons\n2000-01-01,1'234.5,1\n2000-04-01,12'345'678,2\n2000-07-01,3,3\n"
    for data in (us, eu, french, swiss):  # spaces (ordinary or non-breaking) and apostrophes: French, Swiss
        assert load_csv(data, name="grouped.csv").frame["gdp"].tolist() == [1234.5, 12345678.0, 3.0]


@pytest.mark.parametrize(
    ("cell", "decimal", "number"),
    [("3,5", ",", "3.5"), ("-1.234,5", ",", "-1234.5"), ("1,234.5", ".", "1234.5"), ("100.846", ".", "100.846")],
)
def test_a_number_is_written_in_one_form(cell, decimal, number):
    assert canonical_numbers(pd.Series([cell]), decimal).tolist() == [number]


@pytest.mark.parametrize("cell", ["3,5", "abc", "1,2,3", "2000-01-01", "01.01.2000"])
def test_text_that_is_not_a_number_in_the_files_convention_is_left_as_written(cell):
    assert canonical_numbers(pd.Series([cell]), ".").tolist() == [cell]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"date;gdp;cons\n2000-01-01;3,5;1\n2000-04-01;2.25;2\n",
            r"decimal comma \(column 'gdp', row 1: '3,5'\) and with a decimal point \(column 'gdp', row 2: '2.25'\)",
        ),
        (b"PK\x03\x04\x14\x00rest of a zip", "is a spreadsheet workbook, not a CSV: save it as CSV"),
        (b"\xff\xfe\x00ba", "cannot be read: it is not text in UTF-8, UTF-16 or Windows-1252"),  # odd length
        (b"date,a\x81,b\x8d\n", "cannot be read: it is not text in UTF-8, UTF-16 or Windows-1252"),
        (b"date,a,b\n01.01.2000,1,2\n01.04.2000,2,3\n13.13.2000,3,4\n", r"row 3: '13.13.2000' is not a date"),
        (b"date;a;b\n01/02/2000;1;2\n01/03/2000;2;3\n01/04/2000;3;5\n", r"'01/02/2000' is 01 February 2000 or 02"),
        (
            b'date,gdp,cons\n2000-01-01,"1000,500\n2000-04-01,1001,501\n',
            r"line 2 opens a quote that is never closed \('2000-01-01,\"1000,500'\); close it, or remove the quote",
        ),
    ],
)
def test_a_file_whose_reading_would_be_a_guess_is_refused(data, message):
    with pytest.raises(InvalidInputError, match=message):
        load_csv(data, name="sheet.csv")


def test_dates_are_read_in_one_order_for_the_whole_column():
    """Date by date, 01/04 and 13/04 would be 4 January and 13 April; read as a column, both are April."""
    dates = parse_dates(pd.Index(["01/04/2000", "13/04/2000", "25/04/2000"]), "date", "x.csv")
    assert [d.isoformat() for d in dates.date] == ["2000-04-01", "2000-04-13", "2000-04-25"]
    yearly = parse_dates(pd.Index(["01/01/2000", "01/01/2001", "01/01/2002"]), "date", "x.csv")
    assert [d.isoformat() for d in yearly.date] == ["2000-01-01", "2001-01-01", "2002-01-01"]  # alike both ways
    quarterly = parse_dates(pd.Index(["1/4/00", "1/7/00", "1/10/00", "1/1/01"]), "date", "x.csv")
    assert [d.isoformat() for d in quarterly.date] == ["2000-04-01", "2000-07-01", "2000-10-01", "2001-01-01"]


def test_the_upload_preview_reads_what_training_reads():
    profile, frame = profile_csv(_csv(";", "%d.%m.%Y", ","), name="sheet.csv")
    assert profile.numeric == ("gdp", "cons") and profile.problems == ()
    assert profile.read_as == ("semicolon-separated", "decimal commas", "dates day first")
    assert profile_csv(_csv(",", "%Y-%m-%d", "."), name="plain.csv")[0].read_as == ()
    assert profile_csv(_csv("\t", "%m/%d/%Y", ".", "utf-16"), name="x.csv")[0].read_as == (
        "UTF-16",
        "tab-separated",
        "dates month first",
    )
    assert profile.frequency is not None and profile.frequency.label == "quarterly"
    np.testing.assert_array_equal(frame.to_numpy(), VALUES)


def test_lag_inputs_and_paths_read_the_same_forms():
    lags = read_lag_inputs(b"Datum;gdp;cons\n01.01.2000;1.234,5;7,25\n01.04.2000;1.300;8\n", ["gdp", "cons"], 2, "none")
    assert lags.to_numpy().tolist() == [[1234.5, 7.25], [1300.0, 8.0]]
    assert [d.isoformat() for d in lags.index.date] == ["2000-01-01", "2000-04-01"]  # a forecast continues from
    path = read_path_csv(b"step;gdp\n1;2,5\n2;\n", name="conditions.csv")
    assert path["gdp"].tolist() == ["2.5", ""]


@pytest.mark.parametrize(
    "labels",
    [
        ["2000Q1", "2000Q2"],
        ["2000-Q1", "2000-Q2"],
        ["2000 Q1", "2000 Q2"],
        ["Q1 2000", "Q2 2000"],
        ["q1-2000", "q2-2000"],
        ["2000M01", "2000M04"],
        ["2000-01", "2000-04"],
        ["2000:Q1", "2000:Q2"],
    ],
)
def test_periods_named_as_statistics_offices_name_them(labels):
    dates = parse_dates(pd.Index(labels), "date", "x.csv")
    assert [d.isoformat() for d in dates.date] == ["2000-01-01", "2000-04-01"]


@pytest.mark.parametrize("label", ["2000 Q5", "2000M13", "Q0 2000"])
def test_a_period_that_does_not_exist_is_named(label):
    with pytest.raises(InvalidInputError, match=f"row 1: '{label}' is not a date"):
        parse_dates(pd.Index([label]), "date", "x.csv")


def test_a_paths_dates_are_read_in_one_order_too():
    """Read date by date, 01.07.2010 would be 7 January; dots between the numbers read day first."""
    labels = ["2010-04-01", "2010-07-01", "2010-10-01"]
    table = read_path_csv(b"date;gdp\n01.07.2010;2,5\n01.10.2010;3\n", name="conditions.csv")
    path = check_path(table, ["gdp"], labels)
    assert path["gdp"].tolist()[1:] == [2.5, 3.0] and np.isnan(path["gdp"].iloc[0])


def test_what_spreadsheets_add_around_the_data_is_left_out():
    """A `;` ending every row (a column with no header and no value) and rows of empty cells at the end."""
    rows = "".join(f"{d:%d.%m.%Y};{v[0]:.4f};{v[1]:.4f};\n" for d, v in zip(QUARTERS, VALUES, strict=True))
    data = ("date;gdp;cons;\n" + rows + ";;;\n\n;;;\n").encode()  # the blank line is pandas' to skip
    dataset = load_csv(data, name="sheet.csv")
    assert dataset.variables == ["gdp", "cons"]
    pd.testing.assert_frame_equal(dataset.frame, _plain(), check_freq=False)


def test_a_few_dates_that_read_both_ways_are_read_as_the_model_expects_them_or_refused():
    """1 April or 4 January: the model's grid (lag inputs) or the forecast's periods (a path) tell which; with
    neither, a guess would move the forecast's dates, so the dates are refused."""
    lags = b"date,gdp\n01/04/2009,1\n01/07/2009,2\n"
    refused = r"'01/04/2009' is 01 April 2009 or 04 January 2009\) and the dates do not tell which"
    with pytest.raises(InvalidInputError, match=refused):
        read_lag_inputs(lags, ["gdp"], 2, "none")
    quarterly = read_lag_inputs(lags, ["gdp"], 2, "none", frequency="QS-JAN")
    assert [d.isoformat() for d in quarterly.index.date] == ["2009-04-01", "2009-07-01"]
    path = read_path_csv(b"date,gdp\n01/07/2009,5\n")
    assert check_path(path, ["gdp"], ["2009-04-01", "2009-07-01"])["gdp"].tolist()[1] == 5.0
    with pytest.raises(InvalidInputError, match=r"'01/04/2009' is 01 April 2009 or 04 January 2009"):
        check_path(read_path_csv(b"date,gdp\n01/04/2009,5\n"), ["gdp"], ["2009-01-04", "2009-04-01"])


def test_gaps_do_not_hide_the_order_of_the_dates():
    """US quarters with a missing one: only month first lies on a grid; the gap is then named as usual."""
    dates = [d for i, d in enumerate(QUARTERS.strftime("%m/%d/%Y")) if i != 5]
    rows = "".join(f"{d},{v[0]},{v[1]}\n" for d, v in zip(dates, np.delete(VALUES, 5, axis=0), strict=True))
    with pytest.raises(InvalidInputError, match="these periods have no row: 2001Q2"):
        load_csv(("date,gdp,cons\n" + rows).encode(), name="us.csv")


def test_rows_dated_newest_first_are_read_oldest_first_and_said_so():
    """As some statistics offices publish them; US dates that read both ways still take the one on a grid."""
    for date_format, read in (("%Y-%m-%d", ()), ("%m/%d/%Y", ("dates month first",))):
        plain = _csv(",", date_format, ".").decode().splitlines()
        newest_first = "\n".join([plain[0], *reversed(plain[1:])]).encode()
        dataset = load_csv(newest_first, name="office.csv")
        pd.testing.assert_frame_equal(dataset.frame, _plain(), check_freq=False)
        assert dataset.read_as == (*read, "rows newest first, turned around")
        profile, frame = profile_csv(newest_first, name="office.csv")
        assert profile.read_as == dataset.read_as and profile.first == "2000-01-01" and profile.problems == ()
        np.testing.assert_array_equal(frame.to_numpy(), VALUES)


def test_lag_inputs_newest_first_start_the_forecast_from_the_newest_and_rows_out_of_order_are_refused():
    lags = read_lag_inputs(b"date,gdp\n2009-07-01,3\n2009-04-01,2\n2009-01-01,1\n", ["gdp"], 3, "none")
    assert lags["gdp"].tolist() == [1.0, 2.0, 3.0] and lags.index[-1] == pd.Timestamp("2009-07-01")
    shuffled = b"date,gdp\n2009-01-01,1\n2009-07-01,3\n2009-04-01,2\n"
    with pytest.raises(InvalidInputError, match=r"out of order: row 3 \(2009-04-01\) comes after 2009-07-01"):
        read_lag_inputs(shuffled, ["gdp"], 3, "none")
    with pytest.raises(InvalidInputError, match=r"have the date 2009-01-01 twice \(rows 1 and 2\); keep one row per"):
        read_lag_inputs(b"date,gdp\n2009-01-01,1\n2009-01-01,3\n", ["gdp"], 2, "none")


def test_two_digit_years_of_observations_are_never_in_the_future():
    """Python's pivot reads 00-68 as 20xx: a file of 1959-1975 would be dated 2059-2068, then 1969-1975."""
    quarters = pd.date_range("1959-01-01", periods=68, freq="QS")
    rows = "".join(f"{d:%d.%m.%y};{n},5;{n % 7}\n" for n, d in enumerate(quarters))
    dataset = load_csv(("Datum;gdp;cons\n" + rows).encode(), name="old.csv")
    assert dataset.frame.index[0] == pd.Timestamp("1959-01-01") and dataset.frame.index[-1] == quarters[-1]
    lags = read_lag_inputs(b"date,gdp\n01.07.60,1\n01.10.60,2\n", ["gdp"], 2, "none")
    assert lags.index[-1] == pd.Timestamp("1960-10-01")
    path = read_path_csv(b"date,gdp\n01.04.60,5\n")  # a path's dates are forecast periods: 2060 stays 2060
    assert check_path(path, ["gdp"], ["2060-01-01", "2060-04-01"])["gdp"].tolist()[1] == 5.0


@pytest.mark.parametrize("separator", [":", "."])
def test_periods_counted_within_the_year_are_quarters_or_months_as_the_largest_count_says(separator):
    """1960:1 or 1960.1, as EViews, gretl, RATS and JMulTi write periods; read per column, never as pandas'
    year-month, which dated 1960.1-1961.1 as January-April 1960 then January 1961 and refused the gap."""
    quarters = [f"{y}{separator}{q}" for y in range(1960, 1970) for q in range(1, 5)]
    months = [f"{y}{separator}{m}" for y in range(1960, 1964) for m in range(1, 13)]
    for labels, frequency, how in ((quarters, "QS-JAN", "quarters"), (months, "MS", "months")):
        rows = "".join(f"{label},{n},{n % 5}\n" for n, label in enumerate(labels))
        dataset = load_csv(f"date,gdp,cons\n{rows}".encode(), name="program.csv")
        assert dataset.frequency == frequency and dataset.read_as == (f"dates as {how} of the year",)
        assert dataset.frame.index[1] == pd.Timestamp("1960-04-01" if how == "quarters" else "1960-02-01")


def test_counted_periods_of_lag_inputs_and_paths_follow_the_model_or_are_refused():
    lags = b"date,gdp\n1960:3,1\n1960:4,2\n"
    assert read_lag_inputs(lags, ["gdp"], 2, "none", frequency="QS-JAN").index[-1] == pd.Timestamp("1960-10-01")
    assert read_lag_inputs(lags, ["gdp"], 2, "none", frequency="MS").index[-1] == pd.Timestamp("1960-04-01")
    path = read_path_csv(b"date,gdp\n2010.2,5\n")
    assert check_path(path, ["gdp"], ["2010-01-01", "2010-04-01"])["gdp"].tolist()[1] == 5.0
    months = ["2010-01-01", "2010-02-01", "2010-03-01", "2010-04-01"]  # 2010.2: February and the 2nd quarter
    with pytest.raises(InvalidInputError, match=r"'2010.2' is quarter 2 or month 2 of 2010 .* 2010Q2 or 2010-02"):
        check_path(path, ["gdp"], months)


def test_cells_that_mark_a_missing_value_are_missing_values_never_filled_silently():
    """FRED's '.', Excel's #N/A: before, such a column was text, never offered as a variable."""
    rows = "2000-01-01,100.5,4.0\n2000-04-01,.,4.1\n2000-07-01,101.7,#N/A\n2000-10-01,102,4.3\n"
    fred = f"observation_date,GDPC1,UNRATE\n{rows}".encode()
    with pytest.raises(InvalidInputError, match="these values are missing: GDPC1 on 2000Q2, UNRATE on 2000Q3"):
        load_csv(fred, name="fred.csv")
    filled = load_csv(fred, name="fred.csv", fill="interpolate")
    np.testing.assert_allclose(filled.frame.iloc[:3].to_numpy(), [[100.5, 4.0], [101.1, 4.1], [101.7, 4.2]])
    assert filled.read_as == ("'#N/A' and '.' as missing values",)
    profile = profile_csv(fred, name="fred.csv")[0]
    assert profile.numeric == ("GDPC1", "UNRATE") and profile.missing_values == {"GDPC1": 1, "UNRATE": 1}
    with pytest.raises(InvalidInputError, match="lag input gdp on 2009-04-01 is '.', which marks a missing value"):
        read_lag_inputs(b"date,gdp\n2009-04-01,.\n2009-07-01,2\n", ["gdp"], 2, "none")


def test_a_lag_csv_of_recent_data_gives_its_last_periods_and_dated_rows_are_consecutive_periods():
    longer = b"date,gdp\n2008-10-01,.\n2009-01-01,1\n2009-04-01,2\n2009-07-01,3\n"  # an older row unused
    newest_first = b"date,gdp\n2009-07-01,3\n2009-04-01,2\n2009-01-01,1\n2008-10-01,0\n"
    undated = b"gdp\n1\n2\n3\n"
    for data in (longer, newest_first, undated):
        lags = read_lag_inputs(data, ["gdp"], 2, "none", frequency="QS-JAN")
        assert lags["gdp"].tolist() == [2.0, 3.0]
    assert read_lag_inputs(longer, ["gdp"], 2, "none").index[-1] == pd.Timestamp("2009-07-01")
    with pytest.raises(InvalidInputError, match=r"skip 2009Q2 \(between 2009Q1 and 2009Q3\)"):
        read_lag_inputs(b"date,gdp\n2009-01-01,1\n2009-07-01,3\n", ["gdp"], 2, "none", frequency="QS-JAN")
    with pytest.raises(InvalidInputError, match="2009-02-15 is not a quarterly period of this model"):
        read_lag_inputs(b"date,gdp\n2009-02-15,1\n2009-05-16,3\n", ["gdp"], 2, "none", frequency="QS-JAN")
