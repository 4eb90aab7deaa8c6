"""Tables for the pages, built from varlib objects (pure pandas, no Streamlit calls)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from varlib import VersionEntry, VersionForecast


def forecast_table(result: VersionForecast) -> pd.DataFrame:
    """Wide table: one row per date, mean/lower/upper per variable."""
    columns = {}
    for j, variable in enumerate(result.variables):
        columns[variable] = result.forecast.mean[:, j]
        columns[f"{variable} lower"] = result.forecast.lower[:, j]
        columns[f"{variable} upper"] = result.forecast.upper[:, j]
    return pd.DataFrame(columns, index=pd.Index(result.index, name="date"))


def versions_table(entries: list[VersionEntry]) -> pd.DataFrame:
    """The Models page table: one row per version or stray object, newest first."""
    rows = []
    for entry in entries:
        card = entry.card
        rows.append(
            {
                "version": entry.label,
                "status": "ok" if entry.ok else f"⚠ {entry.status}",
                "kind": card.kind.upper() if card else "",
                "model": card.model if card else "",
                "created": ((card.created_at if card else None) or "").replace("T", " ").replace("Z", " UTC"),
                "author": card.author if card else "",
                "dataset": card.dataset if card else "",
                "variables": ", ".join(card.variables) if card else "",
                "frequency": card.frequency if card else "",
                "lag order": card.k_ar if card else None,
                "checks": ("⚠ " + ", ".join(card.flags) if card.flags else "ok") if card else "",
                "holdout RMSE": ", ".join(f"{v} {_fmt(x)}" for v, x in card.holdout_rmse.items()) if card else "",
                "notes": card.notes if card else "",
            }
        )
    # What tells versions apart first (notes, checks); the wide columns last, where a narrow screen cuts them
    order = [
        "version",
        "status",
        "kind",
        "notes",
        "checks",
        "created",
        "author",
        "variables",
        "frequency",
        "lag order",
        "model",
        "dataset",
        "holdout RMSE",
    ]
    return pd.DataFrame(rows, columns=order)


def lag_selection_table(selection: dict, chosen: int, ic: str | None) -> pd.DataFrame:
    """Information criteria per lag, with the criterion's minimum and the order used marked."""
    frame = pd.DataFrame(selection["table"]).set_index("lag")
    frame.insert(0, "chosen", ["✓" if lag == chosen else "" for lag in frame.index])
    if ic:
        frame.insert(1, f"best {ic}", ["✓" if lag == selection["selected"].get(ic) else "" for lag in frame.index])
    return frame


def metrics_table(evaluation: dict) -> pd.DataFrame:
    """Holdout RMSE, MAE and MAPE per variable."""
    frame = pd.DataFrame(evaluation["metrics"]).T
    frame.index.name = "variable"
    return frame.rename(columns={"rmse": "RMSE", "mae": "MAE", "mape": "MAPE %"})


def _fmt(value) -> str:
    if value is None or not np.isfinite(value):
        return "–"
    return f"{value:.4g}"
