"""A training CSV whose date column is not first or not named like a date (years, ISO dates under another
name, the year and the quarter in two columns), and the way out a sample too short for a VAR(1) names."""

from __future__ import annotations

import pandas as pd
import pytest

from varlib import InvalidInputError, ModelSpec, train_model
from varlib.data import guess_date_column, load_csv, load_macrodata


def macro(columns: list[str], annual: bool = False, rows: int | None = None) -> bytes:
    """The bundled macro data's realgdp and realcons as a CSV of `columns`, which may add `year`,
    `quarter`, `month` and `when` (the ISO date of the quarter's first day)."""
    frame = load_macrodata().frame.reset_index()
    frame = frame[frame["date"].dt.month == 1] if annual else frame
    frame = frame.assign(
        year=frame["date"].dt.year,
        quarter=frame["date"].dt.quarter,
        month=frame["date"].dt.month,
        when=frame["date"].dt.strftime("%Y-%m-%d"),
    )
    return frame[columns].head(rows).to_csv(index=False).encode()


def refusal(data: bytes, **kwargs) -> str:
    with pytest.raises(InvalidInputError) as caught:
        load_csv(data, name="user.csv", **kwargs)
    return str(caught.value)


def test_a_year_column_after_the_variables_dates_annual_data():
    dataset = load_csv(macro(["realgdp", "realcons", "year"], annual=True), name="user.csv")
    assert dataset.variables == ["realgdp", "realcons"]
    assert dataset.frequency is not None and dataset.frequency.startswith(("YS", "AS"))
    assert dataset.frame.index[0] == pd.Timestamp("1959-01-01") and dataset.frame.index[-1] == pd.Timestamp("2009")


def test_dates_under_another_name_after_the_variables_are_named_with_the_way_to_use_them():
    message = refusal(macro(["realgdp", "realcons", "when"]))
    assert message.startswith("date column 'realgdp' of 'user.csv' (the first column, taken as none is named like")
    assert message.endswith(
        "column 'when' holds dates: name it with --date-col when (dashboard: the Date column select)"
    )
    assert "write it as the other dates are" not in message
    assert load_csv(macro(["realgdp", "realcons", "when"]), date_col="when").variables == ["realgdp", "realcons"]


def test_a_column_of_years_is_named_when_the_chosen_date_column_holds_none():
    message = refusal(macro(["realgdp", "realcons", "year"], annual=True).replace(b"year", b"yr"))
    assert "column 'yr' holds dates: name it with --date-col yr" in message


@pytest.mark.parametrize(
    ("columns", "part", "example"),
    [
        (["year", "quarter", "realgdp", "realcons"], "quarter", "1959Q1"),
        (["realgdp", "year", "quarter", "realcons"], "quarter", "1959Q1"),
        (["year", "month", "realgdp", "realcons"], "month", "1959-01"),
    ],
)
def test_the_year_and_its_quarter_or_month_in_two_columns_are_named(columns, part, example):
    message = refusal(macro(columns))
    assert f"year and {part} are in separate columns: join them into one date column such as {example}" in message
    assert "more than once; keep one row per date" not in message


def test_a_year_and_quarter_written_as_floats_are_named_too():
    """statsmodels' own macrodata CSV writes `1959.0,1.0,...`: told to join them, not that 1959.0 repeats."""
    floats = macro(["year", "quarter", "realgdp", "realcons"]).replace(b",1,", b",1.0,").replace(b"1959,", b"1959.0,")
    assert floats.splitlines()[1].startswith(b"1959.0,1.0,")
    message = refusal(floats)
    assert "year and quarter are in separate columns: join them into one date column such as 1959Q1" in message


def test_only_names_that_hold_a_date_or_a_year_on_their_own_are_taken_for_dates():
    assert guess_date_column(["GDP", "observation_date"]) == "observation_date"  # FRED's CSV downloads
    assert guess_date_column(["gdp", "dates"]) == "dates"
    assert guess_date_column(["gdp", "cons", "year"]) == "year"
    assert guess_date_column(["year", "Date", "gdp"]) == "Date"  # a full date before a year
    for part in ("quarter", "month", "obs"):  # 1..4, 1..12, a row count: the first column is guessed
        assert guess_date_column(["gdp", part]) == "gdp"


