"""The Train page's word on the lag search before Train: the orders searched on the chosen rows, or, on rows too
few for any order, how many a VAR(1) needs and how to get them (a date range that cuts the file is named); and
Train's refusal in a few words where the page already says it."""

from __future__ import annotations

import streamlit as st

from ui.train_load import glance
from varlib import (
    MIN_RESIDUAL_DF,
    ModelSpec,
    VarlibError,
    and_list,
    counted,
    default_max_lags,
    largest_fitting_order,
    rows_needed,
)


def lag_search_hint(source: dict, kind: str, transform: str, trend: str, options: dict, min_lags: int) -> bool:
    """The default maximum on all rows (the holdout fit, on fewer rows, may search fewer); True when it says that the
    rows are too few for any order (Train's refusal then says it once: said_above)."""
    try:
        dataset = glance(source)
        exog = tuple(source.get("exog") or ())
        spec = ModelSpec(
            variables=tuple(source["variables"]), exog=exog, kind=kind, transform=transform, trend=trend, **options
        )
    except VarlibError:
        st.caption(f"Lag search from {min_lags} up to a maximum set by the number of rows, once the data load.")
        return False
    rows, k, rule = len(dataset.frame) - spec.lag_inputs_extra, len(spec.variables), spec.lag_rule_trend
    if largest_fitting_order(rows, k, rule, exog=len(exog)) < 1:
        # default_max_lags never says less than 1: "up to 1" here promised a search that Train then refuses
        ways = ["add rows"] + (["use fewer variables"] if k > 2 else [])
        if source.get("start") or source.get("end"):  # the file may hold the rows: the range left them out
            ways.insert(0, f"widen the date range (Limit the date range keeps {counted(len(dataset.frame), 'row')})")
        st.warning(
            f"Too few rows to train: on {counted(rows, 'usable row')} even a VAR(1) of {k} variables keeps fewer"
            f" than {MIN_RESIDUAL_DF} residual degrees of freedom; it needs at least"
            f" {rows_needed(k, 1, rule, len(exog))}. To train, {and_list(ways, 'or')}.",
            icon=":material/warning:",
        )
        return True
    top = default_max_lags(rows, k, rule, len(exog))
    st.caption(f"Lag search from {min_lags} up to {top}, the sample-aware maximum on these {rows} rows.")
    return False


def said_above(exc: VarlibError, too_few: bool) -> str | None:
    """Train's refusal in a few words when the page already says it in full above (a date range refused under From
    and To, rows too few for any order in the Model section), so that it is said once; None for any other."""
    if getattr(exc, "field", None) in ("start", "end"):
        return "Not trained: the date range is refused, as said under From and To"
    if too_few and getattr(exc, "field", None) == "lags":
        return "Not trained: too few rows for any lag order, as the warning in 2 · Model says"
    return None
