"""One benchmark run: product and baseline against the same MinIO, in the same process and run."""

from __future__ import annotations

import time
from collections.abc import Callable

from varlib import Registry
from varlib.data import load_macrodata
from varlib.store import open_store

from . import baseline, dashboard, machine, product
from .fixtures import BenchMinio, minio_server_version
from .modes import GOALS, Mode
from .timing import BLOCK, interleave, repeat


def run(mode: Mode, progress: Callable[[str], None] | None = None) -> dict:
    say = progress or (lambda message: None)
    started = time.time()
    out: dict = {
        "mode": mode.name,
        "note": mode.note,
        "started_utc": _utc(started),
        "machine": machine.describe(),
        "load_average_start": machine.load_average(),
    }
    frame = load_macrodata().frame

    say("training the product")
    train_seconds, result = product.train_runs(mode.train_repeats)
    artifact = product.unpublished_artifact(result)
    out.update(
        train_s=_median(train_seconds),
        train_s_all=[round(s, 4) for s in train_seconds],
        train_k_ar=result.params.k_ar,
        train_lag_method=result.lag_method,
        artifact_bytes=product.artifact_size(artifact),
    )

    say(f"training the baseline (VARMAX p = {mode.baseline_orders.start}..{mode.baseline_orders.stop - 1})")
    model = baseline.train_baseline(baseline.training_frame(frame), mode.baseline_orders)
    pickled = baseline.artifact_bytes(model)
    out.update(
        baseline_train_s=round(model.seconds, 3),
        baseline_search_s=round(model.search_s, 3),
        baseline_refit_s=round(model.refit_s, 3),
        baseline_chosen_p=model.chosen_p,
        baseline_orders=[mode.baseline_orders.start, mode.baseline_orders.stop - 1],
        baseline_failed_orders=model.failed,
        baseline_artifact_bytes=len(pickled),
    )

    with BenchMinio() as bench:
        out["minio"] = {"server": minio_server_version(), "external": bench.external}
        say("fresh forecasts: product and baseline, interleaved")
        serve_settings = bench.settings("serve")
        registry = Registry.from_settings(serve_settings)
        registry.publish(artifact)  # 0.0.1 through the real publish path
        baseline_store = open_store(bench.settings("baseline"))
        baseline_store.create(baseline.BASELINE_KEY, pickled)
        requests = {
            "product_latest": product.fresh_request(registry, "latest"),
            "product_pinned": product.fresh_request(registry, "0.0.1"),
            "product_latest_sdk_read": product.fresh_request(product.sdk_read_registry(serve_settings)),
            "baseline": lambda: baseline.serve(baseline_store),
        }
        fresh = interleave(requests, mode.requests)
        out["interleave_block"] = BLOCK
        alone = repeat(requests["product_latest"], mode.requests)  # without the baseline's 10 MB in between
        out.update(fresh_forecast_alone_ms_p50=alone.p50, fresh_forecast_alone_ms_p95=alone.p95)
        say("  CPU per request: this process and the MinIO server")
        out["fresh_cpu_ms"] = {
            label: {
                "client_p50": fresh[label].cpu_p50,
                "server_mean": bench.server_cpu_ms_per_call(
                    fn, max(5, mode.requests // (10 if label == "baseline" else 2))
                ),
            }
            for label, fn in requests.items()
        }
        out.update(
            fresh_forecast_ms_p50=fresh["product_latest"].p50,
            fresh_forecast_ms_p95=fresh["product_latest"].p95,
            fresh_pinned_forecast_ms_p50=fresh["product_pinned"].p50,
            fresh_pinned_forecast_ms_p95=fresh["product_pinned"].p95,
            fresh_sdk_read_forecast_ms_p50=fresh["product_latest_sdk_read"].p50,
            fresh_sdk_read_forecast_ms_p95=fresh["product_latest_sdk_read"].p95,
            baseline_fresh_forecast_ms_p50=fresh["baseline"].p50,
            baseline_fresh_forecast_ms_p95=fresh["baseline"].p95,
            fresh_requests=mode.requests,
        )

        say("cached forecasts of a pinned version")
        cached = repeat(product.cached_request(registry, "0.0.1"), mode.requests * 5)
        out.update(
            cached_forecast_ms_p50=cached.p50,
            cached_forecast_ms_p95=cached.p95,
            cached_forecast_cpu_ms_p50=cached.cpu_p50,
            cached_requests=cached.n,
        )

        latest, listing, verified, publishing = {}, {}, {}, {}
        for count in mode.sizes:
            say(f"populating {count:,} versions")
            t0 = time.perf_counter()
            settings = bench.populated(artifact, count)
            say(f"  populated in {time.perf_counter() - t0:.1f} s; latest, listing, publish")
            latest[count] = product.latest_resolution(settings, mode.requests)
            listing[count] = product.listing(settings, count, mode.list_repeats, bench.server_cpu_s)
            verified[count] = product.listing(settings, count, mode.list_repeats, bench.server_cpu_s, verify=True)
            publishing[count] = product.publish_latency(settings, artifact, mode.publish_repeats).to_dict()
        largest = max(mode.sizes)
        out.update(
            latest_resolve_ms_p50=latest[largest]["resolve_ms"]["p50"],
            latest_resolve_ms_p95=latest[largest]["resolve_ms"]["p95"],
            latest_resolve_ms={str(c): v for c, v in latest.items()},
            list_versions_s={str(c): round(v["median_s"], 4) for c, v in listing.items()},
            list_versions_runs={str(c): [round(s, 4) for s in v["all_s"]] for c, v in listing.items()},
            list_versions_cpu_s={
                str(c): {"client": v["client_cpu_s"], "server": v["server_cpu_s"]} for c, v in listing.items()
            },
            list_versions_verify_s={str(c): round(v["median_s"], 4) for c, v in verified.items()},
            list_versions_verify_cpu_s={
                str(c): {"client": v["client_cpu_s"], "server": v["server_cpu_s"]} for c, v in verified.items()
            },
            list_versions_largest=largest,
            list_versions_s_at_most=round(listing[largest]["median_s"], 4),
            publish_ms={str(c): v for c, v in publishing.items()},
            populate_note="versions written straight through the store with a thread pool (a fixture);"
            " publish latency measured with Registry.publish on top of them",
        )

        say(f"latest freshness: another process publishes, the next request must serve it ({largest:,} versions)")
        out["latest_freshness"] = product.freshness(
            bench, bench.populated(artifact, largest), artifact, mode.freshness_trials
        )

        _dashboard(out, mode, bench, artifact, say)
    out.update(_ratios(out))
    out["goals"] = _goals(out)
    out["load_average_end"] = machine.load_average()
    out["duration_s"] = round(time.time() - started, 1)
    return out


def _dashboard(out: dict, mode: Mode, bench: BenchMinio, artifact, say) -> None:
    reason = dashboard.available() if mode.dashboard_reruns else "not measured in this mode"
    out.update(
        dashboard_rerun_ms=None,
        dashboard_rerun_ms_p95=None,
        dashboard_rerun_ms_small=None,
        dashboard_first_load_ms={},
        dashboard_peak_rss_mb=None,
    )
    if reason:
        out["dashboard_note"] = reason
        return
    runs = {}
    for count in (min(mode.sizes), max(mode.sizes)):
        say(f"dashboard (AppTest) with {count:,} versions")
        settings = bench.populated(artifact, count)
        try:
            runs[str(count)] = dashboard.script_times(bench.env(settings), mode.dashboard_reruns)
        except RuntimeError as exc:  # AppTest timed out: report it rather than lose the whole run
            runs[str(count)] = {"first_load_ms": None, "rerun_ms": None, "problems": [str(exc)[:300]]}
    largest = runs[str(max(mode.sizes))]
    out["dashboard"] = runs
    out["dashboard_first_load_ms"] = {c: r["first_load_ms"] for c, r in runs.items()}
    smallest = runs[str(min(mode.sizes))]
    if smallest.get("rerun_ms"):
        out["dashboard_rerun_ms_small"] = smallest["rerun_ms"]["p50"]
    if largest.get("rerun_ms"):
        out["dashboard_rerun_ms"] = largest["rerun_ms"]["p50"]
        out["dashboard_rerun_ms_p95"] = largest["rerun_ms"]["p95"]
    if mode.browser:
        say(f"dashboard peak memory: streamlit run + Chromium, {max(mode.sizes):,} versions")
        try:
            out["dashboard_memory"] = dashboard.peak_memory(bench.env(bench.populated(artifact, max(mode.sizes))))
            out["dashboard_peak_rss_mb"] = out["dashboard_memory"]["peak_rss_mb"]
        except (RuntimeError, OSError, dashboard.BrowserError) as exc:  # reported, not hidden: the figure is missing
            out["dashboard_memory"] = {"error": str(exc)[:300]}


def _ratios(out: dict) -> dict:
    return {
        "fresh_forecast_speedup": round(out["baseline_fresh_forecast_ms_p50"] / out["fresh_forecast_ms_p50"], 1),
        "quick_read_gain_percent": round(
            100 * (1 - out["fresh_forecast_ms_p50"] / out["fresh_sdk_read_forecast_ms_p50"]), 1
        ),
        "train_speedup": round(out["baseline_train_s"] / out["train_s"], 1),
        "artifact_percent_of_baseline": round(100 * out["artifact_bytes"] / out["baseline_artifact_bytes"], 3),
    }


def _goals(out: dict) -> list[dict]:
    rows = []
    for figure, goal, key, test in GOALS:
        value = out.get(key)
        rows.append(
            {
                "figure": figure,
                "goal": goal,
                "key": key,
                "value": value,
                "met": None if value is None or test(value, out) is None else bool(test(value, out)),
            }
        )
    return rows


def _median(values: list[float]) -> float:
    return round(sorted(values)[len(values) // 2], 4)


def _utc(stamp: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))
