"""Backtest: rolling-origin evaluation of a version's spec beside a random-walk baseline, with progress."""

from __future__ import annotations

import numpy as np
import streamlit as st

from ui import comparison_figures, session, url_state
from ui.backtest_table import backtest_styler, paired_formats
from ui.chart_files import backtest_part, file_stem, images_named
from ui.chart_look import plot
from ui.errors import explain, guarded, show_error
from ui.literal import library_text
from ui.spreadsheet_csv import csv_bytes
from ui.tables import name_columns
from ui.url_state import Field
from ui.version_pick import open_page, pick_model, pick_version
from ui.whole_number import from_link, whole_number
from varlib import (
    DEFAULT_HORIZON,
    DEFAULT_ORIGINS,
    MAX_HORIZON,
    MAX_ORIGINS,
    METRICS,
    Backtest,
    VarlibError,
    backtest,
    backtest_file_table,
    can_reselect,
    check_backtest,
    counted,
    score_notes,
)

FITS = "Set fewer origins or a shorter horizon above: Run backtest waits until they fit this version's data."
RESULTS = "backtests"  # ui.session slot: (name, version, origins, horizon, policy) -> Backtest
POLICIES = {"fixed": "Keep the version's lag order", "reselect": "Re-select the order at each origin"}
PAGE = "bt"
TABLE_ROWS_SHOWN = 24
LINK_METRIC = "_bt_link_metric"
FIELDS = [
    Field("origins", "bt_origins", from_link("bt_origins", "{} origins are"), "a whole number"),
    Field("horizon", "bt_horizon", from_link("bt_horizon", "horizon {} is"), "a whole number"),
    Field("lags", "bt_policy", url_state.one_of(tuple(POLICIES)), " or ".join(POLICIES)),
    # a link carries the metric only once scores were shown (_show writes it): opening it shows them again
    Field("metric", LINK_METRIC, url_state.one_of(METRICS), " or ".join(METRICS)),
]


def render() -> None:
    st.title("Backtest")
    st.caption(
        "Rolling origin: at each of the last N cut points the version's spec is refitted on the data up to"
        " it and forecasts 1..h periods ahead; errors are scored in levels beside a no-change forecast."
    )
    problems = open_page(PAGE, FIELDS)
    # labels in line above the taller radio; the number fields hold three digits beside their clear and step buttons
    top = st.columns([1.4, 1.4, 1.2, 1.2, 1.8], vertical_alignment="top")
    name = pick_model(PAGE, top[0])
    if name is None:
        return
    artifact = pick_version(PAGE, name, top[1], problems)
    if artifact is None:
        url_state.warn(problems)
        return
    # the settings, like the pickers, are kept while another page runs
    origins = whole_number(
        top[2], "Origins (N)", 1, MAX_ORIGINS, "bt_origins", DEFAULT_ORIGINS, persist_state="session"
    )
    horizon = whole_number(
        top[3], "Horizon (h)", 1, MAX_HORIZON, "bt_horizon", DEFAULT_HORIZON, persist_state="session"
    )
    reselectable, criterion = can_reselect(artifact), artifact.spec.ic.upper()
    if not reselectable and st.session_state.get("bt_policy") == "reselect":
        # the greyed-out radio must show the order the backtest keeps, not a re-selection it does not run
        st.session_state["bt_policy"] = "fixed"
        if url_state.applied(PAGE).get("lags") == "reselect":
            problems.append(f"lags 'reselect' for {artifact.label}, whose lag order is fixed (no criterion chose it)")
    policy = top[4].radio(
        "Lag order",
        list(POLICIES),
        format_func=POLICIES.get,
        key="bt_policy",
        persist_state="session",
        horizontal=True,
        disabled=not reselectable,
        help=f"Keeping the version's order uses one the criterion ({criterion}) chose on every row,"
        " the backtest's own included: a little look-ahead. Re-selecting runs the criterion at every origin on the"
        " rows before it (and a VECM's rank test when Johansen's test chose its rank); slower, and honest."
        if reselectable
        else "This version has a fixed lag order.",
    )
    policy = policy if reselectable else "fixed"
    params = {
        "model": name,
        "version": st.session_state.get(f"{PAGE}_version|{name}"),
        "origins": str(origins),
        "horizon": str(horizon),
        "lags": policy,
        "metric": st.session_state.get("bt_metric"),  # the chart's; written once the chart shows which
    }
    url_state.warn(problems)
    key = (artifact.name, str(artifact.version), origins, horizon, policy)
    linked = st.session_state.pop(LINK_METRIC, None)
    if linked is not None:
        st.session_state["bt_metric"] = linked
    # the version's data bound origins + horizon: a backtest they refuse is said before Run, which waits (a link
    # asking for scores is answered by the run's refusal, as before)
    refusal = _refusal(artifact, origins, horizon, policy)
    asked = linked is not None and key not in session.results(RESULTS)  # a link with scores runs them (or fails)
    if refusal is not None and not asked:
        st.warning(explain(refusal, advice=FITS), icon=":material/block:")
    pressed = st.button(
        "Run backtest",
        type="primary",
        icon=":material/play_arrow:",
        key="bt_run",
        disabled=refusal is not None,
        help=FITS if refusal is not None else None,
    )
    if pressed or asked:
        bar = st.progress(0.0, text="Refitting…")
        try:
            session.remember(
                RESULTS,
                key,
                backtest(
                    artifact,
                    origins,
                    horizon,
                    policy,
                    progress=lambda done, total: bar.progress(done / total, text=f"origin {done} of {total}"),
                ),
            )
        except VarlibError as exc:
            bar.empty()
            show_error(exc)
            url_state.write(PAGE, {**params, "metric": None})  # the settings in use, and no scores to show again
            return
        bar.empty()
    result = session.results(RESULTS).get(key)
    if result is None:
        url_state.write(PAGE, {**params, "metric": None})  # no scores shown: a link would not show any
        if refusal is None:
            again = f", choosing its lag order by {criterion} again at each origin" if policy == "reselect" else ""
            most = _most_origins(artifact, horizon, policy)
            st.info(
                f"Press **Run backtest** to refit this version {_times(origins)}{again}: {artifact.description}."
                f" At horizon {horizon} its data allow up to {counted(most, 'origin')}.",
                icon=":material/play_arrow:",
            )
        return
    _show(result, artifact.data.frequency, params, artifact.data.exog)


