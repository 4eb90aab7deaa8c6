"""`python -m bench.irf_errors [--quick] [--json]`: impulse-response errors and instantaneous tests, old and new.

Old: what `impulse_responses` and `instantaneous_tests` called before: statsmodels' `IRAnalysis.stderr` and
`cum_effect_stderr` (a k² x k² covariance per period; a VECM's irf() first builds the k²p x k²p covariance of
its VAR form) and `test_inst_causality` once per variable. New: varlib.diagnostics' `impulse_responses` and
`instantaneous_tests` (irf_errors.py: the diagonal from small Kronecker factors; granger.py: the duplication
matrix inverted once). Both run alternately in one process on fresh fits of the same data (statsmodels caches
parts on its results): a VAR(2) of 20 simulated variables x 200 rows with a constant, 10 periods, and a VECM
of 20 cointegrated variables (rank 4, constant outside, two lags; varlib itself fits at most 12). Figures:
medians, their ratio and the largest relative difference of any number (0 when bit for bit).

BLAS threads follow the environment, pinned to one by default as `python -m bench` pins them; the product
itself runs unpinned, so `OPENBLAS_NUM_THREADS=2 python -m bench.irf_errors` measures what a server sees.
"""

from __future__ import annotations

import os

if __name__ == "__main__":  # before numpy loads, as `python -m bench` pins it; importing it pins nothing
    for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_var, "1")

import time
import warnings
from types import SimpleNamespace

import numpy as np

from .granger import SIGNIF, cointegrated, simulated
from .timing import standalone

PERIODS = 10


def _worst(old, new) -> float:
    """The largest relative difference of two sequences of arrays (an exact 0 where the old one is 0)."""
    worst = 0.0
    for a, b in zip(old, new, strict=True):
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        shown = a != 0
        assert np.all(b[~shown] == 0), "a zero of statsmodels' is not a zero here"
        worst = max(worst, float(np.max(np.abs(a - b)[shown] / np.abs(a[shown]), initial=0.0)))
    return worst


def _old_var_errors(results) -> list:
    analysis = results.irf(PERIODS)
    return [analysis.stderr(orth=False), analysis.stderr(orth=True)] + [
        analysis.cum_effect_stderr(orth=orth) for orth in (False, True)
    ]


def _old_vecm_errors(results) -> list:
    analysis = results.irf(PERIODS)
    return [analysis.stderr(orth=False), analysis.stderr(orth=True)]


def _old_inst(results) -> list:
    return [float(results.test_inst_causality(causing=[i], signif=SIGNIF).test_statistic) for i in range(results.neqs)]


def _time(run, fits, repeats: int) -> tuple[list[float], object]:
    """The median-able times of `run` on a fresh fit each time, and its last answer."""
    times, answer = [], None
    for results in fits(repeats):
        start = time.perf_counter()
        answer = run(results)
        times.append(time.perf_counter() - start)
    return times, answer


def measure(k: int = 20, rows: int = 200, repeats: int = 3) -> dict:
    """Each case: old and new medians (s), their ratio and the largest relative difference."""
    from statsmodels.tsa.vector_ar.vecm import VECM

    from varlib.diagnostics.var_tests import Refit, impulse_responses, instantaneous_tests
    from varlib.diagnostics.vecm_tests import VecmRefit
    from varlib.diagnostics.vecm_tests import impulse_responses as vecm_responses
    from varlib.model import fit_results

    names = [f"y{i + 1}" for i in range(k)]
    series, levels = simulated(k, rows), cointegrated(k, rows)
    version = SimpleNamespace(variables=names, k_ar=2)

    def var_fits(n):
        return [fit_results(series, 2, "c", names) for _ in range(n)]

    def vecm_fits(n):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [VECM(levels, k_ar_diff=1, coint_rank=4, deterministic="co").fit() for _ in range(n)]

    def var_new(results):
        irf = impulse_responses(Refit(version, series, (), results), PERIODS, SIGNIF)  # type: ignore[arg-type]
        return [irf.plain_stderr, irf.orth_stderr, irf.accumulated[2], irf.accumulated[3]]

    def vecm_new(results):
        irf = vecm_responses(VecmRefit(version, levels, (), results), PERIODS, SIGNIF)  # type: ignore[arg-type]
        return [irf.plain_stderr, irf.orth_stderr]

    def inst_new(results):
        return [t.result.statistic for t in instantaneous_tests(Refit(version, series, (), results), SIGNIF)]

    cases = {
        f"VAR(2), {k} variables x {rows} rows: response errors, 4 kinds x {PERIODS} periods": (
            var_fits,
            _old_var_errors,
            var_new,
        ),
        f"VECM, {k} variables, rank 4, co: response errors, 2 kinds x {PERIODS} periods": (
            vecm_fits,
            _old_vecm_errors,
            vecm_new,
        ),
        f"VAR(2), {k} variables: {k} instantaneous-causality tests": (var_fits, _old_inst, inst_new),
    }
    figures = {"blas_threads": os.environ.get("OPENBLAS_NUM_THREADS")}
    for case, (fits, old, new) in cases.items():
        new(fits(1)[0])  # warm-up: imports and first calls
        old_s, new_s = [], []
        for _ in range(repeats):  # alternating, one fresh fit each
            times, old_answer = _time(old, fits, 1)
            old_s += times
            times, new_answer = _time(new, fits, 1)
            new_s += times
        worst = _worst([old_answer], [new_answer]) if case.endswith("tests") else _worst(old_answer, new_answer)
        figures[case] = {
            "statsmodels_s": round(float(np.median(old_s)), 4),
            "varlib_s": round(float(np.median(new_s)), 5),
            "statsmodels_over_varlib": round(float(np.median(old_s) / np.median(new_s)), 1),
            "largest_relative_difference": worst,
        }
    return figures


def main(argv: list[str] | None = None) -> int:
    return standalone("python -m bench.irf_errors", __doc__ or "", measure, argv)


if __name__ == "__main__":
    raise SystemExit(main())
