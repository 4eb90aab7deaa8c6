"""Files in long form (one row per date and series) are refused with how to turn them, not by blaming their text
column (`'variable' holds text, not numbers ... leave it out`, whose advice left one variable) or their first
column (`'OECD:QNA' is not a date`); a panel of several units says to keep one unit's rows."""

from __future__ import annotations

import pytest

from varlib.data import load_csv
from varlib.errors import InvalidInputError

QUARTERS = [f"{year}-Q{quarter}" for year in range(1989, 2009) for quarter in range(1, 5)]


def _refusal(text: str) -> str:
    with pytest.raises(InvalidInputError) as refused:
        load_csv(text.encode(), name="export.csv")
    return str(refused.value)


def _rows(template: str, names=("gdp", "cons")) -> str:
    return "".join(
        template.format(d=d, s=s, v=7000 + 13 * n + 5 * k) for n, d in enumerate(QUARTERS) for k, s in enumerate(names)
    )


def test_tidy_data_is_told_to_pivot_with_its_own_columns():
    message = _refusal("date,variable,value\n" + _rows("{d},{s},{v}\n"))
    assert message.startswith("'export.csv' has one row per date and variable ('gdp' and 'cons'), with the numbers")
    assert "frame.pivot(index='date', columns='variable', values='value')" in message and "leave it" not in message


def test_an_sdmx_export_is_found_behind_its_constant_columns():
    """The first column (`OECD:QNA` on every row) was taken for the dates and refused as none."""
    header = "DATAFLOW,FREQ,REF_AREA,MEASURE,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"
    message = _refusal(header + _rows("OECD:QNA,Q,USA,{s},{d},{v},A\n", ("GDP", "CONS", "INV", "GOV", "EXP")))
    assert "one row per date and MEASURE ('GDP', 'CONS', 'INV' and 'GOV' and 1 more)" in message, message
    assert "pivot(index='TIME_PERIOD', columns='MEASURE', values='OBS_VALUE')" in message


def test_a_panel_of_several_countries_says_to_keep_one():
    message = _refusal(
        "date,country,gdp,cons\n"
        + "".join(f"{d},{c},{7000 + n},{5000 + n}\n" for n, d in enumerate(QUARTERS) for c in ("US", "CA"))
    )
    assert "one row per date and country ('US' and 'CA'), each with 'gdp' and 'cons'" in message
    assert "Keep the rows of one country (e.g. 'US')" in message


def test_a_wide_file_with_a_text_column_is_not_taken_for_long_form():
    text = "date,gdp,cons,country\n" + "".join(
        f"{d},{7000 + n * n % 97},{5000 + n * 7 % 13},US\n" for n, d in enumerate(QUARTERS)
    )
    assert load_csv(text.encode(), name="wide.csv").variables == ["gdp", "cons"]
