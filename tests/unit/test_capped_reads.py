"""A CSV given as a pipe or a device (`--csv <(zcat data.gz)`, a named pipe, `/dev/zero`) is held to the size limit
while it is read: its size is 0 until then, so the limit checked on the file's size let `/dev/zero` fill the
memory (7 GB and growing) and a 300 MB pipe be read whole. A pipe within the limit reads as a file does."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from varlib import InvalidInputError
from varlib.data import load_csv, read_lag_inputs
from varlib.data.paths import read_path_csv

ZERO = Path("/dev/zero")
TOO_BIG = r"zero' holds more than 52,428,800 bytes, the limit for a CSV: give fewer rows or columns"


@pytest.mark.parametrize(
    "read",
    [
        lambda: load_csv(ZERO),
        lambda: read_lag_inputs(ZERO, ["a", "b"], 1, "none"),
        lambda: read_path_csv(ZERO),
    ],
)
def test_an_endless_device_is_refused_at_the_limit(read):
    with pytest.raises(InvalidInputError, match=TOO_BIG):
        read()


def test_a_named_pipe_within_the_limit_reads_as_a_file(tmp_path):
    pipe = tmp_path / "data.csv"
    os.mkfifo(pipe)
    rows = "date,a,b\n" + "".join(f"{1990 + i // 4}Q{i % 4 + 1},{i},{i * i % 7}\n" for i in range(40))
    writer = threading.Thread(target=pipe.write_text, args=(rows,))
    writer.start()
    dataset = load_csv(pipe)
    writer.join()
    assert len(dataset.frame) == 40 and list(dataset.frame.columns) == ["a", "b"]
