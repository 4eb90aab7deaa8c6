"""Dataset loading and validation: every bad CSV names the problem."""

import numpy as np
import pytest

from varlib.data import load_csv, load_macrodata, profile_csv
from varlib.errors import InvalidInputError

GOOD = b"date,a,b\n2020-01-01,1,2\n2020-02-01,2,3\n2020-03-01,3,5\n"


def test_macrodata_defaults_to_realgdp_and_realcons_quarterly():
    dataset = load_macrodata()
    assert dataset.variables == ["realgdp", "realcons"]
    assert len(dataset.frame) == 203
    assert str(dataset.frame.index[0].date()) == "1959-01-01"
    assert len(dataset.sha256) == 64


def test_csv_loads_dates_and_numbers():
    dataset = load_csv(GOOD, name="good.csv")
    assert dataset.variables == ["a", "b"]
    assert dataset.frame["b"].tolist() == [2.0, 3.0, 5.0]
    assert dataset.frame.index[-1].month == 3


def test_csv_date_range_slices_rows():
    dataset = load_csv(GOOD, start="2020-02-01", end="2020-03-01")
    assert len(dataset.frame) == 2


@pytest.mark.parametrize(
    "content, kwargs, message",
    [
        (b"", {}, "is empty"),
        (b"date,a\n2020-01-01,1\n", {}, "at least 2 variables; got only a from"),
        (b"date,a,b\n2020-01-01,1,x\n", {}, r"row 1 \(2020-01-01\): 'x' is not a finite number"),
        (b"date,a,b\n2020-01-01,1,inf\n", {}, "'inf' is not a finite number"),
        (b"date,a,b\n2020-01-01,1,\n2020-02-01,2,3\n", {}, "these values are missing: b on 2020-01-01"),
        (b"date,a,b\nnot-a-date,1,2\n", {}, "'not-a-date' is not a date"),
        (b"date,a,b\n2020-01-01,1,2\n2020-03-01,1,2\n2020-02-01,1,2\n", {}, "not sorted by date"),
        (b"date,a,b\n2020-01-01,1,2\n2020-01-01,1,2\n", {}, "more than once"),
        (GOOD, {"date_col": "when"}, "date column 'when' is not in"),
        (GOOD, {"variables": ["a", "zz"]}, "'zz' not in"),
        (GOOD, {"variables": ["a", "a"]}, "the variables name a more than once"),
        (GOOD, {"start": "yesterday-ish"}, "is not a date"),
        (b"date,a,e\n2020-01-01,1,\n2020-02-01,2,\n", {"variables": ["a", "e"]}, "'e' of 'bad.csv' has no values"),
    ],
)
def test_bad_csv_is_refused_with_the_reason(content, kwargs, message):
    with pytest.raises(InvalidInputError, match=message):
        load_csv(content, name="bad.csv", **kwargs)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InvalidInputError, match="cannot read CSV"):
        load_csv(tmp_path / "nope.csv")


def test_macrodata_unknown_variable_lists_the_available_ones():
    with pytest.raises(InvalidInputError, match="available: .*realinv"):
        load_macrodata(["realgdp", "gdp"])


def test_values_are_float64():
    assert load_csv(GOOD).frame.to_numpy().dtype == np.float64


def test_an_empty_column_is_no_variable_by_default_and_the_profile_says_so():
    content = b"date,e,a,b\n2020-01-01,,1,2\n2020-02-01, ,2,3\n2020-03-01,,3,5\n"
    assert load_csv(content, name="sheet.csv").variables == ["a", "b"]
    profile, _ = profile_csv(content, name="sheet.csv")
    assert profile.numeric == ("a", "b") and "e" not in profile.text and "e" not in profile.missing_values
    assert "empty column e: no values, so it cannot be a variable" in profile.notes
    assert not any("column e" in problem for problem in profile.problems)


def test_a_text_column_is_named_with_its_first_cell_that_is_not_a_number():
    """A column of percentages is meant as numbers: a problem, with the fix. A country code needs nothing done: a
    note, so that a file holding one is not shown as a file with problems."""
    content = b"date,gdp,rate,region\n2000-01-01,1,,north\n2000-04-01,2,3.6%,north\n2000-07-01,3,3.7%,north\n"
    profile = profile_csv(content, name="sheet.csv")[0]
    assert profile.problems[0].startswith("text column rate ('3.6%' in row 2 (2000-04-01)) is not numeric")
    assert "rate holds percentages: remove the % signs" in profile.problems[0]
    said = "text column region ('north' in row 1 (2000-01-01)) is not numeric and cannot be a variable"  # dated
    assert profile.notes[0] == said
    harmless = profile_csv(content.replace(b"3.6%", b"3.6").replace(b"3.7%", b"3.7"), name="sheet.csv")[0]
    assert "region" in harmless.notes[0] and not any("region" in problem for problem in harmless.problems)


def test_a_column_of_numbers_with_a_typo_is_named_as_such_with_its_cells_dates():
    rows = [f"20{i // 4:02d}-{3 * (i % 4) + 1:02d}-01,{100 + i % 7 + i / 3},{50 + i % 5}" for i in range(40)]
    rows[10] = rows[10].rsplit(",", 1)[0] + ",12x5"
    rows[20] = rows[20].rsplit(",", 1)[0] + ",n/a?"
    profile = profile_csv(("date,gdp,cons\n" + "\n".join(rows) + "\n").encode(), name="q.csv")[0]
    assert profile.numeric == ("gdp",) and profile.text == ("cons",)  # still never offered until fixed
    assert profile.problems == (
        "column cons holds numbers but for '12x5' in row 11 (2002-07-01), 'n/a?' in row 21 (2005-01-01): fix those"
        " cells to offer the column as a variable (text columns never are)",
    )


