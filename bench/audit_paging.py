"""`python -m bench.audit_paging [--quick] [--json]`: a page of the audit trail in MinIO, whole listing vs window.

Old: what `read_trail` did before, list every key of the trail, sort, take the page. New: the keys of a window
of time before the page, widened until it is full (varlib/catalog/audit_listing.py). Both run alternately in
one process against one MinIO (MINIO_ENDPOINT's, else one started on 127.0.0.1:9400 with a temporary folder),
on trails written for it: 5,000 records over two years (one every 3.5 hours), the same 5,000 all within the
last hour (the worst case: the first window holds them all), and 20 records over a year (a small trail, whose
page takes several window steps). Pages of 100: the newest, and one deep in the trail (`before` the 2,500th
newest). Figures: medians of the time to find a page's keys, the ratios, and the keys each listed, for the
window both as a process's first page of the trail and as a later one (it starts from the window that held the
last page); the records themselves are read once per process either way (cached by key), so are left out.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.support.minio_server import MinioServer
from varlib.catalog import audit
from varlib.catalog.audit import AuditRecord
from varlib.catalog.audit_listing import forget_densities, is_record_key, newest_keys
from varlib.config import Settings
from varlib.identity import Actor
from varlib.store import open_store

FOLDER = "var/_audit/"
PAGE = 100


class Counting:
    """The store, counting the keys its listings hand out."""

    def __init__(self, store) -> None:
        self.store, self.listed = store, 0

    def list(self, prefix, metadata=False, start_after=None):
        for info in self.store.list(prefix, metadata, start_after):
            self.listed += 1
            yield info

    def __getattr__(self, name):
        return getattr(self.store, name)


def whole_listing(store, limit: int, before: str | None) -> list[str]:
    """The old way: every key of the trail listed, sorted, the page taken."""
    listed = (info.key for info in store.list(FOLDER) if is_record_key(FOLDER, info.key))
    return sorted((key for key in listed if before is None or key < before), reverse=True)[:limit]


def write_trail(store, moments: list[datetime]) -> list[str]:
    actor = Actor("bench", "local:bench", via="library")

    def one(moment: datetime) -> str:
        at = moment.isoformat(timespec="microseconds").replace("+00:00", "Z")
        return audit.append(store, AuditRecord(at, "publish", "var", actor, "0.0.1")).key

    with ThreadPoolExecutor(8) as pool:
        return sorted(pool.map(one, moments), reverse=True)


def measure_case(store, case: str, keys: list[str], before: str | None, repeats: int) -> dict:
    """Alternately: the whole listing, the window as a process's first page of the trail starts it (the
    CLI's case), and as a later page does (from the window that held the one before: REST, the dashboard)."""
    counting, times, listed = Counting(store), {"whole": [], "first": [], "later": []}, {}
    for repeat in range(repeats + 1):  # the first round warms connections and MinIO's caches, and is not counted
        for way in times:
            if way == "first":
                forget_densities()
            counting.listed = 0
            start = time.perf_counter()
            page = whole_listing(store, PAGE, before) if way == "whole" else newest_keys(counting, FOLDER, PAGE, before)
            times[way] += [time.perf_counter() - start] if repeat else []
            listed[way] = len(keys) if way == "whole" else counting.listed
            assert page == whole_listing(store, PAGE, before), f"{case}: the window's page is not the whole's"
    ms = {way: statistics.median(seconds) * 1e3 for way, seconds in times.items()}
    return {
        "case": case,
        "whole_listing_ms": round(ms["whole"], 1),
        "window_first_ms": round(ms["first"], 1),
        "window_later_ms": round(ms["later"], 1),
        "ratio_first": round(ms["whole"] / ms["first"], 1),
        "ratio_later": round(ms["whole"] / ms["later"], 1),
        "keys_listed": listed,
    }


def measure(settings: Settings, repeats: int) -> list[dict]:
    now, figures = datetime.now(UTC), []
    trails = {
        "5,000 records over two years": [now - timedelta(hours=3.5 * i, minutes=10) for i in range(5000)],
        "5,000 records within the last hour": [now - timedelta(seconds=0.7 * i + 1) for i in range(5000)],
        "20 records over a year": [now - timedelta(days=18 * i + 1) for i in range(20)],
    }
    for number, (trail, moments) in enumerate(trails.items()):
        store = open_store(replace(settings, bucket=f"audit-paging-{os.getpid()}-{number}"))
        keys = write_trail(store, moments)
        figures.append(measure_case(store, f"{trail}, newest page", keys, None, repeats))
        if len(keys) > 2 * PAGE:
            figures.append(measure_case(store, f"{trail}, page before the 2,500th", keys, keys[2499], repeats))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.audit_paging", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="three repetitions instead of nine")
    parser.add_argument("--json", action="store_true", help="one JSON line instead of an indented list")
    args = parser.parse_args(argv)
    repeats = 3 if args.quick else 9
    if os.environ.get("MINIO_ENDPOINT"):
        figures = measure(Settings.from_env(), repeats)
    else:
        folder = Path(tempfile.mkdtemp(prefix="varlib-bench-audit-"))
        server = MinioServer([folder / "data"], port=9400, console_port=9401).start()
        try:
            base = Settings(minio_endpoint=server.endpoint, access_key=server.access_key, secret_key=server.secret_key)
            figures = measure(base, repeats)
        finally:
            server.stop()
            shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(figures, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
