"""Publisher processes for the crash and race suites (forked, so they start in milliseconds)."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
from dataclasses import replace
from pathlib import Path

from varlib import Registry
from varlib.artifact import Artifact
from varlib.config import Settings

FORK = multiprocessing.get_context("fork")


def append_line(path: Path, record: dict) -> None:
    """One JSON line, flushed to disk before the caller goes on (an acknowledgement)."""
    with open(path, "a") as handle:
        handle.write(json.dumps(record) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def read_lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


class KillingStore:
    """Wraps a store and SIGKILLs its own process at the n-th store call, before or after it runs."""

    def __init__(self, inner, kill_at: int, after: bool) -> None:
        self._inner, self._kill_at, self._after, self._calls = inner, kill_at, after, 0

    def __getattr__(self, name):
        target = getattr(self._inner, name)
        if name not in ("get", "create", "replace", "list", "list_folders", "children") or not callable(target):
            return target

        def call(*args, **kwargs):
            index, self._calls = self._calls, self._calls + 1
            if index == self._kill_at and not self._after:
                os.kill(os.getpid(), signal.SIGKILL)
            try:
                result = target(*args, **kwargs)
                return list(result) if name == "list" else result
            finally:  # also when the call raised (e.g. the pointer does not exist yet)
                if index == self._kill_at and self._after:
                    os.kill(os.getpid(), signal.SIGKILL)

        return call


def publish_forever(
    settings: Settings, artifact: Artifact, acks: Path, kill_at: int | None = None, after: bool = False
) -> None:
    """Publish until killed; every version the registry acknowledged is appended to `acks`."""
    registry = Registry.from_settings(settings)
    if kill_at is not None:
        registry = Registry(
            KillingStore(registry.store, kill_at, after),
            max_artifact_bytes=settings.max_artifact_bytes,
            author=settings.author,
        )
    while True:
        published = registry.publish(artifact)
        append_line(acks, {"version": str(published.version), "pid": os.getpid()})


def publish_batch(settings: Settings, artifact: Artifact, worker: int, count: int, barrier, acks: Path) -> None:
    """Wait for every racer, then publish `count` versions tagged with (worker, i) in their notes."""
    registry = Registry.from_settings(settings)
    barrier.wait(timeout=120)
    for i in range(count):
        tagged = replace(artifact, notes=f"worker {worker} publish {i}")
        published = registry.publish(tagged)
        append_line(acks, {"version": str(published.version), "notes": tagged.notes})
