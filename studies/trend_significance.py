"""Whether the unit-root advice names trend `ct` only for a trend that is there, on real slices and simulated series.

    python -m studies.trend_significance   # about a minute; writes studies/results/trend_significance.md

A series that ADF and KPSS with a constant and a trend call stationary, where the pair with a constant only does
not, was advised a VAR in levels with trend `ct`. varlib.integration now tests the trend first (its t-test in the
ADF regression, Dolado, Jenkinson and Sosvilla-Rivero's sequential procedure) and keeps it only when significant
at 5%. Two tables:

- the bundled macro data in slices of 60, 80 and 100 rows (every 10 rows; levels and 400 x log differences of
  the positive series): how many slices the old rule advised a trend for, how many keep it, and beside each
  slice either test drops it on, the trend's p-value by both tests (the other one a Newey-West t-test of the
  tested series on a constant and a trend, bandwidth 4(n/100)^(2/9) as the first study used);
- simulated AR(1) series with and without a trend: the share of samples advised trend `ct` by the old rule, and
  with either test of the trend (without a trend: advice of a trend that is not there; with one: power).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import statsmodels.api as sm
from statsmodels.datasets import macrodata

from varlib.integration import unit_roots

RESULTS = Path(__file__).resolve().parent / "results"
LENGTHS = (60, 80, 100)
SIMULATED = 300  # samples per design
PERSISTENCE = (0.5, 0.8, 0.9)
SLOPES = (0.0, 0.05)  # per period, in innovation standard deviations


def hac_pvalue(y: np.ndarray) -> float:
    """The trend's p-value in OLS of `y` on a constant and a trend with Newey-West errors."""
    n = len(y)
    fit = sm.OLS(y, sm.add_constant(np.arange(n, dtype=float)))
    return float(fit.fit(cov_type="HAC", cov_kwds={"maxlags": int(4 * (n / 100) ** (2 / 9))}).pvalues[1])


def _tested(segment: np.ndarray, name: str):
    """The unit-root result of one series and the series it tested (logs when positive, as the advice does)."""
    tested_on, (root,) = unit_roots(segment.reshape(-1, 1), [name])
    return root, (np.log(segment) if tested_on == "log levels" else segment)


def real_slices() -> tuple[int, list[dict]]:
    """The number of slices and one row per slice the old rule advised a trend for."""
    data = macrodata.load_pandas().data
    total, rows = 0, []
    for name in (c for c in data.columns if c not in ("year", "quarter")):
        x = data[name].to_numpy(float)
        series = {"level": x} | ({"growth": np.diff(np.log(x)) * 400} if (x > 0).all() else {})
        for kind, values in series.items():
            for n in LENGTHS:
                for start in range(0, len(values) - n + 1, 10):
                    total += 1
                    root, tested = _tested(values[start : start + n], name)
                    if root.verdict == "stationary" and root.regression == "ct":  # the old rule's trend `ct`
                        rows.append(
                            {"series": f"{name} ({kind})", "rows": n, "from row": start, "adf p": root.trend_pvalue}
                            | {"hac p": hac_pvalue(tested), "kept": root.trending}
                        )
    return total, rows


def simulated(seed: int = 20261205) -> list[dict]:
    """For each design, the samples advised a trend: by the old rule, and when either test keeps it."""
    rng = np.random.default_rng(seed)
    out = []
    for n in (60, 100):
        for phi in PERSISTENCE:
            for slope in SLOPES:
                advised = adf = hac = 0
                for _ in range(SIMULATED):
                    shocks, x = rng.normal(size=n + 100), np.zeros(n + 100)
                    for t in range(1, n + 100):
                        x[t] = phi * x[t - 1] + shocks[t]
                    y = x[100:] + slope * np.arange(n)
                    root, tested = _tested(y, "y")
                    if root.verdict != "stationary" or root.regression != "ct":
                        continue
                    advised += 1
                    adf += root.trending
                    hac += hac_pvalue(tested) < 0.05
                out.append({"rows": n, "phi": phi, "slope": slope, "advised": advised, "adf": adf, "hac": hac})
    return out


def markdown(total: int, rows: list[dict], sims: list[dict]) -> str:
    kept = sum(r["kept"] for r in rows)
    hac_kept = sum(r["hac p"] < 0.05 for r in rows)
    lines = [
        f"Bundled macro data, {total} slices: the old rule advised trend `ct` for {len(rows)}; the trend's t-test in"
        f" the ADF regression keeps it for {kept} and drops it for {len(rows) - kept} (a Newey-West test of the"
        f" levels would keep {hac_kept}, drop {len(rows) - hac_kept}).",
        "",
        "| slice | rows | from row | trend p (ADF regression) | trend p (Newey-West) | trend `ct` advised |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        if not r["kept"] or r["hac p"] >= 0.05:
            lines.append(
                f"| {r['series']} | {r['rows']} | {r['from row']} | {r['adf p']:.3f} | {r['hac p']:.3f}"
                f" | {'yes' if r['kept'] else 'no'} |"
            )
    lines += [
        "",
        f"Simulated AR(1) series (x_t = phi x_(t-1) + e_t, plus slope x t; {SIMULATED} samples per design): the"
        " share of samples advised trend `ct` by the old rule, and by it when the trend's test keeps the trend"
        " (slope 0: a trend that is not there).",
        "",
        "| rows | phi | slope | old rule | ADF regression's test (now) | Newey-West test |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in sims:
        share = [f"{s[k] / SIMULATED:.1%}" for k in ("advised", "adf", "hac")]
        lines.append(f"| {s['rows']} | {s['phi']} | {s['slope']} | {' | '.join(share)} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    argparse.ArgumentParser(
        prog="python -m studies.trend_significance",
        description="Which trends the unit-root advice keeps, on real slices and simulated series; writes"
        " studies/results/trend_significance.md (tracked: the counts in docs/CORRECTNESS.md) and prints it.",
    ).parse_args(argv)
    table = markdown(*real_slices(), simulated())
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "trend_significance.md").write_text(table)
    print(table)


if __name__ == "__main__":
    main()
