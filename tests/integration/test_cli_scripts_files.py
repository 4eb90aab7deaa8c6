"""The CLI's files as scripts hand them over: a local publish refused by the file system said once, with advice
for its reason; a CSV from a pipe or stdin (`--csv -`) needing `--name`; `report --out -` on stdout, and fan
levels that are fractions refused."""

from __future__ import annotations

import errno
import io
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.integration.test_cli_arguments import run, store  # noqa: F401 (a fixture)
from tests.support.cli_runner import PROJECT, STORELESS_ENV
from varlib import Registry, Settings, load_dataset
from varlib.data import file_bytes

CSV = Path(PROJECT) / "examples" / "us-macro.csv"


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        (
            errno.EROFS,
            " (the file system is read-only: remount it writable, or point VARLIB_STORE_DIR at a writable one)",
        ),
        (errno.ENOSPC, " (free space on that disk and try again)"),
        (errno.EIO, ""),
    ],
)
def test_a_local_publish_the_file_system_refuses_says_once_that_nothing_changed(
    code, advice, tmp_path, monkeypatch, capsys
):
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))

    def refused(*args, **kwargs):
        raise OSError(code, errno.errorcode[code].lower())

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    status, _, err = run(capsys, "train", "--name", "var", "--lags", "2", "--publish")
    assert status == 1
    said = err.strip().splitlines()[-1]
    assert said.startswith("error: cannot write var/0_0_1/model.json under ") and "may have been stored" not in said
    assert said.endswith(f": {errno.errorcode[code].lower()}; nothing was changed{advice}")


def test_a_csv_from_a_pipe_needs_a_name(tmp_path):
    env = {**STORELESS_ENV, "VARLIB_STORE_DIR": str(tmp_path / "store")}
    piped = subprocess.run(
        ["bash", "-c", f"'{sys.executable}' -m varlib train --csv <(cat '{CSV}') --publish"],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT,
        timeout=120,
    )
    assert piped.returncode == 2, piped.stderr
    assert piped.stderr.startswith("error: --csv '/dev/fd/") and piped.stderr.endswith(
        "', a pipe or device, has no file name to name the model by: give it one with --name\n"
    )
    assert not (tmp_path / "store").exists()  # no model named `63`


def test_csv_dash_reads_stdin_and_needs_a_name(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    argv = ["train", "--csv", "-", "--transform", "logdiff", "--publish"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CSV.read_bytes())))
    assert run(capsys, *argv)[2] == (
        "error: --csv - (standard input) has no file name to name the model by: give it one with --name\n"
    )
    code, out, _ = run(capsys, *argv, "--name", "usm")
    assert code == 0 and out.endswith("published usm 0.0.1\n")
    artifact = Registry.from_settings(Settings(store_dir=tmp_path / "store")).load("usm", "latest")
    assert artifact.data.sha256 == load_dataset(CSV).sha256 and artifact.data.name == "stdin"  # the file's bytes


def test_stdin_is_capped_as_a_file_is(monkeypatch):
    monkeypatch.setattr(file_bytes, "MAX_CSV_BYTES", 10)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"date,a\n" * 3)))
    with pytest.raises(Exception, match="'standard input' holds more than 10 bytes, the limit for a CSV"):
        file_bytes.read_file("-", None)


@pytest.mark.usefixtures("store")
def test_report_out_dash_writes_the_page_to_stdout(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "report", "--name", "var", "--out", "-")
    assert code == 0 and out.lstrip().lower().startswith("<!doctype html") and out.rstrip().endswith("</html>")
    assert not (tmp_path / "-").exists()


@pytest.mark.usefixtures("store")
@pytest.mark.parametrize("fan", ["0.3,0.6", "0.5", "30,0.9"])
def test_fan_levels_that_are_fractions_are_refused(fan, tmp_path, capsys):
    code, _, err = run(capsys, "report", "--name", "var", "--fan", fan, "--out", str(tmp_path / "r.html"))
    assert code == 2 and not (tmp_path / "r.html").exists()
    assert err == (
        f"error: --fan {fan!r} must list interval levels in percent from 1 to 99.99, e.g. 30,60,90"
        " (not fractions: 30, not 0.3)\n"
    )
    assert run(capsys, "report", "--name", "var", "--fan", "30,60,90", "--out", str(tmp_path / "r.html"))[0] == 0
