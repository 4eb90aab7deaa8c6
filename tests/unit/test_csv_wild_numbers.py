"""A user's own CSV, as QA found it: a tab or `;` file with thousands grouped by commas and three decimals
(`8,027.693`) was refused as reading two ways, though a cell with a comma group and a point decides; percentages
written with a decimal comma (`2,58 %`) were called text, where `6.64%` is told to drop its % signs."""

from __future__ import annotations

import pytest
import statsmodels.api as sm

from varlib import InvalidInputError, load_dataset, profile_csv
from varlib.data.number_marks import not_a_number

PERCENT = "percentages: remove the % signs to use it"


def _macro(count: int = 60):
    return sm.datasets.macrodata.load_pandas().data.iloc[124 : 124 + count]  # 1990Q1 on


def _dates(macro) -> list[str]:
    return [f"{int(y)}Q{int(q)}" for y, q in zip(macro.year, macro.quarter, strict=True)]


def _grouped(delimiter: str, decimal: str, group: str) -> bytes:
    """realgdp, realcons, realinv and cpi with three decimals and thousands grouped, as a spreadsheet saves them."""
    macro = _macro()

    def cell(value: float) -> str:
        return f"{value:,.3f}".replace(",", "G").replace(".", decimal).replace("G", group)

    columns = ["realgdp", "realcons", "realinv", "cpi"]
    dated = zip(_dates(macro), macro.itertuples(), strict=True)
    rows = [delimiter.join([d, *(cell(getattr(r, c)) for c in columns)]) for d, r in dated]
    return ("\n".join([delimiter.join(["date", *columns]), *rows]) + "\n").encode()


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_a_comma_group_before_a_decimal_point_decides_for_the_point(delimiter):
    dataset = load_dataset(_grouped(delimiter, ".", ","), csv_name="tab_thousands.txt")
    macro = _macro()
    assert dataset.frame["realinv"].tolist() == pytest.approx(macro.realinv.round(3).tolist())
    assert dataset.frame["realgdp"].iloc[0] == 8027.693 and "commas grouping thousands" in dataset.read_as


def test_the_mirror_still_reads_and_one_group_alone_is_still_refused():
    dataset = load_dataset(_grouped(";", ",", "."), csv_name="semi.csv")
    assert dataset.frame["realgdp"].iloc[0] == 8027.693 and "decimal commas" in dataset.read_as
    alone = b"date\tx\ty\n" + b"".join(f"2000Q{q}\t{q}.{q}00\t1.5{q}0\n".encode() for q in range(1, 5))
    with pytest.raises(InvalidInputError, match="which is 1100 if the point groups thousands and 1.100 if"):
        load_dataset(alone, csv_name="alone.txt")


def _percent_file(cell: str) -> bytes:
    macro = _macro()
    rows = [
        f"{d};{str(r.realgdp).replace('.', ',')};{str(r.realcons).replace('.', ',')};{cell.format(r.infl)}"
        for d, r in zip(_dates(macro), macro.itertuples(), strict=True)
    ]
    return ("\n".join(["date;realgdp;realcons;rate", *rows]) + "\n").encode()


@pytest.mark.parametrize("cell", ["{:.2f}%", "{:.2f} %"])
def test_percentages_with_a_decimal_comma_get_the_percent_hint(cell):
    data = _percent_file(cell).replace(b".", b",")  # the rates' decimal marks, as the rest of the file writes them
    dataset = load_dataset(data, csv_name="semi_pct.csv")
    assert list(dataset.frame.columns) == ["realgdp", "realcons"]
    assert any(PERCENT in note for note in dataset.read_as), dataset.read_as
    with pytest.raises(InvalidInputError, match="is not a finite number; remove the % signs to use it"):
        load_dataset(data, variables=["realgdp", "rate"], csv_name="semi_pct.csv")
    profile, _ = profile_csv(data, "semi_pct.csv")  # the upload preview: a problem with the fix, not a text column
    assert any("rate holds percentages: remove the % signs" in p for p in profile.problems), profile.problems


def test_a_typed_percentage_with_a_decimal_comma_is_told_to_drop_its_sign():
    # a typed value goes to a trained model, in its data's units: both readings (tests/unit/test_given_percent.py)
    assert not_a_number("row 1", "2,58 %").endswith(": 0.0258 if they hold fractions, 2.58 if they hold percents")
    assert not_a_number("row 1", "6.64%").endswith(": 0.0664 if they hold fractions, 6.64 if they hold percents")
