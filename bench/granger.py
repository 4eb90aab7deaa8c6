"""`python -m bench.granger [--quick] [--json] [--vecm]`: the diagnostics' Granger tests of a wide VAR (or VECM),
old path and new.

Old: statsmodels' `VARResults.test_causality` once per test, as `granger_tests` called it before (each call
builds the full kron(inv(Z'Z), Σ_u) coefficient covariance). New: `varlib.diagnostics.var_tests.granger_tests`
(varlib/diagnostics/granger.py: one inv(Z'Z), a sub-block per test). Both run in one process, alternating,
on the same fitted VAR(2) of 20 simulated variables x 200 quarterly rows; the figures are medians, their
ratio, and the largest relative difference of any statistic, p-value or critical value (0 when bit-identical).

`--vecm`: a VECM of 20 cointegrated variables x 200 rows (rank 4, constant outside, two lags; varlib fits at
most 12, statsmodels any): old, `VECMResults.test_granger_causality` per test and `test_inst_causality` per
variable (each refits a VAR in levels); new, `granger_tests` and `instantaneous_tests` of vecm_tests.py (one
refit each, then a block per test).

BLAS threads follow the environment, pinned to one by default as `python -m bench` pins them; the product
itself runs unpinned, so `OPENBLAS_NUM_THREADS=2 python -m bench.granger` measures what a server sees.
"""

from __future__ import annotations

import os

if __name__ == "__main__":  # before numpy loads, as `python -m bench` pins it; importing it pins nothing
    for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_var, "1")

import argparse
import json
import time

import numpy as np

from studies.wide import stable_var2 as simulated
from studies.wide import two_walk_levels as cointegrated

SIGNIF = 0.05


def _groups(k: int) -> list[tuple[list[int], list[int]]]:
    """(causing, caused) in the order the diagnostics list them: per variable its two group tests, then pairs."""
    groups: list[tuple[list[int], list[int]]] = []
    if k > 2:
        for j in range(k):
            others = [i for i in range(k) if i != j]
            groups += [([j], others), (others, [j])]
    return groups + [([i], [j]) for j in range(k) for i in range(k) if i != j]


def old_path(results, k: int) -> list[tuple[float, float, float]]:
    """The 420 (for k = 20) calls the old `granger_tests` made, in its order: (statistic, p-value, critical)."""
    out = []
    for causing, caused in _groups(k):
        res = results.test_causality(caused, causing, kind="f", signif=SIGNIF)
        out.append((float(res.test_statistic), float(res.pvalue), float(res.crit_value)))
    return out


def measure(k: int = 20, rows: int = 200, trend: str = "c", repeats: int = 3) -> dict:
    """Medians (s) of both paths, their ratio, the number of tests and the largest relative difference."""
    from types import SimpleNamespace

    from varlib.diagnostics.var_tests import Refit, granger_tests
    from varlib.model import fit_results

    series = simulated(k, rows)
    names = [f"y{i + 1}" for i in range(k)]
    results = fit_results(series, 2, trend, names)
    fitted = Refit(SimpleNamespace(variables=names, k_ar=2), series, (), results)  # type: ignore[arg-type]
    granger_tests(fitted, SIGNIF)  # warm-up: scipy.stats' import and first calls
    old_s, new_s = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        old = old_path(results, k)
        old_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        new = granger_tests(fitted, SIGNIF)
        new_s.append(time.perf_counter() - start)
    ours = [(t.result.statistic, t.result.pvalue, t.result.crit_value) for t in new]
    pairs = [(a, b) for o, n in zip(old, ours, strict=True) for a, b in zip(o, n, strict=True)]
    worst = max(abs(a - b) / abs(b) if b else abs(a - b) for a, b in pairs)
    return {
        "case": f"VAR(2), {k} variables x {rows} rows, trend {trend}",
        "tests": len(new),
        "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "test_causality_s": round(float(np.median(old_s)), 4),
        "varlib_s": round(float(np.median(new_s)), 5),
        "test_causality_over_varlib": round(float(np.median(old_s) / np.median(new_s)), 1),
        "largest_relative_difference": float(worst),
    }


def measure_vecm(k: int = 20, rows: int = 200, repeats: int = 3) -> dict:
    """As `measure`, for a VECM's Granger tests and its instantaneous ones (statistic, p-value, critical value)."""
    import warnings
    from types import SimpleNamespace

    from statsmodels.tsa.vector_ar.vecm import VECM

    from varlib.diagnostics.vecm_tests import VecmRefit, granger_tests, instantaneous_tests

    levels = cointegrated(k, rows)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = VECM(levels, k_ar_diff=1, coint_rank=4, deterministic="co").fit()
    fitted = VecmRefit(SimpleNamespace(variables=[f"y{i + 1}" for i in range(k)]), levels, (), results)  # type: ignore[arg-type]

    def old():
        tests = [results.test_granger_causality(caused=b, causing=a, signif=SIGNIF) for a, b in _groups(k)]
        tests += [results.test_inst_causality(causing=[i], signif=SIGNIF) for i in range(k)]
        return [(float(t.test_statistic), float(t.pvalue), float(t.crit_value)) for t in tests]

    def new():
        tests = granger_tests(fitted, SIGNIF) + instantaneous_tests(fitted, SIGNIF)
        return [(t.result.statistic, t.result.pvalue, t.result.crit_value) for t in tests]

    new()  # warm-up
    old_s, new_s = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        before = old()
        old_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        after = new()
        new_s.append(time.perf_counter() - start)
    pairs = [(a, b) for o, n in zip(before, after, strict=True) for a, b in zip(o, n, strict=True)]
    return {
        "case": f"VECM, {k} variables x {rows} rows, rank 4, co, two lags",
        "tests": f"{len(_groups(k))} Granger + {k} instantaneous",
        "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "statsmodels_s": round(float(np.median(old_s)), 3),
        "varlib_s": round(float(np.median(new_s)), 4),
        "statsmodels_over_varlib": round(float(np.median(old_s) / np.median(new_s)), 1),
        "largest_relative_difference": max(abs(a - b) / abs(b) if b else abs(a - b) for a, b in pairs),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.granger", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one repetition instead of three")
    parser.add_argument("--json", action="store_true", help="one JSON line instead of an indented object")
    parser.add_argument("--vecm", action="store_true", help="a VECM's Granger and instantaneous tests instead")
    args = parser.parse_args(argv)
    figures = (measure_vecm if args.vecm else measure)(repeats=1 if args.quick else 3)
    print(json.dumps(figures, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
