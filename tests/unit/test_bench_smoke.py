"""The benchmark harness runs end to end in its smoke mode and reports every required figure (no timing asserts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.support.minio_server import PROJECT_DIR

REQUIRED = (
    "fresh_forecast_ms_p50",
    "baseline_fresh_forecast_ms_p50",
    "cached_forecast_ms_p50",
    "latest_resolve_ms_p50",
    "train_s",
    "baseline_train_s",
    "artifact_bytes",
    "baseline_artifact_bytes",
    "list_versions_s",
    "dashboard_rerun_ms",
)


@pytest.mark.minio
def test_tiny_run_emits_the_required_keys(minio):
    env = {**os.environ, **minio.env("unused")}  # the harness makes its own buckets on this server
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--tiny", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=PROJECT_DIR,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    missing = [key for key in REQUIRED if key not in result]
    assert not missing, f"missing keys {missing}"
    assert result["mode"] == "tiny" and "smoke" in result["note"]
    assert set(result["list_versions_s"]) == {"3", "6"}
    assert all(value > 0 for value in result["list_versions_s"].values())
    for key in REQUIRED[:8]:
        assert isinstance(result[key], (int, float)) and result[key] > 0, key
    assert result["artifact_bytes"] < result["baseline_artifact_bytes"]
    freshness = result["latest_freshness"]
    assert freshness["served_next_request"] == freshness["trials"] == 1
    assert {goal["key"] for goal in result["goals"]} >= {"fresh_forecast_ms_p50", "dashboard_rerun_ms"}


def test_the_lag_search_benchmark_reports_both_times_and_the_same_orders():
    from bench.lag_search import measure

    figures = measure(repeats=1, sizes=((120, 2, 6), (400, 3, 10)))
    assert list(figures) == ["120x2, 6 lags", "400x3, 10 lags"]
    for row in figures.values():
        assert row["varlib_s"] > 0 and row["select_order_s"] > 0 and row["select_order_over_varlib"] > 0
        assert row["same_orders"] is True


def test_the_dashboard_rerun_benchmark_finds_the_steps_field(local_settings, macro_result):
    """The benchmark's import of the Forecast page's keys broke when they moved, and only the full run (not the
    tiny one above) reaches it."""
    from bench.dashboard import script_times
    from varlib import Registry, publish_result

    publish_result(Registry.from_settings(local_settings), macro_result, "var")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "VARLIB_"))}
    timed = script_times({**env, "VARLIB_STORE_DIR": str(local_settings.store_dir)}, 2)
    assert timed["problems"] == [] and timed["rerun_ms"]["n"] == 2 and timed["first_load_ms"] > 0
