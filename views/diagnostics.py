"""Diagnostics: a stored version refitted from its training data, with the tests and charts analysts expect."""

from __future__ import annotations

import streamlit as st

from ui import diagnostics_figures as figures
from ui import diagnostics_report, diagnostics_vecm, irf_pick, report_settings, store, url_state
from ui import diagnostics_sections as sections
from ui.chart_files import file_stem, images_named
from ui.chart_look import plot
from ui.errors import guarded
from ui.literal import library_text, literal
from ui.response_figures import irf_figure
from ui.url_state import Field
from ui.version_pick import open_page, pick_model, pick_version
from ui.whole_number import from_link, mark_linked, whole_number
from varlib import DEFAULT_IRF_PERIODS, MAX_IRF_PERIODS, Artifact, Diagnostics, diagnose, whiteness_lag_bounds

PAGE = "dg"
TABS = (
    "Lag order",
    "Cointegration",  # a VECM's long-run part; not offered for a VAR
    "Coefficients",
    "Stability",
    "Residuals",
    "Granger causality",
    "Impulse responses",
    "Variance decomposition",
    "Unit roots",  # with Johansen's test when variables look integrated
    "Report",
)
SLUGS = {label: label.lower().replace(" ", "-") for label in TABS}
RENAMED = {"unit-roots-cointegration": "Unit roots"}  # links copied before the tab's label was shortened


def _tab(raw: str) -> str | None:
    """The tab a link's `tab=` names: as links write it (`granger-causality`), or as the page shows it, typed by
    hand (`Granger causality`, `granger causality`)."""
    slug = " ".join(raw.split()).lower().replace(" ", "-")
    return next((t for t, known in SLUGS.items() if known == slug), RENAMED.get(slug))


LINK_WLAGS = "_dg_link_wlags"  # checked against the version's bounds once it is loaded
LINK_TAB = "_dg_link_tab"  # checked once the version's tabs are known (Cointegration: a VECM's only)
FIELDS = [
    Field(
        "tab",
        LINK_TAB,
        _tab,
        f"a tab as links name it: {', '.join(SLUGS.values())}",
    ),
    Field("irf_periods", "dg_periods", from_link("dg_periods", "IRF horizon {} is"), "a whole number"),
    Field("irf", "dg_orth", lambda raw: {"orth": True, "plain": False}.get(raw), "orth or plain"),
    Field("accumulated", "dg_accumulated", lambda raw: {"1": True, "0": False}.get(raw), "1 or 0"),
    # the version's range is known once it is picked (_whiteness_lags)
    Field("whiteness_lags", LINK_WLAGS, url_state.any_whole_number, "a whole number"),
    *irf_pick.FIELDS,
    *report_settings.FIELDS,  # the Report tab's forecast settings, in the address while it is open
]


@st.cache_data(max_entries=32, show_spinner="Refitting the version and running the tests…")
def _diagnostics(where: str, name: str, version: str, periods: int, lags: int, _artifact: Artifact) -> Diagnostics:
    # keyed by the store, the immutable (name, version) and the options; the artifact itself is not hashed
    return diagnose(_artifact, irf_periods=periods, whiteness_lags=lags)


def render() -> None:
    st.title("Diagnostics")
    problems = open_page(PAGE, FIELDS)
    top = st.columns([1.5, 1.5, 1, 1], vertical_alignment="top")  # a field's note hangs below it
    name = pick_model(PAGE, top[0])
    if name is None:
        return
    artifact = pick_version(PAGE, name, top[1], problems)
    if artifact is None:
        url_state.warn(problems)
        return
    periods = whole_number(
        top[2],
        "IRF horizon",
        1,
        MAX_IRF_PERIODS,  # the CLI's bound too
        "dg_periods",
        DEFAULT_IRF_PERIODS,
        persist_state="session",  # kept while another page runs, as the pickers are
        help="Periods of impulse responses and variance decompositions.",
    )
    lags = _whiteness_lags(artifact, top[3])
    where = store.registry().description
    diag = _diagnostics(where, artifact.name, str(artifact.version), periods, lags, artifact)
    space = diag.to_dict()["model_space"]
    st.caption(
        f"**{artifact.name} {artifact.version}**: {literal(diag.model)}, refitted on {diag.nobs} observations of the"
        f" {space} of {literal(', '.join(diag.variables))}: every row of the stored data, the holdout's too, as the"
        " version itself was fitted (nothing is unpickled). Tests and responses are in model space."
    )
    if diag.refit_note:  # an imported pickle estimated another way, or another statsmodels
        st.warning(library_text(diag.refit_note))
    # the Forecast page's card counts these and sends the reader here to have each explained: said above the
    # tabs, as no tab's tests repeat them (a criterion that chose the largest order searched, say)
    for warning in artifact.warnings:
        st.warning(f"**Training warned:** {library_text(warning)}", icon=":material/warning:")
    labels = [t for t in TABS if t != "Cointegration" or diag.cointegration is not None]
    linked = st.session_state.pop(LINK_TAB, None)
    if linked is not None:
        if linked in labels:
            st.session_state["dg_tab"] = linked
        else:
            problems.append(f"the tab {SLUGS[linked]!r}, which a {artifact.kind_title} version does not have")
    irf_pick.settle(diag.variables, artifact.label, problems)
    if url_state.applied(PAGE).get("accumulated") == "1" and not diag.level_responses:  # a link's, not a version picked
        problems.append(
            f"accumulated responses, which {artifact.label} has not: its responses are of the levels already"
        )
    url_state.warn(problems)  # above the tabs: a long tab would push it out of sight
    if st.session_state.get("dg_tab") not in labels:
        # st.tabs cannot persist its state while another page runs: back from one, the page's own last address
        # names the tab it showed
        kept = FIELDS[0].parse(url_state.last_written(PAGE).get("tab", ""))
        st.session_state["dg_tab"] = kept if kept in labels else labels[0]
    else:  # set anew: another set of tabs (a VECM's has Cointegration) is a new widget, which opened on its first
        st.session_state["dg_tab"] = st.session_state["dg_tab"]
    st.session_state.setdefault("dg_orth", True)
    st.session_state.setdefault("dg_accumulated", False)
    # Only the open tab is drawn: a tab's charts and tables cost the browser even when hidden.
    tabs = st.tabs(labels, key="dg_tab", on_change="rerun")
    opened = next((label for label, tab in zip(labels, tabs, strict=True) if tab.open), labels[0])
    with tabs[labels.index(opened)], images_named(artifact.name, artifact.version, "diagnostics"):
        report = _draw_tab(opened, artifact, diag, where, periods, lags)
    orth = bool(st.session_state["dg_orth"])  # the toggle's value (kept while its tab is closed)
    url_state.write(
        PAGE,
        {
            "model": artifact.name,
            "version": st.session_state.get(f"{PAGE}_version|{name}"),
            "tab": SLUGS[opened],
            "irf_periods": str(periods),
            "irf": "orth" if orth else "plain",
            **({"accumulated": "1" if _accumulated(diag) else "0"} if diag.level_responses else {}),
            "whiteness_lags": str(lags),
            **irf_pick.link_values(diag.variables, *irf_pick.current(diag.variables, artifact.label)),
            **report,
        },
    )


