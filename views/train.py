"""Train & publish: fit a VAR on the macro data or a CSV, inspect lag selection and holdout, publish."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ui import auth, store
from ui.errors import guarded, show_error
from ui.figures import holdout_figure
from ui.tables import lag_selection_table, metrics_table
from varlib import (
    BUMPS,
    CRITERIA,
    DEFAULT_MAX_LAGS,
    DEFAULT_VARIABLES,
    TRANSFORMS,
    TRENDS,
    AccessDeniedError,
    ModelSpec,
    TrainResult,
    VarlibError,
    check_name,
    guess_date_column,
    load_dataset,
    macro_columns,
    publish_result,
    read_csv,
    train_model,
)

RESULT = "train_result"
PUBLISHED = "train_published"
DENIED = "train_denied"
MACRO = "Bundled macro data"
UPLOAD = "Upload a CSV"
TRANSFORM_HELP = {"none": "levels", "diff": "first differences", "logdiff": "log differences (positive data)"}
TREND_HELP = {"c": "constant", "ct": "constant + linear trend", "n": "none"}


@st.cache_data(show_spinner=False)
def _macro_columns() -> list[str]:
    """The variables of the bundled macro data (read once per process)."""
    return macro_columns()


def render() -> None:
    st.title("Train & publish")
    st.caption(
        "Fit a VAR, check how it would have forecast the last part of the data, then publish it as a new"
        " version that every viewer of the store sees at once."
    )
    data_col, spec_col = st.columns(2, gap="large")
    with data_col:
        st.subheader("1 · Data")
        source = _data_inputs()
    with spec_col:
        st.subheader("2 · Model")
        spec_inputs = _spec_inputs()
    if st.button("Train", type="primary", icon=":material/play_arrow:", disabled=source is None):
        _train(source, spec_inputs)
    result: TrainResult | None = st.session_state.get(RESULT)
    if result is None:
        return
    _results(result)
    _publish(result)


def _data_inputs() -> dict | None:
    kind = st.radio("Dataset", [MACRO, UPLOAD], horizontal=True, key="train_source")
    if kind == MACRO:
        columns = _macro_columns()
        variables = st.multiselect(
            "Variables (at least two)", columns, default=list(DEFAULT_VARIABLES), key="train_macro_vars"
        )
        source = {"csv": None, "csv_name": None, "date_col": None, "variables": variables}
        st.caption("US macro data bundled with statsmodels, quarterly 1959Q1–2009Q3.")
    else:
        upload = st.file_uploader("CSV file: one date column and numeric columns", type=["csv"], key="train_csv")
        if upload is None:
            st.info(
                "Upload a CSV with a header row, a date column and at least two numeric columns.",
                icon=":material/upload_file:",
            )
            return None
        data = upload.getvalue()
        try:
            raw, _, _ = read_csv(data, upload.name)
            guess = guess_date_column(raw.columns) or str(raw.columns[0])
        except VarlibError as exc:
            show_error(exc)
            return None
        columns = [str(c) for c in raw.columns]
        date_col = st.selectbox("Date column", columns, index=columns.index(guess), key=f"train_date|{upload.file_id}")
        candidates = [c for c in columns if c != date_col]
        variables = st.multiselect(
            "Variables (at least two)",
            candidates,
            default=candidates[:2],
            key=f"train_vars|{upload.file_id}|{date_col}",
        )
        source = {"csv": data, "csv_name": upload.name, "date_col": date_col, "variables": variables}
    if len(source["variables"]) < 2:
        st.warning("Pick at least two variables: a VAR models how series move together.", icon=":material/warning:")
        return None
    limit = st.checkbox("Limit the date range", key="train_limit")
    source["start"] = source["end"] = None
    if limit:
        first, second = st.columns(2)
        start = first.date_input(
            "From", value=None, min_value=dt.date(1700, 1, 1), max_value=dt.date(2300, 1, 1), key="train_start"
        )
        end = second.date_input(
            "To", value=None, min_value=dt.date(1700, 1, 1), max_value=dt.date(2300, 1, 1), key="train_end"
        )
        source["start"] = start.isoformat() if start else None
        source["end"] = end.isoformat() if end else None
    return source


def _spec_inputs() -> dict:
    first, second = st.columns(2)
    transform = first.selectbox(
        "Transform", TRANSFORMS, format_func=lambda t: f"{t} ({TRANSFORM_HELP[t]})", key="train_transform"
    )
    trend = second.selectbox("Trend", TRENDS, format_func=lambda t: f"{t} ({TREND_HELP[t]})", key="train_trend")
    how = st.radio("Lag order", ["chosen by a criterion", "fixed"], horizontal=True, key="train_how")
    first, second = st.columns(2)
    if how == "fixed":
        lags = int(first.number_input("Lags", min_value=1, max_value=100, value=2, key="train_lags"))
        ic, max_lags = "aic", DEFAULT_MAX_LAGS
    else:
        lags = None
        ic = first.selectbox("Criterion", CRITERIA, key="train_ic")
        max_lags = int(
            second.number_input("Max lags", min_value=1, max_value=100, value=DEFAULT_MAX_LAGS, key="train_max_lags")
        )
    holdout = st.slider(
        "Holdout fraction",
        0.0,
        0.5,
        0.1,
        0.05,
        key="train_holdout",
        help="The last part of the data is forecast by a model fitted without it (0 skips this).",
    )
    name = st.text_input(
        "Model name",
        value="var",
        key="train_name",
        help="Lower-case letters, digits, '-' or '_'. Versions are numbered per name.",
    )
    return {
        "transform": transform,
        "trend": trend,
        "lags": lags,
        "ic": ic,
        "max_lags": max_lags,
        "holdout": float(holdout),
        "name": name.strip(),
    }


def _train(source: dict, spec_inputs: dict) -> None:
    st.session_state.pop(RESULT, None)
    st.session_state.pop(PUBLISHED, None)
    with st.status("Training…", expanded=True) as status:
        try:
            check_name(spec_inputs["name"])
            st.write("Reading and checking the data…")
            dataset = load_dataset(
                source["csv"],
                source["date_col"],
                source["variables"],
                source["start"],
                source["end"],
                source["csv_name"],
            )
            st.write(
                f"{len(dataset.frame)} rows of {', '.join(dataset.variables)}, {dataset.frame.index[0].date()}"
                f" to {dataset.frame.index[-1].date()}."
            )
            spec = ModelSpec(
                variables=tuple(dataset.variables),
                transform=spec_inputs["transform"],
                trend=spec_inputs["trend"],
                lags=spec_inputs["lags"],
                max_lags=spec_inputs["max_lags"],
                ic=spec_inputs["ic"],
                holdout=spec_inputs["holdout"],
            )
            st.write("Choosing the lag order, scoring the holdout, fitting on all rows…")
            result = train_model(dataset, spec)
        except VarlibError as exc:
            status.update(label="Training failed", state="error", expanded=True)
            show_error(exc)
            return
        status.update(
            label=f"Trained VAR({result.params.k_ar}) in {result.seconds:.2f} s", state="complete", expanded=False
        )
    st.session_state[RESULT] = result
    st.session_state["train_result_name"] = spec_inputs["name"]


def _results(result: TrainResult) -> None:
    st.subheader("3 · Results")
    st.markdown(
        f"Lag order **{result.params.k_ar}** ({result.lag_method}), transform **{result.spec.transform}**,"
        f" trend **{result.spec.trend}**, {len(result.dataset.frame)} rows of {result.dataset.name}."
    )
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown("**Lag selection**")
        if result.selection is None:
            st.caption(f"Fixed lag order {result.params.k_ar}: no selection was run.")
        else:
            table = lag_selection_table(result.selection.to_dict(), result.params.k_ar, result.spec.ic)
            st.dataframe(
                table,
                width="stretch",
                height=min(38 + 35 * len(table), 400),
                column_config={c: st.column_config.NumberColumn(format="%.5g") for c in CRITERIA},
            )
    with right:
        st.markdown("**Holdout metrics**")
        if result.evaluation is None:
            st.caption("No holdout (fraction 0): nothing was held back to score.")
        else:
            evaluation = result.evaluation.to_dict()
            st.caption(
                f"A VAR({evaluation['k_ar']}) fitted without the last {evaluation['rows']} rows, forecasting them."
            )
            st.dataframe(
                metrics_table(evaluation),
                width="stretch",
                column_config={c: st.column_config.NumberColumn(format="%.4g") for c in ("RMSE", "MAE", "MAPE %")},
            )
    if result.evaluation is not None:
        _holdout_charts(result)


def _holdout_charts(result: TrainResult) -> None:
    evaluation = result.evaluation
    frame = result.dataset.frame
    tail = frame.iloc[-(evaluation.rows + max(3 * evaluation.rows, 20)) : -evaluation.rows]
    columns = st.columns(min(len(result.spec.variables), 2))
    for j, variable in enumerate(result.spec.variables):
        fig = holdout_figure(
            variable,
            tail[variable],
            evaluation.dates,
            evaluation.actual[:, j],
            evaluation.forecast[:, j],
            evaluation.lower[:, j],
            evaluation.upper[:, j],
        )
        columns[j % len(columns)].plotly_chart(fig, key=f"holdout|{variable}", config={"displaylogo": False})


def _publish(result: TrainResult) -> None:
    st.subheader("4 · Publish")
    registry = store.registry()
    published = st.session_state.get(PUBLISHED)
    if published:
        name, version = published
        st.success(f"Published **{name} {version}**.", icon=":material/check_circle:")
        st.page_link(
            "views/forecast.py",
            label=f"Open {name} {version} on the Forecast page",
            icon=":material/show_chart:",
            query_params={"model": name, "version": version},
        )
        return
    if registry.read_only or st.session_state.get(DENIED):
        reason = st.session_state.get(DENIED) or "VARLIB_READ_ONLY=1"
        st.info(
            f"This store is read-only ({reason}), so publishing is switched off. Training and inspecting"
            " still work; publish from a dashboard with write access.",
            icon=":material/lock:",
        )
        return
    sign_in = auth.publisher()  # None, after a notice, unless this session may publish
    if sign_in is None:
        return
    name = st.session_state.get("train_result_name", "var")
    first, second = st.columns([1, 2])
    bump = first.radio("Version bump", BUMPS, horizontal=True, key="train_bump")
    notes = second.text_input("Notes", key="train_notes", placeholder="what changed, why this model")
    st.caption(
        f"Publishes as **{name} {registry.next_version(name, bump)}**, or the next free version if someone else"
        " publishes first. Published versions are never overwritten."
    )
    if st.button("Publish", type="primary", icon=":material/publish:"):
        try:
            artifact = publish_result(registry, result, name, bump, notes, actor=sign_in.actor)
        except AccessDeniedError as exc:
            st.session_state[DENIED] = "the store refused the write"
            show_error(exc)
            return
        store.refresh()
        st.session_state[PUBLISHED] = (artifact.name, str(artifact.version))
        st.rerun()


guarded(render)
