"""Every key of `varlib compare --json` (and of each of its forecasts) and of `varlib diagnose --json` is named
in the README's paragraph on that command: a key the text leaves out (`holdout_notes`, a forecast's `point` and
`withdrawn`, `refit_note`) is one a client cannot know it may read."""

from __future__ import annotations

import json
import re
from pathlib import Path

from varlib.cli import main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _paragraph(start: str, end: str) -> set[str]:
    """The names in backticks of the README's text from `start` up to `end`."""
    text = README[README.index(start) : README.index(end)]
    return set(re.findall(r"`([a-z_]+)`", text))


def _json(capsys, *argv) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_every_key_of_compare_json_is_documented(cli_var_store, capsys):
    named = _paragraph("`compare` is the dashboard's Compare page as text", "`diagnose --json` prints one object")
    answer = _json(capsys, "compare", "0.0.1", "0.0.2", "--steps", "2", "--json")
    assert [key for key in answer if key not in named] == []
    assert [key for key in answer["forecasts"][0] if key not in named] == []


def test_every_key_of_diagnose_json_is_documented(cli_var_store, capsys):
    named = _paragraph("`diagnose --json` prints one object", "## VECM: cointegrated series")
    answer = _json(capsys, "diagnose", "0.0.1", "--json")
    assert [key for key in answer if key not in named] == []
