"""The Train page's model-kind parts: the kind choice, each kind's options (offered to the kinds that take them,
varlib.kind_names), a VECM's own inputs and words, the VECM the tests propose, its rank."""

from __future__ import annotations

import streamlit as st

from ui.johansen_table import johansen_formats
from ui.train_keys import field_key, renewed
from ui.train_load import FROM_KEY, LIMIT_KEY, TO_KEY
from ui.train_range import first_moment
from varlib import (
    DETERMINISTIC,
    DETERMINISTIC_WORDS,
    TREND_WORDS,
    TRENDS,
    AdvisedVecm,
    Integration,
    TrainResult,
    counted,
    johansen_caveat,
    kind_names,
    kind_title,
    order_floor,
)

# the fields the VECM button sets are drawn under field_key(name): new keys at each press (ui.train_keys)
KIND = "train_kind"
DETERMINISTIC_KEY = "train_deterministic"
HOW, LAGS = "train_how", "train_lags"  # the lag order's fields (views/train.py)
TRANSFORM = "train_transform"  # the first kind's key, as it was before there were kinds; others add "|<kind>"
FIRST_KIND = "var"  # the kind the page fitted before it offered others: a session's choice under its old key stays
KIND_HELP = {
    "var": "vector autoregression: levels, differences or log differences",
    "vecm": "vector error correction: cointegrated levels, long-run relations kept",
}
# An error-correction model's own words (why it searches from 1 lag is the library's: varlib.order_floor)
VECM_ORDER = "The lag order is the VAR order in levels: the VECM has one lagged difference fewer."


def transform_key(kind: str) -> str:
    """Each kind keeps its own transform choice (their options differ)."""
    return field_key(_transform_name(kind))


def _transform_name(kind: str) -> str:
    return TRANSFORM if kind == FIRST_KIND else f"{TRANSFORM}|{kind}"


def model_options(where, kind: str, k: int) -> dict:
    """The options `kind` takes beside its transform (in `where`, for `k` variables): a VAR's trend; a VECM's
    rank and deterministic terms (vecm_inputs). ModelSpec's arguments; no trend: the default, c."""
    if kind in kind_names("coint_rank"):  # an error-correction model's own inputs
        return vecm_inputs(where, k)
    if kind not in kind_names("trend"):
        return {}
    trend = where.selectbox(
        "Trend", TRENDS, format_func=lambda t: f"{t} ({TREND_WORDS[t]})", key="train_trend", persist_state="session"
    )
    return {"trend": trend}


def order_note(kind: str) -> str | None:
    """How an error-correction model counts its lag order (None for a kind that counts its own lags: a VAR)."""
    return VECM_ORDER if kind in kind_names("coint_rank") else None


def zero_lags_help(kind: str) -> str | None:
    """Why a criterion cannot choose 0 lags for `kind` (None where it can: a VAR, white noise around its trend)."""
    takers = kind_names("min_lags")
    if kind in takers:
        return None
    why = order_floor(kind)  # the words the library warns with when it raises a min lags 0 to 1
    return f"A {' or '.join(map(kind_title, takers))} option" + (f": {why}." if why else ".")


def rank_key(k: int) -> str:
    """The rank chosen is kept per number of variables (its options differ)."""
    return field_key(_rank_name(k))


def _rank_name(k: int) -> str:
    return f"train_rank|{k}"


def kind_input() -> str:
    """The model kind, a VAR unless chosen otherwise."""
    return st.radio(
        "Model kind",
        kind_names(),
        format_func=lambda name: f"{kind_title(name)} ({KIND_HELP.get(name, name)})",
        key=field_key(KIND),
        persist_state="session",
        help="A VECM fits integrated, cointegrated series in (log) levels and keeps their long-run relations;"
        " the unit-root and Johansen tests on the left say whether the data look like that.",
    )


