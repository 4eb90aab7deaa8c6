"""The Diagnostics page's cointegration section: a VECM's rank, Johansen's table, its relations and loadings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.johansen_table import johansen_formats
from ui.literal import library_text
from ui.tables import GOOD
from varlib import Diagnostics, counted, format_column


def cointegration(diag: Diagnostics) -> None:
    """Johansen's trace and maximum-eigenvalue table, β (normalised) and α with standard errors."""
    coint = diag.cointegration
    if coint is None:
        st.info("This version is not a VECM: it has no cointegration relations.")
        return
    johansen = coint.johansen
    st.markdown(
        f"Cointegration rank **{coint.rank}** ({coint.rank_method}), deterministic terms **{coint.deterministic}**,"
        f" log-likelihood {coint.log_likelihood:.6g}."
    )
    st.caption(
        f"Johansen's test on the fitted sample ({counted(johansen.lagged_differences, 'lagged difference')},"
        " statsmodels'"
        f" deterministic case: {johansen.deterministic}): H0 rank <= r is rejected where the statistic exceeds its"
        f" 95% critical value; the trace test suggests rank **{johansen.rank}**."
        + (f" Note: {library_text(coint.johansen_caveat)}." if coint.johansen_caveat else "")
    )
    table = johansen.frame(trace_levels=(90, 95, 99))
    styled = table.style.format(johansen_formats(table))  # every rank in sight: past ten, an inner scroll hid them
    st.dataframe(styled, hide_index=True, width="stretch", height="content", key="dg_johansen")
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown("**Cointegration relations (β, normalised)**")
        st.caption("The first r rows are fixed to the identity (the normalisation), so they have no errors.")
        _coefficients(coint.beta, "dg_beta")
    with right:
        st.markdown("**Loadings (α)**")
        st.caption("How fast each variable corrects a deviation from the relation, per period.")
        _coefficients(coint.alpha, "dg_alpha")


def _coefficients(coefs, key: str) -> None:
    """One table for all equations: rows named by the regressor (one equation), the equation (one regressor),
    or both; numbers as text so the normalised entries read as a dash, not as None."""
    rows = []
    for equation in coefs.equations:
        for row in coefs.table(equation):
            label = (
                row["regressor"]
                if len(coefs.equations) == 1
                else equation
                if len(coefs.regressors) == 1
                else f"{equation}: {row['regressor']}"
            )
            rows.append({"": label, **{k: row[k] for k in ("coef", "stderr", "t", "p", "p_normal")}})
    frame = pd.DataFrame(rows).set_index("").rename(columns={"p_normal": "p normal"})
    shown = pd.DataFrame(
        {
            column: [cell or "–" for cell in format_column(frame[column], column in ("p", "p normal"))]
            for column in frame.columns
        },
        index=frame.index,
    )
    styled = shown.style.apply(
        lambda column: [GOOD if p == p and p < 0.05 else "" for p in frame["p"]], subset=["p"], axis=0
    )
    # numbers right-aligned as in every other table: as text (for the dash) they would sit on the left
    right = {column: st.column_config.TextColumn(alignment="right") for column in shown.columns}
    st.dataframe(styled, width="stretch", key=key, column_config=right)
