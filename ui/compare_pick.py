"""Compare's picker of several versions, of one model or of several, in the order they were picked.

It starts from a link's versions (`model version` labels; `model @alias` and `model latest` resolved and
remembered for the address, ui.linked_versions), else a link's model and version, else the model and version
looked at on another page (ui.selection); withdrawn versions are offered while named, and a version that cannot
be read is named with the reason and no longer offered.
"""

from __future__ import annotations

import streamlit as st

from ui import governance, link_problems, linked_versions, live, selection, store, url_state
from ui.errors import dashboard_words
from ui.literal import library_text
from ui.onboarding import render_empty_store
from ui.version_pick import concrete_version, latest_of_none, not_opening, refused_version
from varlib import (
    LATEST,
    MAX_COMPARED,
    Artifact,
    CorruptArtifactError,
    InvalidInputError,
    VarlibError,
    and_list,
    is_alias,
    parse_version,
)

LINK = ":material/link:"
ICON = ":material/compare_arrows:"


def pick_versions(prefix: str, where=None, problems: list[str] | None = None) -> list[Artifact]:
    """Two or more usable versions of any models, loaded, in the order they were picked. Versions a link named
    (`model version` labels, see views/compare.py; `model @alias` and `model latest` are resolved) are checked
    here; a link's `model` (and `version`), else the model and version looked at on another page, else the first
    model, start the picker with that version (or the newest) and the newest other one. A withdrawn version is
    offered only while it is named (by a link or another page) and shown with its withdrawal, as the other pages
    do; a version that cannot be read is named with the reason, left out and no longer offered."""
    names = store.model_names()
    if not names:
        render_empty_store()
        return []
    problems = problems if problems is not None else []
    key = f"{prefix}_versions"
    damaged: dict[str, str] = st.session_state.setdefault(f"_{prefix}_damaged", {})  # label: why it cannot be read
    loaded: dict[str, Artifact | None] = {}  # this run's reads: a version is read, and its failure said, once
    withdrawn = {name: store.withdrawals(name) for name in names}
    listed = {
        f"{name} {entry.label}": (name, entry.version)
        for name in names
        for entry in store.usable(name, include_withdrawn=True)
        if f"{name} {entry.label}" not in damaged
    }
    gone = {label for label, (name, version) in listed.items() if version in withdrawn[name]}
    entries = {label: pair for label, pair in listed.items() if label not in gone}  # withdrawn: only when named
    linked = st.session_state.pop(f"_{prefix}_link_versions", None)
    start = st.session_state.pop(f"_{prefix}_link_model", None), st.session_state.pop(f"_{prefix}_link_version", None)
    if linked is None and start[0] is None and start[1] is not None:  # of which model is not said: said, not dropped
        problems.append(
            f"version {start[1]} without a model: a Compare link names its model with it (model={names[0]}&version="
            f"{start[1]}) or names versions as model:version pairs (versions={names[0]}:{start[1]},...)"
        )
    if linked is not None or start[0] is not None:
        linked_versions.forget(prefix)  # a new link: the words of the one before no longer apply
    if linked is not None:
        missing: list[str] = []
        of = start[0] if start[0] is not None else names[0] if len(names) == 1 else None
        linked = [_of_model(label, of, names) for label in linked]
        if beside := link_problems.version_beside(start[1], of, linked, names, listed):  # else dropped unsaid
            st.warning(library_text(beside), icon=LINK)
        named = [(label, _resolved(label, names, missing)) for label in linked]
        linked = [resolved for _, resolved in named if resolved]
        _named_twice(prefix, named)
        unknown = [label for label in dict.fromkeys(linked) if label not in listed and label not in damaged]
        missing += link_problems.unlisted(unknown, names, listed)  # a bare model, a bare version, ...
        known = [label for label in dict.fromkeys(linked) if label in listed or label in damaged]
        if len(known) > MAX_COMPARED:  # a picker holding more would refuse to draw
            st.warning(f"The link names {len(known)} versions; the first {MAX_COMPARED} are compared.", icon=LINK)
            known = known[:MAX_COMPARED]
        if known:
            st.session_state[key] = known
            for problem in missing:  # the others are compared: not "the default instead"
                st.warning(f"The link asked for {library_text(problem)}; left out.", icon=LINK)
        else:  # none of them: the default pair below, as the warning says, not an empty picker
            st.session_state.pop(key, None)
            problems += missing
    elif start[0] is not None and (labels := _linked_start(prefix, *start, names, entries, listed, problems)):
        st.session_state[key] = labels
    _leave_out_damaged(key, listed, entries, damaged, loaded)
    _leave_out_gone(key, listed)
    if key not in st.session_state or not set(st.session_state[key]) <= set(listed):
        shared = st.session_state.get(selection.SHARED)
        if shared and shared[0] in names:
            st.session_state[key] = _start(shared[0], shared[2], entries, listed)
        else:
            st.session_state[key] = _start(selection.default_model(names), None, entries, listed)
        _leave_out_damaged(key, listed, entries, damaged, loaded)
    named = [label for label in st.session_state.get(key, []) if label in gone]  # withdrawn: offered while chosen
    chosen = (where or st).multiselect(
        "Versions",
        [*entries, *named],
        key=key,
        format_func=lambda label: governance.marked(label, gone),
        persist_state="session",
        max_selections=MAX_COMPARED,
        wrap=True,  # in a column the chips would keep to one row: past four versions the rest were out of sight
        help=f"Pick two or more versions (at most {MAX_COMPARED}), of one model or of several.",
    )
    # in the order picked: the first one picked is the comparison's reference (its lag inputs are shared)
    artifacts = []
    for label in chosen:
        artifact = _load(label, listed, damaged, loaded)
        if artifact is not None:
            governance.warn_if_withdrawn(artifact.name, artifact.version, withdrawn[artifact.name])
            artifacts.append(artifact)
    _share_reference(prefix, artifacts)
    return artifacts


