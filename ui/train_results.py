"""The Train page's results: the lag search, warnings, the adequacy checks and the holdout."""

from __future__ import annotations

import streamlit as st

from ui.chart_files import digest_of, images_named
from ui.chart_look import plot
from ui.errors import TRAIN, in_controls
from ui.figures import holdout_figure
from ui.literal import library_text, literal
from ui.tables import lag_selection_table, metrics_table, number_formats
from ui.train_vecm import show_cointegration
from ui.vecm_words import page_words
from ui.version_details import holdout_order, metrics_markdown
from varlib import (
    CRITERION_LABELS,
    Evaluation,
    TrainResult,
    frame_sha256,
    label_of,
    order_words,
    score_notes,
    trained_advice,
)

ADVICE = "train_trained_advice"  # (the result, its advice): the tests run once per trained result, not per rerun


def show_results(result: TrainResult) -> None:
    dataset = result.dataset
    frequency = label_of(dataset.frequency) if dataset.frequency else "undated"
    st.markdown(
        f"**{library_text(result.description)}**: lag order **{result.params.k_ar}** ({result.lag_method}), transform"
        f" **{result.spec.transform}**, {len(dataset.frame)} {frequency} rows of {literal(dataset.name)}."
    )
    if dataset.preparation is not None and dataset.preparation.changed:
        summary = library_text(dataset.preparation.summary())  # it names the file's columns
        st.caption(f":material/build: Missing data: {summary} (recorded with the version).")
    for warning in result.warnings:  # they name columns of the person's file: shown as typed; flags as controls
        st.warning(library_text(in_controls(warning, TRAIN)), icon=":material/warning:")
    _adequacy(result)
    if advice := _advice(result):
        st.info(
            f"**Unit roots at the order fitted** (as Diagnostics tests this version). {library_text(advice)}",
            icon=":material/insights:",
        )
    show_cointegration(result)
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown("**Lag selection**")
        if result.selection is None:
            st.caption(f"Fixed lag order {result.params.k_ar}: no selection was run.")
        else:
            table = lag_selection_table(result.selection.to_dict(), result.params.k_ar, result.spec.ic)
            # one format per column, formatted here as the Diagnostics page's table of the same criteria is (the
            # browser's printf writes 2.47127e-2 where Python writes 2.47127e-02)
            st.dataframe(
                table.style.format(number_formats(table[list(CRITERION_LABELS.values())], digits=6), na_rep=""),
                width="stretch",
                height="content",  # every lag, no inner scrolling: the chosen one can be past the tenth
            )
    with right:
        st.markdown("**Holdout metrics**")
        if result.evaluation is None:
            st.caption("No holdout (fraction 0): nothing was held back to score.")
        else:
            evaluation = result.evaluation.to_dict()
            order = order_words(result.spec.kind, evaluation["k_ar"])
            caption = f"A {order} fitted without the last {evaluation['rows']} rows, forecasting them."
            if holdout_order(result.spec.kind, result.params.k_ar, evaluation):
                trained = order_words(result.spec.kind, result.params.k_ar)
                caption += f" The criterion chose that order on those rows; the model trained is a {trained}."
            st.caption(caption)
            st.markdown(metrics_markdown(metrics_table(evaluation)))  # as on the Models page, a dash where left out
            mapes = [m["mape"] for m in evaluation["metrics"].values()]
            exog = result.dataset.frame[list(result.spec.exog)].to_numpy(dtype=float)  # a calendar's: known ahead
            for note in score_notes(mapes, result.spec.exog, exog):
                st.caption(note)
    if result.evaluation is not None:
        _holdout_charts(result, result.evaluation)


def _advice(result: TrainResult) -> str | None:
    """The unit-root advice at the fitted order, unless it advises the model trained (as `varlib train` prints it);
    the preview's advice tests Johansen's rank with one lagged difference, before any order is chosen."""
    kept = st.session_state.get(ADVICE)
    if kept is None or kept[0] is not result:
        kept = st.session_state[ADVICE] = (result, trained_advice(result, page_words))  # in its fields
    return kept[1]


def _adequacy(result: TrainResult) -> None:
    """The three checks of the final fit, each with its verdict; an inadequate model can still be published."""
    if result.adequacy is None:
        return
    st.markdown("**Adequacy of the fit**")
    for check in result.adequacy.checks:
        text = f"**{check.name.capitalize()}.** {check.verdict}"
        if check.partial:  # passed on fewer lagged residuals than the test's own, or not tested: no all-clear
            st.info(text, icon=":material/info:")
        elif check.ok:
            st.success(text, icon=":material/check_circle:")
        else:
            st.warning(text, icon=":material/error:")
    if result.adequacy.flags:
        st.caption("Publishing stays allowed; the version's card will show: " + ", ".join(result.adequacy.flags) + ".")


def _holdout_charts(result: TrainResult, evaluation: Evaluation) -> None:
    frame = result.dataset.frame
    tail = frame.iloc[-(evaluation.rows + max(3 * evaluation.rows, 20)) : -evaluation.rows]
    columns = st.columns(min(len(result.spec.variables), 2))
    named = _holdout_name(result, evaluation)
    for j, variable in enumerate(result.spec.variables):
        fig = holdout_figure(
            variable,
            tail[variable],
            evaluation.dates,
            evaluation.actual[:, j],
            evaluation.forecast[:, j],
            evaluation.lower[:, j],
            evaluation.upper[:, j],
            alias=result.dataset.frequency,
        )
        with images_named(*named):  # not published yet: named after its data
            plot(columns[j % len(columns)], fig, key=f"holdout|{variable}", image=variable)


def _holdout_name(result: TrainResult, evaluation: Evaluation) -> tuple[str, ...]:
    """The holdout charts' name parts: the data, the lag order scored and the rows held out
    (`macrodata-holdout-3-lags-20-rows`), then a digest of the data and every other setting (variables, transform,
    trend, ...), so two trainings' images of one name never show different numbers."""
    content = f"{result.spec!r}{frame_sha256(result.dataset.frame)}".encode()
    return result.dataset.name, "holdout", f"{evaluation.k_ar}-lags", f"{evaluation.rows}-rows", digest_of(content)


def trained_on(source: dict | None, spec_inputs: dict) -> tuple[dict, dict] | None:
    """What a result depends on: the data as chosen (an upload by its id, not its bytes, which would be hashed
    on every rerun) and the model settings; not the name, which only says where it is published."""
    if source is None:
        return None
    chosen = {k: v for k, v in source.items() if k not in ("csv", "recommended_transform")}
    return chosen, {k: v for k, v in spec_inputs.items() if k != "name"}
