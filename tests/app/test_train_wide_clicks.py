"""A pick in the Train page's Variables or Exogenous picker of a wide upload (a thousand series, 2 MB) took seconds:
each one read the whole file again to load the chosen columns for the unit-root advice and the lag hint, and the
preview sent every column's first and last rows, styled, on every rerun. A pick loads its own columns of the numbers
the profile read, the preview's table holds the chosen columns (the first few before any is chosen), and the decimals
are worked out once per choice of them; Train still loads the upload itself."""

from __future__ import annotations

import ui.hover
import ui.train_preview
import varlib.data.datasets
from tests.app.conftest import displayed, open_app
from tests.app.test_train_qa_columns import _captions, wide
from tests.app.test_train_upload import _upload
from ui.train_preview import SHOWN

TRAIN = "views/train.py"


def _picker(at, start: str):
    return next(m for m in at.multiselect if m.label.startswith(start))


def test_picks_in_a_wide_file_read_none_of_its_cells_again_and_train_reads_the_upload(registry, monkeypatch):
    data, reads, read = wide(60), [], varlib.data.datasets.read_text_table

    def counted(source, *args, **kwargs):  # every read of a file's cells (the preview's profile, loading)
        reads.append(source == data)  # the upload itself, not the chosen columns of it
        return read(source, *args, **kwargs)

    monkeypatch.setattr(varlib.data.datasets, "read_text_table", counted)
    at = _upload(open_app(page=TRAIN), data, "exports.csv")
    profiled = reads.count(True)
    for chosen in (["series_001", "series_002"], ["series_001", "series_002", "series_003"]):
        _picker(at, "Variables").set_value(chosen).run()
    _picker(at, "Exogenous").set_value(["series_010"]).run()
    assert not at.exception and "Lag search from 1 up to" in "\n".join(c.value for c in at.caption)
    assert profiled == 1 and reads.count(True) == profiled  # the profile's read serves the picks (the first read again)
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and reads.count(True) == profiled + 1  # what is fitted is loaded from the upload itself


def test_a_wide_files_table_holds_the_chosen_columns_as_uploaded(registry):
    at = _upload(open_app(page=TRAIN), wide(60), "exports.csv")
    cells = displayed(at.dataframe[0])
    assert cells is not None and list(cells.columns) == [f"series_{i:03d}" for i in range(SHOWN)]  # not all 60
    assert "The table shows the first 12 of the 60 numeric columns: choose columns under Variables" in _captions(at)
    _picker(at, "Variables").set_value(["series_031", "series_007"]).run()
    _picker(at, "Exogenous").set_value(["series_044"]).run()
    cells = displayed(at.dataframe[0])
    assert not at.exception and list(cells.columns) == ["series_031", "series_007", "series_044"]
    assert all(len(cell.split(".")[1]) == 3 for cell in cells["series_044"])  # the decimals the file was written with
    captions = _captions(at)
    assert "The table shows the 3 columns chosen below, of the 60 numeric columns: choose others under" in captions


def test_a_pick_works_out_the_decimals_of_the_columns_it_shows_once(registry, monkeypatch):
    counts, needed = [], ui.train_preview.decimals_needed

    def counted(values):
        counts.append(values.name)
        return needed(values)

    monkeypatch.setattr(ui.train_preview, "decimals_needed", counted)
    at = _upload(open_app(page=TRAIN), wide(60), "exports.csv")
    assert not at.exception and len(counts) == SHOWN  # the table's columns, not the file's 60
    for _ in range(2):  # the same choice again: worked out once
        _picker(at, "Variables").set_value(["series_001", "series_040"]).run()
    assert not at.exception and counts[SHOWN:] == ["series_001", "series_040"]


def test_a_table_of_more_chosen_columns_than_it_holds_says_so():
    table_columns, most = ui.train_preview.table_columns, ui.train_preview.TABLE_MOST
    columns = [f"c{i}" for i in range(most + 20)]
    assert table_columns(columns[:most], []) == (columns[:most], None)  # every column, no note
    shown, note = table_columns(columns, columns[::-1])
    assert shown == columns[::-1][:most]
    assert note is not None and note.startswith(f"The table shows the first {most} of the {most + 20} columns")
    shown, note = table_columns(columns, ["c3", "c3"])  # a column both variable and exogenous
    assert shown == ["c3"] and note is not None and "the 1 column chosen below, of the 70 numeric" in note


def test_the_preview_chart_names_its_periods_once_not_once_a_series(registry, monkeypatch):
    calls, periods = [], ui.hover.periods

    def counted(x, alias):
        calls.append(alias)
        return periods(x, alias)

    monkeypatch.setattr(ui.hover, "periods", counted)
    at = _upload(open_app(page=TRAIN), wide(60), "exports.csv")
    _picker(at, "Variables").set_value(["series_001", "series_002"]).run()
    assert not at.exception and calls == ["QS-JAN", "QS-JAN"]  # a run each, for the 12 series the chart draws
