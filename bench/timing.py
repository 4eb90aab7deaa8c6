"""Small timing helpers: run a callable many times and summarise the latencies in milliseconds."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Latency:
    """Summary of repeated timings, in milliseconds."""

    n: int
    p50: float
    p95: float
    mean: float
    min: float
    cpu_p50: float | None = None  # this process's CPU time per call: what the load on a shared machine hides

    @classmethod
    def of(cls, seconds: list[float], cpu_seconds: list[float] | None = None) -> Latency:
        ms = np.asarray(seconds, dtype=float) * 1e3
        cpu = float(np.percentile(np.asarray(cpu_seconds) * 1e3, 50)) if cpu_seconds else None
        return cls(
            len(ms), float(np.percentile(ms, 50)), float(np.percentile(ms, 95)), float(ms.mean()), float(ms.min()), cpu
        )

    def to_dict(self) -> dict:
        out = {
            "n": self.n,
            "p50": round(self.p50, 4),
            "p95": round(self.p95, 4),
            "mean": round(self.mean, 4),
            "min": round(self.min, 4),
        }
        if self.cpu_p50 is not None:
            out["cpu_p50"] = round(self.cpu_p50, 4)
        return out


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Seconds one call takes, and its result."""
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def _sample(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def repeat(fn: Callable[[], object], n: int, warmup: int = 3) -> Latency:
    """Latency of `n` calls after `warmup` untimed ones."""
    for _ in range(warmup):
        fn()
    walls, cpus = zip(*(_sample(fn) for _ in range(n)), strict=False)
    return Latency.of(list(walls), list(cpus))


BLOCK = 20


def interleave(fns: dict[str, Callable[[], object]], n: int, warmup: int = 3, block: int = BLOCK) -> dict[str, Latency]:
    """Time several callables in alternating blocks of `block` calls, so a load change on a shared
    machine hits all alike. Blocks rather than single calls: a baseline request unpickles megabytes,
    and running one before every product request measured the product with cold CPU caches, which
    no deployment of it would see (about 1 ms per request here)."""
    for fn in fns.values():
        for _ in range(warmup):
            fn()
    walls: dict[str, list[float]] = {label: [] for label in fns}
    cpus: dict[str, list[float]] = {label: [] for label in fns}
    done = 0
    while done < n:
        size = min(block, n - done)
        for label, fn in fns.items():
            fn()  # one untimed call re-warms after the other callables' block
            for _ in range(size):
                wall, cpu = _sample(fn)
                walls[label].append(wall)
                cpus[label].append(cpu)
        done += size
    return {label: Latency.of(walls[label], cpus[label]) for label in fns}


def standalone(prog: str, doc: str, measure: Callable[..., object], argv: list[str] | None) -> int:
    """The command line of a benchmark run on its own (`python -m bench.NAME [--quick] [--json]`): `measure(repeats=)`
    once, three repetitions or one, its figures printed as JSON."""
    import argparse
    import json

    parser = argparse.ArgumentParser(prog=prog, description=doc.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one repetition instead of three")
    parser.add_argument("--json", action="store_true", help="one JSON line instead of an indented object")
    args = parser.parse_args(argv)
    figures = measure(repeats=1 if args.quick else 3)
    print(json.dumps(figures, indent=None if args.json else 2))
    return 0
