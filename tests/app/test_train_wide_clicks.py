"""A pick in the Train page's Variables or Exogenous picker of a wide upload (a thousand series, 2 MB) took seconds:
each one read the whole file again to load the chosen columns for the unit-root advice and the lag hint, and worked
out every column's decimals for the preview again. The file's cells are read once, a pick loads its own columns of
them, and the decimals are worked out once per file; Train still loads the upload itself."""

from __future__ import annotations

import ui.train_preview
import varlib.data.datasets
from tests.app.conftest import open_app
from tests.app.test_train_qa_columns import wide
from tests.app.test_train_upload import _upload

TRAIN = "views/train.py"


def _picker(at, start: str):
    return next(m for m in at.multiselect if m.label.startswith(start))


def test_picks_in_a_wide_file_read_it_once_and_train_reads_the_upload(registry, monkeypatch):
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
    assert reads.count(True) == profiled + 1  # three picks: the file's cells read once (each pick read all again)
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and reads.count(True) == profiled + 2  # what is fitted is loaded from the upload itself


def test_a_pick_does_not_work_out_the_preview_decimals_again(registry, monkeypatch):
    counts, needed = [], ui.train_preview.decimals_needed

    def counted(values):
        counts.append(values.name)
        return needed(values)

    monkeypatch.setattr(ui.train_preview, "decimals_needed", counted)
    at = _upload(open_app(page=TRAIN), wide(60), "exports.csv")
    first = len(counts)
    _picker(at, "Variables").set_value(["series_001", "series_002"]).run()
    assert not at.exception and first == 60 and len(counts) == first
