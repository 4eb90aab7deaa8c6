"""Files as spreadsheets export them, refused with what to do: a date column saved as Excel's day numbers, months
named in another language (whose hint was to write them "as the other dates are ('April 1990')"), a row without
a date, the header repeated in another case (files pasted together), and a euro sign after a decimal comma
(whose hint showed `$6,740.3`)."""

from __future__ import annotations

import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset, profile_csv

QUARTERS = pd.date_range("1990-03-31", periods=24, freq="QE-DEC")
MONTHS = pd.date_range("1990-01-01", periods=24, freq="MS")
GERMAN = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober"]
GERMAN += ["November", "Dezember"]


def _csv(labels: list[str], header: str = "date,gdp,cons", rows: dict[int, str] | None = None) -> bytes:
    lines = [f"{label},{1000 + 7 * i + (i * i) % 5},{(i * 7) % 13 - 0.3 * i}" for i, label in enumerate(labels)]
    for position, line in (rows or {}).items():
        lines.insert(position, line)
    return (header + "\n" + "\n".join(lines) + "\n").encode()


def _refusal(data: bytes) -> str:
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(data, csv_name="export.csv")
    return str(refused.value)


@pytest.mark.parametrize("suffix", ["", ".0"], ids=["whole", "float"])
def test_excel_day_numbers_are_named_as_such(suffix):
    days = [f"{(day - pd.Timestamp('1899-12-30')).days}{suffix}" for day in QUARTERS]
    message = _refusal(_csv(days))
    assert f"row 1: '32963{suffix}' is not a date" in message
    assert "spreadsheet's day number (1990-03-31 as Excel counts days)" in message
    assert "format the date column as dates" in message


@pytest.mark.parametrize(
    "form", ["{name} {year}", "{short}-{yy}", "{short}. {year}"], ids=["full", "excel-short", "dotted"]
)
def test_months_in_another_language_are_said_to_need_english(form):
    labels = [
        form.format(name=GERMAN[d.month - 1], short=GERMAN[d.month - 1][:3], year=d.year, yy=f"{d.year % 100:02d}")
        for d in MONTHS
    ]
    message = _refusal(_csv(labels))
    assert "month names are read in English only" in message
    assert "as the other dates are" not in message  # 'April 1990' reads, but shows no way to write Januar
    profile, _ = profile_csv(_csv(labels), "export.csv")
    assert any("month names are read in English only" in problem for problem in profile.problems)


def test_a_word_beside_a_year_under_iso_dates_is_no_month_name():
    labels = [d.date().isoformat() for d in QUARTERS[:-1]] + ["Total 1995"]
    assert "month names" not in _refusal(_csv(labels))


def test_a_row_without_a_date_asks_for_its_date():
    labels = [d.date().isoformat() for d in QUARTERS]
    message = _refusal(_csv(labels, rows={10: ",1070,2.5"}))
    assert "row 11: '' is not a date; a row needs its date: write it there, or delete the line" in message


@pytest.mark.parametrize("empty", [",,", " , ,", ""], ids=["separators", "spaces", "blank"])
def test_a_row_of_separators_only_is_left_out_as_a_blank_line_is(empty):
    """`,,` between two rows was refused as a row without a date while a blank line was skipped: both are now
    left out, and a period they leave missing is named as any gap is."""
    labels = [d.date().isoformat() for d in QUARTERS]
    kept = load_dataset(_csv(labels, rows={10: empty}), csv_name="export.csv")
    assert len(kept.frame) == len(QUARTERS)
    instead = _refusal(_csv(labels[:10] + labels[11:], rows={10: empty}))
    assert "these periods have no row: 1992Q3 (1 period)" in instead


@pytest.mark.parametrize("repeated", ["Date,GDP,Cons", "DATE, gdp ,CONS"])
def test_the_header_repeated_in_another_case_is_named_as_a_repeated_header(repeated):
    labels = [d.date().isoformat() for d in QUARTERS]
    data = _csv(labels, rows={12: repeated})
    assert "row 13 repeats the header (date, gdp, cons); delete that line" in _refusal(data)
    with pytest.raises(InvalidInputError, match="row 13 repeats the header"):
        profile_csv(data, "export.csv")


def test_a_euro_sign_is_shown_removed_from_the_cells_own_number():
    lines = [f"{d.date()};{1000 + i},{i % 7};{i % 5},5" for i, d in enumerate(QUARTERS)]
    lines[0] = f"{QUARTERS[0].date()};1011,69 €;4,5"
    message = _refusal(("date;gdp;cons\n" + "\n".join(lines) + "\n").encode())
    assert "'1011,69 €'" in message
    assert "write the numbers without the currency sign (1011,69, not 1011,69 €)" in message
