"""Forecast: pick a model version, edit the lag inputs (and a VARX's exogenous values), condition the path in
the scenario editor, see the forecast with its band or fan, save the scenario or open a saved one."""

from __future__ import annotations

import streamlit as st

from ui import forecast_view, governance, live, scenario_panel, store, url_state
from ui.errors import guarded
from ui.onboarding import render_onboarding
from varlib import INTERVAL_KINDS, LATEST, MAX_STEPS, Artifact, Card, VersionEntry

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
    scenario_panel.apply_queued()  # a saved scenario's steps and level, asked for on the last run
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
    picker, fan_picker = st.columns([2, 3], vertical_alignment="bottom")
    with picker:
        saved = scenario_panel.pick(artifact, problems)
    fan = fan_picker.multiselect(
        "Fan chart",
        url_state.FAN_LEVELS,
        key=url_state.KEYS["fan"],
        format_func=lambda x: f"{x}%",
        help="Several interval levels at once, drawn as a fan (e.g. 30, 60 and 90%); empty: the one level above.",
    )
    # A saved scenario belongs to a concrete version: its link pins that version
    url_state.write(
        name,
        str(version) if saved else version_label,
        saved.steps if saved else steps,
        level,
        intervals if len(INTERVAL_KINDS) > 1 else None,
        saved.scenario if saved else None,
        fan,
    )
    for problem in problems:
        st.warning(f"The link asked for {problem}; showing the default instead.", icon=":material/link_off:")

    left, right = st.columns([1, 2], gap="large")
    with left:
        if saved is not None:
            scenario_panel.describe(artifact, saved)
            lags, baseline, result = forecast_view.saved_forecast(artifact, saved)
            inputs = None
        else:
            computed = forecast_view.editor_forecast(artifact, steps, level, intervals)
            if computed is None:
                return
            lags, baseline, result, inputs = computed
    with right:
        overlays = forecast_view.overlays_input(artifact, result, saved)
        forecast_view.charts(artifact, lags, result, baseline, level, fan, overlays)
    forecast_view.differences(baseline, result)
    if inputs is not None:
        scenario_panel.save_form(artifact, inputs)
    forecast_view.forecast_tables(result, round(100 * (1 - result.forecast.alpha)))


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


guarded(render)
