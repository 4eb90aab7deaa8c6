"""The Models page's team sections: aliases and their history, withdrawals, and the audit trail.

Everyone sees them; only admins get the controls that move and delete aliases and withdraw versions (ui.auth),
and only on a writable store. Every change goes through the Registry under the signed-in identity and lands in
the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui import auth, live, model_history, store
from ui.errors import guarded, show_error
from ui.literal import literal
from ui.onboarding import train_link
from ui.tables import aliases_table
from varlib import LATEST, VarlibError, and_list, check_alias, parse_version, unfollowed

DONE = "_governance_done"  # what the last change did, shown after the rerun that redraws the tables
CLEAR = "_governance_clear"  # inputs the last change used up, emptied before its forms are drawn again
OWN = "_governance_own"  # the picks this session's last change took away: gone, but not changed by someone else
BLOCK = ":material/block:"
HISTORY = "History: publishes, alias moves, withdrawals and saved scenarios"


def render(name: str) -> None:
    """Aliases (with their history), the admin controls, and the audit trail of `name`."""
    sign_in = auth.current()
    done = st.session_state.pop(DONE, None)
    if done is None:  # only the run right after this session's change knows which picks it took away
        st.session_state.pop(OWN, None)
    # A reason left filled in made a second click withdraw the next version. Set, not removed: a form's fields
    # keep what the browser shows unless the page sets them (a removed key leaves them as they were).
    for key, empty in st.session_state.pop(CLEAR, {}).items():
        st.session_state[key] = empty
    st.subheader("Aliases")
    _live(_aliases, name)  # on the timer, as the versions table above is: a moved alias or a withdrawal shows
    # The admin forms and the audit trail are drawn when opened: the page opens faster without them.
    if sign_in.can("alias") and store.registry().read_only:
        st.info(
            "Moving and deleting aliases and withdrawing versions are switched off: this store is read-only"
            " (VARLIB_READ_ONLY=1). Make these changes from a dashboard with write access.",
            icon=":material/lock:",
        )
    elif sign_in.can("alias"):
        admin = st.expander("Move an alias or withdraw a version", key=f"admin_open|{name}", on_change="rerun")
        if admin.open:  # the forms are not on the timer: a click must not land while a timed rerun redraws them
            with admin:
                if done:  # beside the button that did it, not above the tables where it is out of sight
                    st.success(done, icon=":material/check_circle:")
                _alias_controls(name, sign_in)
                _delete_controls(name, sign_in)
                _withdraw_controls(name, sign_in)
    elif sign_in.configured:
        st.caption(
            f"Moving and deleting aliases and withdrawing versions need the admin role; {sign_in.refusal('admin')}."
        )
    model_history.open_if_linked(name)  # a link's `history` filter is the History, open
    history = st.expander(HISTORY, key=f"history_open|{name}", on_change="rerun")
    if history.open:
        with history:
            _live(model_history.render, name)


@live.refresh_every()  # the cached listings expire every LIST_TTL seconds; this redraws them on screen
def _live(part: Callable[[str], None], name: str) -> None:
    guarded(lambda: part(name))  # a timed rerun runs this part alone, outside the page's guard


def _aliases(name: str) -> None:
    aliases, withdrawn = store.aliases(name), store.withdrawals(name)
    if not aliases:
        st.caption(f"**{name}** has no aliases yet.")
        return
    st.dataframe(aliases_table(aliases, withdrawn, entries := store.versions(name)), hide_index=True, width="stretch")
    why = dict.fromkeys(withdrawn, "withdrawn")  # then, as `unfollowed` marks them, the ones that cannot load
    why |= {entry.version: f"not usable ({literal(entry.status)})" for entry in entries if not entry.ok}
    used = "it is refused wherever it is used until an admin moves it to another version or deletes it"
    for alias in aliases:
        if alias.damaged:
            st.warning(alias.damaged, icon=":material/warning:")
        elif alias.version in why:
            st.warning(f"@{alias.alias} points at {alias.version}, which is {why[alias.version]}: {used}.", icon=BLOCK)
    st.caption("Use an alias wherever a version goes: `?version=@champion`, `varlib forecast @champion`.")


def marked(label: str, withdrawn_labels) -> str:
    """A version's label as the pickers show it: `0.0.2 (withdrawn)` when it is one of `withdrawn_labels`."""
    return f"{label} (withdrawn)" if label in withdrawn_labels else label


