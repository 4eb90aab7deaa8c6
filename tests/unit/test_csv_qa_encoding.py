"""A UTF-8 file with one line in Windows-1252 (a `Source:` line typed in an old editor) was decoded wholly as
Windows-1252, so its header `BIP Österreich` was stored as `BIP Ã–sterreich`. It stays UTF-8: such a line is left
out, and said so, when it is a note under the data, else refused by its number. A compressed file or a zip
archive is said to be one, not "not text in UTF-8" or "a spreadsheet workbook" (QA)."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from varlib import InvalidInputError, load_dataset, profile_csv

QUARTERS = [f"{2000 + q // 4}Q{q % 4 + 1}" for q in range(40)]


def _utf8(note: bytes = b"") -> bytes:
    rows = [f"{date},{1000 + 3 * i + (i * i) % 7},{2 + (i % 5) / 10}" for i, date in enumerate(QUARTERS)]
    return ("date,BIP Österreich,Zins\n" + "\n".join(rows) + "\n").encode() + note


def test_a_note_in_windows_1252_under_utf8_data_is_left_out_and_said():
    dataset = load_dataset(_utf8(b"Source: Statistik \xd6sterreich\n"), csv_name="at.csv")
    assert dataset.variables == ["BIP Österreich", "Zins"]
    said = "notes under the data not in UTF-8 as the rest of the file ('Source: Statistik Österreich') left out"
    assert said in dataset.read_as
    profile, _ = profile_csv(_utf8(b"Source: Statistik \xd6sterreich\n"), "at.csv")
    assert "BIP Österreich" in profile.numeric and said in profile.read_as


def test_a_data_line_in_another_encoding_is_refused_by_its_number():
    data = _utf8().replace(b"2001Q1,", b"2001Q1 \xd6,", 1)
    with pytest.raises(InvalidInputError, match=r"is in UTF-8 but for line 6 \('2001Q1 Ö,"):
        load_dataset(data, csv_name="at.csv")


def test_a_file_wholly_in_windows_1252_is_still_read_so():
    dataset = load_dataset(_utf8().decode().encode("cp1252"), csv_name="at.csv")
    assert dataset.variables == ["BIP Österreich", "Zins"] and "Windows-1252" in dataset.read_as


def _zip(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, _utf8())
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, said",
    [
        (gzip.compress(_utf8()), "'gdp.csv.gz' is compressed (gzip), not a CSV: decompress it"),
        (_zip(["gdp.csv"]), "'gdp.csv.gz' is a zip archive, not a CSV: extract the CSV from it"),
        (_zip(["[Content_Types].xml", "xl/workbook.xml"]), "'gdp.csv.gz' is a spreadsheet workbook, not a CSV"),
    ],
)
def test_a_compressed_file_or_an_archive_is_named_as_what_it_is(data, said):
    with pytest.raises(InvalidInputError, match=said.replace("(", r"\(").replace(")", r"\)")):
        load_dataset(data, csv_name="gdp.csv.gz")
