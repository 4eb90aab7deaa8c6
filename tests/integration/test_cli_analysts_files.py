"""An analyst's own files through `varlib train`: a From-like day bound on quarters dated by their last month
keeps the rows dated from it, as the quarter holding it does (it kept Dec 1994 too), and columns `gdp` and `GDP`
are refused with both names (they trained as two variables); each said without a traceback."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from tests.conftest import point_cli_at
from varlib.cli import main


def _quarters(header: str = "date,gdp,cons", first: str = "1990-03-01", form: str = "%b-%y") -> str:
    dates = pd.date_range(first, periods=80, freq="3MS")
    walks = 100 + np.cumsum(np.random.default_rng(3).normal(0.5, 1.0, (80, 2)), axis=0)
    return header + "\n" + "".join(f"{d:{form}},{a:.2f},{b:.2f}\n" for d, (a, b) in zip(dates, walks, strict=True))


@pytest.mark.parametrize("start", ["1995-01-01", "1995-02-15", "1995Q1"])
def test_a_day_bound_on_quarters_dated_by_their_last_month_keeps_the_rows_dated_from_it(
    tmp_path, monkeypatch, capsys, local_settings, start
):
    point_cli_at(local_settings, monkeypatch)
    csv = tmp_path / "gdp.csv"
    csv.write_text(_quarters())
    assert main(["train", "--csv", str(csv), "--lags", "1", "--start", start, "--end", "2000-12-31", "--json"]) == 0
    span = json.loads(capsys.readouterr().out)["span"]
    assert span == {"rows": 24, "first": "Mar 1995", "last": "Dec 2000"}


def test_columns_one_name_in_two_cases_are_refused_with_both_names(tmp_path, monkeypatch, capsys, local_settings):
    point_cli_at(local_settings, monkeypatch)
    csv = tmp_path / "gdp.csv"
    csv.write_text(_quarters("date,gdp,GDP", "1990-01-01", "%Y-%m-%d"))
    assert main(["train", "--csv", str(csv), "--lags", "1"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    assert err.startswith(
        "error: CSV 'gdp.csv' has the columns 'gdp' and 'GDP' (columns 2 and 3), one name in different cases,"
    )
    assert "keep one, or rename the others so that their names differ by more than case" in err
