"""The Train page's preview charts follow the choice: a file of more than 12 numeric columns plotted its first 12
whatever the analyst picked under Variables and Exogenous variables, while the table above showed the picked ones.
They plot the chosen columns (variables, then exogenous columns, at most 12), or the first 12 before any is chosen,
said in the table's words; a file of 12 or fewer keeps plotting every column."""

from __future__ import annotations

import ui.train_preview
from tests.app.conftest import charts, open_app
from tests.app.test_train_qa_columns import _captions, wide
from tests.app.test_train_upload import _upload

TRAIN = "views/train.py"
SHOWN = ui.train_preview.SHOWN


def _picker(at, start: str):
    return next(m for m in at.multiselect if m.label.startswith(start))


def _plotted(at) -> list[str]:
    (figure,) = charts(at)
    return [t["name"] for t in figure["data"]]


def test_a_wide_files_charts_plot_the_first_12_then_the_chosen_ones(registry):
    at = _upload(open_app(page=TRAIN), wide(60), "exports.csv")
    assert _plotted(at) == [f"series_{i:03d}" for i in range(SHOWN)]
    said = "the first 12 of the 60 numeric columns: choose columns under Variables or Exogenous variables below"
    assert f"The charts show {said}" in _captions(at) and f"The table shows {said}" in _captions(at)  # same words
    _picker(at, "Variables").set_value(["series_031", "series_007"]).run()
    _picker(at, "Exogenous").set_value(["series_044"]).run()
    assert not at.exception and _plotted(at) == ["series_031", "series_007", "series_044"]  # variables first
    said = "the 3 columns chosen below, of the 60 numeric columns: choose others under Variables or Exogenous"
    assert f"The charts show {said}" in _captions(at) and f"The table shows {said}" in _captions(at)
    assert "The charts show the first 12" not in _captions(at)


def test_charts_of_more_chosen_columns_than_they_draw_plot_the_first_12_chosen(registry):
    at = _upload(open_app(page=TRAIN), wide(20, rows=120), "twenty.csv")
    assert len(_picker(at, "Variables").value) == 20  # every column fits a VAR(1) of 120 rows: all chosen
    assert _plotted(at) == [f"series_{i:03d}" for i in range(SHOWN)]
    assert "The charts show the first 12 of the 20 columns chosen below (all of them)." in _captions(at)
    assert "The table shows" not in _captions(at)  # a table of 20 columns holds them all
    _picker(at, "Variables").set_value(["series_019", "series_003"]).run()
    assert not at.exception and _plotted(at) == ["series_019", "series_003"]  # in the order chosen


def test_a_file_of_12_columns_plots_them_all_whatever_is_chosen(registry):
    at = _upload(open_app(page=TRAIN), wide(12), "twelve.csv")
    _picker(at, "Variables").set_value(["series_011", "series_002"]).run()
    assert not at.exception and _plotted(at) == [f"series_{i:03d}" for i in range(SHOWN)]
    assert "The charts show" not in _captions(at)
    at = _upload(open_app(page=TRAIN), wide(13), "thirteen.csv")  # one more: the choice
    _picker(at, "Variables").set_value(["series_012", "series_002"]).run()
    assert not at.exception and _plotted(at) == ["series_012", "series_002"]


def test_the_notes_count_a_thousand_columns_with_separators():
    shown_columns = ui.train_preview.shown_columns
    columns = [f"c{i}" for i in range(1152)]
    assert shown_columns(columns[:12], [], SHOWN, "The charts show") == (columns[:12], None)
    shown, note = shown_columns(columns, [], SHOWN, "The charts show")
    assert shown == columns[:12] and note is not None and "the first 12 of the 1,152 numeric columns" in note
    shown, note = shown_columns(columns, columns[::-1], SHOWN, "The charts show")
    assert shown == columns[::-1][:12]
    assert note is not None and note.startswith("The charts show the first 12 of the 1,152 columns chosen below")
    shown, note = ui.train_preview.table_columns(columns, columns[::-1])  # the table's note, in the same words
    assert shown == columns[::-1][: ui.train_preview.TABLE_MOST] and note is not None
    assert note == "The table shows the first 50 of the 1,152 columns chosen below (all of them)."
    shown, note = ui.train_preview.table_columns(columns, columns[:60])
    assert note == "The table shows the first 50 of the 60 columns chosen below, of the 1,152 numeric columns."
