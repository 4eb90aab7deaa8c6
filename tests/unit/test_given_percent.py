"""A percentage typed as a lag input or a condition of a trained model: the refusal said `remove the % sign
(10, not 10%)`, and on a model whose data hold the rate as a fraction (Danish bond rate 0.1) following it put
the rate at 1000%. The cell alone cannot tell the model's units, so both readings are said."""

from __future__ import annotations

import pandas as pd
import pytest

from varlib import InvalidInputError, check_path, parse_lag_table, read_path_csv

BOTH = "remove the % sign and write it in the units of the model's data: {} if they hold fractions, {} if they hold"


def test_a_percent_condition_is_told_both_readings_not_only_the_percent_one():
    data = b"quarter,ibo\n1987Q4,10%\n1988Q1,9.5%\n"
    with pytest.raises(InvalidInputError) as raised:
        check_path(
            read_path_csv(data, name="conditions.csv"), ["lrm", "ibo"], ["1987-10-01", "1988-01-01"], frequency="QS-JAN"
        )
    said = str(raised.value)
    assert "condition ibo at step 1 (1987Q4) is '10%', not a number" in said, said
    assert BOTH.format("0.1", "10") in said, said


def test_a_percent_lag_input_is_told_both_readings_exactly():
    table = pd.DataFrame({"date": ["1987-04-01", "1987-07-01"], "lrm": [12.04, 12.02], "ibo": ["0.117", "11.9%"]})
    with pytest.raises(InvalidInputError) as raised:
        parse_lag_table(table, ["lrm", "ibo"], 2, "none")
    said = str(raised.value)
    assert "'11.9%', not a number" in said, said
    assert BOTH.format("0.119", "11.9") in said, said  # exact decimals: not 0.11900000000000001
