"""Tables, chart and the docs/CORRECTNESS.md results block of the coverage study."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

LEVEL_KEYS = ("0.80", "0.95")
KINDS = ("standard", "corrected")
SHOWN = (1, 2, 4, 8, 12)
TOLERANCE = 0.01  # the goal: corrected within 1 percentage point of nominal
BEGIN, END = "<!-- coverage:begin -->", "<!-- coverage:end -->"


def label(design: dict) -> str:
    return f"{'integrated' if design['integrated'] else 'stable'} k={design['k']} p={design['p']} T={design['T']}"


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def summary_table(results: list[dict], level: str) -> list[str]:
    """Coverage by process and T, averaged over k and p, at a few horizons: standard / corrected."""
    lines = ["| process | T | " + " | ".join(f"h={h}" for h in SHOWN) + " |", "|---|---|" + "---|" * len(SHOWN)]
    for integrated in (False, True):
        for size in sorted({r["design"]["T"] for r in results}):
            cell = [r for r in results if r["design"]["integrated"] == integrated and r["design"]["T"] == size]
            if not cell:
                continue
            means = {kind: np.mean([r["coverage"][kind][level] for r in cell], axis=0) for kind in KINDS}
            values = " | ".join(f"{_pct(means['standard'][h - 1])} / {_pct(means['corrected'][h - 1])}" for h in SHOWN)
            lines.append(f"| {'integrated' if integrated else 'stable'} | {size} | {values} |")
    return lines


def design_table(results: list[dict], level: str, horizons=SHOWN) -> list[str]:
    lines = [
        "| design | " + " | ".join(f"h={h}" for h in horizons) + " | corrected/standard width, 95%, h=1 / 12 |",
        "|---|" + "---|" * len(horizons) + "---|",
    ]
    for r in results:
        cov = r["coverage"]
        values = " | ".join(
            f"{_pct(cov['standard'][level][h - 1])} / {_pct(cov['corrected'][level][h - 1])}" for h in horizons
        )
        ratio = r["width_ratio_95"]
        lines.append(f"| {label(r['design'])} | {values} | {ratio[0]:.3f} / {ratio[-1]:.3f} |")
    return lines


def goal_check(results: list[dict]) -> list[str]:
    """Corrected within 1 pp of nominal for stable designs with T >= 100, every horizon and level;
    a miss also larger than two Monte-Carlo standard errors is one simulation noise does not explain."""
    misses, worst, cells, outside, clear = [], 0.0, 0, 0, 0
    for r in results:
        d = r["design"]
        if d["integrated"] or d["T"] < 100:
            continue
        for level in LEVEL_KEYS:
            dev = np.asarray(r["coverage"]["corrected"][level]) - float(level)
            se = np.asarray(r.get("mc_se", {}).get("corrected", {}).get(level, np.zeros_like(dev)))
            cells += dev.size
            worst = max(worst, float(np.max(np.abs(dev))))
            bad = np.abs(dev) > TOLERANCE
            real = bad & (np.abs(dev) > 2 * se)
            outside += int(bad.sum())
            clear += int(real.sum())
            if real.any():
                idx = np.flatnonzero(real)
                off = dev[idx[np.argmax(np.abs(dev[idx]))]]
                misses.append(f"{label(d)}, {float(level):.0%}: h = {_ranges(idx + 1)} (at worst {100 * off:+.1f} pp)")
    se_all = [
        v
        for r in results
        if not r["design"]["integrated"] and r["design"]["T"] >= 100
        for lv in LEVEL_KEYS
        for v in r.get("mc_se", {}).get("corrected", {}).get(lv, [])
    ]
    lines = [
        f"Goal check, stable designs with T >= 100 ({cells} design x horizon x level cells): the corrected"
        f" coverage is at most {100 * worst:.1f} pp from nominal; {outside} cells are more than 1 pp off,"
        f" {clear} of them also by more than two Monte-Carlo standard errors"
        + (f" (standard errors {100 * min(se_all):.1f}-{100 * max(se_all):.1f} pp)." if se_all else ".")
    ]
    if misses:
        lines += ["", "Those cells:", ""] + [f"- {m}" for m in misses]
    return lines


def neither_table(results: list[dict]) -> list[str]:
    """Per process, T and level: how many design x horizon cells neither kind brings within 1 pp below nominal."""
    lines = [
        "| process | T | nominal | cells where neither reaches nominal | lowest corrected (standard there) |",
        "|---|---|---|---|---|",
    ]
    for integrated in (False, True):
        for size in sorted({r["design"]["T"] for r in results}):
            cell = [r for r in results if r["design"]["integrated"] == integrated and r["design"]["T"] == size]
            for level in LEVEL_KEYS:
                nominal, count, total, low = float(level), 0, 0, None
                for r in cell:
                    std = np.asarray(r["coverage"]["standard"][level])
                    cor = np.asarray(r["coverage"]["corrected"][level])
                    count += int(((std < nominal - TOLERANCE) & (cor < nominal - TOLERANCE)).sum())
                    total += cor.size
                    h = int(np.argmin(cor))
                    if low is None or cor[h] < low[0]:
                        low = (cor[h], std[h], label(r["design"]), h + 1)
                if cell:
                    lines.append(
                        f"| {'integrated' if integrated else 'stable'} | {size} | {nominal:.0%} |"
                        f" {count} / {total} | {_pct(low[0])} ({_pct(low[1])}): {low[2]}, h = {low[3]} |"
                    )
    return lines


def averaged_check(results: list[dict]) -> str:
    """The goal read on the averages over k and p (what the chart shows)."""
    worst = 0.0
    for size in sorted({r["design"]["T"] for r in results if r["design"]["T"] >= 100}):
        cell = [r for r in results if not r["design"]["integrated"] and r["design"]["T"] == size]
        for level in LEVEL_KEYS:
            if cell:
                mean = np.mean([r["coverage"]["corrected"][level] for r in cell], axis=0)
                worst = max(worst, float(np.max(np.abs(mean - float(level)))))
    return (
        f"Averaged over k and p (as in the chart), the corrected coverage of the stable designs with T >= 100"
        f" is within {100 * worst:.1f} pp of nominal at every horizon and both levels."
    )


def neither_check(results: list[dict]) -> list[str]:
    """Where both kinds stay more than 1 pp below nominal."""
    lines = []
    for r in results:
        for level in LEVEL_KEYS:
            nominal = float(level)
            std = np.asarray(r["coverage"]["standard"][level])
            cor = np.asarray(r["coverage"]["corrected"][level])
            bad = np.flatnonzero((std < nominal - TOLERANCE) & (cor < nominal - TOLERANCE))
            if bad.size:
                h = bad[np.argmin(cor[bad])]
                lines.append(
                    f"- {label(r['design'])}, {nominal:.0%}: h = {_ranges(bad + 1)};"
                    f" lowest corrected {_pct(cor[h])}% (standard {_pct(std[h])}%) at h = {h + 1}"
                )
    if not lines:
        return ["Every design reaches nominal (within 1 pp) with at least one of the two kinds at every horizon."]
    return ["Neither kind reaches nominal (both more than 1 pp below) here:", ""] + lines


def _ranges(values) -> str:
    values = list(values)
    parts, start = [], values[0]
    for prev, cur in zip(values, values[1:] + [None], strict=False):
        if cur != prev + 1:
            parts.append(f"{start}" if start == prev else f"{start}-{prev}")
            start = cur
    return ", ".join(parts)


def chart(results: list[dict], path: Path) -> None:
    """Coverage by horizon, averaged over k and p: one panel per process and level, one colour per T."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted({r["design"]["T"] for r in results})
    colours = dict(zip(sizes, ("#d62728", "#1f77b4", "#2ca02c"), strict=False))
    fig, axes = plt.subplots(2, 2, figsize=(11, 7.5), sharex=True)
    for col, integrated in enumerate((False, True)):
        for row, level in enumerate(LEVEL_KEYS):
            ax = axes[row, col]
            ax.axhline(100 * float(level), color="black", lw=0.8)
            ax.axhspan(100 * float(level) - 1, 100 * float(level) + 1, color="0.9")
            for size in sizes:
                cell = [r for r in results if r["design"]["integrated"] == integrated and r["design"]["T"] == size]
                if not cell:
                    continue
                h = np.arange(1, len(cell[0]["coverage"]["standard"][level]) + 1)
                for kind, style in (("standard", "--"), ("corrected", "-")):
                    mean = np.mean([r["coverage"][kind][level] for r in cell], axis=0)
                    ax.plot(h, 100 * mean, style, color=colours[size], marker="o", ms=3, label=f"T={size} {kind}")
            ax.set_title(f"{'integrated (diff)' if integrated else 'stable'} VARs, nominal {float(level):.0%}")
            ax.set_ylabel("empirical coverage, %")
            ax.grid(alpha=0.3)
    for ax in axes[1]:
        ax.set_xlabel("horizon")
    axes[0, 0].legend(fontsize=8, ncol=2)
    fig.suptitle("Forecast-interval coverage (dashed: standard, solid: corrected; grey band: nominal ±1 pp)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def markdown(
    results: list[dict], command: str, elapsed: float, chart_name: str | None, detailed: bool = False
) -> list[str]:
    reps = sorted({r["reps"] for r in results})
    lines = [
        f"Generated by `{command}` ({len(results)} designs, {', '.join(map(str, reps))} replications each,"
        f" fixed seeds, {elapsed / 60:.0f} min). Cells read `standard / corrected`, in percent,"
        " pooled over the variables and averaged over k and p.",
        "",
    ]
    if chart_name:
        lines += [f"![coverage by horizon]({chart_name})", ""]
    for level in LEVEL_KEYS:
        lines += [f"**Nominal {float(level):.0%}**", ""] + summary_table(results, level) + [""]
    lines += [averaged_check(results), ""] + goal_check(results) + [""]
    lines += (
        ["Where neither kind reaches nominal (both more than 1 pp below), counted over designs x horizons:", ""]
        + neither_table(results)
        + [""]
    )
    if detailed:
        lines += neither_check(results) + [""]
    return lines


def write_outputs(
    results: list[dict], folder: Path, stem: str, command: str, elapsed: float, chart_path: Path, doc: Path | None
) -> None:
    """studies/results/<stem>.json and .md, the chart, and (full run) the block in docs/CORRECTNESS.md.

    No timestamp is written: a rerun with the same seeds reproduces the numbers (only the run time differs)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.json").write_text(
        json.dumps({"command": command, "seconds": elapsed, "results": results}, indent=1)
    )
    chart(results, chart_path)
    summary = markdown(results, command, elapsed, None, detailed=True)
    full = [f"# Coverage study results ({stem})", ""] + summary
    for level in LEVEL_KEYS:
        full += [f"## Every design, nominal {float(level):.0%} (standard / corrected)", ""]
        full += design_table(results, level, tuple(range(1, 13))) + [""]
    (folder / f"{stem}.md").write_text("\n".join(full))
    if doc is not None:
        block = markdown(results, command, elapsed, chart_path.name)
        block += [f"Every design and horizon: [studies/results/{stem}.md](../studies/results/{stem}.md).", ""]
        text = doc.read_text()
        start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
        doc.write_text(text[:start] + "\n" + "\n".join(block) + text[end:])
