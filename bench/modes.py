"""How much a benchmark run measures (full, quick, tiny), and the goals its figures are held to."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mode:
    """How much to measure."""

    name: str
    requests: int  # per forecast figure
    sizes: tuple[int, ...]  # versions in the bucket for listing and `latest`
    baseline_orders: range
    train_repeats: int
    list_repeats: int
    publish_repeats: int
    freshness_trials: int
    dashboard_reruns: int  # 0: skip the dashboard
    browser: bool  # peak memory of a real `streamlit run` process
    note: str


MODES = {
    "full": Mode(
        "full", 300, (10, 1000, 10000), range(0, 15), 5, 3, 5, 5, 20, True, "full run: baseline searches p = 0..14"
    ),
    "quick": Mode(
        "quick",
        200,
        (10, 1000, 2000),
        range(0, 4),
        3,
        2,
        3,
        3,
        8,
        False,
        "quick run: baseline search cut to p = 0..3, listing up to 2,000 versions (not 10,000),"
        " no browser peak-memory figure",
    ),
    "tiny": Mode(
        "tiny",
        5,
        (3, 6),
        range(1, 2),
        1,
        1,
        1,
        1,
        0,
        False,
        "smoke run: a handful of requests, baseline p = 1 only, no dashboard; numbers meaningless",
    ),
}

GOALS = [  # (figure, goal text, key, test)
    ("fresh forecast p50", "<= 3 ms", "fresh_forecast_ms_p50", lambda v, r: v <= 3),
    ("fresh forecast vs baseline", ">= 20x faster", "fresh_forecast_speedup", lambda v, r: v >= 20),
    (
        "fresh forecast: quick read path vs the SDK's get_object",
        ">= 20% faster (else the quick path goes)",
        "quick_read_gain_percent",
        lambda v, r: v >= 20,
    ),
    ("cached forecast p50", "<= 0.3 ms", "cached_forecast_ms_p50", lambda v, r: v <= 0.3),
    (
        "`latest` resolution at the most versions",
        "<= 5 ms, next-request freshness",
        "latest_resolve_ms_p50",
        lambda v, r: v <= 5 and r["latest_freshness"]["served_next_request"] == r["latest_freshness"]["trials"],
    ),
    ("training vs baseline", ">= 100x faster", "train_speedup", lambda v, r: v >= 100),
    ("artifact vs baseline", "<= 1% of the bytes", "artifact_percent_of_baseline", lambda v, r: v <= 1),
    (
        "listing the most versions with cards, cold",
        "<= 1.5 s at 10,000, linear",
        "list_versions_s_at_most",
        lambda v, r: (v <= 1.5) if r["list_versions_largest"] >= 10000 else None,
    ),  # None: 10,000 not run
    ("dashboard rerun after changing steps, most versions", "<= 150 ms", "dashboard_rerun_ms", lambda v, r: v <= 150),
    (
        "dashboard rerun after changing steps, 10 versions",
        "<= 150 ms",
        "dashboard_rerun_ms_small",
        lambda v, r: v <= 150,
    ),
]
