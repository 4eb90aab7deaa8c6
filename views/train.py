"""Train & publish: fit a VAR or a VECM on the macro data or a CSV, check it, publish it as a new version."""

from __future__ import annotations

import streamlit as st

from ui import auth, forecast_link, presses, store
from ui.errors import TRAIN, guarded, show_error
from ui.literal import library_text, literal
from ui.train_data import data_inputs, suggested_name
from ui.train_keys import field_key
from ui.train_load import load_source
from ui.train_order import lag_search_hint, said_above
from ui.train_results import show_results, trained_on
from ui.train_vecm import HOW, LAGS, kind_input, model_options, order_note, transform_key, zero_lags_help
from ui.whole_number import whole_number
from varlib import (
    BUMPS,
    CRITERIA,
    MODEL_SPACE,
    READ_ONLY_SAID,
    AccessDeniedError,
    ConflictError,
    ModelSpec,
    TrainResult,
    VarlibError,
    check_name,
    kind_names,
    kind_transforms,
    publish_result,
    train_model,
)

RESULT = "train_result"
TRAINED_ON = "train_trained_on"  # what the result was fitted on (ui.train_results.trained_on)
PUBLISHED = "train_published"
DENIED = "train_denied"
MAX_LAGS_TYPED = 100  # the fields' bound; the sample refuses orders it cannot fit, naming them


def render() -> None:
    st.title("Train & publish")
    st.caption(
        "Fit a VAR or a VECM, check how it would have forecast the last part of the data, then publish it as a new"
        " version that every viewer of the store sees at once."
    )
    data_col, spec_col = st.columns(2, gap="large")
    with spec_col:  # the kind first: the data section offers exogenous variables to a VAR only
        st.subheader("2 · Model")
        kind = kind_input()
    with data_col:
        st.subheader("1 · Data")
        source = data_inputs(kind)
    with spec_col:
        spec_inputs = _spec_inputs(source, kind)
        too_few = spec_inputs.pop("too_few")
    if st.button("Train", type="primary", icon=":material/play_arrow:", disabled=source is None):
        _train(source, spec_inputs, too_few)
    result: TrainResult | None = st.session_state.get(RESULT)
    if result is None:
        return
    st.subheader("3 · Results")
    stale = st.session_state.get(TRAINED_ON) != trained_on(source, spec_inputs)
    if stale:
        st.warning(
            "The data or the model settings changed after these results were trained: they belong to the earlier"
            " choice. Press **Train** to fit what is chosen now.",
            icon=":material/history:",
        )
    show_results(result)
    _publish(result, spec_inputs["name"], stale)


