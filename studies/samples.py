"""Small real quarterly samples for the default-path tests and the defaults study: Lütkepohl's West German
data (shipped with statsmodels' JMulTi results), the Danish money demand data and slices of the US macro data."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import statsmodels.tsa.vector_ar.tests.results as jmulti_results
from statsmodels.datasets import danish_data

from varlib import Dataset, load_dataset
from varlib.data.datasets import frame_sha256


def as_quarterly(frame: pd.DataFrame, name: str) -> Dataset:
    frame = frame.astype(float)
    frame.index = pd.DatetimeIndex(frame.index)
    return Dataset(name, frame, frame_sha256(frame), "QS-JAN")


def lutkepohl_e1(end: str | None = "1978-10-01") -> Dataset:
    """Lütkepohl's West German investment, income and consumption (seasonally adjusted), 1960Q1 to `end`: by
    default 1978Q4 (76 quarters), the estimation sample of his VAR(2) example; the file runs to 1982Q4."""
    return as_quarterly(_jmulti_quarters("e1").loc[:end], "e1")


def lutkepohl_e4(end: str | None = "1979-10-01") -> Dataset:
    """Lütkepohl's unadjusted (seasonal) West German disposable income and consumption, 1960Q1 to `end`: by
    default 1979Q4 (80 quarters); the file runs to 1987Q4."""
    return as_quarterly(_jmulti_quarters("e4").loc[:end], "e4")


def _jmulti_quarters(name: str) -> pd.DataFrame:
    """One of the JMulTi data files statsmodels ships, quarterly from 1960Q1: a comment, a `<1960 Q1>` line, a
    header of names and the rows."""
    lines = (Path(jmulti_results.__file__).parent / f"{name}.dat").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("<"))
    frame = pd.read_csv(io.StringIO("\n".join(lines[start + 1 :])), sep=r"\s+")
    frame.index = pd.date_range("1960-01-01", periods=len(frame), freq="QS")
    return frame


def danish() -> Dataset:
    """Johansen and Juselius' Danish money demand data: 55 quarters of 1974Q1-1987Q3."""
    return as_quarterly(danish_data.load_pandas().data[["lrm", "lry", "lpy", "ibo"]], "danish")


def macro_84() -> Dataset:
    """84 quarters (1970Q4-1991Q3) of four US macro series, unemployment ending at 6.9%."""
    full = load_dataset(variables=["realgdp", "realcons", "realinv", "unemp"]).frame
    return as_quarterly(full.loc["1970-10-01":"1991-07-01"], "macro84")


def macro_last_60() -> Dataset:
    """The last 60 quarters (1994Q4-2009Q3) of US real GDP, consumption and investment."""
    full = load_dataset(variables=["realgdp", "realcons", "realinv"]).frame
    return as_quarterly(full.iloc[-60:], "macro60")
