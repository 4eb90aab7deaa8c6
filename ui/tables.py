"""Tables for the pages, built from varlib objects (pure pandas, no Streamlit calls).

Numbers follow one rule everywhere: one format per column (varlib.column_format), so a column never
mixes fixed decimals and scientific notation. Styled tables get it as Styler formatters
(`number_formats`); the Compare table, whose rows are the quantities, gets it per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd
import streamlit as st

from ui import column_widths, hover
from varlib import (
    CHECK_FLAGS,
    CRITERION_LABELS,
    METRIC_LABELS,
    METRICS,
    VersionEntry,
    VersionForecast,
    column_format,
    format_column,
    format_number,
    other_holdout_order,
    scenario_differences,
    unfollowed,
    utc_time,
)

# what the uploaders take: the CSV reader reads tab-separated and UTF-16 text too, which spreadsheets save as
# .txt (Excel's "Unicode Text") or .tsv
UPLOAD_TYPES = ["csv", "tsv", "txt"]


def period_index(dates: Iterable, frequency: str | None) -> pd.Index:
    """A table's rows named by period as the charts' hovers name them (`2010Q1`, `Jan 2010`, `2010`; ISO dates
    for data without a regular frequency, steps `+1` as they are), for the page: downloads keep ISO dates."""
    dates = list(dates)
    names = hover.periods(dates, frequency)
    return pd.Index(names, name="date" if names == [str(d) for d in dates] else "period")


def period_column(name: str, dates: list[str], frequency: str | None, help: str):
    """A read-only date column of an editable table, showing each row's period as the charts' hovers name it
    (2009Q3; undated steps `+1` as they are) while its cell keeps the ISO date the table is parsed back from: a
    label such as `2009Q3` does not say whether the model dates its periods by their first or last day, and a
    date column edited as text would not stay exact."""
    named = dict(zip(dates, hover.periods(dates, frequency), strict=True))
    return st.column_config.SelectboxColumn(name, options=list(named), format_func=named.get, disabled=True, help=help)


def forecast_table(result: VersionForecast, fan: Iterable[int] = ()) -> pd.DataFrame:
    """Wide table: one row per date, per variable the point forecast and its band (`lower`, `upper`), or with
    `fan` levels the bounds of each level the fan chart draws (`lower 30%`, `upper 30%`, ...). A conditional
    forecast adds `conditioned` per variable (True where the value is a condition, not a forecast): a
    download read without the page would take a fixed value, its band of zero width, for the model's own. A
    point's column is its variable's name, or `<variable> mean` where one variable is named as another's bound."""
    bands = {f" {level}%": band for level, band in result.fan(fan).items()} if fan else None
    bands = bands or {"": (result.forecast.lower, result.forecast.upper)}
    fixed = result.forecast.fixed
    ends = [f" {side}{suffix}" for suffix in bands for side in ("lower", "upper")] + [" conditioned"]
    # a variable named as another's bound (`fedfunds lower` beside `fedfunds`) would overwrite it: the points
    # are named `fedfunds mean` then, every column once
    clash = any(f"{v}{end}" in result.variables for v in result.variables for end in ends)
    columns = {}
    for j, variable in enumerate(result.variables):
        columns[f"{variable} {result.forecast.point}" if clash else variable] = result.forecast.mean[:, j]
        for suffix, (lower, upper) in bands.items():
            columns[f"{variable} lower{suffix}"] = lower[:, j]
            columns[f"{variable} upper{suffix}"] = upper[:, j]
        if fixed is not None:  # every variable gets one, so each variable's tab holds as many columns
            columns[f"{variable} conditioned"] = np.isfinite(fixed[:, j])
    return pd.DataFrame(columns, index=pd.Index(result.index, name="date"))


def differences_table(baseline: VersionForecast, scenario: VersionForecast, levels=None) -> pd.DataFrame:
    """Scenario against baseline, one row per date: per variable the baseline, the scenario and the
    difference (absolute, and in percent of the baseline; none near 0, see scenario_differences' `levels`), and
    `conditioned` as forecast_table marks it: which differences were imposed and which followed from them."""
    long = scenario_differences(baseline, scenario, levels)
    fixed = scenario.forecast.fixed
    columns = {}
    for j, variable in enumerate(baseline.variables):
        rows = long[long["variable"] == variable].set_index("date").reindex(baseline.index)
        for what in ("baseline", "scenario", "difference", "difference %"):
            columns[f"{variable} {what}"] = rows[what].to_numpy()
        if fixed is not None and np.isfinite(fixed[:, j]).any():  # a variable no condition fixes has no mark
            columns[f"{variable} conditioned"] = np.isfinite(fixed[:, j])
    return pd.DataFrame(columns, index=pd.Index(baseline.index, name="date"))