def vecm_inputs(where, k: int) -> dict:
    """A VECM's cointegration rank (in `where`, beside the transform; auto: Johansen's trace test) and its
    deterministic terms on a row of their own, wide enough for the longest one's words."""
    ranks = ["auto", *range(1, max(k, 2))]
    rank = where.selectbox(
        "Cointegration rank",
        ranks,
        key=rank_key(k),
        persist_state="session",
        format_func=lambda r: "auto (Johansen, 5%)" if r == "auto" else str(r),
        help=f"How many long-run relations tie the {k} variables together (1 to {max(k - 1, 1)}); auto: as many"
        " as Johansen's trace test finds at 5%.",
    )
    key = field_key(DETERMINISTIC_KEY)
    deterministic = st.selectbox(
        "Deterministic terms",
        DETERMINISTIC,
        # the default only for a key that holds nothing: beside a value set (the button's) Streamlit warns
        index=None if key in st.session_state else DETERMINISTIC.index("co"),
        format_func=lambda d: f"{d} ({DETERMINISTIC_WORDS[d]})",
        key=key,
        persist_state="session",
        help="JMulTi's and statsmodels' cases: a constant or trend outside the cointegration relation (o) or"
        " restricted to it (i).",
    )
    return {"deterministic": deterministic, "coint_rank": None if rank == "auto" else int(rank)}


def propose_vecm(result: Integration, k: int) -> None:
    """When the advice names a VECM (integrated variables with 0 < r < k cointegrating relations that are not only
    stationary variables' own levels), say so and offer one."""
    johansen, advised = result.johansen, result.advised_vecm
    if johansen is None or advised is None:
        return
    found = f"Johansen's trace test finds {counted(johansen.rank, 'long-run relation')} at 5%"
    if result.recommended_transform is None:  # the relations may be an unclear variable's own level (the advice)
        st.info(
            f"**Cointegration?** {found}, but not among the integrated variables alone: compare a VECM of rank"
            f" {johansen.rank} on the {result.tested_on} with a VAR in differences on the holdout.",
            icon=":material/link:",
        )
    else:
        st.success(
            f"**Cointegration.** The variables look integrated and {found}: a VECM of rank {johansen.rank} on the"
            f" {result.tested_on} keeps {'it' if johansen.rank == 1 else 'them'}, where a VAR in differences would"
            " throw them away.",
            icon=":material/link:",
        )
    st.button(
        f"Use a VECM with rank {advised.coint_rank} at order {advised.lags} (transform {advised.transform})",
        key="train_propose_vecm",
        icon=":material/link:",
        on_click=_choose_vecm,
        args=(advised, k),
    )


def _choose_vecm(advised: AdvisedVecm, k: int) -> None:
    # a callback runs before the next run draws the widgets, so their keys may be set here: renewed keys, which a
    # rerun request sent before this run was drawn does not name (ui.train_keys); the order and terms are the
    # test's too: at the order a criterion chooses, the test may find another rank, or none
    st.session_state[renewed(KIND)] = "vecm"
    st.session_state[renewed(_rank_name(k))] = advised.coint_rank
    st.session_state[renewed(_transform_name("vecm"))] = advised.transform
    st.session_state[renewed(HOW)], st.session_state[renewed(LAGS)] = "fixed", advised.lags
    st.session_state[renewed(DETERMINISTIC_KEY)] = advised.deterministic
    if start := _first_tested(advised):  # a long sample's last rows alone were tested: so are they trained on
        if not st.session_state.get(field_key(LIMIT_KEY)):  # the rows tested ran to the end, not to a To kept unused
            st.session_state[renewed(TO_KEY)] = None
        # the exact row on intraday rows (From then takes a time of day), its day on daily ones
        st.session_state[renewed(LIMIT_KEY)], st.session_state[renewed(FROM_KEY)] = True, first_moment(start)


def _first_tested(advised: AdvisedVecm) -> str | None:
    """The first row tested where a long sample's last rows alone were (ISO, a time of day after the date on intraday
    rows), else None: every row was."""
    return advised.sample.start if advised.sample.last_rows else None


def show_cointegration(result: TrainResult) -> None:
    """A VECM's rank and Johansen's table of its training sample (nothing for other kinds)."""
    johansen = getattr(result.params, "johansen", None)
    if johansen is None:
        return
    st.markdown("**Cointegration**")
    st.caption(
        f"Rank **{result.params.coint_rank}** ({result.params.rank_method}). Johansen's test on all rows"
        f" ({counted(johansen.lagged_differences, 'lagged difference')}, deterministic terms: {johansen.deterministic})"
        f" suggests rank {johansen.rank} at 5%."
        + (f" Note: {caveat}." if (caveat := johansen_caveat(result.spec.deterministic)) else "")
    )
    table = johansen.frame(eigenvalues=False)
    # each column in the one format its values call for, as the Diagnostics page's Johansen table; every rank in
    # sight (the one chosen can be past the tenth, which an inner scroll hid)
    styled = table.style.format(johansen_formats(table))
    st.dataframe(styled, hide_index=True, width="stretch", height="content", key="train_johansen")