def ask_for_a_second() -> None:
    """With fewer than two versions picked: ask for another, or, where the store offers fewer than two (a first
    model just published), say so and link the page that publishes one, since the picker has nothing more."""
    offered = [f"{name} {entry.label}" for name in store.model_names() for entry in store.usable(name)]
    if len(offered) >= 2:
        st.info("Pick at least two versions.", icon=ICON)
        return
    holds = f"one version in use, {offered[0]}" if offered else "no version in use"
    needs = "A comparison needs two versions (of another lag order, transform or data, say)"
    st.info(f"{needs}, and the store holds {library_text(holds)}: {governance.new_version_step('another')}.", icon=ICON)
    governance.publish_link()


def _of_model(label: str, model: str | None, names: list[str]) -> str:
    """A link's bare version (`versions=0.0.1,0_0_2`, `@champion`, `latest`) as one of `model`: the link's
    `model`, or the store's only one. Any other label as it is (a model of that name stays a bare model)."""
    if model is None or " " in label or label in names:
        return label
    if linked_versions.moves(label):
        return f"{model} {label}"
    try:
        return f"{model} {parse_version(label)}"
    except InvalidInputError:
        return label


def _resolved(label: str, names: list[str], problems: list[str]) -> str | None:
    """A link's `model @alias` or `model latest` as the version it stands for now (None, said, when it stands for
    none); any other label as it is."""
    name, _, version = label.partition(" ")
    if name not in names or not linked_versions.moves(version):
        return label
    try:
        resolved = f"{name} {store.resolve(name, version)}"
    except VarlibError as exc:
        problems.append(not_opening(name, version, exc))
        return None
    return resolved


def _named_twice(prefix: str, named: list[tuple[str, str | None]]) -> None:
    """Remember the words a link named each version by (for the address, ui.linked_versions), and say which
    version it names more than once: twice alike, or by an alias (or `latest`) that now points at a version the
    link names otherwise too (`var:0.0.2,var:@champion`), which the person reads as two versions."""
    words: dict[str, list[str]] = {}
    for label, resolved in named:
        if resolved is not None:
            words.setdefault(resolved, []).append(label.partition(" ")[2])
    alike = []
    for resolved, said in words.items():
        moving = [word for word in dict.fromkeys(said) if linked_versions.moves(word)]
        if moving:
            linked_versions.remember(prefix, resolved, *dict.fromkeys(said))
        if len(set(said)) == 1:
            alike += [resolved] if len(said) > 1 else []
            continue
        name, _, version = resolved.partition(" ")
        points = and_list(
            [f"{word} now {'points at' if is_alias(word) else 'stands for'} {version}" for word in moving]
        )
        kept = "both names" if len(set(said)) == 2 else "each name"
        st.warning(
            f"The link names {resolved} more than once: {points} ({and_list([f'{name}:{w}' for w in said])} in the"
            f" link). It is compared once; the address keeps {kept}, so the link compares them apart again once"
            f" {and_list(moving, last='or')} moves on.",
            icon=LINK,
        )
    if alike:
        st.warning(f"The link names {and_list(alike)} more than once; each is compared once.", icon=LINK)