def versions_table(entries: list[VersionEntry], withdrawn: Mapping | None = None) -> pd.DataFrame:
    """The Models page table: one row per version or stray object, newest first (withdrawn ones say so).
    Each holdout RMSE is printed in the format its own value calls for: the variables' units differ."""
    withdrawn = withdrawn or {}
    rows = []
    created = _created(entries)
    for entry, when in zip(entries, created, strict=True):
        card = entry.card
        status = "ok" if entry.ok else f"⚠ {entry.status}"
        if entry.version in withdrawn:
            gone = withdrawn[entry.version]
            # the word alone: a reason runs to 2000 characters, and cut to the column it read as neither; the
            # version's details (governance.warn_if_withdrawn) say who withdrew it and why
            status = "withdrawn (record damaged)" if gone.damaged else "withdrawn"
        rows.append(
            {
                "version": entry.label,
                "status": status,
                "kind": card.kind.upper() if card else "",
                "model": card.model if card else "",
                "created": when,
                "author": card.author if card else "",
                "dataset": card.dataset if card else "",
                "variables": ", ".join(card.variables) if card else "",
                "frequency": card.frequency if card else "",
                "lag order": card.k_ar if card else None,
                "checks": checks_text(card) if card else "",
                "holdout RMSE": holdout_rmse_text(card) if card else "",
                "notes": card.notes if card else "",
            }
        )
    return pd.DataFrame(rows, columns=VERSION_COLUMNS)


def _created(entries: list[VersionEntry]) -> list[str]:
    """Each entry's publication time to the minute (the column is narrow), or to the second for the whole column
    when two would read alike: then which was published first reads in the table, as its newest-first order."""
    stamps = [utc_time(entry.card.created_at if entry.card else None)[:19] for entry in entries]
    minutes = [stamp[:16] for stamp in stamps if stamp]
    return stamps if len(set(minutes)) < len(minutes) else [stamp[:16] for stamp in stamps]


NOTE = "note"  # a check passed only as a note (varlib Check.partial): the card, its table and the `checks` cell


# A failed check by its name (`stability`), not its flag (`not stable`): the three flags took 385 px of the table,
# which then cut them; the version's details give each check's verdict
_CHECK_OF_FLAG = {flag: check for check, flag in CHECK_FLAGS.items()}


def checks_text(card) -> str:
    """The `checks` cell: the failed checks (by name) and training warnings, `ok` only when checks were stored and
    all passed, `ok (note)` when one passed only as a note (Check.partial), `not checked` for a version stored
    without them (older than the checks); empty when an old card does not say."""
    flags = "⚠ " + ", ".join(_CHECK_OF_FLAG.get(flag, flag) for flag in card.flags) if card.flags else ""
    if card.checked is False:
        return f"not checked; {flags}" if flags else "not checked"
    if flags or not card.checked:
        return flags or ""
    # a pass on fewer lagged residuals is a note, as the Diagnostics page and the version's card say: no all-clear
    return f"ok ({NOTE})" if card.noted else "ok"


def holdout_rmse_text(card, order_words: str = "") -> str:
    """Per variable, each in the format its value calls for (in its variable's units, as the metrics table prints
    it); with the holdout's own lag order when the criterion chose another one on its rows."""
    text = ", ".join(f"{v} {format_number(x, column_format([x])) or '–'}" for v, x in card.holdout_rmse.items())
    other = other_holdout_order(card.kind, card.k_ar, card.holdout_k_ar)
    return f"{text} (of a {other}{order_words})" if other and text else text


# What tells versions apart first (notes, checks); the wide columns last
VERSION_COLUMNS = [
    "version",
    "status",
    "created",
    "author",
    "variables",
    "model",
    "checks",
    "notes",
    "kind",
    "lag order",
    "frequency",
    "dataset",
    "holdout RMSE",
]


def lag_selection_table(selection: dict, chosen: int, ic: str | None) -> pd.DataFrame:
    """Information criteria per lag (headed AIC, BIC, ...), with the criterion's minimum and the order used marked."""
    frame = pd.DataFrame(selection["table"]).set_index("lag").rename(columns=CRITERION_LABELS)
    frame.insert(0, "chosen", ["✓" if lag == chosen else "" for lag in frame.index])
    if ic:
        frame.insert(1, f"best {CRITERION_LABELS[ic]}", np.where(frame.index == selection["selected"].get(ic), "✓", ""))
    return frame


def metrics_table(evaluation: dict) -> pd.DataFrame:
    """Holdout RMSE, MAE and MAPE per variable."""
    frame = pd.DataFrame(evaluation["metrics"]).T
    frame.index.name = "variable"
    frame = frame[[m for m in METRICS if m in frame.columns]]  # a stored version's keys are sorted
    return frame.rename(columns=METRIC_LABELS)


