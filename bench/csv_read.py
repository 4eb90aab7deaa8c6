"""`python -m bench.csv_read [--quick] [--json]`: reading an analyst's own large CSV against pandas reading it.

Product: `varlib.data.load_csv` of generated files of 100,000 rows and three columns (a date, two numbers) in the
forms analysts' files take: ISO dates, day-first dates (`31/03/1990`), numbers grouped (`"1,234.5"`), decimal
commas in a `;` file (`1.234,5`), missing marks (`NA`, `.`), and irregular hourly times (refused, naming the first
two). Baseline: `pd.read_csv` of the same file (its cells as pandas reads them, no check). Both alternate in one
process; the figures are medians and their ratio. A measurement, not a goal: files of a VAR's size (a few hundred
rows) read in milliseconds; this says what a large export costs.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from .timing import standalone

ROWS = 100_000


def files(folder: Path, rows: int = ROWS, seed: int = 20261205) -> dict[str, Path]:
    """The generated CSVs, by form."""
    rng = np.random.default_rng(seed)
    days = pd.date_range("1800-01-01", periods=rows, freq="D")
    hours = pd.Timestamp("2000-01-01") + pd.to_timedelta(np.cumsum(rng.integers(1, 5, rows)), "h")
    x, y = np.round(rng.normal(1000, 300, rows), 3), np.round(rng.normal(5, 2, rows), 3)
    with_marks = [x.astype(str), y.astype(str)]
    with_marks[0][rng.random(rows) < 0.05], with_marks[1][rng.random(rows) < 0.05] = "NA", "."
    comma = [f"{v:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".") for v in x]
    forms = {
        "ISO dates": (days.strftime("%Y-%m-%d"), x, y, ","),
        "day-first dates": (days.strftime("%d/%m/%Y"), x, y, ","),
        "numbers grouped": (days.strftime("%Y-%m-%d"), [f'"{v:,.1f}"' for v in x], y, ","),
        "decimal commas, ; file": (days.strftime("%Y-%m-%d"), comma, [f"{v:.2f}".replace(".", ",") for v in y], ";"),
        "missing marks": (days.strftime("%Y-%m-%d"), *with_marks, ","),
        "irregular hourly times": (hours.strftime("%Y-%m-%d %H:%M"), x, y, ","),
    }
    paths = {}
    for number, (name, (dates, first, second, sep)) in enumerate(forms.items()):
        lines = [f"date{sep}x{sep}y"] + [f"{d}{sep}{a}{sep}{b}" for d, a, b in zip(dates, first, second, strict=True)]
        paths[name] = folder / f"form{number}.csv"
        paths[name].write_text("\n".join(lines) + "\n")
    return paths


def _load(path: Path) -> str:
    from varlib.data import load_csv
    from varlib.errors import InvalidInputError

    try:
        dataset = load_csv(path, fill="interpolate")
    except InvalidInputError as exc:
        return str(exc).split(":")[0]
    return f"{len(dataset.frame):,} rows, {dataset.frequency}"


def measure(repeats: int = 3) -> dict:
    """Per file: both medians (s), their ratio and what the product said."""
    results: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        paths = files(Path(folder))
        _load(paths["ISO dates"])  # warm-up: imports
        for name, path in paths.items():
            sep = ";" if "; file" in name else ","
            ours, theirs = [], []
            for _ in range(repeats):
                start = time.perf_counter()
                said = _load(path)
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                pd.read_csv(path, sep=sep)
                theirs.append(time.perf_counter() - start)
            results[name] = {
                "load_csv_s": round(float(np.median(ours)), 3),
                "pandas_read_csv_s": round(float(np.median(theirs)), 3),
                "load_over_pandas": round(float(np.median(ours) / np.median(theirs)), 1),
                "said": said,
            }
    return results


def main(argv: list[str] | None = None) -> int:
    return standalone("python -m bench.csv_read", __doc__ or "", measure, argv)


if __name__ == "__main__":
    raise SystemExit(main())