def _show(result: Backtest, alias: str | None, params: dict, observed: np.ndarray | None) -> None:
    """The scores of a run: its span, the chart of the metric picked (written to the page's address with the
    settings in `params`), and the table."""
    count = len(result.origins)
    tested = f"**{result.name} {result.version}**: " if result.version else ""  # `latest` may move meanwhile
    st.caption(f"{tested}{library_text(result.summary())}, {result.seconds:.2f}s.")
    table = result.scores()
    # MAPE left out for every variable (all change sign) would draw only empty panels: not offered then
    no_mape = table["mape"].isna().all()
    options = [m for m in METRICS if not (no_mape and m == "mape")]
    if st.session_state.get("bt_metric") not in options:
        st.session_state["bt_metric"] = "rmse"
    # required: clicking the selected segment no longer clears it, so the control always shows what is drawn
    metric = st.segmented_control(
        "Metric",
        options,  # its value is set above: a default too would be a second source (Streamlit warns)
        required=True,
        key="bt_metric",
        format_func=str.upper,
        persist_state="session",
        help=f"No MAPE here. {score_notes(table['mape'])[0]}" if no_mape else None,
    )
    url_state.write(PAGE, {**params, "metric": metric})
    figure = comparison_figures.backtest_figure(result, metric, alias)
    # the files are named after the settings that scored them: two runs' files never share a name
    stem = file_stem(
        result.name, result.version, "backtest", *backtest_part(params["origins"], params["horizon"], params["lags"])
    )
    with images_named(stem):
        plot(st, figure, key="bt_chart", image=metric)
    styled = paired_formats(backtest_styler(table), table)
    over = counted(count, "forecast") + " per horizon"
    if (table["forecasts"] < count).any():  # a fill wrote some of the values: those are not scored
        over = f"up to {over} (`forecasts`: fewer where a filled value was not scored)"
    st.caption(
        "`_rw`: the random walk (no change); MAPE in percent. `rmse_ratio` < 1 (green): the model's RMSE is below"
        " the random walk's (above it: red; uncoloured where equal to six decimals) at that horizon,"
        f" over {over} and with no test of significance; on trending series a"
        " no-change forecast is a weak benchmark."
    )
    # every row shown up to two dozen (a 12-row table scrolled after 10); a longer one scrolls inside the page
    height = "content" if len(table) <= TABLE_ROWS_SHOWN else "auto"
    names = name_columns(table, ["variable"])
    st.dataframe(
        styled, hide_index=True, width="stretch", height=height, key="bt_table", placeholder="–", column_config=names
    )
    for note in (*score_notes(table["mape"], result.exog, observed), *result.notes):
        st.caption(note)
    st.download_button(
        "Download scores (CSV)",
        csv_bytes(backtest_file_table(result), index=False),  # with the run's settings
        f"{stem}.csv",
        "text/csv",
        icon=":material/download:",
        on_click="ignore",
        key="bt_download",
    )


def _refusal(artifact, origins: int, horizon: int, policy: str) -> VarlibError | None:
    """Why the library would refuse this backtest (too many origins or too long a horizon for the version's
    rows), before anything is refitted; None when it runs."""
    try:
        check_backtest(artifact, origins, horizon, policy)
    except VarlibError as exc:
        return exc
    return None


def _most_origins(artifact, horizon: int, policy: str) -> int:
    """The most origins the version's data allow at `horizon` (fewer leave the first origin more rows)."""
    low, high = 0, MAX_ORIGINS
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if _refusal(artifact, middle, horizon, policy) is None else (low, middle - 1)
    return low


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


guarded(render)