def aliases_table(aliases, withdrawn: Mapping | None = None, entries: Iterable = ()) -> pd.DataFrame:
    """Aliases of a model: where each points (`(withdrawn)`, `(gone)` or `(unusable)` when that version is, from
    the model's listing `entries`: the alias is refused until moved), how often it moved, who moved it last and
    when; a damaged alias object says so (ui.governance writes why, and how to repair it, under the table: too long
    for a cell)."""
    marked = {version: f"{version} ({word})" for version, word in unfollowed(entries, withdrawn or {}).items()}
    rows = [
        {
            "alias": f"@{a.alias}",
            "version": "⚠ damaged" if a.damaged else marked.get(a.version, str(a.version)),
            "moves": a.revision,
            "moved by": a.actor.in_a_cell(),  # `id CiQw…` for a token without a name claim
            "at": utc_time(a.at),
        }
        for a in aliases
    ]
    return pd.DataFrame(rows, columns=["alias", "version", "moves", "moved by", "at"])


def history_table(records) -> pd.DataFrame:
    """The audit trail, newest first: who did what to which version or alias, when and from where."""
    rows = [
        {
            "at": utc_time(r.at),
            "action": "⚠ damaged" if r.damaged else r.action,
            "version": r.version or "",
            "alias": f"@{r.alias}" if r.alias else "",
            "scenario": r.scenario or "",
            "was": r.previous or "",
            "latest": r.latest_move(),  # `0.0.14 → 0.0.13` when the change moved `latest`
            "by": r.actor.in_a_cell(),  # as the aliases' `moved by`; the whole subject beside it
            "subject": r.actor.subject,
            "via": r.actor.via,
            "from": r.actor.origin,
            "reason": r.damaged or r.reason,  # a damaged record: why it cannot be read, and that it is kept
            "restored": utc_time(r.restored),
        }
        for r in records
    ]
    columns = ["at", "action", "version", "alias", "scenario", "was", "latest", "by", "reason"]
    # who and why before the identity's details: at 1440 px a subject (an opaque id) took their room
    columns += ["via", "from", "subject"]
    columns += ["restored"] if any(r.restored for r in records) else []  # by `varlib reindex` (a change cut off)
    return pd.DataFrame(rows, columns=columns)


def number_formats(frame: pd.DataFrame, p_values: Iterable[str] = (), digits: int = 4) -> dict[str, Callable]:
    """Styler formatters: each numeric column of `frame` in the one format its values call for."""
    p_values = set(p_values)
    formats = {}
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]) or frame[column].dtype == bool:
            continue
        fmt = column_format(frame[column], column in p_values, digits)
        formats[column] = lambda value, fmt=fmt: format_number(value, fmt)
    return formats


def comparison_cells(table: pd.DataFrame) -> pd.DataFrame:
    """The Compare table as text: a row holds one quantity across versions, so each row gets one format."""

    def row_text(row: pd.Series) -> pd.Series:
        present = [v for v in row if v is not None and not (isinstance(v, float) and np.isnan(v))]
        numeric = present and all(isinstance(v, int | float | np.number) and not isinstance(v, bool) for v in present)
        if numeric:
            return pd.Series(format_column(list(row)), index=row.index)
        return row.map(lambda v: "" if v is None else str(v))

    return table.apply(row_text, axis=1)


def label_width(labels: Iterable) -> int:
    """Pixels a column needs to show its longest label whole (row names of the Compare table; ui.column_widths),
    as wide as 8 characters when there is none."""
    return column_widths.need([str(label) for label in labels] or ["x" * 8])


# The Compare table at 1440 px with the sidebar open is about 980 px wide: its row names get at most ROW_NAMES_PX,
# and up to three versions share the rest, so that they are all in sight however long a variable's name (a row
# `holdout MAPE % <name>`, the `variables` cell) is; a cut text reads whole in its cell's overlay (a double click)
COMPARE_PX, ROW_NAMES_PX, VERSION_PX = 960, 300, 220


def name_columns(frame: pd.DataFrame, columns: Iterable[str], most: int = ROW_NAMES_PX) -> dict:
    """Column settings that keep each of `columns` (names: variables, `a, b` lists) to the width its longest text
    needs, `most` px at the widest: long variable names widened such a column so far that the numbers beside it
    (p-values, the RMSE ratio) ran off the table's right edge at 1440 px. A cut name reads whole in its overlay."""
    return {c: st.column_config.TextColumn(width=min(label_width([c, *frame[c]]), most)) for c in columns}


def comparison_widths(table: pd.DataFrame) -> tuple[int, dict[str, int], bool]:
    """The width of the Compare table's row names and of each version's column (`table`: its cells as text), and
    whether any text is cut short."""
    whole = [label_width(table.index)] + [label_width([column, *table[column]]) for column in table.columns]
    share = max(VERSION_PX, (COMPARE_PX - min(whole[0], ROW_NAMES_PX)) // max(len(table.columns), 1))
    widths = [min(whole[0], ROW_NAMES_PX)] + [min(width, share) for width in whole[1:]]
    return widths[0], dict(zip(table.columns, widths[1:], strict=True)), widths != whole


GOOD = "background-color: rgba(26,152,80,0.25)"  # a good score, a significant p-value