def _spec_inputs(source: dict | None, kind: str) -> dict:
    first, second = st.columns(2)
    transform = first.selectbox(
        "Transform",
        list(kind_transforms(kind)),
        format_func=lambda t: f"{t} ({MODEL_SPACE.get(t, t)})",
        key=transform_key(kind),
        persist_state="session",
        help="The unit-root tests on the left suggest one; the holdout shows which forecasts better. log and"
        " logdiff need positive data.",
    )
    options = model_options(second, kind, len((source or {}).get("variables") or ()))
    trend = options.pop("trend", "c")  # a VAR's; ModelSpec's default for the others
    how = st.radio(
        "Lag order", ["chosen by a criterion", "fixed"], horizontal=True, key=field_key(HOW), persist_state="session"
    )
    if note := order_note(kind):
        st.caption(note)
    first, second = st.columns(2)
    lags, ic, max_lags, min_lags = None, "aic", None, 1
    if how == "fixed":
        lags = whole_number(first, "Lags", 1, MAX_LAGS_TYPED, field_key(LAGS), 2, persist_state="session")
    else:
        ic = first.selectbox("Criterion", CRITERIA, key="train_ic", persist_state="session")
        chosen = whole_number(
            second,
            "Max lags (empty: sample-aware)",
            1,
            MAX_LAGS_TYPED,
            "train_max_lags",
            None,
            persist_state="session",
            placeholder="auto",
            help="Empty: the largest order that keeps enough data per coefficient (12·(T/100)^¼,"
            " and at most half the rows for coefficients); see the README.",
        )
        max_lags = int(chosen) if chosen else None
        min_lags = _zero_lags(kind)
    holdout = st.slider(
        "Holdout fraction",
        0.0,
        0.5,
        0.1,
        0.05,
        key="train_holdout",
        persist_state="session",
        help="The last part of the data is forecast by a model fitted without it (0 skips this).",
    )
    suggested = suggested_name()
    name = st.text_input(
        "Model name",
        value=suggested,
        key=f"train_name|{suggested}",
        persist_state="session",
        help="From the data by default. Lower-case letters, digits, '-' or '_'. Versions are"
        " numbered per name, and a name keeps its model kind, variables, transform and frequency within a"
        " major version.",
    )
    too_few = False  # rows too few for any order, said by the hint: Train's refusal says it once
    if max_lags is None and lags is None and source is not None:
        too_few = lag_search_hint(source, kind, transform, trend, options, min_lags)
    return {
        "too_few": too_few,  # not a setting: taken out by render
        "kind": kind,
        **options,
        "transform": transform,
        "trend": trend,
        "lags": lags,
        "ic": ic,
        "max_lags": max_lags,
        "min_lags": min_lags,
        "holdout": float(holdout),
        "name": name.strip(),
    }


def _zero_lags(kind: str) -> int:
    """The smallest order searched: 0 if asked, for a kind that takes it (a VAR: white noise around its trend)."""
    takes = kind in kind_names("min_lags")  # the library raises a VECM's 0 to 1 (why: varlib.order_floor)
    zero = st.checkbox(
        "Let the criterion choose 0 lags",
        key="train_min0",
        persist_state="session",
        disabled=not takes,
        help=zero_lags_help(kind),
    )
    return 0 if zero and takes else 1


def _train(source: dict, spec_inputs: dict, too_few: bool) -> None:
    st.session_state.pop(RESULT, None)
    if st.session_state.pop(PUBLISHED, None):  # its notes went with it: the next version's start empty
        st.session_state.pop("train_notes", None)
    with st.status("Training…", expanded=True) as status:
        try:
            check_name(spec_inputs["name"])
            st.write("Reading and checking the data…")
            dataset = load_source(source)
            span = dataset.span  # periods as the preview names them (2007Q4), not their first days (2007-10-01)
            named = literal(", ".join(dataset.variables))
            st.write(f"{span['rows']} rows of {named}, {span['first']} to {span['last']}.")
            spec = ModelSpec(
                variables=tuple(source["variables"]),
                exog=tuple(source.get("exog") or ()),
                kind=spec_inputs["kind"],
                deterministic=spec_inputs.get("deterministic"),
                coint_rank=spec_inputs.get("coint_rank"),
                transform=spec_inputs["transform"],
                trend=spec_inputs["trend"],
                lags=spec_inputs["lags"],
                max_lags=spec_inputs["max_lags"],
                ic=spec_inputs["ic"],
                holdout=spec_inputs["holdout"],
                min_lags=spec_inputs["min_lags"],
            )
            st.write("Choosing the lag order, scoring the holdout, fitting on all rows, checking the fit…")
            result = train_model(dataset, spec)
        except VarlibError as exc:
            said = said_above(exc, too_few)  # in full above: said once
            status.update(label=said or "Training failed", state="error", expanded=not said)
            if not said:
                show_error(exc, controls=TRAIN)
            return
        took = f"Trained {literal(result.description)} in {result.seconds:.2f} s"  # it names exogenous variables
        status.update(label=took, state="complete", expanded=False)
    st.session_state[RESULT] = result
    st.session_state[TRAINED_ON] = trained_on(source, spec_inputs)


