"""The Train page's preview counts the rows training reads: title lines above the header are not rows, and a file
described by lines above its data (a central bank's export) that training refuses gets no count, not `0 rows`
beside the message naming the lines to delete."""

from __future__ import annotations

import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.app.conftest import TIMEOUT

DATES = pd.date_range("1990-01-01", periods=40, freq="QS").strftime("%Y-%m-%d")
ROWS = "".join(f"{d},{100 + n * 0.7:.1f},{50 + n % 7 * 1.3:.1f}\n" for n, d in enumerate(DATES))
TITLED = "Quarterly national accounts,,\nSource: statistics office,,\ndate,gdp,cons\n" + ROWS
DESCRIBED = (  # the series described above the data, one line per property, then the columns' names
    '"Series Description","Real GDP","Real consumption"\n"Unit:","Bn","Bn"\n"Multiplier:","1","1"\n'
    '"Currency:","USD","USD"\n"Unique Identifier: ","X/GDP","X/CONS"\n"Time Period","gdp","cons"\n' + ROWS
)


def _page(text: str, name: str) -> None:
    from ui.train_preview import preview
    from varlib import profile_csv

    preview(*profile_csv(text.encode(), name))


def _summary(text: str, name: str) -> tuple[str, list[str]]:
    at = AppTest.from_function(_page, args=(text, name), default_timeout=TIMEOUT).run()
    assert not at.exception
    return at.caption[0].value, [w.value for w in at.warning]


def test_title_lines_above_the_header_are_not_counted():
    summary, warnings = _summary(TITLED, "titled.csv")
    assert summary.startswith("**40 rows**, 1990Q1 to 1999Q4 · frequency **quarterly (QS-JAN)**") and not warnings
    assert "2 title lines above the header" in summary


def test_a_refused_file_gets_no_count_of_rows():
    summary, warnings = _summary(DESCRIBED, "described.csv")
    assert "rows 1 to 5 ('Unit:', 'Multiplier:', 'Currency:', ...) hold words, not dates" in warnings[0]
    assert "rows**" not in summary and summary.startswith("frequency **not detected**"), summary
