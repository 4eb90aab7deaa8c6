"""Timestamps as the product writes them: UTC instants with a `Z`, dates as ISO days when at midnight."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd


def utc_now() -> str:
    """Now, to the second, e.g. `2026-11-29T06:19:45Z`."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def iso_label(stamp) -> str:
    """A period label: `2009-07-01` for a midnight timestamp, the full ISO form otherwise. Written from its fields,
    not `Timestamp.date()`, which raises for a year before 1 (`0000-01-01`) where pandas holds one."""
    stamp = pd.Timestamp(stamp)
    return f"{stamp.year:04d}-{stamp.month:02d}-{stamp.day:02d}" if stamp == stamp.normalize() else stamp.isoformat()
