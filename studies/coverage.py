"""Coverage study: how often standard and corrected forecast intervals contain the realised values.

    python -m studies.coverage                 # the full study: 2,000 replications per design
    python -m studies.coverage --quick         # 300 replications, lag orders 1-2 only (a few minutes)

Designs: stable VARs and integrated ones (a stable VAR drives the differences; fitted with the
`diff` transform), k = 2 and 3 variables, p = 1..4 lags, T = 60, 100, 200 observations. Each
replication simulates T observations plus 12 future ones, fits a VAR(p) with a constant by OLS
(batched numpy, checked against varlib's fit in the tests), and asks varlib.forecast.forecast_levels
for 80% and 95% intervals of both kinds, exactly as the product computes them. Seeds are fixed.
The full run writes studies/results/coverage.{json,md}, docs/coverage.png and the results block
of docs/CORRECTNESS.md; a quick run writes studies/results/coverage-quick.* only.
"""

from __future__ import annotations

import os

# Many tiny matrix products: threaded BLAS only adds contention (set before numpy loads).
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from multiprocessing import get_context  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from studies.simulate import Process, fit_ols, make_process, simulate  # noqa: E402
from varlib.forecast import forecast_levels  # noqa: E402
from varlib.forecast_inputs import INTERVAL_KINDS  # noqa: E402
from varlib.intervals import sample_moments  # noqa: E402
from varlib.model import VarParams  # noqa: E402

HORIZONS = 12
LEVELS = (0.80, 0.95)
STABLE_RADIUS = 0.8  # persistence of the stable designs
DIFF_RADIUS = 0.5  # persistence of the differences in the integrated designs
ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "studies" / "results"
DOC = ROOT / "docs" / "CORRECTNESS.md"
CHART = ROOT / "docs" / "coverage.png"


@dataclass(frozen=True)
class Design:
    """One cell of the grid."""

    k: int
    p: int
    T: int
    integrated: bool

    @property
    def kind(self) -> str:
        return "integrated" if self.integrated else "stable"

    @property
    def transform(self) -> str:
        return "diff" if self.integrated else "none"

    def process(self) -> Process:
        return make_process(self.k, self.p, DIFF_RADIUS if self.integrated else STABLE_RADIUS, self.integrated)


def grid(quick: bool = False) -> list[Design]:
    lags = (1, 2) if quick else (1, 2, 3, 4)
    return [
        Design(k, p, T, integrated)
        for integrated in (False, True)
        for k in (2, 3)
        for p in lags
        for T in (60, 100, 200)
    ]


def run_design(design: Design, reps: int, horizons: int = HORIZONS) -> dict:
    """Empirical coverage by horizon (pooled over variables) for every interval kind and level."""
    rng = np.random.default_rng([20261124, design.k, design.p, design.T, int(design.integrated)])
    process = design.process()
    paths = simulate(process, reps, design.T + horizons, rng)
    if design.integrated:
        paths = 10.0 + np.cumsum(paths, axis=1)  # levels; the simulated process drives the differences
    sample, future = paths[:, : design.T], paths[:, design.T :]
    series = np.diff(sample, axis=1) if design.integrated else sample
    coefs, intercepts, sigmas = fit_ols(series, design.p)
    needed = design.p + (1 if design.integrated else 0)
    hits = {(kind, level): np.zeros((horizons, design.k)) for kind in INTERVAL_KINDS for level in LEVELS}
    squares = {key: np.zeros(horizons) for key in hits}  # of the per-replication share, for the MC error
    width = {kind: np.zeros((horizons, design.k)) for kind in INTERVAL_KINDS}
    for r in range(reps):
        params = VarParams(coefs[r], intercepts[r][None, :], sigmas[r], "c", series.shape[1])
        moments = sample_moments(params, series[r])
        for kind in INTERVAL_KINDS:
            for level in LEVELS:
                result = forecast_levels(
                    params, design.transform, sample[r, -needed:], horizons, 1 - level, kind, moments
                )
                inside = (result.lower <= future[r]) & (future[r] <= result.upper)
                hits[kind, level] += inside
                squares[kind, level] += inside.mean(axis=1) ** 2
                if level == 0.95:
                    width[kind] += result.upper - result.lower
    return {
        "design": asdict(design),
        "reps": reps,
        "radius": process.radius,
        "coverage": {
            kind: {f"{level:.2f}": (hits[kind, level].mean(axis=1) / reps).tolist() for level in LEVELS}
            for kind in INTERVAL_KINDS
        },
        "mc_se": {
            kind: {
                f"{level:.2f}": _standard_error(hits[kind, level].mean(axis=1), squares[kind, level], reps).tolist()
                for level in LEVELS
            }
            for kind in INTERVAL_KINDS
        },
        "width_ratio_95": (width["corrected"].sum(axis=1) / width["standard"].sum(axis=1)).tolist(),
    }