def test_a_csv_saved_with_its_row_index_leaves_the_index_out_of_the_default_variables(tmp_path):
    from varlib import load_dataset

    frame = load_dataset(variables=["realgdp", "realcons"]).frame.reset_index()
    path = tmp_path / "with-index.csv"
    frame.to_csv(path)  # pandas writes its index first, under an empty header
    dataset = load_dataset(csv=path)
    assert dataset.variables == ["realgdp", "realcons"]
    assert (
        "column #1 (no header) left out (counting: the same step every row, as a saved row index or a time trend;"
        " nothing to forecast, and a time trend is the trend `ct`)" in dataset.read_as
    )
    assert load_dataset(csv=path, variables=["Unnamed: 0", "realgdp"]).variables == ["Unnamed: 0", "realgdp"]


def test_percentages_are_named_with_the_fix_wherever_they_stop_a_column(tmp_path):
    """Spreadsheets export a percentage format as `6.64%`: not a number here, and every message says so."""
    from varlib import InvalidInputError, load_dataset
    from varlib.data.profile import profile_csv

    frame = load_dataset(variables=["realgdp", "realcons", "infl"]).frame.head(40)
    frame["infl"] = [f"{value:.2f}%" for value in frame["infl"]]
    path = tmp_path / "pct.csv"
    frame.to_csv(path)
    dataset = load_dataset(csv=path)  # the default: the columns of numbers, saying which was left out and why
    assert dataset.variables == ["realgdp", "realcons"]
    assert any(note.startswith("column infl left out (percentages: remove the % signs") for note in dataset.read_as)
    with pytest.raises(InvalidInputError, match=r"'\d+\.\d\d%' is not a finite number; remove the % signs"):
        load_dataset(csv=path, variables=["realgdp", "infl"])
    problems = profile_csv(path.read_bytes(), "pct.csv")[0].problems
    assert any("infl holds percentages: remove the % signs" in problem for problem in problems)


def test_a_column_with_values_but_no_header_is_refused_by_its_position_and_the_preview_names_it():
    """pandas names it `Unnamed: 1`, which became a variable, a card's and a lag file's column name. The first
    column under an empty header (pandas' saved index) and a column with neither header nor value read as before."""
    import re

    from varlib.data import read_lag_inputs

    plain = load_macrodata(["realgdp", "realcons", "realinv"]).frame.head(40).to_csv()  # date,realgdp,realcons,...
    first = repr(plain.splitlines()[1].split(",")[1])
    for header, message in [
        ("date,,realcons,realinv", f"column 2 ({first} in row 1) has values but no header: name it in the header row"),
        ("date, ,realcons,realinv", "column 2 ("),  # a space is no header either (it was a variable named '')
        ("date,,,realinv", "columns 2 ("),
    ]:
        data = plain.replace("date,realgdp,realcons,realinv", header, 1).encode()
        with pytest.raises(InvalidInputError, match=re.escape(f"CSV 'sheet.csv': {message}")):
            load_csv(data, name="sheet.csv")
    data = plain.replace("date,realgdp", "date,", 1).encode()
    profile, frame = profile_csv(data, name="sheet.csv")
    assert profile.numeric == ("realcons", "realinv") and list(frame.columns) == ["realcons", "realinv"]
    assert not any("Unnamed" in c for c in (*profile.text, *profile.missing_values, *profile.constant))
    assert profile.problems == (
        f"column 2 ({first} in row 1) has values but no header: name it in the header row (or delete the column);"
        " training refuses the file until then",
    )
    with pytest.raises(InvalidInputError, match=r"'lags.csv': column 3 \('2' in row 1\) has values but no header"):
        read_lag_inputs(b"date,gdp,\n2000-01-01,1,2\n", ["gdp"], 1, "none", name="lags.csv")
    undated_header = plain.replace("date,", ",", 1).encode()  # the dates under an empty header, as to_csv() saves
    assert load_csv(undated_header, name="sheet.csv").variables == ["realgdp", "realcons", "realinv"]


def test_empty_cells_are_named_with_their_dates_or_rows():
    """The preview said `empty cells: cpi (1)`, leaving the reader to search the file for it."""
    rows = [f"20{i // 4:02d}-{3 * (i % 4) + 1:02d}-01,{100 + i % 7 + i / 3},{50 + i % 5 + i / 7}" for i in range(40)]
    for i in (5, 9, 13, 17, 21):
        rows[i] = rows[i].rsplit(",", 1)[0] + ","
    content = ("date,gdp,cpi\n" + "\n".join(rows) + "\n").encode()
    problems = profile_csv(content, name="q.csv")[0].problems
    assert "empty cells: cpi (5: 2001Q2, 2002Q2, 2003Q2 and 2 more)" in problems
    undated = "\n".join(row.split(",", 1)[1] for row in rows)
    problems = profile_csv(f"gdp,cpi\n{undated}\n".encode(), name="u.csv")[0].problems
    assert "empty cells: cpi (5: row 6, row 10, row 14 and 2 more)" in problems
