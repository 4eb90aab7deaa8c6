"""A CSV's bytes as text: refused, saying what they are, when they are no CSV (a workbook, a zip or compressed
file, bytes that are not text), else decoded: UTF-16 when the bytes say so, UTF-8, else Windows-1252. `-` in
place of a file's path is standard input (`--csv -`, `--lags-csv -`), refused when it holds nothing.

A UTF-8 file with a line in another encoding (a `Source:` line typed in an old editor) stays UTF-8: decoded as
Windows-1252 as a whole, every accented letter of its header would change (`Österreich` to `Ã–sterreich`).
Such a line is left out, and said so, when it is a note under the data; any other is refused by its number.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from pathlib import Path
from typing import BinaryIO

from ..errors import InvalidInputError
from .rows_not_data import NOTE_LINES, words_only

MAX_CSV_BYTES = 50 * 1024 * 1024
STDIN, STANDARD_INPUT = "-", "standard input"  # `-` in place of a file's path reads stdin, as Unix tools do

_COMPRESSED = {b"\x1f\x8b": "gzip", b"BZh": "bzip2", b"\xfd7zXZ\x00": "xz", b"\x28\xb5\x2f\xfd": "zstd"}
_ZIP, _XLS = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # in a file of bytes, not text: tab, CR and LF are text
_UTF8_LETTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_SAVE_AS_CSV = "save it as CSV (comma- or semicolon-separated)"


def read_file(source: str | Path, name: str | None) -> tuple[bytes, str]:
    """The bytes of the CSV at `source` and its name (`name`, else the file's). `-` is standard input (the
    CLI's `--csv -`, named `stdin`), read as a pipe is: up to MAX_CSV_BYTES."""
    if str(source) == STDIN:
        return read_stdin("CSV"), name or "stdin"
    path = Path(source)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InvalidInputError(f"cannot read CSV {str(source)!r}: {exc.strerror or exc}") from None
    check_size(size, path.name)
    try:
        data = read_capped(path, str(source))  # a pipe's size is 0 until it is read
    except OSError as exc:  # a folder, or unreadable: stat() alone does not tell
        raise InvalidInputError(f"cannot read CSV {str(source)!r}: {exc.strerror or exc}") from None
    return data, name or path.name


def read_source(source: str | Path | bytes, name: str | None, what: str, whole: bool = False) -> tuple[bytes, str]:
    """The bytes of a CSV given as bytes (an upload), as a file's path, or as `-`: standard input (the CLI's
    `--lags-csv -`); and the label messages name it by: `name`, else `upload.csv`, `standard input`, or the path
    (whole, or its file name). A file that cannot be read is refused as `cannot read <what> from <label>`."""
    if not isinstance(source, (str, Path)):
        return bytes(source), name or "upload.csv"
    if str(source) == STDIN:
        return read_stdin(what), name or STANDARD_INPUT
    label = name or (str(source) if whole else Path(source).name)
    try:
        return read_capped(Path(source), label), label
    except OSError as exc:
        raise InvalidInputError(f"cannot read {what} from {label!r}: {exc.strerror or exc}", value=label) from None


def read_stdin(what: str) -> bytes:
    """Standard input's bytes, up to MAX_CSV_BYTES; refused when there is none to read (closed) or it holds
    nothing: a command that forgot its `< file.csv` would otherwise be told of an empty CSV it never named."""
    if sys.stdin is None:  # started with it closed (`<&-`)
        raise InvalidInputError(
            f"cannot read {what} from standard input: it is closed; pipe or redirect the {what} into it (`< file.csv`)"
        )
    try:
        data = read_capped_stream(sys.stdin.buffer, STANDARD_INPUT)
    except (AttributeError, ValueError, OSError) as exc:  # a stream of no bytes, or one that fails
        raise InvalidInputError(f"cannot read {what} from standard input: {exc}") from None
    if not data.strip():
        raise InvalidInputError(
            f"standard input (-) is empty: pipe or redirect the {what} into it (`< file.csv`), or give the file's"
            " path in place of -",
            value=STDIN,
        )
    return data


def check_size(size: int, name: str) -> None:
    """Refuse a CSV of more than MAX_CSV_BYTES, a file's or an upload's, by its name and size."""
    if size > MAX_CSV_BYTES:
        raise InvalidInputError(
            f"CSV {name!r} is {size:,} bytes; the limit is {MAX_CSV_BYTES:,}: give fewer rows or columns"
        )


def read_capped(path: Path, label: str) -> bytes:
    """The bytes of the file at `path`, refused past MAX_CSV_BYTES while reading: a pipe or a device has no
    size to check first (`--csv <(zcat data.gz)`, `/dev/zero`), and reading it whole could fill the memory.
    OSError as open() raises it, for the caller's own words."""
    with path.open("rb") as stream:
        return read_capped_stream(stream, label)


def read_capped_stream(stream: BinaryIO, label: str) -> bytes:
    """What `stream` holds, refused past MAX_CSV_BYTES (read_capped)."""
    data = stream.read(MAX_CSV_BYTES + 1)
    if len(data) > MAX_CSV_BYTES:
        raise InvalidInputError(
            f"{label!r} holds more than {MAX_CSV_BYTES:,} bytes, the limit for a CSV: give fewer rows or columns",
            value=label,
        )
    return data


def refuse_other_files(data: bytes, label: str) -> None:
    """Refuse a workbook, a zip archive or a compressed file, each named as what it is and what to do."""
    kind = next((kind for mark, kind in _COMPRESSED.items() if data.startswith(mark)), None)
    if kind:
        raise InvalidInputError(
            f"{label!r} is compressed ({kind}), not a CSV: decompress it and give the CSV inside", value=label
        )
    if data.startswith(_XLS) or (data.startswith(_ZIP) and _workbook(data)):
        raise InvalidInputError(f"{label!r} is a spreadsheet workbook, not a CSV: {_SAVE_AS_CSV}", value=label)
    if data.startswith(_ZIP):
        raise InvalidInputError(
            f"{label!r} is a zip archive, not a CSV: extract the CSV from it and give that", value=label
        )


def _workbook(data: bytes) -> bool:
    """Whether a zip holds a workbook (.xlsx, .ods), as opposed to files zipped together; one that cannot be opened
    is taken for a workbook, as a zip's bytes at the start of a data file most often are."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return True
    return any(name.startswith("xl/") or name == "content.xml" for name in names)


def refuse_control_characters(text: str, label: str) -> None:
    """Refuse text that holds a control character, which no text file does (DOS's end-of-file mark aside)."""
    if control := _CONTROL.search(text.rstrip("\x1a")):
        raise InvalidInputError(
            f"{label!r} is not a text CSV: it holds the control character {control[0]!r} at character"
            f" {control.start() + 1}; export the data as CSV (comma- or semicolon-separated)",
            value=label,
        )


def decode(data: bytes, label: str) -> tuple[str, str, tuple[int, ...]]:
    """(text, encoding, lines): UTF-16 when the bytes say so, else UTF-8 (with or without a byte-order mark),
    else Windows-1252; `lines` are the numbers of lines of a UTF-8 file that are not UTF-8, decoded as
    Windows-1252 (see `without_other_lines`)."""
    head = data[:400]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    elif len(head) >= 4 and head[1::2].count(0) > len(head) // 3:  # UTF-16 without its mark: every other byte 0
        encodings = ("utf-16-le",)
    elif len(head) >= 4 and head[0::2].count(0) > len(head) // 3:
        encodings = ("utf-16-be",)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding, ()
        except UnicodeDecodeError:
            if encoding == "utf-8-sig" and (mixed := _utf8_but_some_lines(data)):
                return mixed
    raise InvalidInputError(
        f"CSV {label!r} cannot be read: it is not text in UTF-8, UTF-16 or Windows-1252; save it as 'CSV UTF-8'",
        value=label,
    )


def _utf8_but_some_lines(data: bytes) -> tuple[str, str, tuple[int, ...]] | None:
    """A file of UTF-8 lines but for some: those decoded as Windows-1252, and their numbers; None when no line
    shows UTF-8 (a letter beyond ASCII that decodes as UTF-8), as in a file wholly in Windows-1252."""
    if not _UTF8_LETTER.search(data):  # at once, not line by line: most such files are Windows-1252 throughout
        return None
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")  # as csv counts lines: at "\n" only
    decoded, other = [], []
    for number, line in enumerate(lines, start=1):
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
            other.append(number)
    if not any(not line.isascii() for number, line in enumerate(lines, start=1) if number not in other):
        return None
    return "\n".join(decoded), "utf-8-sig", tuple(other)


def without_other_lines(text: str, lines: tuple[int, ...], delimiter: str, label: str) -> tuple[str, tuple[str, ...]]:
    """The text with the lines not in the file's encoding (`lines`, numbered from 1) emptied when they are notes
    under the data, which are left out anyway (words only, as `rows_not_data` reads them), and how that was
    said; refused, naming the first, when one is any other line."""
    if not lines:
        return text, ()
    rows = text.split("\n")
    notes: set[int] = set()
    for number in range(len(rows), 0, -1):  # the notes: the last lines of words only, empty ones among them
        cells = next(csv.reader([rows[number - 1].rstrip("\r")], delimiter=delimiter), [])
        if any(cell.strip() for cell in cells):
            if len(notes) >= NOTE_LINES or not words_only(cells):
                break
            notes.add(number)
    if other := [number for number in lines if number not in notes]:
        shown = rows[other[0] - 1].strip()
        raise InvalidInputError(
            f"CSV {label!r} is in UTF-8 but for line {other[0]} ({shown[:60]!r} read as Windows-1252): save the file"
            " again as 'CSV UTF-8', or retype that line",
            value=label,
        )
    said = ", ".join(repr(rows[number - 1].strip()[:40]) for number in lines)
    for number in lines:
        rows[number - 1] = ""
    return "\n".join(rows), (f"notes under the data not in UTF-8 as the rest of the file ({said}) left out",)
