"""The Models page's details of one version as readable sections: spec, data, metrics, adequacy, fills, notes.

The builders are pure (a version in, labelled facts and tables out) so tests can read them; `render`
lays them out. The stored JSON stays one click away as a download, never as a tree on the page.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.literal import library_text, literal
from ui.tables import NOTE, metrics_table, number_formats
from varlib import (
    METRIC_LABELS,
    MODEL_SPACE,
    UNIT_METRICS,
    Artifact,
    Check,
    and_list,
    column_format,
    format_number,
    label_of,
    order_words,
    other_holdout_order,
    period_labels,
    score_notes,
    to_json,
    utc_time,
)


def spec_facts(artifact: Artifact) -> dict[str, str]:
    """What was fitted and how its lag order was found."""
    spec = artifact.spec
    asked = f"fixed at {spec.lags}" if spec.lags is not None else f"by {spec.ic.upper()}"
    if spec.lags is None and spec.max_lags is not None:
        asked += f" up to {spec.max_lags}"
    facts = {
        "model": artifact.description,
        "kind": artifact.kind_title,
        "variables": and_list(artifact.variables),
        "transform": f"{spec.transform} (fitted on {MODEL_SPACE.get(spec.transform, spec.transform)})",
        ("trend" if spec.deterministic is None else "deterministic terms"): spec.deterministic_words,
        "lag order": f"{artifact.k_ar}, {artifact.lag_method}",
        "lags asked": asked,
        "lag inputs a forecast needs": str(artifact.lag_rows),
        "holdout": f"{spec.holdout:.0%} of the rows",
    }
    rank = getattr(artifact.params, "coint_rank", None)
    if rank is not None:
        facts["cointegration rank"] = str(rank)
    return facts


def holdout_order(kind: str, k_ar: int, evaluation: dict | None) -> str | None:
    """When the holdout was scored with another lag order than the version's, the words that say so (a
    criterion repeats its search on the rows before the holdout, which may choose another order); else None."""
    other = other_holdout_order(kind, k_ar, (evaluation or {}).get("k_ar"))
    if other is None:
        return None
    return (
        f"scored with a {other}, the order the criterion chose on the rows before the holdout;"
        f" this version is a {order_words(kind, k_ar)}"
    )


def data_facts(artifact: Artifact) -> dict[str, str]:
    """The training data: where it came from, how long, how often."""
    data = artifact.data
    first, last = period_labels([data.dates[0], data.dates[-1]], data.frequency)
    facts = {
        "dataset": data.name,
        "sha256": data.sha256[:16] + "…",
        "rows": f"{len(data.dates):,}",
        "span": f"{first} to {last}",
        "frequency": label_of(data.frequency) if data.frequency else "none (irregular dates)",
    }
    read_as = artifact.provenance.get("read_as")
    if read_as:
        facts["read as"] = ", ".join(map(str, read_as))
    return facts


def fill_facts(artifact: Artifact) -> dict[str, str]:
    """What was done about missing periods and empty cells before fitting."""
    preparation = artifact.provenance.get("preparation") or {}
    if not preparation:
        return {"fill": "not recorded (published before fills were recorded)"}
    facts = {"fill": preparation.get("method", "none"), "what was done": preparation.get("summary", "")}
    added = preparation.get("added_periods") or []
    if added:
        named = period_labels(added[:6], artifact.data.frequency)
        facts["periods added"] = and_list(named + ([f"{len(added) - 6} more"] if len(added) > 6 else []))
    filled = {column: count for column, count in (preparation.get("filled_values") or {}).items() if count}
    if filled:
        facts["values filled"] = ", ".join(f"{column} {count}" for column, count in filled.items())
    last = int(preparation.get("dropped_last") or 0)  # incomplete rows at the end (a ragged edge)
    if int(preparation.get("dropped_rows") or 0) > last:
        facts["earlier rows dropped"] = str(int(preparation["dropped_rows"]) - last)
    if last:
        facts["incomplete last rows dropped"] = str(last)
    return facts


def note_facts(artifact: Artifact) -> dict[str, str]:
    """Who published it, when, with which words, and what training warned about."""
    provenance = artifact.provenance
    facts = {
        "notes": artifact.notes or "none",
        "author": artifact.author,
        "created": utc_time(artifact.created_at),
    }
    for number, warning in enumerate(artifact.warnings, 1):
        facts[f"training warning {number}"] = warning
    if provenance.get("train_seconds") is not None:
        facts["training took"] = f"{provenance['train_seconds']:.2f} s"
    packages = provenance.get("packages") or {}
    if packages:
        facts["fitted with"] = ", ".join(f"{name} {version}" for name, version in packages.items())
    if provenance.get("source"):
        facts["converted from"] = str(provenance["source"])
    return facts


def adequacy_rows(artifact: Artifact) -> list[tuple[str, str, str]]:
    """(ok, note or failed; check; verdict) per check made at training time, a whiteness pass on fewer lagged
    residuals than the LM test's (Check.partial) a note as on the Train page; empty for versions older than the
    checks."""
    rows = []
    for raw in (artifact.adequacy or {}).get("checks") or []:
        check = Check.from_dict(raw)
        rows.append((NOTE if check.partial else "ok" if check.ok else "failed", check.name, check.verdict))
    return rows


def metrics_frame(artifact: Artifact) -> pd.DataFrame | None:
    """Holdout RMSE, MAE and MAPE per variable, or None when the version kept no holdout."""
    evaluation = artifact.evaluation or {}
    if not evaluation.get("metrics"):
        return None
    return metrics_table(evaluation)


def metrics_markdown(frame: pd.DataFrame) -> str:
    """The metrics as a markdown table: variables left, numbers right-aligned, a dash where a value is missing;
    RMSE and MAE, in each variable's units, in the format of its RMSE, the others in one format per column.

    A few rows read as text. Streamlit's table element would make the browser fetch and compile its code
    the first time a tab shows it: that was a fifth of the Models page's first opening (docs/BENCHMARKS.md).
    """
    formats = number_formats(frame)
    units = [METRIC_LABELS[m] for m in UNIT_METRICS if METRIC_LABELS[m] in frame.columns]  # each row its own
    columns = list(frame.columns)
    lines = [
        "| " + " | ".join(literal(str(name)) for name in [frame.index.name or "", *columns]) + " |",
        "| :-- |" + " --: |" * len(columns),
    ]
    for label, row in frame.iterrows():
        # a variable's errors in the format of its RMSE, as the Forecast card and the Models list print it: a rate's
        # RMSE beside a level's in one column's format printed 0.000090
        fmt = column_format([row[units[0]]] if units else [])
        shown = {**formats, **{c: lambda value, fmt=fmt: format_number(value, fmt) for c in units}}
        cells = [(shown[c](row[c]) if c in shown else literal(str(row[c]))) or "–" for c in columns]
        lines.append("| " + " | ".join([literal(str(label)), *cells]) + " |")
    return "\n".join(lines)


def render(artifact: Artifact) -> None:
    """The six sections in two columns, and the stored metadata as a download."""
    left, right = st.columns(2, gap="large")
    with left.container(border=True):
        _facts("Spec", spec_facts(artifact))
    with right.container(border=True):
        _facts("Data", data_facts(artifact))
    with left.container(border=True):
        st.markdown("**Metrics**")
        frame = metrics_frame(artifact)
        if frame is None:
            st.caption("No holdout: the version was fitted on every row.")
        else:
            other = holdout_order(artifact.spec.kind, artifact.k_ar, artifact.evaluation)
            st.caption(
                f"Holdout forecasts of the last {(artifact.evaluation or {}).get('rows')} rows, in levels"
                + (f", {other}." if other else ".")
            )
            st.markdown(metrics_markdown(frame))
            for note in score_notes(frame["MAPE %"], artifact.spec.exog, artifact.data.exog):
                st.caption(library_text(note))  # it names exogenous variables: as typed
    with right.container(border=True):
        rows = adequacy_rows(artifact)
        icons = {"ok": ":green[:material/check_circle:]", NOTE: ":blue[:material/info:]"}
        icons["failed"] = ":orange[:material/warning:]"
        # a verdict's `code` (a transform's name) reads as on the Diagnostics page
        lines = [f"{icons[state]} **{literal(name)}**: {literal(verdict, code=True)}" for state, name, verdict in rows]
        st.markdown("  \n".join(["**Adequacy**", *lines]))  # one block (ui.layout)
        if not rows:
            st.caption("Not checked: the version is older than the adequacy checks.")
    with left.container(border=True):
        _facts("Fills", fill_facts(artifact))
    with right.container(border=True):
        _facts("Notes", note_facts(artifact))
    st.download_button(
        "Download the stored metadata (JSON)",
        to_json(artifact.to_body(), indent=2).encode(),
        f"{artifact.name}-{artifact.version}.json",
        "application/json",
        icon=":material/data_object:",
        on_click="ignore",
        key="models_json",
    )


def render_entry(entry) -> None:
    """What the listing knows of an object that cannot be loaded: where it is, how big, and why."""
    facts = {"object": entry.key, "size": f"{entry.size:,} bytes" if entry.size is not None else "unknown"}
    facts |= {"etag": entry.etag or "none", "status": entry.status}
    with st.container(border=True):
        _facts("Object", facts)


def _facts(title: str, facts: dict[str, str]) -> None:
    lines = [f"**{title}**"] + [f":gray[{literal(key)}:] {literal(value)}" for key, value in facts.items()]
    st.markdown("  \n".join(lines))