def _load(label: str, listed: dict, damaged: dict[str, str], loaded: dict[str, Artifact | None]) -> Artifact | None:
    """The version, read once a run (`loaded`: else a store failure is said twice), or None after naming it with the
    reason it cannot be read (then no longer offered); one deleted since the listing was read reruns the page."""
    if label in loaded:
        return loaded[label]
    name, version = listed[label]
    try:
        loaded[label] = live.load(name, version, str(version))
    except CorruptArtifactError as exc:  # listed as usable, yet its object is damaged (a checksum mismatch)
        damaged[label] = str(exc)
        _say_damaged(label, str(exc))
    except VarlibError as exc:  # the store failed, not the object: said, and offered again on the next run
        st.warning(
            f"**{library_text(label)}** is left out of the comparison this time:"
            f" {library_text(dashboard_words(str(exc)))}",
            icon=":material/cloud_off:",
        )
    return loaded.setdefault(label, None)


def _say_damaged(label: str, reason: str) -> None:
    st.warning(
        f"**{library_text(label)}** is left out of the comparison: it cannot be read ({library_text(reason)}). The"
        " Models page lists its versions; publish it again or pick another version.",
        icon=":material/broken_image:",
    )


def _leave_out_damaged(key: str, listed: dict, entries: dict, damaged: dict[str, str], loaded: dict) -> None:
    """Before the picker shows them: the chosen versions that cannot be read are named and taken out of the choice
    and of what is offered. A choice of none but those is dropped, so the picker starts as it does by default."""
    chosen = st.session_state.get(key)
    if not chosen:
        return
    for label in chosen:
        if label in damaged:  # found on an earlier run: named again, as the link asked for it again
            _say_damaged(label, damaged[label])
        elif label in listed:
            _load(label, listed, damaged, loaded)
    for label in damaged:
        listed.pop(label, None)
        entries.pop(label, None)
    kept = [label for label in chosen if label not in damaged]
    if kept:
        st.session_state[key] = kept
    else:
        st.session_state.pop(key, None)


def _leave_out_gone(key: str, listed: dict) -> None:
    """Before the picker shows them: the chosen versions deleted from the store by hand, or listed as unusable since
    (damaged in place), are said and taken out of the choice (the others stay compared), not switched silently."""
    chosen = st.session_state.get(key) or []
    why = {label: live.lost(*label.partition(" ")[::2]) for label in chosen if label not in listed}
    for label in (gone := [label for label in chosen if why.get(label) is not None]):
        live.say_gone(*label.partition(" ")[::2], "left out of the comparison", did="compared", damaged=why[label])
    if gone:
        st.session_state[key] = [label for label in chosen if label not in gone]


def _start(model: str, version: str | None, entries: dict, listed: dict) -> list[str]:
    """`version` of `model` (else its newest), then its newest other version in use (`entries`); the version named
    may be a withdrawn one (`listed`)."""
    own = [label for label, (name, _) in entries.items() if name == model]
    looked_at = [label for label, (name, found) in listed.items() if name == model and str(found) == version]
    return list(dict.fromkeys(looked_at + own))[:2]


def _linked_start(
    prefix: str, model: str, version: str | None, names: list[str], entries: dict, listed: dict, problems: list[str]
) -> list[str]:
    """The start a link's `model` and `version` (`latest`, `0.0.3`, `0_0_3` or `@alias`) ask for; each value the
    store cannot offer is a problem."""
    if model not in names:
        problems.append(url_state.unknown_model(model, names))
        return []
    wanted = concrete_version(model, version, problems)
    wanted = None if wanted == LATEST else wanted
    labels = _start(model, wanted, entries, listed)
    if not labels and version == LATEST:  # no version in use: `latest` stands for none (the default pair instead)
        problems.append(latest_of_none(model, store.versions(model), store.withdrawals(model)))
    elif wanted is not None and f"{model} {wanted}" not in labels:
        problems.append(refused_version(model, wanted))
    elif labels and version is not None and linked_versions.moves(version):
        linked_versions.remember(prefix, labels[0], version.strip())
    return labels


def _share_reference(prefix: str, artifacts: list[Artifact]) -> None:
    """Once the person changes the first picked version (the comparison's reference), it is what another page
    opens on next, as a version picked on any page is; a Compare page only visited leaves the selection made
    elsewhere alone."""
    first = artifacts[0] if artifacts else None
    if first is None or first.version is None:
        return
    mark, label = f"_{prefix}_reference", f"{first.name} {first.version}"
    before, st.session_state[mark] = st.session_state.get(mark), label
    shared = st.session_state.get(selection.SHARED)
    if before is not None and before != label and (shared is None or shared[::2] != (first.name, str(first.version))):
        selection.share(prefix, first.name, str(first.version), str(first.version))
