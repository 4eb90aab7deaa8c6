"""Measurements of the product: training, artifact, forecasts, `latest`, listing, publishing."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from varlib import ModelSpec, Registry, load_dataset, train_model
from varlib.artifact import Artifact, build_artifact, encode
from varlib.service import forecast_version

from .fixtures import MODEL_NAME, BenchMinio
from .servers import PROJECT_DIR
from .timing import Latency, repeat, timed

STEPS = 8


def default_spec(dataset) -> ModelSpec:
    """The product's default pipeline searching the baseline's range: lags chosen by AIC up to 15 (the default's
    sample-aware maximum is 14 on these rows), 10% holdout, refit on all rows."""
    return ModelSpec(variables=tuple(dataset.variables), max_lags=15, holdout=0.1)


def train_runs(repeats: int):
    """Seconds of each full training run, and the last result."""
    dataset = load_dataset()
    spec = default_spec(dataset)
    train_model(dataset, spec)  # warm-up: imports and first-call costs are not training
    seconds, result = [], None
    for _ in range(repeats):
        elapsed, result = timed(lambda: train_model(dataset, spec))
        seconds.append(elapsed)
    return seconds, result


def unpublished_artifact(result) -> Artifact:
    return build_artifact(result, MODEL_NAME, "bench", "benchmark fixture")


def artifact_size(artifact: Artifact) -> int:
    """Bytes of the stored object of a published version."""
    return len(encode(replace(artifact, version=_v1())))


def fresh_request(registry: Registry, version: str = "latest"):
    """One request that reads the model from the store (no artifact cache) and forecasts 8 steps."""
    return lambda: forecast_version(registry, MODEL_NAME, version, steps=STEPS, cached=False)


def sdk_read_registry(settings) -> Registry:
    """A registry whose MinIO reads all go through the SDK's get_object (the store's quick path off),
    to measure what the quick read path (varlib/store/presigned_get.py) gains."""
    registry = Registry.from_settings(settings)
    registry.store._fast_reads = None
    return registry


def cached_request(registry: Registry, version: str):
    return lambda: forecast_version(registry, MODEL_NAME, version, steps=STEPS, cached=True)


def latest_resolution(settings, requests: int) -> dict:
    """`resolve('latest')` and a `latest` forecast with a cached artifact, on a long-lived registry."""
    registry = Registry.from_settings(settings)
    resolve = repeat(lambda: registry.resolve(MODEL_NAME, "latest"), requests)
    served = repeat(cached_request(registry, "latest"), requests)
    return {"resolve_ms": resolve.to_dict(), "latest_forecast_cached_ms": served.to_dict()}


def listing(settings, count: int, repeats: int, server_cpu=lambda: None, verify: bool = False) -> dict:
    """Cold listing (a new Registry each time) with every version's card fields; CPU of both sides.
    `verify`: every object matched against the ETag and size it was published with."""
    seconds, client_cpu, server_cpu_s = [], [], []
    for _ in range(repeats):
        registry = Registry.from_settings(settings)
        cpu, server_before = time.process_time(), server_cpu()
        elapsed, entries = timed(lambda registry=registry: registry.list_versions(MODEL_NAME, verify=verify))
        seconds.append(elapsed)
        client_cpu.append(time.process_time() - cpu)
        if server_before is not None:
            server_cpu_s.append(server_cpu() - server_before)
        ok = sum(1 for entry in entries if entry.ok and entry.card is not None and entry.card.k_ar is not None)
        if len(entries) < count or ok < count:
            raise RuntimeError(f"listing returned {len(entries)} entries, {ok} with cards; expected {count}")
    seconds.sort()
    middle = lambda values: round(sorted(values)[len(values) // 2], 3) if values else None  # noqa: E731
    return {
        "count": count,
        "median_s": seconds[len(seconds) // 2],
        "all_s": seconds,
        "client_cpu_s": middle(client_cpu),
        "server_cpu_s": middle(server_cpu_s),
    }


def publish_latency(settings, artifact: Artifact, repeats: int) -> Latency:
    """Registry.publish of one more version into a bucket (adds `repeats` versions)."""
    registry = Registry.from_settings(settings)
    fresh = replace(artifact, version=None)
    return Latency.of([timed(lambda: registry.publish(fresh))[0] for _ in range(repeats)])


def freshness(bench: BenchMinio, settings, artifact: Artifact, trials: int) -> dict:
    """Another process publishes; the very next `latest` request of a long-lived registry must serve it."""
    registry = Registry.from_settings(settings)
    forecast_version(registry, MODEL_NAME, "latest", steps=STEPS)  # warm: the current latest is cached
    env = {**os.environ, **bench.env(settings), "PYTHONPATH": str(PROJECT_DIR)}
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "artifact.json"
        path.write_bytes(encode(replace(artifact, version=_v1())))
        for _ in range(trials):
            done = subprocess.run(
                [sys.executable, "-m", "bench.publisher", str(path)],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                cwd=PROJECT_DIR,
            )
            if done.returncode != 0:
                raise RuntimeError(f"publisher failed: {done.stderr.strip()[-500:]}")
            published = done.stdout.strip()
            started = time.perf_counter()
            served = forecast_version(registry, MODEL_NAME, "latest", steps=STEPS)
            outcomes.append(
                {
                    "published": published,
                    "served": str(served.version),
                    "ms": round((time.perf_counter() - started) * 1e3, 3),
                }
            )
    return {
        "trials": trials,
        "served_next_request": sum(o["published"] == o["served"] for o in outcomes),
        "outcomes": outcomes,
    }


def _v1():
    from varlib.versions import Version

    return Version(0, 0, 1)
