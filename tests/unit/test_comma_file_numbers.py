"""A comma-separated file writes quoted numbers with commas two ways: grouping thousands (`"1,234"`, as US and UK
spreadsheets do) or as a decimal mark (`"1,94"`). A decimal comma anywhere decides for the file, and the file's
read-as notes say which reading was used, so `"500,006"` is never silently read as 500006 beside `"1,94"`."""

import numpy as np
import pytest

from varlib.data import load_csv
from varlib.errors import InvalidInputError

QUARTERS = [f"{year}Q{quarter}" for year in range(1990, 2000) for quarter in range(1, 5)]


def _file(cells: list[tuple[str, str]]) -> bytes:
    rows = [f'{date},"{a}","{b}"' for date, (a, b) in zip(QUARTERS, cells, strict=False)]
    return ("date,a,b\n" + "\n".join(rows) + "\n").encode()


def test_a_decimal_comma_in_one_cell_makes_every_comma_a_decimal_mark():
    cells = [(f"{500 + n},{(7 * n) % 1000:03d}", f"1,{90 + n % 10}") for n in range(len(QUARTERS))]
    dataset = load_csv(_file(cells), name="comma.csv")
    assert dataset.frame["a"].iloc[0] == 500.0 and dataset.frame["a"].iloc[1] == pytest.approx(501.007)
    np.testing.assert_allclose(dataset.frame["b"].iloc[:3], [1.90, 1.91, 1.92])
    assert "decimal commas" in dataset.read_as


def test_commas_grouping_thousands_are_read_so_and_said():
    cells = [(f"{12 + n},{(37 * n) % 1000:03d}", f"{3 + n % 7},{(11 * n) % 1000:03d}.5") for n in range(len(QUARTERS))]
    dataset = load_csv(_file(cells), name="thousands.csv")
    assert dataset.frame["a"].iloc[1] == 13037.0 and dataset.frame["b"].iloc[1] == 4011.5
    assert "commas grouping thousands" in dataset.read_as


def test_points_grouping_thousands_beside_decimal_commas_are_said_too():
    """A European export (`20.100,06`) was read right, but its read-as notes said only `decimal commas`."""
    rows = [f"{date};{20 + n}.{(37 * n) % 1000:03d},06;{n % 9},5" for n, date in enumerate(QUARTERS)]
    dataset = load_csv(("date;a;b\n" + "\n".join(rows) + "\n").encode(), name="eu.csv")
    assert dataset.frame["a"].iloc[1] == pytest.approx(21037.06) and dataset.frame["b"].iloc[1] == 1.5
    assert dataset.read_as == ("semicolon-separated", "decimal commas", "points grouping thousands")


def test_a_decimal_comma_beside_a_decimal_point_is_refused_with_both_cells():
    text = _file([("1,94", "2")] + [("2", "3")] * 39).decode().replace('"2","3"\n', '2.5,"3"\n', 1).encode()
    with pytest.raises(InvalidInputError, match=r"decimal comma \(column 'a', row 1: '1,94'\) and with a decimal"):
        load_csv(text, name="mixed.csv")


def test_scientific_cells_with_decimal_commas_are_the_numbers_they_write():
    """A spreadsheet that writes decimal commas saves cells formatted as scientific as `1,1986E+04`: read as
    11986, the same data as the file with decimal points, not refused as a column of text."""
    values = [(11986.0 + 37 * n, 1513.0 + 4 * n) for n in range(len(QUARTERS))]
    written = {mark: [f"{a:.4E};{b:.3E}".replace(".", mark) for a, b in values] for mark in ".,"}
    read = {
        mark: load_csv(
            ("date;a;b\n" + "\n".join(f"{d};{row}" for d, row in zip(QUARTERS, rows, strict=True)) + "\n").encode(),
            name="scientific.csv",
        )
        for mark, rows in written.items()
    }
    assert written[","][0] == "1,1986E+04;1,513E+03"
    assert read[","].frame.equals(read["."].frame) and read[","].frame["a"].iloc[1] == 12023.0
    assert "decimal commas" in read[","].read_as
