"""Coverage study, cointegrated designs: VECM intervals beside those of a VAR in differences and a VAR in levels.

    python -m studies.cointegrated                 # 2,000 replications per design
    python -m studies.cointegrated --reps 200      # a quicker look

The data come from a VECM with one cointegrating relation, Δy_t = c + α β' y_{t-1} + Γ_1 Δy_{t-1} + u_t
(levels order 2, an unrestricted constant that makes the common trend drift), simulated in its VAR form.
Designs: two variables with fast (α = (-0.2, 0.1)) and slow (α = (-0.05, 0.05)) error correction and
three variables with one relation, each at T = 60, 100, 200 observations. Each replication fits, on the
same T levels, the three models a user of the product can choose between, with the true orders:

- VECM: rank 1 (the true rank), one lagged difference, deterministic `co` (statsmodels' Johansen ML through
  varlib.vecm_model), forecast through its VAR representation with standard intervals, as the product does;
- VAR in differences: VAR(1) with a constant on Δy (transform `diff`), standard and corrected intervals;
- VAR in levels: VAR(2) with a constant (transform `none`), standard and corrected intervals,

and scores 80% and 95% intervals at horizons 1..12 against 12 simulated future values (pooled over the
variables). Seeds are fixed. Writes studies/results/cointegrated.{json,md} and, unless --no-doc, the
results block of docs/CORRECTNESS.md.
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")  # many tiny products: threaded BLAS only adds contention

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from multiprocessing import get_context  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from studies.simulate import Process, fit_ols, simulate  # noqa: E402
from varlib.forecast import forecast_levels  # noqa: E402
from varlib.intervals import sample_moments  # noqa: E402
from varlib.model import VarParams  # noqa: E402
from varlib.vecm_model import fit_vecm, params_of  # noqa: E402

HORIZONS = 12
LEVELS = (0.80, 0.95)
METHODS = ("vecm", "diff standard", "diff corrected", "levels standard", "levels corrected")
ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "studies" / "results"
DOC = ROOT / "docs" / "CORRECTNESS.md"
BEGIN, END = "<!-- cointegrated:begin -->", "<!-- cointegrated:end -->"
SEED = 20261129


@dataclass(frozen=True)
class Design:
    name: str  # "k=2 fast", "k=2 slow", "k=3"
    T: int

    def process(self) -> Process:
        """The VECM's VAR(2) form: A_1 = I + αβ' + Γ_1, A_2 = -Γ_1, intercept c."""
        if self.name.startswith("k=2"):
            alpha = np.array([[-0.2], [0.1]]) if self.name.endswith("fast") else np.array([[-0.05], [0.05]])
            beta = np.array([[1.0], [-1.0]])
            gamma = np.array([[0.3, 0.1], [0.0, 0.2]])
            drift = np.array([0.2, 0.2])
            sigma = np.array([[1.0, 0.21], [0.21, 0.49]])
        else:
            alpha = np.array([[-0.2], [0.1], [0.1]])
            beta = np.array([[1.0], [-0.5], [-0.5]])
            gamma = np.array([[0.3, 0.1, 0.0], [0.0, 0.2, 0.1], [0.1, 0.0, 0.2]])
            drift = np.array([0.2, 0.2, 0.2])
            sds = np.array([1.0, 0.7, 1.3])
            sigma = (np.full((3, 3), 0.3) + 0.7 * np.eye(3)) * np.outer(sds, sds)
        k = len(drift)
        coefs = np.stack([np.eye(k) + alpha @ beta.T + gamma, -gamma])
        return Process(coefs, drift, sigma, 1.0)


def grid() -> list[Design]:
    return [Design(name, T) for name in ("k=2 fast", "k=2 slow", "k=3") for T in (60, 100, 200)]


def run_design(design: Design, reps: int, horizons: int = HORIZONS) -> dict:
    """Coverage by horizon (pooled over variables) of every method and level."""
    process = design.process()
    rng = np.random.default_rng([SEED, process.k, design.T, int(design.name.endswith("slow"))])
    paths = simulate(process, reps, design.T + horizons, rng)
    sample, future = paths[:, : design.T], paths[:, design.T :]
    diffs = np.diff(sample, axis=1)
    diff_fit, level_fit = fit_ols(diffs, 1), fit_ols(sample, 2)
    hits = {(m, level): np.zeros(horizons) for m in METHODS for level in LEVELS}
    width = {m: np.zeros(horizons) for m in METHODS}
    for r in range(reps):
        vecm = params_of(fit_vecm(sample[r], 2, 1, "co"), "co", None, "fixed", design.T).var
        models = {
            "vecm": (vecm, "none", None),
            "diff": (_var(diff_fit, r, diffs.shape[1]), "diff", diffs[r]),
            "levels": (_var(level_fit, r, design.T), "none", sample[r]),
        }
        for method in METHODS:
            name, _, kind = method.partition(" ")
            params, transform, series = models[name]
            moments = sample_moments(params, series) if kind == "corrected" else None
            needed = params.k_ar + (transform == "diff")
            for level in LEVELS:
                result = forecast_levels(
                    params, transform, sample[r, -needed:], horizons, 1 - level, kind or "standard", moments
                )
                hits[method, level] += ((result.lower <= future[r]) & (future[r] <= result.upper)).mean(axis=1)
                if level == 0.95:
                    width[method] += (result.upper - result.lower).mean(axis=1)
    return {
        "design": asdict(design),
        "reps": reps,
        "coverage": {m: {f"{level:.2f}": (hits[m, level] / reps).tolist() for level in LEVELS} for m in METHODS},
        "width_95": {m: (width[m] / reps).tolist() for m in METHODS},
    }


def _var(fit, r: int, rows: int) -> VarParams:
    coefs, intercepts, sigmas = fit
    return VarParams(coefs[r], intercepts[r][None, :], sigmas[r], "c", rows)


def _run_one(job: tuple[Design, int]) -> dict:
    started = time.perf_counter()
    out = run_design(*job)
    out["seconds"] = time.perf_counter() - started
    print(f"{out['design']['name']} T={out['design']['T']}: {out['seconds']:.0f}s", flush=True)
    return out


SHOWN = (1, 2, 4, 8, 12)
LABELS = {
    "vecm": "VECM, standard",
    "diff standard": "VAR in differences, standard",
    "diff corrected": "VAR in differences, corrected",
    "levels standard": "VAR in levels, standard",
    "levels corrected": "VAR in levels, corrected",
}


def markdown(results: list[dict], command: str, seconds: float) -> str:
    reps = results[0]["reps"]
    lines = [
        f"Generated by `{command}` ({len(results)} designs, {reps} replications each, fixed seeds,"
        f" {seconds / 60:.0f} min). Coverage in percent, pooled over the variables.",
        "",
    ]
    for level in ("0.80", "0.95"):
        lines += [
            f"**Nominal {float(level):.0%}**",
            "",
            "| design | T | method | " + " | ".join(f"h={h}" for h in SHOWN) + " |",
        ]
        lines.append("|---|---|---|" + "---|" * len(SHOWN))
        for r in results:
            d = r["design"]
            for m in METHODS:
                cells = " | ".join(f"{100 * r['coverage'][m][level][h - 1]:.1f}" for h in SHOWN)
                lines.append(f"| {d['name']} | {d['T']} | {LABELS[m]} | {cells} |")
        lines.append("")
    lines += ["**Mean width of the 95% band, relative to the VECM's (h = 1 / 12)**", ""]
    lines += ["| design | T | " + " | ".join(LABELS[m] for m in METHODS[1:]) + " |", "|---|---|" + "---|" * 4]
    for r in results:
        d, w = r["design"], r["width_95"]
        ratios = " | ".join(f"{w[m][0] / w['vecm'][0]:.2f} / {w[m][-1] / w['vecm'][-1]:.2f}" for m in METHODS[1:])
        lines.append(f"| {d['name']} | {d['T']} | {ratios} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m studies.cointegrated", description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=2000, help="replications per design (default 2000)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--no-doc", action="store_true", help="do not touch docs/ (results files only)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    work = [(design, args.reps) for design in grid()]
    if args.jobs > 1:
        with get_context("fork").Pool(args.jobs) as pool:
            results = list(pool.imap(_run_one, work))
    else:
        results = [_run_one(job) for job in work]
    seconds = time.perf_counter() - started
    command = "python -m studies.cointegrated" + (f" --reps {args.reps}" if args.reps != 2000 else "")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "cointegrated.json").write_text(json.dumps({"command": command, "seconds": seconds, "results": results}))
    block = markdown(results, command, seconds)
    (RESULTS / "cointegrated.md").write_text("# Coverage, cointegrated designs\n\n" + block)
    if not args.no_doc:
        text = DOC.read_text()
        start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
        DOC.write_text(text[:start] + "\n" + block + text[end:])
    print(f"{len(results)} designs x {args.reps} replications in {seconds:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
