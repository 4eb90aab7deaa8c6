"""The reliability figures are rewritten from the suites' files without losing the figures of suites not run."""

from __future__ import annotations

import json

from tests.support.reliability_report import BEGIN, END, main

PAGE = f"""# Reliability

intro

{BEGIN}

#### 1. Server down and back

- **old case** (2026-01-01): data lost 0

#### 4. Races

- **old race** (2026-01-01): versions lost 0

{END}

after
"""


def test_a_suite_without_a_file_keeps_its_figures(tmp_path, capsys):
    doc, artifacts = tmp_path / "RELIABILITY.md", tmp_path / "artifacts"
    artifacts.mkdir()
    doc.write_text(PAGE)
    (artifacts / "reliability-races.json").write_text(
        json.dumps({"new race": {"recorded_at": "2026-12-04", "lost": 0}})
    )
    assert main(doc, artifacts) == 0
    text = doc.read_text()
    assert "- **old case** (2026-01-01): data lost 0" in text  # not run this time: kept
    assert "old race" not in text and "- **new race** (2026-12-04): lost 0" in text  # run: replaced
    assert "#### 2. Distributed MinIO\n\n(not run)" in text  # never had figures
    assert text.startswith("# Reliability\n\nintro\n") and text.endswith("\nafter\n")


def test_no_file_at_all_writes_nothing(tmp_path, capsys):
    doc, artifacts = tmp_path / "RELIABILITY.md", tmp_path / "artifacts"
    artifacts.mkdir()
    doc.write_text(PAGE)
    assert main(doc, artifacts) == 1
    assert doc.read_text() == PAGE
    assert "run `make test-reliability` first" in capsys.readouterr().err