def _publish(result: TrainResult, name: str, stale: bool) -> None:
    """Publish under the name in the field now (it may have been edited after Train); never a stale result."""
    st.subheader("4 · Publish")
    registry = store.registry()
    published = st.session_state.get(PUBLISHED)
    if published:
        name, version, *lagging = published
        st.success(f"Published **{name} {version}**.", icon=":material/check_circle:")
        for said in lagging:  # what failed after it was stored, until a reindex completes it
            st.warning(library_text(said), icon=":material/sync_problem:")
        st.page_link(
            forecast_link.forecast_page(),
            label=f"Open {name} {version} on the Forecast page",
            icon=":material/show_chart:",
            query_params={"model": name, "version": version},
        )
        return
    if registry.read_only:
        st.info(
            f"This store is read-only ({READ_ONLY_SAID}), so publishing is switched off. Training and inspecting"
            " still work; publish from a dashboard with write access.",
            icon=":material/lock:",
        )
        return
    if st.session_state.get(DENIED):  # a refusal may be lifted (folder rights, a bucket policy): Publish asks again
        st.warning(
            "The store refused the last publish. Once it accepts writes, press **Publish** again: the trained model"
            " and its settings are kept.",
            icon=":material/lock:",
        )
    sign_in = auth.publisher()  # None, after a notice, unless this session may publish
    if sign_in is None:
        return
    if stale:
        st.caption("Publishing waits for a model trained on the data and settings chosen now.")
        return
    try:
        check_name(name)
    except VarlibError as exc:
        show_error(exc, controls=TRAIN)
        return
    changed = registry.shape_changes(name, result.spec, result.dataset.frequency)
    if changed:  # named with the version compared against, as the CLI's and REST's refusal name it
        st.warning(
            f"**{name} {changed.version}** has another shape than this model ({library_text(changed.text)}). Within"
            " a major version a name keeps its model kind, variables, exogenous variables, transform and frequency,"
            " so every link to it keeps meaning the same model: publish this as a new **major** version, or under"
            " another name.",
            icon=":material/swap_horiz:",
        )
        st.session_state.setdefault(f"train_bump|{name}|major", "major")
    first, second = st.columns([1, 2])
    bump_key = f"train_bump|{name}|{'major' if changed else 'any'}"
    bump = first.radio("Version bump", BUMPS, horizontal=True, key=bump_key, persist_state="session")
    notes = second.text_input(
        "Notes", key="train_notes", placeholder="what changed, why this model", persist_state="session"
    )
    refused = bool(changed) and bump != "major"  # the name guard would refuse it: not offered as if it would pass
    if refused:
        st.caption(f"A {bump} version of **{name}** keeps its shape, which this model changes: choose **major**.")
    else:
        st.caption(
            f"Publishes as **{name} {registry.next_version(name, bump)}**, or the next free version if someone"
            " else publishes first. Published versions are never overwritten."
        )
    # keyed by what the person saw: a version of another shape published meanwhile turns the page to a major
    # bump, and the click made on the page before it must not publish that bump unseen (it is a new button)
    seen = presses.key("Publish", name, bump, "major" if changed else "any")
    if st.button("Publish", type="primary", icon=":material/publish:", disabled=refused, key=seen):
        try:
            artifact = publish_result(registry, result, name, bump, notes, actor=sign_in.actor)
        except AccessDeniedError as exc:
            st.session_state[DENIED] = True
            show_error(exc, controls=TRAIN)
            return
        except ConflictError as exc:
            show_error(exc, controls=TRAIN)
            return
        except VarlibError as exc:
            if exc.stored:  # stored, with `latest` or its record lagging: publishing it again would be a copy
                store.refresh()
                st.session_state[PUBLISHED] = (name, exc.stored, str(exc))
            show_error(exc, controls=TRAIN)
            return
        store.refresh()
        st.session_state.pop(DENIED, None)
        st.session_state[PUBLISHED] = (artifact.name, str(artifact.version))
        st.rerun()


guarded(render, controls=TRAIN)
