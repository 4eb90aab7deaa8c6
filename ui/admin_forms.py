"""The Models page's admin forms: move an alias, delete one, withdraw a version (ui.governance draws them for an
admin on a writable store). Each change goes through the Registry under the signed-in identity, with the reason
typed (optional for an alias, required for a withdrawal), which the History shows."""

from __future__ import annotations

import streamlit as st

from ui import auth, model_history, presses, store
from ui.errors import show_error
from ui.literal import library_text, literal
from varlib import LATEST, VarlibError, and_list, check_alias, parse_version, unfollowed

DONE = "_governance_done"  # what the last change did, shown after the rerun that redraws the tables
CLEAR = "_governance_clear"  # inputs the last change used up, emptied before its forms are drawn again
OWN = "_governance_own"  # the picks this session's last change took away: gone, but not changed by someone else
REASON_HINT = "why, for whoever finds it"


def last_change() -> str | None:
    """What this session's last change did (on the run right after it), after emptying the inputs it used up."""
    done = st.session_state.pop(DONE, None)
    if done is None:  # only the run right after this session's change knows which picks it took away
        st.session_state.pop(OWN, None)
    # A reason left filled in made a second click withdraw the next version. Set, not removed: a form's fields
    # keep what the browser shows unless the page sets them (a removed key leaves them as they were).
    for key, empty in st.session_state.pop(CLEAR, {}).items():
        st.session_state[key] = empty
    return done


def render(name: str, sign_in: auth.SignIn, done: str | None) -> None:
    """The three forms, with `done` (what the last change did) above them."""
    if done:  # beside the button that did it, not above the tables where it is out of sight
        st.success(done, icon=":material/check_circle:")
    _alias_controls(name, sign_in)
    _delete_controls(name, sign_in)
    _withdraw_controls(name, sign_in)


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
        reason = st.text_input("Reason (optional)", placeholder=REASON_HINT, key=f"alias_reason|{name}")
        gone = _gone_meanwhile(name, seen, versions)
        button = presses.key("Set alias", name)
        if st.form_submit_button("Set alias", icon=":material/bookmark_added:", key=button) and not gone:
            try:
                moved = store.registry().set_alias(name, check_alias(alias), version, sign_in.actor, reason)
            except VarlibError as exc:
                show_error(exc, here=model_history.PAGE)
            else:
                if moved.unchanged:  # nothing stored or recorded (the reason typed neither): no redraw needed
                    st.info(library_text(f"{moved.unchanged_words(reason)}."), icon=":material/info:")
                    return
                was = f" (it pointed at {moved.previous})" if moved.previous else " (a new alias)"
                _done(f"@{moved.alias} now points at {moved.version}{was}.", clear={f"alias_reason|{name}": ""})


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
        first, second = st.columns([1, 3])
        picked = first.selectbox("Alias", list(where), key=key, format_func=pointing)
        reason = second.text_input("Reason (optional)", placeholder=REASON_HINT, key=f"alias_delete_reason|{name}")
        gone = _gone_meanwhile(name, seen, list(where))
        button = presses.key("Delete alias", name)
        if st.form_submit_button("Delete alias", icon=":material/bookmark_remove:", key=button) and not gone:
            try:
                deleted = store.registry().delete_alias(name, picked[1:], sign_in.actor, reason)
            except VarlibError as exc:
                show_error(exc, here=model_history.PAGE)
            else:
                was = f"it pointed at {deleted.previous}" if deleted.previous else "its object was damaged"
                emptied = {f"alias_delete_reason|{name}": ""}
                _done(f"@{deleted.alias} is deleted ({was}); the history keeps its moves.", emptied, own=picked)


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
        reason = second.text_input("Reason", placeholder=REASON_HINT, key=f"withdraw_reason|{name}")
        sure = st.checkbox("Withdraw the version picked above", key=f"withdraw_sure|{name}")
        gone = _gone_meanwhile(name, seen, versions)
        if st.form_submit_button("Withdraw", icon=":material/block:", key=presses.key("Withdraw", name)) and not gone:
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
        why = f"withdrawn by {literal(gone.actor.known_as())}"
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
