"""Forecast: pick a model version, edit the lag inputs, see the forecast with its interval band."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import governance, live, store, url_state
from ui.errors import guarded, show_error
from ui.figures import forecast_figure, recent
from ui.lag_table import lag_inputs
from ui.onboarding import render_onboarding
from ui.tables import forecast_table
from varlib import (
    INTERVAL_KINDS,
    LATEST,
    MAX_STEPS,
    Artifact,
    Card,
    VarlibError,
    VersionEntry,
    VersionForecast,
    forecast_artifact,
    level_to_alpha,
    to_json,
)

INTERVALS_HELP = (
    "How the band is computed. 'standard': from the residual covariance alone (as statsmodels);"
    " 'corrected': also counts the uncertainty of the estimated coefficients, so it is wider."
)


def render() -> None:
    st.title("Forecast")
    names = store.model_names()
    if not names:
        render_onboarding()
        return
    requested = url_state.incoming()
    problems = url_state.apply(requested, names) if requested else []
    url_state.set_defaults()

    controls = st.columns([1.8, 1.8, 1, 2.6] + ([2.2] if len(INTERVAL_KINDS) > 1 else []), vertical_alignment="bottom")
    name = _pick_model(controls[0], names)
    entries = store.versions(name)
    withdrawn = store.withdrawals(name)
    # `latest` is the registry's answer, read once per run (one small read; pinned versions need none)
    newest = store.latest(name) if any(e.ok and e.version not in withdrawn for e in entries) else None
    version_label = _pick_version(controls[1], name, entries, newest, problems, withdrawn)
    steps = int(
        controls[2].number_input(
            "Steps",
            min_value=1,
            max_value=MAX_STEPS,
            step=1,
            key=url_state.KEYS["steps"],
            persist_state="session",
            help=f"How many periods ahead to forecast (1–{MAX_STEPS}).",
        )
    )
    level = controls[3].segmented_control(
        "Interval level",
        url_state.LEVELS,
        format_func=lambda x: f"{x}%",
        key=url_state.KEYS["level"],
        required=True,
        persist_state="session",
        help="Coverage of the shaded band: 95% means alpha = 0.05.",
    )
    level = level or url_state.DEFAULT_LEVEL
    intervals = INTERVAL_KINDS[0]
    if len(INTERVAL_KINDS) > 1:
        intervals = controls[4].segmented_control(
            "Intervals",
            INTERVAL_KINDS,
            key=url_state.KEYS["intervals"],
            required=True,
            persist_state="session",
            help=INTERVALS_HELP,
        )
        intervals = intervals or INTERVAL_KINDS[0]
    url_state.write(name, version_label, steps, level, intervals if len(INTERVAL_KINDS) > 1 else None)
    for problem in problems:
        st.warning(f"The link asked for {problem}; showing the default instead.", icon=":material/link_off:")

    if newest is None:
        st.error(
            f"Model **{name}** has no usable version: every object is broken or legacy. The Models page"
            " shows each reason; publish a new version from **Train & publish**."
        )
        return
    if version_label == LATEST:
        version = newest
    else:  # an alias is read afresh (it can move); one of a withdrawn version is reported, not used
        is_alias = version_label.startswith("@")
        version = store.resolve(name, version_label) if is_alias else _entry(entries, version_label).version
    artifact = store.load(name, version)
    governance.warn_if_withdrawn(name, version, withdrawn)
    live.watch_latest(name, version, version_label == LATEST, on_newer=_show_version)
    _model_card(artifact)
    if intervals not in artifact.interval_kinds:  # e.g. a VECM has no corrected intervals
        st.info(
            f"{artifact.kind_title} versions offer {', '.join(artifact.interval_kinds)} intervals only (see the"
            f" README): showing {artifact.interval_kinds[0]} ones.",
            icon=":material/info:",
        )
        intervals = artifact.interval_kinds[0]

    left, right = st.columns([1, 2], gap="large")
    with left:
        lags = lag_inputs(artifact)
    with right:
        if lags is None:
            st.info("Fix the lag inputs on the left to see the forecast.", icon=":material/edit_note:")
            return
        try:
            result = forecast_artifact(artifact, steps, level_to_alpha(level), lags, intervals)
        except VarlibError as exc:
            show_error(exc)
            return
        _charts(artifact, lags, result, level)
    _table(result, level)


def _pick_model(where, names: list[str]) -> str:
    key = url_state.KEYS["model"]
    if st.session_state.get(key) not in names:
        st.session_state[key] = "var" if "var" in names else names[0]
    return where.selectbox("Model", names, key=key, on_change=_model_changed, persist_state="session")


def _model_changed() -> None:
    st.session_state[url_state.KEYS["version"]] = LATEST


def _show_version(label: str) -> None:
    st.session_state[url_state.KEYS["version"]] = label


def _pick_version(where, name: str, entries: list[VersionEntry], newest, problems: list[str], withdrawn) -> str:
    key = url_state.KEYS["version"]
    wanted = url_state.take_pending_version()
    named = {wanted.strip().replace("_", "."), st.session_state.get(key)} if wanted else {st.session_state.get(key)}
    choices, labels = governance.version_choices(name, entries, withdrawn, named)
    options = [LATEST] + choices
    if wanted is not None:
        label = wanted.strip().replace("_", ".") if not wanted.strip().startswith("@") else wanted.strip()
        if label in options:
            st.session_state[key] = label
        else:
            broken = next((e for e in entries if e.label == label and not e.ok), None)
            reason = f" ({broken.status})" if broken else ""
            problems.append(
                f"version {wanted!r} of {name!r}, which is not usable{reason}"
                if broken
                else f"version {wanted!r} of {name!r}, which does not exist"
            )
    if st.session_state.get(key) not in options:
        st.session_state[key] = LATEST
    latest_label = f"latest ({newest})" if newest else "latest"
    return where.selectbox(
        "Version",
        options,
        key=key,
        format_func=lambda v: latest_label if v == LATEST else labels.get(v, v),
        persist_state="session",
        help="'latest' follows new publications; aliases (@name), then versions newest first (withdrawn: by link).",
    )


def _entry(entries: list[VersionEntry], label: str) -> VersionEntry:
    return next(entry for entry in entries if entry.label == label)


def _model_card(artifact: Artifact) -> None:
    card = Card.from_artifact(artifact)
    created = (card.created_at or "").replace("T", " ").replace("Z", " UTC")
    rmse = ", ".join(f"{v} {x:.4g}" for v, x in card.holdout_rmse.items() if x is not None) or "no holdout"
    with st.container(border=True):
        st.markdown(
            f"**{artifact.label}** · created {created} by {card.author}" + (f" · _{card.notes}_" if card.notes else "")
        )
        st.caption(
            f"**{artifact.description}** · variables **{', '.join(artifact.variables)}** ·"
            f" {card.frequency or 'undated'} · lag order **{artifact.k_ar}** ({artifact.lag_method}) · transform"
            f" **{artifact.spec.transform}** · holdout RMSE {rmse} · trained on {card.dataset}"
            + (f" · missing data: {card.fill}" if card.fill else "")
        )
        if card.flags:
            st.caption(
                ":material/warning: Checks at training time: "
                + ", ".join(card.flags)
                + " (the Diagnostics page explains each)."
            )


def _charts(artifact: Artifact, lags: pd.DataFrame, result: VersionForecast, level: int) -> None:
    history = artifact.history
    shown = recent(history, result.steps, artifact.lag_rows)
    if result.forecast.point == "median":
        st.caption(
            f"This model forecasts {'log levels' if artifact.spec.transform == 'log' else 'log differences'}: the"
            " line is the **median** in levels (the exponential of the log forecast), and the band is exact in"
            " levels."
        )
    for j, variable in enumerate(artifact.variables):
        fig = forecast_figure(
            variable,
            shown[variable],
            lags[variable],
            result.index,
            result.forecast.mean[:, j],
            result.forecast.lower[:, j],
            result.forecast.upper[:, j],
            level,
            result.forecast.point,
        )
        st.plotly_chart(fig, key=f"chart|{variable}", config={"displaylogo": False})


def _table(result: VersionForecast, level: int) -> None:
    st.subheader(f"Forecast table ({result.forecast.point}, {level}% interval)")
    table = forecast_table(result)
    st.dataframe(
        table, width="stretch", column_config={c: st.column_config.NumberColumn(format="%.6g") for c in table.columns}
    )
    stem = f"{result.name}-{result.version}-forecast-{result.steps}steps-{level}"
    first, second, _ = st.columns([1, 1, 4])
    first.download_button(
        "Download CSV",
        table.to_csv().encode(),
        f"{stem}.csv",
        "text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    second.download_button(
        "Download JSON",
        to_json(result.to_dict(), indent=2).encode(),
        f"{stem}.json",
        "application/json",
        icon=":material/data_object:",
        on_click="ignore",
    )


guarded(render)
