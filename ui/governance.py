"""The Models page's team sections: aliases and their history, withdrawals, and the audit trail.

Everyone sees them; only admins get the controls that move and delete aliases and withdraw versions (ui.auth;
the forms are ui.admin_forms), and only on a writable store. Every change goes through the Registry under the
signed-in identity and lands in the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui import admin_forms, auth, live, model_history, store
from ui.errors import guarded
from ui.literal import literal
from ui.onboarding import train_link
from ui.tables import aliases_table
from varlib import READ_ONLY_SAID, unfollowed

BLOCK = ":material/block:"
HISTORY = "History: publishes, alias moves, withdrawals and saved scenarios"


def render(name: str) -> None:
    """Aliases (with their history), the admin controls, and the audit trail of `name`."""
    sign_in = auth.current()
    done = admin_forms.last_change()
    st.subheader("Aliases")
    _live(_aliases, name)  # on the timer, as the versions table above is: a moved alias or a withdrawal shows
    # The admin forms and the audit trail are drawn when opened: the page opens faster without them.
    if sign_in.can("alias") and store.registry().read_only:
        st.info(
            "Moving and deleting aliases and withdrawing versions are switched off: this store is read-only"
            f" ({READ_ONLY_SAID}). Make these changes from a dashboard with write access.",
            icon=":material/lock:",
        )
    elif sign_in.can("alias"):
        admin = st.expander("Move an alias or withdraw a version", key=f"admin_open|{name}", on_change="rerun")
        if admin.open:  # the forms are not on the timer: a click must not land while a timed rerun redraws them
            with admin:
                admin_forms.render(name, sign_in, done)
    elif sign_in.configured:
        st.caption(f"{auth.needs('alias', 'withdraw')}; {sign_in.refusal('admin')}.")
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
    entries = store.versions(name, here=model_history.PAGE)  # a reason naming the Models page says where on it
    st.dataframe(aliases_table(aliases, withdrawn, entries), hide_index=True, width="stretch")
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
