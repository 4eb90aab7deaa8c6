"""The Train page's preview of a user's own CSV says what training says (QA): a file without a header row and
one whose header is repeated among its rows are refused there with the one message, not previewed as a file of
numbers named by values or of 0 rows and no numeric column; percentages with a decimal comma are percentages."""

from __future__ import annotations

from tests.app.conftest import errors, open_app, store_dir  # noqa: F401  (store_dir: the page's empty local store)
from tests.unit.test_csv_wild_headers import HEADER, NO_HEADER, _csv, _rows
from tests.unit.test_csv_wild_numbers import _percent_file

TRAIN = "views/train.py"


def _upload(data: bytes, name: str):
    at = open_app(page=TRAIN)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value((name, data, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_file_without_a_header_row_is_refused_on_the_page(store_dir):  # noqa: F811
    at = _upload(_csv(_rows()), "nohdr.csv")
    assert NO_HEADER in errors(at) and not at.multiselect  # no values offered as variables


def test_the_header_repeated_among_the_rows_is_one_message_on_the_page(store_dir):  # noqa: F811
    rows = _rows(80)
    at = _upload(_csv([HEADER, *rows[:39], HEADER, *rows[39:]]), "duphdr.csv")
    assert "row 40 repeats the header (date, realgdp, realcons, realinv, cpi); delete that line" in errors(at)
    shown = "\n".join([*(c.value for c in at.caption), *(w.value for w in at.warning)])
    assert "0 rows" not in shown and "no numeric column" not in shown and not at.warning


def test_percentages_with_a_decimal_comma_are_said_as_percentages_on_the_page(store_dir):  # noqa: F811
    at = _upload(_percent_file("{:.2f} %").replace(b".", b","), "semi_pct.csv")
    warned = "\n".join(w.value for w in at.warning)
    assert "holds percentages: remove the % signs" in warned, warned
    assert at.multiselect[0].options == ["realgdp", "realcons"]
