"""Small timing helpers: run a callable many times and summarise the latencies in milliseconds."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass(frozen=True)
class Latency:
    """Summary of repeated timings, in milliseconds."""

    n: int
    p50: float
    p95: float
    mean: float
    min: float

    @classmethod
    def of(cls, seconds: list[float]) -> "Latency":
        ms = np.asarray(seconds, dtype=float) * 1e3
        return cls(len(ms), float(np.percentile(ms, 50)), float(np.percentile(ms, 95)), float(ms.mean()),
                   float(ms.min()))

    def to_dict(self) -> dict:
        return {"n": self.n, "p50": round(self.p50, 4), "p95": round(self.p95, 4), "mean": round(self.mean, 4),
                "min": round(self.min, 4)}


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Seconds one call takes, and its result."""
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def repeat(fn: Callable[[], object], n: int, warmup: int = 3) -> Latency:
    """Latency of `n` calls after `warmup` untimed ones."""
    for _ in range(warmup):
        fn()
    return Latency.of([timed(fn)[0] for _ in range(n)])


def interleave(fns: dict[str, Callable[[], object]], n: int, warmup: int = 3) -> dict[str, Latency]:
    """Time several callables in alternation, so a load change on a shared machine hits all alike."""
    for fn in fns.values():
        for _ in range(warmup):
            fn()
    samples: dict[str, list[float]] = {label: [] for label in fns}
    for _ in range(n):
        for label, fn in fns.items():
            samples[label].append(timed(fn)[0])
    return {label: Latency.of(values) for label, values in samples.items()}
