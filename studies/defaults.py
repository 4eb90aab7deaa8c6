"""What the default lag search chooses on small real quarterly samples, beside the old fixed maximum of 15.

    python -m studies.defaults          # a few seconds; writes studies/results/defaults.{json,md}

For each sample: rows T (model space), variables K, the sample-aware maximum, the orders AIC and BIC
choose with it, the warnings and failed adequacy checks of the default fit, and the mean holdout MAPE
(the last 10% of rows, forecast by the spec fitted without them) of the default against a search up to
15 lags (cut where fewer than 10 residual degrees of freedom would remain), which is what training did
before the sample-aware rule. The table goes into docs/CORRECTNESS.md (Defaults on small samples).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from studies.samples import danish, lutkepohl_e1, macro_84, macro_last_60
from varlib import Dataset, ModelSpec, default_max_lags, load_dataset, train_model
from varlib.lag_order import largest_fitting_order

RESULTS = Path(__file__).resolve().parent / "results"
OLD_MAX = 15


def _bundled() -> Dataset:
    return load_dataset()


SAMPLES: tuple[tuple[str, Callable[[], Dataset], str], ...] = (
    ("Lütkepohl e1, 1960Q1-1978Q4", lutkepohl_e1, "logdiff"),
    ("US macro, last 60 quarters, 3 variables", macro_last_60, "logdiff"),
    ("US macro 1970Q4-1991Q3, 4 variables", macro_84, "none"),
    ("US macro 1970Q4-1991Q3, 4 variables", macro_84, "logdiff"),
    ("Danish money demand (4 variables)", danish, "none"),
    ("bundled macro data, realgdp and realcons", _bundled, "logdiff"),
)


def _mape(result) -> float | None:
    """Mean holdout MAPE over the variables that have one (one whose holdout values are not all of one sign
    has none, as the library scores it)."""
    if result.evaluation is None:
        return None
    scores = [m["mape"] for m in result.evaluation.metrics.values() if m["mape"] is not None]
    # 10 significant digits: the last of a float's move between runs (threads' summation order), and a rerun
    # that changed nothing should leave the stored results as they are
    return float(f"{np.mean(scores):.10g}") if scores else None


def row(label: str, make: Callable[[], Dataset], transform: str) -> dict:
    dataset = make()
    spec = ModelSpec(tuple(dataset.variables), transform=transform)
    rows, k = len(dataset.frame) - (0 if transform == "none" else 1), len(dataset.variables)
    default = train_model(dataset, spec)
    bic = train_model(dataset, ModelSpec(spec.variables, transform=transform, ic="bic"))
    old_max = min(OLD_MAX, largest_fitting_order(rows, k, "c"))
    old = train_model(dataset, ModelSpec(spec.variables, transform=transform, max_lags=old_max))
    return {
        "sample": label,
        "transform": transform,
        "rows": rows,
        "variables": k,
        "default_max": default_max_lags(rows, k, "c"),
        "aic": default.params.k_ar,
        "bic": bic.params.k_ar,
        "warnings": list(default.warnings),
        "flags": list(default.adequacy.flags) if default.adequacy else [],
        "holdout_mape_default": _mape(default),
        "old_max": old_max,
        "aic_old_max": old.params.k_ar,
        "holdout_mape_old_max": _mape(old),
    }


def markdown(rows: list[dict]) -> str:
    lines = [
        "| sample | transform | T | K | default max | AIC | BIC | warnings | failed checks"
        " | holdout MAPE % (default) | AIC up to 15 | holdout MAPE % (up to 15) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: |",
    ]
    for r in rows:
        warned = "; ".join(w.split(":")[0] for w in r["warnings"]) or "none"
        lines.append(
            f"| {r['sample']} | {r['transform']} | {r['rows']} | {r['variables']} | {r['default_max']} | {r['aic']}"
            f" | {r['bic']} | {warned} | {', '.join(r['flags']) or 'none'} | {_percent(r['holdout_mape_default'])}"
            f" | {r['aic_old_max']} (max {r['old_max']}) | {_percent(r['holdout_mape_old_max'])} |"
        )
    return "\n".join(lines) + "\n"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def main(argv: list[str] | None = None) -> None:
    argparse.ArgumentParser(
        prog="python -m studies.defaults",
        description="What the default lag search chooses on small real samples; writes"
        " studies/results/defaults.json and defaults.md (tracked: the table in docs/CORRECTNESS.md) and prints it.",
    ).parse_args(argv)
    rows = [row(*sample) for sample in SAMPLES]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "defaults.json").write_text(json.dumps(rows, indent=2) + "\n")
    table = markdown(rows)
    (RESULTS / "defaults.md").write_text(table)
    print(table)


if __name__ == "__main__":
    main()
