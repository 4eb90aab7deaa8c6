"""Models: every version in the store, newest first, broken ones with their reason, and one version in detail."""

from __future__ import annotations

import streamlit as st

from ui import (
    auth,
    forecast_link,
    governance,
    live,
    model_history,
    models_table,
    selection,
    store,
    url_state,
    version_details,
)
from ui.errors import guarded, show_error
from ui.literal import library_text
from ui.onboarding import render_empty_store
from ui.version_pick import open_page, refused_version
from varlib import Artifact, CorruptArtifactError, VarlibError, VersionEntry, counted, older_cards_note

PAGE = model_history.PAGE


def render() -> None:
    problems = open_page(PAGE, model_history.FIELDS, model_key="models_name")
    title, button = st.columns([4, 1], vertical_alignment="bottom")
    title.title("Models")
    if button.button(
        "Refresh",
        icon=":material/refresh:",
        width="stretch",
        help=f"Read the store again (lists refresh by themselves every {store.LIST_TTL} s).",
    ):
        store.refresh()
    names = store.model_names()
    if not names:
        render_empty_store()
        return
    if st.session_state.get("models_name") not in names:
        st.session_state["models_name"] = selection.default_model(names)
    # kept while another page runs, as the other pages' pickers are: a visit elsewhere does not reset it
    name = st.selectbox("Model", names, key="models_name", persist_state="session") if len(names) > 1 else names[0]
    url_state.warn(problems)
    _versions(name)
    governance.render(name)


@live.refresh_every()  # the cached listing expires every LIST_TTL seconds; this redraws it on screen
def _versions(name: str) -> None:
    try:
        _show_versions(name)
    except VarlibError as exc:  # a timed rerun runs this part alone, outside the page's guard
        show_error(exc)


def _followed(name: str) -> str:
    return f"models_followed|{name}"


def _follow(name: str, key: str, labels: list[str]) -> None:
    """Pick the version a link or another page chose. `latest` or an alias picks the version it stands for, and is
    remembered: the page passes it on (address, other pages) while that version stays picked, so a look at this
    page does not turn another page's `@champion` into a pinned version."""
    wanted = url_state.take_pending_version(PAGE)
    fallback = selection.fallback(PAGE)  # set when another page's choice arrived (selection.follow)
    if wanted is None and fallback is None:
        return
    st.session_state.pop(_followed(name), None)
    asked = wanted if wanted is not None else st.session_state.get(key)
    if asked in labels:
        st.session_state[key] = asked
        return
    concrete = fallback if wanted is None else _version_of(name, str(asked))
    if concrete in labels:
        st.session_state[key] = concrete
        st.session_state[_followed(name)] = (asked, concrete)
    elif wanted is not None:  # in the words and look of every page's link warnings
        url_state.warn([refused_version(name, wanted, here=PAGE)])  # not "the Models page lists them"


def _version_of(name: str, asked: str) -> str | None:
    """The version `latest` or an alias stands for (a pinned one as it is); None when it names none."""
    try:
        return str(store.resolve(name, asked))
    except VarlibError:  # an unknown alias, one of a withdrawn version, no version in use: refused_version says which
        return None


def _show_versions(name: str) -> None:
    entries = list(store.versions(name, here=PAGE))  # a reason that names the Models page says where on it
    if not entries:  # a folder of helper objects only (a `latest.json`), or a folder marker an S3 tool made
        st.info(
            library_text(
                f"{name!r} has no versions in the store: its folder holds no model.json. Publish one on the Train &"
                f" publish page, or with `varlib train --name {name} --publish`."
            ),
            icon=":material/inventory_2:",
        )
        return
    withdrawn = store.withdrawals(name)
    labels = [entry.label for entry in entries]
    key = f"models_version|{name}"
    _follow(name, key, labels)
    if st.session_state.get(key) not in labels:  # the newest in use, as `latest` is: not a withdrawn one
        in_use = [entry.label for entry in entries if entry.usable(withdrawn)]
        st.session_state[key] = in_use[0] if in_use else labels[0]
    # The picked version is loaded before the table is drawn: the listing does not verify checksums, so a
    # damaged object shows up only here, and the table and counts must not call it usable.
    position = labels.index(st.session_state[key])
    artifact, failure = _load(name, entries[position])
    if isinstance(failure, CorruptArtifactError):
        entries[position] = models_table.as_damaged(entries[position], failure)
    entry = entries[position]
    st.caption(f"**{name}**: {_counts(entries, withdrawn)}, newest first. {CUT}")
    models_table.render(entries, withdrawn)
    # said to those who look after the store (a reindex writes cards; not through a read-only one); the listing
    # already knows which, so no read
    older = older_cards_note(name, entries)
    if older and auth.current().can("publish") and not store.registry().read_only:
        st.caption(library_text(f"{older}."), help=REINDEX_HELP)
    broken = [e for e in entries if not e.ok]
    if broken:
        st.warning(
            f"{counted(len(broken), 'object')} cannot be used; each row's status says why;"
            f" {'it stays' if len(broken) == 1 else 'they stay'} listed.",
            icon=":material/warning:",
        )
    st.subheader("Details")
    gone = {str(version) for version in withdrawn}
    label = st.selectbox(
        "Version",
        labels,
        key=key,
        format_func=lambda v: governance.marked(v, gone),
        persist_state="session",
    )
    followed = st.session_state.get(_followed(name))
    standing = followed[0] if followed and followed[1] == label else label  # `latest`, an alias, or the version
    url_state.write(PAGE, {"model": name, "version": standing, "history": model_history.link_value(name)})
    if entry.ok and failure is None:
        selection.share(PAGE, name, standing, label)
    governance.warn_if_withdrawn(name, entry.version, withdrawn)
    if artifact is not None:
        st.page_link(
            forecast_link.forecast_page(),
            label=f"Forecast with {name} {label}",
            icon=":material/show_chart:",
            query_params={"model": name, "version": label},
        )
        version_details.render(artifact)
    elif failure is not None and entry.ok:  # the store failed (unreachable, denied), not the object: as listed
        show_error(failure)
        version_details.render_entry(entry)
    else:
        st.error(f"**{label}** cannot be used: {library_text(entry.status)}", icon=":material/error:")
        version_details.render_entry(entry)


CUT = "A cut cell shows its whole text when double-clicked."
REINDEX_HELP = "The table is right either way; reading those versions only makes each listing slower."


def _load(name: str, entry: VersionEntry) -> tuple[Artifact | None, VarlibError | None]:
    """The entry's artifact, or why it did not load; an object the listing already found unusable is not read."""
    if not entry.ok or entry.version is None:
        return None, None
    try:
        # deleted since the listing was read: the page reruns on the listing read afresh, which lists it as gone
        return live.load(name, entry.version, entry.label), None
    except VarlibError as exc:
        return None, exc


def _counts(entries: list[VersionEntry], withdrawn) -> str:
    """`7 versions: 5 usable, 2 withdrawn`; usable ones load and are not withdrawn, a broken one is neither."""
    gone = len(governance.withdrawn_of(entries, withdrawn))
    broken = sum(1 for entry in entries if not entry.ok)
    parts = [f"{len(entries) - gone - broken} usable"]
    parts += [f"{gone} withdrawn"] * bool(gone) + [f"{broken} cannot be used"] * bool(broken)
    return f"{counted(len(entries), 'version')}: {', '.join(parts)}"


guarded(render)