def _accumulated(diag: Diagnostics) -> bool:
    """The accumulated toggle's value, for a version that offers it (kept while its tab is closed)."""
    return diag.level_responses and bool(st.session_state.get("dg_accumulated"))


def _whiteness_lags(artifact: Artifact, where) -> int:
    lowest, most, default_lags = whiteness_lag_bounds(artifact)
    key = f"dg_lags|{artifact.k_ar}"
    linked = st.session_state.pop(LINK_WLAGS, None)
    if linked is not None:  # one outside the version's range is set in range by the field, which says so
        st.session_state[key] = linked
        mark_linked(key, linked, "{} portmanteau lags are")
    return whole_number(
        where,
        "Portmanteau lags",
        lowest,
        most,
        key,
        default_lags,
        persist_state="session",
        # the verdict is the LM test's, on lags of its own: the field said "whiteness" and seemed to set it
        help=f"Lags of the two portmanteau tests and of the residual autocorrelation chart (Residuals tab);"
        f" more than the lag order {artifact.k_ar}. The whiteness verdict is the LM test's, on up to 5 lags of"
        " its own, unless the sample is too short for it.",
    )


def _draw_tab(
    label: str, artifact: Artifact, diag: Diagnostics, where: str, periods: int, lags: int
) -> dict[str, str | None]:
    """Draw one tab; the report follows the page's IRF choice (the toggle's session state). Returns the tab's own
    settings for the address (the Report tab's; none for the others)."""
    orth, accumulated = bool(st.session_state["dg_orth"]), _accumulated(diag)
    sections_by_label = {
        "Lag order": sections.lag_order,
        "Cointegration": diagnostics_vecm.cointegration,
        "Coefficients": sections.coefficients,
        "Stability": sections.stability,
        "Residuals": lambda d: sections.residuals(d, artifact.data.frequency),  # hovers name periods (2009Q3)
        "Granger causality": sections.granger,
        "Unit roots": sections.integration,
    }
    if label in sections_by_label:
        sections_by_label[label](diag)
    elif label == "Impulse responses":
        kinds = st.container(horizontal=True)
        orth = kinds.toggle(
            "Orthogonalised (Cholesky, in the variables' order)", key="dg_orth", persist_state="session"
        )
        if diag.level_responses:  # a VAR of differences: its responses summed are the levels'
            accumulated = kinds.toggle(
                f"Accumulated (responses of the {diag.summed_levels})",
                key="dg_accumulated",
                persist_state="session",
                help="The responses summed over the periods: for a model of (log) differences, how the level (or log"
                " level) responds, which is what a shock does to GDP itself rather than to its growth.",
            )
        impulses, responses = irf_pick.pick(diag.variables, artifact.label)
        # its image names what changes its numbers: the kind, the horizon and the panels picked
        kind = file_stem("irf", "orthogonalised" if orth else "plain", "accumulated" if accumulated else None)
        image = file_stem(kind, f"{periods}-periods", irf_pick.name_part(diag.variables, impulses, responses))
        plot(st, irf_figure(diag, orth, impulses, responses, accumulated), key="dg_irf", image=image)
        st.caption(sections.irf_bands_note(diag, orth, accumulated))
    elif label == "Variance decomposition":
        plot(st, figures.fevd_figure(diag), key="dg_fevd", image=f"fevd-{periods}-periods")
        st.caption(sections.fevd_note(diag))
    else:  # the report follows the page: the IRF choice, the lags, and a forecast picked on the tab
        shown = irf_pick.current(diag.variables, artifact.label)
        return diagnostics_report.render(artifact, diag, where, periods, lags, orth, shown, accumulated)
    return {}


guarded(render)
