"""Rules that were written in two places have one owner each: an upload is held to the CSV size limit a file is
held to, with what to do (the upload's reader kept its own copy of the limit, so a change to one missed the other),
and every page offers the interval levels a link may name (the Compare and report settings kept their own tuples)."""

from __future__ import annotations

import pytest

import varlib
from varlib.data import file_bytes, read_csv


def test_an_uploads_bytes_are_held_to_the_same_limit_as_a_files(monkeypatch):
    monkeypatch.setattr(file_bytes, "MAX_CSV_BYTES", 10)
    refused = r"^CSV 'up\.csv' is 24 bytes; the limit is 10: give fewer rows or columns$"
    with pytest.raises(varlib.InvalidInputError, match=refused):
        read_csv(b"date,a\n2000-01-01,1\n" + b"x" * 4, "up.csv")


def test_the_pages_offer_the_levels_a_link_may_name():
    from ui import forecast_link, report_settings
    from views import compare

    assert report_settings.LEVELS is forecast_link.LEVELS
    assert compare.LEVELS is forecast_link.LEVELS