def withdrawn_of(entries, withdrawn) -> list[str]:
    """The labels of `entries` that load but are withdrawn (usable but for their withdrawal), in their order."""
    return [entry.label for entry in entries if entry.ok and not entry.usable(withdrawn)]


def version_choices(name: str, entries, withdrawn, named: set) -> tuple[list[str], dict[str, str]]:
    """A version picker's choices after `latest`: the aliases, then the usable versions newest first
    (withdrawn ones, and aliases of them, only when `named`, e.g. by a link), and how to show each."""
    labels = alias_choices(name, withdrawn, named)
    aliases = list(labels)
    usable = [entry.label for entry in entries if entry.usable(withdrawn)]
    hidden = [label for label in withdrawn_of(entries, withdrawn) if label in named]
    labels |= {v: marked(v, hidden) for v in hidden}
    return aliases + usable + hidden, labels


def alias_choices(name: str, withdrawn, named: set) -> dict[str, str]:
    """A version picker's aliases (`@champion`) and how to show each (`@champion (0.0.3)`)."""
    # a damaged alias cannot be opened (the Models page lists it with the reason)
    aliases = {f"@{alias.alias}": alias.version for alias in store.aliases(name) if not alias.damaged}
    # an alias of a withdrawn, deleted or unusable version is refused wherever used: offered only when named, as such
    marked = {version: f"{version}, {word}" for version, word in unfollowed(store.versions(name), withdrawn).items()}
    aliases = {a: version for a, version in aliases.items() if version not in marked or a in named}
    labels = {a: f"{a} ({marked.get(version, version)})" for a, version in aliases.items()}
    # an alias the page follows that was deleted meanwhile stays picked, and is refused with who deleted it: the
    # picker falling back to another version would change what the page shows without a word
    held = {a for a in named if isinstance(a, str) and a.startswith("@") and a not in labels}
    return labels | {a: f"{a} (deleted)" for a in sorted(held) if store.deleted_alias(name, a[1:])}


def no_version_in_use(name: str, entries, withdrawn) -> str:
    """Why `name` has no version to show (every usable one withdrawn, or none usable at all), and how a new one
    comes: a viewer was sent to publish one on the Train page, whose Publish only said they may not."""
    gone = len(withdrawn_of(entries, withdrawn))
    if gone:
        return (
            f"Model **{name}** has no version in use:"
            f" {'its only usable version is' if gone == 1 else f'its {gone} usable versions are'} withdrawn."
            f" The Models page shows who withdrew each and why; {new_version_step()}."
        )
    return (
        f"Model **{name}** has no usable version: every object is broken or legacy. The Models page shows each"
        f" reason; {new_version_step()}."
    )


def publish_link() -> None:
    """The Train & publish page's link where this session may publish (the publisher role, on a store it may
    write); else new_version_step's words say who can, since the page's Publish would only refuse."""
    if auth.current().can("publish") and not store.registry().read_only:
        train_link()


def new_version_step(version: str = "a new version") -> str:
    """How `version` can be published, as this session can do it or have it done (ui.compare_pick says it of
    "another" version)."""
    if store.registry().read_only:  # this dashboard's Train page cannot publish, whatever the role
        return f"publish {version} from a dashboard or the CLI with write access"
    sign_in = auth.current()
    if not sign_in.can("publish"):
        return f"publishing {version} needs the publisher role; {sign_in.refusal('publisher')}"
    return f"publish {version} from the Train & publish page"


