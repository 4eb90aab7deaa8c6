"""`varlib models` lists every model the store holds (a refusal names the first ten and points to it), and output
that cannot be written (a full disk) ends in one `error:` line and exit 1, not a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import varlib
from varlib import Registry, cli, publish_result

NAMES = [f"m{n:02d}" for n in range(12)]


@pytest.fixture
def twelve(local_settings, macro_result, monkeypatch):
    registry = Registry.from_settings(local_settings)
    for name in NAMES:
        publish_result(registry, macro_result, name)
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(local_settings.store_dir))
    return local_settings


def test_models_lists_every_name_and_refusals_point_to_it(twelve, capsys):
    assert cli.main(["models"]) == 0
    assert capsys.readouterr().out.split() == NAMES
    assert cli.main(["models", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == NAMES
    assert cli.main(["list"]) == 2
    err = capsys.readouterr().err
    assert "holds 12 models (m00, m01" in err and "m09 and 2 more, which `varlib models` lists" in err
    assert "m10" not in err


def test_output_to_a_full_disk_is_one_error_line(twelve):
    if not Path("/dev/full").exists():
        pytest.fail("/dev/full is missing: this test needs a Linux machine")
    env = {**os.environ, "VARLIB_STORE_DIR": str(twelve.store_dir)}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "varlib", "models"], stdout=full, stderr=subprocess.PIPE, text=True, env=env
        )
    assert done.returncode == 1
    assert done.stderr == "error: the output could not be written: No space left on device\n"


def test_help_names_ranges_and_defaults_and_version_prints_the_release(capsys):
    """Several options had no help at all, and the ranges a refusal names were not in it."""
    for argv in (["forecast", "--help"], ["train", "--help"], ["diagnose", "--help"], ["withdraw", "--help"]):
        with pytest.raises(SystemExit):
            cli.main(argv)
    text = " ".join(capsys.readouterr().out.split())
    assert "periods ahead, 1 to 400 (default 8)" in text and "1 - coverage, 0.0001 to 0.5" in text
    for phrase in ("store the model as the name's next version", "(default patch)", "plain text kept with",
                   "impulse-response horizon (default 10)", "the version's number, e.g. 0.0.3"):  # fmt: skip
        assert phrase in text, phrase
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out == f"varlib {varlib.__version__}\n"
