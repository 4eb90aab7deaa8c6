"""`python -m bench [--quick] [--json] [--write docs/BENCHMARKS.md]`: product vs the original design.

`python -m bench --browser [--quick] [--json]`: the dashboard in Chromium against Streamlit's floor.

`python -m bench --lag-search [--quick]`: the lag-order search on long samples against statsmodels' select_order.

BLAS is pinned to one thread before numpy loads: on a small shared machine threaded BLAS
thrashes (a VARMAX fit took 20x longer), and both sides get the same setting.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from .modes import MODES  # noqa: E402
from .run import run  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer requests and versions; baseline p = 0..3")
    parser.add_argument("--tiny", action="store_true", help="smoke mode for the test suite: seconds, not minutes")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--write", metavar="PATH", help="write the Markdown report (and its chart next to it)")
    parser.add_argument("--browser", action="store_true", help="the dashboard in Chromium against a minimal app")
    parser.add_argument("--lag-search", action="store_true", help="the lag-order search against select_order")
    args = parser.parse_args(argv)
    if args.lag_search:
        from .lag_search import QUICK_SIZES, SIZES
        from .lag_search import measure as measure_search

        figures = measure_search(sizes=QUICK_SIZES if args.quick else SIZES)
        print(json.dumps(figures, indent=None if args.json else 2))
        return 0
    if args.browser:
        from .browser import measure

        figures = measure(repeats=3 if args.quick else 5, progress=_progress)
        print(json.dumps(figures, indent=None if args.json else 2))
        return 0
    mode = "tiny" if args.tiny else "quick" if args.quick else "full"
    results = run(MODES[mode], progress=_progress)  # progress goes to stderr, the JSON alone to stdout
    if args.write:
        from .report import write_report

        write_report(results, Path(args.write))
        _progress(f"wrote {args.write}")
    if args.json:
        print(json.dumps(results, indent=None, sort_keys=False, default=str))
    else:
        from .report import summary_table

        print(summary_table(results))
    return 0


def _progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