def warn_if_withdrawn(name: str, version, withdrawn) -> str | None:
    """Say so when the version on screen was withdrawn (it is only shown when named explicitly); returns what."""
    if (gone := withdrawn.get(version)) is None:
        return None
    said = (  # the library's words (who and why were typed: escaped), the version named in bold
        f"**{name} {version}** {literal(gone.describe(subject=False))}. It still loads when named, so earlier"
        " results stay reproducible; `latest` and aliases never use it."
    )
    st.warning(said, icon=BLOCK)
    return said


def _follow_details(name: str, key: str, versions: list[str]) -> None:
    """Start a form's Version at the version the Details section shows, and follow it when the reader picks
    another there: a default of `latest` moved an alias to the newest version while another one was on screen."""
    shown = st.session_state.get(f"models_version|{name}")
    followed = f"{key}|follows"
    if shown in versions and st.session_state.get(followed) != shown:
        st.session_state[key] = st.session_state[followed] = shown


def _alias_controls(name: str, sign_in: auth.SignIn) -> None:
    usable = [entry.label for entry in store.usable(name)]
    if not usable:  # `latest` too would be refused: it stands for no version
        st.caption(f"Every version of **{name}** is withdrawn: an alias has nothing to point at until one is published")
        return
    versions = [LATEST, *usable]
    _follow_details(name, f"alias_version|{name}", versions)
    seen = st.session_state.get(f"alias_version|{name}")
    # Enter in the alias' name must not move it before the version is picked: only the button sets it
    with st.form(f"alias_form|{name}", border=True, enter_to_submit=False):
        st.markdown("**Move an alias** (admin)")
        first, second = st.columns(2)
        alias = first.text_input("Alias", placeholder="e.g. champion", key=f"alias_name|{name}")
        version = second.selectbox("Version", versions, key=f"alias_version|{name}")
        gone = _gone_meanwhile(name, seen, versions)
        if st.form_submit_button("Set alias", icon=":material/bookmark_added:") and not gone:
            try:
                moved = store.registry().set_alias(name, check_alias(alias), version, sign_in.actor)
            except VarlibError as exc:
                show_error(exc, here=model_history.PAGE)
            else:
                if moved.unchanged:  # nothing stored or recorded: the tables above need no redraw
                    st.info(
                        f"@{moved.alias} already points at {moved.version}; nothing changed.", icon=":material/info:"
                    )
                    return
                was = f" (it pointed at {moved.previous})" if moved.previous else " (a new alias)"
                _done(f"@{moved.alias} now points at {moved.version}{was}.")


def _delete_controls(name: str, sign_in: auth.SignIn) -> None:
    # a damaged alias too: deleting replaces its unreadable object, as setting it again does (its warning)
    where = {f"@{alias.alias}": alias.version for alias in store.aliases(name)}
    if not where:
        return
    marks = unfollowed(store.versions(name), store.withdrawals(name))  # an alias of one is the likeliest to go

    def pointing(alias: str) -> str:
        if where[alias] is None:
            return f"{alias} (damaged)"
        return f"{alias} (points at {where[alias]}{f', {marks[where[alias]]}' if where[alias] in marks else ''})"

    key = f"alias_delete|{name}"
    seen = st.session_state.get(key)
    # Streamlit hands back the text the browser showed: after the alias moved (or its version was withdrawn) that
    # text matches no option, and read as "deleted meanwhile". The alias' name (it has no space) is the option.
    if isinstance(seen, str) and seen not in where:
        seen = seen.split(" ")[0]
        if seen in where:  # the same alias, moved since: picked still (set only then: a pending pick stays)
            st.session_state[key] = seen
    with st.form(f"alias_delete_form|{name}", border=True):
        st.markdown("**Delete an alias** (admin): links and commands naming it stop working; the history keeps it.")
        picked = st.selectbox("Alias", list(where), key=key, format_func=pointing)
        gone = _gone_meanwhile(name, seen, list(where))
        if st.form_submit_button("Delete alias", icon=":material/bookmark_remove:") and not gone:
            try:
                deleted = store.registry().delete_alias(name, picked[1:], sign_in.actor)
            except VarlibError as exc:
                show_error(exc, here=model_history.PAGE)
            else:
                was = f"it pointed at {deleted.previous}" if deleted.previous else "its object was damaged"
                _done(f"@{deleted.alias} is deleted ({was}); the history keeps its moves.", own=picked)


