"""A note under the data with a comma that is not quoted (`Source: BEA ..., billions of chained 2005 dollars`)
is left out and said like any note, wherever its cells fall; a row that holds a value stays data, refused by name."""

from __future__ import annotations

import pytest

from varlib.data import load_csv, profile_csv, read_lag_inputs
from varlib.errors import InvalidInputError

HEADER = "date,realgdp,realcons,realinv\n"
NOTE = "Source: BEA via statsmodels macrodata, billions of chained 2005 dollars"
SAID = "1 line of notes under the data ('Source: BEA via statsmodels macrodata…') left out"


def quarters(count: int = 80) -> str:
    """`count` quarterly rows from 1990Q1 (80: to 2009Q4), as statsmodels' macrodata writes them."""
    return "".join(
        f"{1990 + i // 4}Q{i % 4 + 1},{8000 + 12.5 * i},{5000 + 7.25 * i},{1200 + (i % 7) * 3.5}\n"
        for i in range(count)
    )


@pytest.mark.parametrize(
    "note",
    [NOTE, f",{NOTE}", f'"{NOTE}"', f"{NOTE}, seasonally adjusted, annual rates"],
    ids=["comma-unquoted", "second-column", "quoted", "wider-than-header"],
)
def test_a_note_with_commas_under_the_data_is_left_out_and_said(note):
    data = (HEADER + quarters() + note + "\n").encode()
    dataset = load_csv(data, name="macro.csv")
    assert len(dataset.frame) == 80 and dataset.variables == ["realgdp", "realcons", "realinv"]
    assert dataset.read_as == (SAID,)
    profile = profile_csv(data, name="macro.csv")[0]
    assert profile.problems == () and profile.read_as == (SAID,)
    assert profile.numeric == ("realgdp", "realcons", "realinv")


def test_a_note_with_more_commas_than_the_header_is_read_whole_not_refused_as_a_wider_row():
    rows = "".join(f"2000-{m:02d}-01,{m},{10 - m}\n" for m in (1, 4, 7, 10))
    data = f"date,gdp,cons\n{rows}\nSource: Office, chained, SA, quarterly\nNote: provisional, revised\n".encode()
    dataset = load_csv(data, name="office.csv")
    assert dataset.frame["gdp"].tolist() == [1.0, 4.0, 7.0, 10.0]
    said = "2 lines of notes under the data ('Source: Office, chained, SA, quarterly', 'Note: provisional, revised')"
    assert dataset.read_as == (said + " left out",)
    assert profile_csv(data, name="office.csv")[0].read_as == (said + " left out",)
    lags = read_lag_inputs(data, ["gdp"], 2, "none", frequency="QS-JAN")
    assert lags["gdp"].tolist() == [7.0, 10.0]


def test_a_lag_csv_with_a_comma_note_under_it_gives_its_last_rows():
    data = (HEADER + quarters() + NOTE + "\n").encode()
    lags = read_lag_inputs(data, ["realgdp", "realcons"], 2, "none", frequency="QS-JAN")
    assert str(lags.index[-1].date()) == "2009-10-01" and lags["realgdp"].iloc[-1] == 8000 + 12.5 * 79


def test_a_data_row_with_a_typo_is_refused_by_name_not_dropped_as_a_note():
    data = (HEADER + quarters(79) + "2009Q4,12x5,8000,1500\n").encode()
    with pytest.raises(InvalidInputError, match=r"column 'realgdp' .* row 80 \(2009Q4\): '12x5' is not a finite"):
        load_csv(data, name="macro.csv")
    mistyped_date = (HEADER + quarters(79) + "2009Q4x,12x5,8000,1500\n").encode()
    with pytest.raises(InvalidInputError, match=r"row 80: '2009Q4x' is not a date"):
        load_csv(mistyped_date, name="macro.csv")


@pytest.mark.parametrize("line", ["Source: BEA,2005,", "Source: BEA,12x5,", "Total,Q4 2009,"])
def test_a_line_that_holds_a_value_or_a_date_is_no_note(line):
    data = (HEADER + quarters() + line + "\n").encode()
    with pytest.raises(InvalidInputError, match=r"row 81: 'Source: BEA|Total' is not a date"):
        load_csv(data, name="macro.csv")


def test_words_above_the_last_data_row_are_no_note():
    rows = quarters().splitlines(keepends=True)
    data = (HEADER + "".join(rows[:-1]) + NOTE + "\n" + rows[-1]).encode()
    with pytest.raises(InvalidInputError, match=r"row 80: 'Source: BEA via statsmodels macrodata' is not a date"):
        load_csv(data, name="macro.csv")


def test_a_long_note_is_cut_at_a_word_and_a_short_one_is_whole():
    long = "Note: seasonally adjusted at annual rates by the statistics office"
    data = (HEADER + quarters() + f"{long},\nSource: BEA,\n").encode()
    said = "2 lines of notes under the data ('Note: seasonally adjusted at annual…', 'Source: BEA') left out"
    assert load_csv(data, name="macro.csv").read_as == (said,)
