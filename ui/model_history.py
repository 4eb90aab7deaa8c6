"""The Models page's History section (publishes, alias moves, withdrawals, saved scenarios) and its Show filter,
which is in the page's address (`history=@champion`) while the History is open: a copied link opens it so."""

from __future__ import annotations

import streamlit as st

from ui import column_widths, models_table, store, url_state
from ui.tables import history_table
from varlib import counted, is_alias

PAGE = "models"  # the Models page's address (views/models.py)
EVERYTHING = "everything"
ROOM = 942  # the table's width at 1440 px, in its expander (944 px) less its borders (wider pages stretch it)
WHOLE = ("at", "action", "version", "was", "latest")  # never cut: a time, an action or a version cut reads as another
# who made the change, whole as the versions table's author is (up to its width): cut to the others' common width,
# "Paul Publisher" read "Paul Publi" beside an opaque subject that took as much room
WHO = {"by": models_table.AUTHOR_MOST}
KEPT = ("at", "action", "version", "by", "reason")  # shown even empty; another column only when a row fills it
REASON_LEAST = 240  # px: about 30 characters of a reason, the rest whole on a double-click
LINKED = f"_{PAGE}_link_history"  # a link's filter, until the History can check it against the model's aliases


def _parse(raw: str) -> str | None:
    text = str(raw).strip()
    return text if text == EVERYTHING or (is_alias(text) and len(text) > 1) else None


def _back_to_everything() -> None:
    st.session_state[LINKED] = EVERYTHING


FIELDS = [
    url_state.Field("history", LINKED, _parse, "everything or an alias such as @champion", clear=_back_to_everything)
]


def _scope_key(name: str) -> str:
    return f"history_scope|{name}"


def _open_key(name: str) -> str:
    return f"history_open|{name}"


def open_if_linked(name: str) -> None:
    """Before the History's expander: a link that names a filter asks to see the History with it."""
    if st.session_state.get(LINKED) not in (None, EVERYTHING):
        st.session_state[_open_key(name)] = True


def link_value(name: str) -> str | None:
    """The address's `history`: the filter while the History is open and filtered, else None (everything)."""
    scope = st.session_state.get(_scope_key(name))
    return scope if st.session_state.get(_open_key(name)) and scope not in (None, EVERYTHING) else None


def _apply_link(name: str, options: list[str]) -> None:
    """A link's filter, once the model's aliases are known; one that names none of them is said, and everything
    is shown."""
    linked = st.session_state.pop(LINKED, None)
    if linked is None:
        return
    if linked in options:
        st.session_state[_scope_key(name)] = linked
        return
    st.session_state[_scope_key(name)] = EVERYTHING
    offered = ", ".join(options[1:]) or "none"
    url_state.warn([f"history {linked!r}, which is not an alias of {name!r} in its history (aliases: {offered})"])


def render(name: str) -> None:
    records = store.history(name)
    cut = len(records) == store.HISTORY_SHOWN
    if cut:  # there may be more: a silent cut hid earlier changes
        st.caption(
            f"The newest {store.HISTORY_SHOWN} records are shown; all of them: `varlib history --name {name}"
            " --limit 1000`, then `--before KEY` for each older page, or REST"
            f" `GET /models/{name}/history`, a page at a time with `before`."
        )
    moves = {alias.alias: alias.revision for alias in store.aliases(name)}  # moved lately or not, each is offered
    alias_names = sorted({r.alias for r in records if r.alias} | set(moves))
    options = [EVERYTHING] + [f"@{a}" for a in alias_names]
    _apply_link(name, options)
    scope = st.selectbox("Show", options, key=_scope_key(name))
    # a change of filter reruns this part alone: the address the versions part wrote gets the filter here
    url_state.write(PAGE, {**url_state.last_written(PAGE), "history": link_value(name)})
    if scope != EVERYTHING:
        records = tuple(r for r in records if r.alias == scope[1:])
        if cut:  # the filter reads the shown records only: say that they may be a part of the alias's story
            moved = f"; it has moved {counted(moves[scope[1:]], 'time')} in all" if scope[1:] in moves else ""
            st.caption(f"{scope}'s records among the newest {store.HISTORY_SHOWN} only: {len(records)}{moved}.")
    table = history_table(records)
    # a column empty in every row told nothing and took the reason's room (`scenario`, `was` where none moved)
    table = table[[c for c in table if c in KEPT or table[c].astype(bool).any()]]
    # each column as wide as its text: an empty reason kept a medium width, and the table scrolled sideways at
    # 1440 px; a long reason is cut first, but not below REASON_LEAST (cut to 64 px, every reason read "the 2008…"),
    # then the widest of the others; each whole on a double-click
    sized = column_widths.laid_out(
        table,
        ROOM,
        whole=(*WHOLE, *WHO),
        rest="reason",
        most=WHO,
        rest_least=REASON_LEAST,
    )
    columns = {column: st.column_config.TextColumn(width=width) for column, width in sized.items()}
    restored = "When `varlib reindex` wrote this record from the stored change, whose own record was cut off (the"
    restored += " store went away or the writer was stopped between the two)."
    if "restored" in columns:
        columns["restored"] = st.column_config.TextColumn(width=sized["restored"], help=restored)
    st.dataframe(table, hide_index=True, width="stretch", column_config=columns)
