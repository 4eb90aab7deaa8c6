"""Tables for the pages, built from varlib objects (pure pandas, no Streamlit calls)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from varlib.registry import VersionEntry
from varlib.service import VersionForecast


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
        card = entry.card or {}
        rmse = card.get("holdout_rmse") or {}
        rows.append({
            "version": entry.label,
            "status": "ok" if entry.ok else f"⚠ {entry.status}",
            "created": (card.get("created_at") or "").replace("T", " ").replace("Z", " UTC"),
            "author": card.get("author") or "",
            "dataset": card.get("dataset") or "",
            "variables": ", ".join(card.get("variables") or []),
            "lag order": card.get("k_ar"),
            "holdout RMSE": ", ".join(f"{v} {_fmt(x)}" for v, x in rmse.items()),
            "notes": card.get("notes") or "",
        })
    return pd.DataFrame(rows, columns=["version", "status", "created", "author", "dataset", "variables",
                                       "lag order", "holdout RMSE", "notes"])


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
