"""Figures the reliability suites measure, written to test-artifacts/reliability-<suite>.json."""

from __future__ import annotations

import fcntl
import json
import os
from datetime import UTC, datetime
from pathlib import Path

ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "test-artifacts"


def record(suite: str, case: str, **figures) -> Path:
    """Merge one case's figures into the suite's JSON file (safe when workers run in parallel)."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    path = ARTIFACTS_DIR / f"reliability-{suite}.json"
    with open(path.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            data = json.loads(path.read_text()) if path.exists() else {}
        except ValueError:
            data = {}
        stamp = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        data[case] = {**figures, "recorded_at": stamp}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2, sort_keys=True, default=str) + "\n")
        os.replace(tmp, path)
    return path
