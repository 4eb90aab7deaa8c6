"""`python -m bench.date_check [--quick] [--json]`: the check of irregular dates against pandas reading them.

Product: `varlib.data.detect_frequency` on dates on no grid (random business days, random days, weeks with a fifth
of the dates moved, steps of a day to a quarter mixed), which refuses them with the first dates that leave any grid
and what to do; it tries every grid of every frequency on the dates and on their runs (varlib/data/frequency.py,
varlib/data/grid_dates.py). Baseline: pandas on the same dates, `pd.to_datetime` of their ISO text and
`pd.infer_freq` (which says None, and names no date). Both run alternately in one process; the figures are medians
and their ratio. Goal: the check takes at most 10x pandas' reading of the same 100,000 dates.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from .timing import standalone

SIZES = (5_000, 100_000)
GOAL_RATIO = 10.0  # the check over pandas' reading, at the largest size


def irregular(rows: int, seed: int = 20261205) -> dict[str, pd.DatetimeIndex]:
    """Date sets of `rows` dates on no grid, by how they leave it."""
    rng = np.random.default_rng(seed)
    business = pd.bdate_range("1700-01-01", periods=3 * rows)
    days = pd.date_range("1700-01-01", periods=3 * rows, freq="D")
    weeks = pd.date_range("1700-01-03", periods=rows, freq="W-SUN")
    moved = weeks + pd.to_timedelta(rng.integers(1, 6, rows) * (rng.random(rows) < 0.2), "D")
    steps = np.cumsum(rng.choice([1, 2, 7, 30, 91], rows))
    return {
        "random business days": business[np.sort(rng.choice(len(business), rows, replace=False))],
        "random days": days[np.sort(rng.choice(len(days), rows, replace=False))],
        "weeks, a fifth moved": pd.DatetimeIndex(moved).unique().sort_values(),
        "steps of 1 day to 91 mixed": pd.Timestamp("1700-01-01") + pd.to_timedelta(steps, "D"),
    }


def _check(index: pd.DatetimeIndex) -> str:
    from varlib.data import detect_frequency
    from varlib.errors import InvalidInputError

    try:
        return f"accepted as {detect_frequency(index, 'the file').label}"
    except InvalidInputError as exc:
        return str(exc).split(":")[0]


def _pandas(text: pd.Series) -> object:
    return pd.infer_freq(pd.DatetimeIndex(pd.to_datetime(text, format="ISO8601")))


def measure(sizes: tuple[int, ...] = SIZES, repeats: int = 3) -> dict:
    """Per size and date set: both medians (s), their ratio and what the check said; the goal at the largest size."""
    _check(irregular(50)["random days"])  # warm-up: imports
    results: dict = {}
    for rows in sizes:
        for name, index in irregular(rows).items():
            text = pd.Series(index.strftime("%Y-%m-%d"))
            ours, theirs = [], []
            for _ in range(repeats):
                start = time.perf_counter()
                said = _check(index)
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                _pandas(text)
                theirs.append(time.perf_counter() - start)
            results[f"{len(index)} {name}"] = {
                "check_s": round(float(np.median(ours)), 4),
                "pandas_read_s": round(float(np.median(theirs)), 4),
                "check_over_pandas": round(float(np.median(ours) / np.median(theirs)), 1),
                "said": said,
            }
    largest = [figures for case, figures in results.items() if case.startswith(f"{max(sizes)} ")]
    worst = max(figures["check_over_pandas"] for figures in largest)
    results["goal"] = {"figure": f"check over pandas' reading, {max(sizes):,} dates, slowest set", "goal": "<= 10x"}
    results["goal"] |= {"measured": worst, "met": worst <= GOAL_RATIO}
    return results


def main(argv: list[str] | None = None) -> int:
    return standalone("python -m bench.date_check", __doc__ or "", measure, argv)


if __name__ == "__main__":
    raise SystemExit(main())
