"""Lag dates counting quarters (`2009.3`) on a model whose quarters are not the calendar's (from March): the
refusal offered `2009Q3 or 2009-03`, and `2009Q3` was then refused as overlapping two of the model's quarters.
The hint names the model's own periods, a form that is read."""

from __future__ import annotations

import pandas as pd
import pytest

from varlib import InvalidInputError
from varlib.data.lag_inputs import parse_lag_table


def _table(labels: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"date": labels, "a": ["1", "2"], "b": ["3", "4"]})


@pytest.mark.parametrize(
    ("frequency", "labels", "hinted", "read"),
    [
        ("QS-MAR", ["2009.3", "2009.4"], "e.g. Mar 2009, Jun 2009, Sep 2009 and Dec 2009", ["Jun 2009", "Sep 2009"]),
        ("QE-JAN", ["2009.2", "2009.3"], "e.g. Nov 2008, Feb 2009, May 2009 and Aug 2009", ["Feb 2009", "May 2009"]),
    ],
)
def test_counted_lag_dates_on_quarters_not_the_calendars_are_told_a_form_that_is_read(frequency, labels, hinted, read):
    with pytest.raises(InvalidInputError) as refused:
        parse_lag_table(_table(labels), ["a", "b"], 2, "none", frequency)
    said = str(refused.value)
    assert f"'{labels[0]}' counts quarters or months of 2009" in said and hinted in said
    assert "2009Q" not in said and refused.value.field == "date"
    assert len(parse_lag_table(_table(read), ["a", "b"], 2, "none", frequency)) == 2  # the form hinted is read


def test_counted_lag_dates_a_calendar_model_reads_as_quarters_keep_their_hint():
    """Quarters dated by their ends: 2009Q2 is one of the model's, so the refusal naming it stands."""
    with pytest.raises(InvalidInputError, match="write them as 2009Q2 or 2009-02"):
        parse_lag_table(_table(["2009.2", "2009.3"]), ["a", "b"], 2, "none", "QE-DEC")
    assert len(parse_lag_table(_table(["2009Q2", "2009Q3"]), ["a", "b"], 2, "none", "QE-DEC")) == 2
