"""Render test-artifacts/reliability-*.json into the figures section of docs/RELIABILITY.md.

.venv/bin/python -m tests.support.reliability_report     # after `make test-reliability`

A suite without a file keeps the figures the page holds for it; with no file at all nothing is written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .figures import ARTIFACTS_DIR

DOC = ARTIFACTS_DIR.parent / "docs" / "RELIABILITY.md"
BEGIN, END = "<!-- figures:begin -->", "<!-- figures:end -->"
SUITES = [
    ("server-down", "1. Server down and back"),
    ("distributed", "2. Distributed MinIO"),
    ("crash-publish", "3. Crash mid-publish"),
    ("races", "4. Races"),
    ("least-privilege", "5. Least privilege"),
    ("hostile-objects", "6. Hostile and broken objects"),
    ("fuzz", "7. Hostile input, fuzzed"),
    ("secrets", "8. Secrets and TLS"),
]


def _value(value) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k} {_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(map(_value, value)) or "none"
    return str(value)


def render(artifacts: Path, kept: dict[str, list[str]]) -> str:
    """The figures section from the files in `artifacts`; a suite without one keeps its `kept` lines."""
    lines = [BEGIN, ""]
    for suite, title in SUITES:
        path = artifacts / f"reliability-{suite}.json"
        lines.append(f"#### {title}")
        lines.append("")
        if not path.exists():
            lines += kept.get(title) or ["(not run)", ""]
            continue
        for case, figures in sorted(json.loads(path.read_text()).items()):
            stamp = figures.pop("recorded_at", "")
            lines.append(
                f"- **{case}** ({stamp}): "
                + ", ".join(f"{k.replace('_', ' ')} {_value(v)}" for k, v in sorted(figures.items()))
            )
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def sections(figures: str) -> dict[str, list[str]]:
    """The lines under each `#### title` of a figures section, blank lines included."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in figures.splitlines():
        if line.startswith("#### "):
            current = found.setdefault(line[5:], [])
        elif current is not None and line not in (BEGIN, END):
            current.append(line)
    return {title: body for title, body in found.items() if any(body)}


def main(doc: Path = DOC, artifacts: Path = ARTIFACTS_DIR) -> int:
    text = doc.read_text()
    if BEGIN not in text or END not in text:
        print(f"error: {doc.name} lacks the {BEGIN} ... {END} markers", file=sys.stderr)
        return 1
    if not any(artifacts.glob("reliability-*.json")):
        print(
            f"error: no reliability-*.json in {artifacts.name}/: run `make test-reliability` first;"
            f" {doc.name} is unchanged",
            file=sys.stderr,
        )
        return 1
    head, rest = text.split(BEGIN, 1)
    figures, tail = rest.split(END, 1)
    doc.write_text(head + render(artifacts, sections(figures)) + tail)
    print(f"figures written into {doc.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