def _withdraw_controls(name: str, sign_in: auth.SignIn) -> None:
    versions = [entry.label for entry in store.usable(name)]
    if not versions:
        return
    _follow_details(name, f"withdraw_version|{name}", versions)
    seen = st.session_state.get(f"withdraw_version|{name}")
    with st.form(f"withdraw_form|{name}", border=True):
        st.markdown("**Withdraw a version** (admin): `latest` and aliases stop using it; nothing is deleted.")
        first, second = st.columns([1, 3])
        version = first.selectbox("Version", versions, key=f"withdraw_version|{name}")
        reason = second.text_input("Reason", placeholder="why, for whoever finds it", key=f"withdraw_reason|{name}")
        sure = st.checkbox("Withdraw the version picked above", key=f"withdraw_sure|{name}")
        gone = _gone_meanwhile(name, seen, versions)
        if st.form_submit_button("Withdraw", icon=":material/block:") and not gone:
            if not sure:  # the picker moves to the next version after a withdrawal: one click must not take it too
                tick = f"Tick *Withdraw the version picked above* to withdraw {name} {version}."
                st.warning(tick, icon=":material/block:")
                return
            try:
                withdrawal = store.registry().withdraw(name, version, reason, sign_in.actor)
            except VarlibError as exc:
                show_error(exc, here=model_history.PAGE)
            else:
                emptied = {f"withdraw_reason|{name}": "", f"withdraw_sure|{name}": False}
                refused = [f"@{a.alias}" for a in store.registry().aliases(name) if str(a.version) == version]
                one = len(refused) == 1
                stranded = f" {and_list(refused)} point{'s' if one else ''} at it: refused wherever used until moved."
                before, after = withdrawal.latest_move  # as the CLI says it: only a move is news
                moved = f" `latest` is now {after or 'none: every version is withdrawn'}." if before else ""
                _done(f"{name} {version} is withdrawn.{stranded if refused else ''}{moved}", clear=emptied, own=version)


def _gone_meanwhile(name: str, seen: str | None, choices: list[str]) -> bool:
    """Whether a form's pick went away since the form was drawn (another admin withdrew the version or deleted the
    alias), said in the form: Streamlit hands the picker another choice, and a click would act on that one.
    `seen`: the pick as the reader saw it, read before the picker is drawn again with the current `choices`."""
    if seen is None or seen in choices or seen == st.session_state.get(OWN):  # this session's own change took it
        return False
    alias = seen.startswith("@")
    gone = None if alias or seen == LATEST else store.withdrawals(name).get(parse_version(seen))
    why = "deleted" if alias else "withdrawn"
    if gone is not None and not gone.damaged:
        why = f"withdrawn by {literal(gone.actor.name)}"
    st.warning(
        f"**{literal(seen)}** was {why} after this form was drawn: nothing was changed. The form now shows what is"
        " there; pick again before pressing.",
        icon=":material/sync_problem:",
    )
    return True


def _done(message: str, clear: dict[str, object] | None = None, own: str | None = None) -> None:
    store.refresh()
    st.session_state[DONE] = message
    st.session_state[CLEAR] = clear or {}
    st.session_state[OWN] = own  # the pick it took away (a withdrawn version, a deleted alias): no "meanwhile"
    st.rerun()  # every table above (versions, aliases) shows the change