def _standard_error(total: np.ndarray, squares: np.ndarray, reps: int) -> np.ndarray:
    """Monte-Carlo standard error of the coverage, from the per-replication shares (variables pooled)."""
    mean = total / reps
    variance = np.clip(squares / reps - mean**2, 0.0, None) * reps / max(reps - 1, 1)
    return np.sqrt(variance / reps)


def _run_one(job: tuple[Design, int]) -> dict:
    design, reps = job
    started = time.perf_counter()
    out = run_design(design, reps)
    out["seconds"] = time.perf_counter() - started
    return out


def run_study(designs: list[Design], reps: int, jobs: int) -> list[dict]:
    work = [(design, reps) for design in designs]
    results = []
    if jobs > 1:
        with get_context("fork").Pool(jobs) as pool:
            for out in pool.imap(_run_one, work):
                results.append(out)
                _progress(out, len(results), len(work))
    else:
        for job in work:
            results.append(_run_one(job))
            _progress(results[-1], len(results), len(work))
    return results


def _progress(out: dict, done: int, total: int) -> None:
    d = out["design"]
    c95 = out["coverage"]
    print(
        f"[{done}/{total}] {'I(1)' if d['integrated'] else 'stable'} k={d['k']} p={d['p']} T={d['T']}:"
        f" 95% h=1/12 standard {c95['standard']['0.95'][0]:.3f}/{c95['standard']['0.95'][-1]:.3f}"
        f" corrected {c95['corrected']['0.95'][0]:.3f}/{c95['corrected']['0.95'][-1]:.3f}"
        f" ({out['seconds']:.0f}s)",
        flush=True,
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m studies.coverage", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 replications, lag orders 1-2")
    parser.add_argument("--reps", type=int, help="replications per design (default 2000, quick 300)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--no-doc", action="store_true", help="do not touch docs/ (results files only)")
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="rewrite tables, chart and doc block from the saved results without simulating",
    )
    args = parser.parse_args(argv)
    reps = args.reps or (300 if args.quick else 2000)
    designs = grid(args.quick)
    stem = "coverage-quick" if args.quick else "coverage"
    from studies.report import write_outputs

    if args.report_only:
        saved = json.loads((RESULTS / f"{stem}.json").read_text())
        results, elapsed, command = saved["results"], saved["seconds"], saved["command"]
    else:
        started = time.perf_counter()
        results = run_study(designs, reps, max(1, args.jobs))
        elapsed = time.perf_counter() - started
        command = (
            "python -m studies.coverage"
            + (" --quick" if args.quick else "")
            + (f" --reps {args.reps}" if args.reps else "")
        )
    write_outputs(
        results,
        RESULTS,
        stem,
        command,
        elapsed,
        chart_path=RESULTS / f"{stem}.png" if (args.quick or args.no_doc) else CHART,
        doc=None if (args.quick or args.no_doc) else DOC,
    )
    print(
        f"{len(results)} designs x {results[0]['reps']} replications in {elapsed:.0f}s;"
        f" results in {RESULTS / stem}.json"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
