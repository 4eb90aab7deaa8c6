"""Render test-artifacts/reliability-*.json into the figures section of docs/RELIABILITY.md.

.venv/bin/python -m tests.support.reliability_report     # after `make test-reliability`
"""

from __future__ import annotations

import json
import sys

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


def render() -> str:
    lines = [BEGIN, ""]
    for suite, title in SUITES:
        path = ARTIFACTS_DIR / f"reliability-{suite}.json"
        lines.append(f"#### {title}")
        lines.append("")
        if not path.exists():
            lines += ["(not run)", ""]
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


def main() -> int:
    text = DOC.read_text()
    if BEGIN not in text or END not in text:
        print(f"error: {DOC.name} lacks the {BEGIN} ... {END} markers", file=sys.stderr)
        return 1
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    DOC.write_text(head + render() + tail)
    print(f"figures written into {DOC.relative_to(ARTIFACTS_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
