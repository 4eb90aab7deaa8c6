"""Small real quarterly samples for the default-path tests and the defaults study: Lütkepohl's West German
data (shipped with statsmodels' JMulTi results), the Danish money demand data and slices of the US macro data."""

from __future__ import annotations

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


def lutkepohl_e1() -> Dataset:
    """Lütkepohl's West German investment, income and consumption, 1960Q1-1978Q4 (76 quarters), the
    estimation sample of his VAR(2) example."""
    path = Path(jmulti_results.__file__).parent / "e1.dat"
    frame = pd.read_csv(path, skiprows=6, sep=r"\s+")
    frame.index = pd.date_range("1960-01-01", periods=len(frame), freq="QS")
    return as_quarterly(frame.loc[:"1978-10-01"], "e1")


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
