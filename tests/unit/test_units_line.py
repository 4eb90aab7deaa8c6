"""A units line under the header (`,bn USD,bn USD`, as statistics offices export) is left out and said; the CLI
said "row 1: '' is not a date" and the Train page "holds numbers but for 'bn USD' in row 1 ()"."""

import pytest
import statsmodels.api as sm

from varlib import profile_csv
from varlib.data import load_csv
from varlib.errors import InvalidInputError

MACRO = sm.datasets.macrodata.load_pandas().data.iloc[:60]
ROWS = [
    f"{int(y)}-{int(q) * 3 - 2:02d}-01,{g},{c}"
    for y, q, g, c in MACRO[["year", "quarter", "realgdp", "realcons"]].values
]


@pytest.mark.parametrize("units", [",bn USD,bn USD", "Units,bn USD,", "unit;bn USD;bn USD"])
def test_a_units_line_is_left_out_and_said(units):
    delimiter = ";" if ";" in units else ","
    text = "\n".join(["date,realgdp,realcons", units, *ROWS]).replace(",", delimiter) + "\n"
    dataset = load_csv(text.encode(), name="units.csv")
    assert len(dataset.frame) == 60 and dataset.frame.index[0].year == 1959
    assert "the units line under the header ('bn USD'" in " ".join(dataset.read_as)
    profile, _ = profile_csv(text.encode(), name="units.csv")
    assert not any("bn USD" in problem for problem in profile.problems)


def test_a_row_of_numbers_without_a_date_is_still_refused():
    text = "\n".join(["date,realgdp,realcons", ",1.5,2.5", *ROWS]) + "\n"
    with pytest.raises(InvalidInputError, match="is not a date"):
        load_csv(text.encode(), name="undated.csv")