def test_a_fred_download_reads_its_dates():
    data = macro(["when", "realgdp", "realcons"]).replace(b"when", b"observation_date")
    assert load_csv(data).frame.index[0] == pd.Timestamp("1959-01-01")


def test_a_first_column_of_dates_reads_as_before():
    expected = load_macrodata().frame[["realgdp", "realcons"]]
    for columns in (["when", "realgdp", "realcons"], ["when", "realgdp", "realcons", "year"]):
        dataset = load_csv(macro(columns).replace(b"when", b"date"), name="user.csv")
        assert dataset.variables == ["realgdp", "realcons"] and dataset.frequency == "QS-JAN"
        pd.testing.assert_frame_equal(dataset.frame[["realgdp", "realcons"]], expected, check_freq=False)
        calendar = "column year left out (the same pattern every few rows, as a quarter number, a month number"
        assert [note[: len(calendar)] for note in dataset.read_as] == ([calendar] if "year" in columns else [])
    # dates under a name the product does not know, first, beside a year: the first column, as before
    dataset = load_csv(macro(["when", "realgdp", "realcons", "year"]), name="user.csv")
    pd.testing.assert_frame_equal(dataset.frame[["realgdp", "realcons"]], expected, check_freq=False)


def short(rows: int, holdout: float) -> str:
    dataset = load_csv(macro(["when", "realgdp", "realcons"], rows=rows), name="short.csv")
    with pytest.raises(InvalidInputError) as caught:
        train_model(dataset, ModelSpec(("realgdp", "realcons"), holdout=holdout))
    return str(caught.value)


def test_a_short_sample_of_two_variables_names_the_holdout_and_not_fewer_variables():
    message = short(15, 0.1)
    assert "fewer variables" not in message
    assert message.endswith(
        "even a VAR(1) needs at least 14 usable rows; lower the holdout, which takes 2 rows"
        " (--holdout 0; dashboard: Holdout fraction) or add rows"
    )


def test_a_short_sample_without_a_holdout_asks_for_rows_only():
    message = short(12, 0)
    assert message.endswith("even a VAR(1) needs at least 14 usable rows; add rows")
    assert "holdout" not in message and "fewer variables" not in message


def test_a_sample_too_short_even_without_its_holdout_asks_for_rows_only():
    # the whole sample is fitted first: lowering the holdout alone could not make 10 rows enough
    message = short(10, 0.1)
    assert message.startswith("the training sample has 10 usable rows")
    assert message.endswith("even a VAR(1) needs at least 14 usable rows; add rows") and "holdout" not in message


def test_one_or_two_rows_ask_for_as_many_rows_as_a_longer_short_file():
    """Two rows were told a VAR needs 3; three rows, then, that it needs 14: two minimums for one rule."""
    message = short(2, 0)
    assert message.startswith("dataset 'short.csv' has 2 rows; even a VAR(1) of 2 variables needs at least 14 usable")
    assert "needs at least 3" not in message


def test_the_preview_of_a_file_too_short_for_any_model_says_how_many_rows_it_needs():
    """It said `only 3 rows: ... expect a small lag order`, then training refused the file."""
    from varlib import profile_csv

    profile, _ = profile_csv(macro(["when", "realgdp", "realcons"], rows=3), name="tiny.csv")
    assert "only 3 rows: even a VAR(1) of two variables needs at least 14 usable rows" in " ".join(profile.problems)
    assert not any("expect a small lag order" in p for p in profile.problems)
    profile, _ = profile_csv(macro(["when", "realgdp", "realcons"], rows=20), name="short.csv")
    assert any(p.startswith("only 20 rows: a VAR needs several times") for p in profile.problems)
