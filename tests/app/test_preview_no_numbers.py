"""The Train page's preview of a file without a column of numbers says so, not `numeric:` followed by nothing."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import TIMEOUT


def _page() -> None:
    from ui.train_preview import preview
    from varlib import profile_csv

    preview(*profile_csv(b"date,region\n2010-01-01,EU\n2010-02-01,US\n2010-03-01,EU\n", "alltext.csv"))


def test_a_file_of_text_says_it_has_no_numeric_column():
    at = AppTest.from_function(_page, default_timeout=TIMEOUT).run()
    assert not at.exception
    summary = at.caption[0].value
    assert "no numeric column" in summary and "text (not usable): region" in summary and "numeric: ·" not in summary
