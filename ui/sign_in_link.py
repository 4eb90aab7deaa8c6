"""A shared link survives signing in: the sign-in screen remembers the address it was opened at, and the
first run after signing in opens that page with its settings.

Streamlit's sign-in always returns to the app's home page (its /oauth2callback answers with a redirect to
the root), and the session after signing in is a new page load, so neither the address nor the session
state carries the link across. The address waits in a short-lived cookie of this app, written by the
sign-in screen in the browser and read by the server from the next session's request. Only the name of
one of this app's pages and the query are taken from it; anything else in it is ignored.

A sign-in that ran out also takes with it what was typed on the Train page and is in no address: the sign-in
screen of such a session (which still holds it) keeps the model name and the notes in a second cookie, and the
first run after signing in puts them back. An uploaded file cannot travel so (the browser forgets it, and a cookie
holds 4 KB): the screen says to upload it again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from urllib.parse import parse_qsl, quote, unquote, urlsplit

import streamlit as st

COOKIE = "varlib_return"
LIFETIME_SECONDS = 900  # long enough to sign in, short enough not to surprise a later visit
_OPENED = "_sign_in_link_opened"  # this session has looked for a remembered link
_FORGET = "_sign_in_link_forget"  # the cookie is still in the browser: clear it on the next drawn run

_SAME_SITE = f"; path=/; max-age={LIFETIME_SECONDS}; SameSite=Lax"


def _kept_script(write: str, cookie: str) -> str:
    """A script that sets a cookie (`cookie`: the JavaScript expression of the whole cookie) now, and again at each
    press or key on the screen: a tab whose sign-in ran out turns to this screen by itself, maybe hours before
    anyone presses Sign in, when a cookie written only then has long lapsed. Each run of the screen draws the script
    again; the newest `write` is kept, and one listener of each kind is enough."""
    return f"""<script>
(() => {{
  window.{write} = () => {{ document.cookie = {cookie}; }};
  window.{write}();
  if (!window.{write}Watched) {{
    window.{write}Watched = true;
    for (const kind of ["pointerdown", "keydown"]) document.addEventListener(kind, () => window.{write}(), true);
  }}
}})();
</script>"""


_REMEMBER_SCRIPT = _kept_script(
    "varlibRemember",
    f'"{COOKIE}=" + encodeURIComponent(window.location.pathname + window.location.search) + "{_SAME_SITE}"',
)

DRAFT_COOKIE = "varlib_draft"
# The Train page's typed text, by session-state key (a key's start): the model name's key ends with its default
DRAFT_KEYS = ("train_name|", "train_notes")
_OWNER = "@owner"  # not a session-state key: who typed the draft
DRAFT_MAX_BYTES = 3800  # the cookie's value as sent: browsers drop a cookie over 4096 bytes without a word
_FORGET_SCRIPT = (
    f'<script>document.cookie = "{COOKIE}=; path=/; max-age=0; SameSite=Lax";'
    f' document.cookie = "{DRAFT_COOKIE}=; path=/; max-age=0; SameSite=Lax";</script>'
)


def remember() -> None:
    """On the sign-in screen: keep this address for the first run after signing in."""
    _run_in_browser(_REMEMBER_SCRIPT)


def keep_draft() -> bool:
    """On the screen of a sign-in that ran out: keep the Train page's typed text for the first run after signing in
    again. False when it is too long for a cookie (then nothing is kept, and the screen says to copy it)."""
    draft = {
        key: value
        for key, value in st.session_state.to_dict().items()
        if key.startswith(DRAFT_KEYS) and isinstance(value, str) and value
    }
    if not draft:
        return True
    value = quote(json.dumps({**draft, _OWNER: _signed_in_as()}), safe="")
    if len(value) > DRAFT_MAX_BYTES:
        return False
    # the value is %-encoded, so no quote or `<` of the typed text reaches the script
    _run_in_browser(_kept_script("varlibKeepDraft", f'"{DRAFT_COOKIE}={value}{_SAME_SITE}"'))
    return True


def _signed_in_as() -> str:
    """Who this session is signed in as (the ID token's issuer and subject, expired or not); empty when nobody."""
    claims = st.user.to_dict() if getattr(st.user, "is_logged_in", False) else {}
    return f"{claims.get('iss', '')} {claims.get('sub', '')}".strip()


def _restore_draft() -> bool:
    """Put back the typed text a sign-in that ran out kept (`keep_draft`), unless this session has its own; True when
    the browser held some."""
    kept = st.context.cookies.get(DRAFT_COOKIE)
    if not isinstance(kept, str) or not kept:  # (AppTest's context answers with a stand-in object)
        return False
    try:
        draft = json.loads(unquote(kept))
    except ValueError:
        return True  # damaged: forgotten with the rest
    # another person signing in next in this browser does not get the text: only the one who typed it
    if isinstance(draft, dict) and draft.get(_OWNER) == _signed_in_as():
        for key, value in draft.items():
            if isinstance(key, str) and key.startswith(DRAFT_KEYS) and isinstance(value, str):
                st.session_state.setdefault(key, value)
    return True


def target(address: str, pages: Sequence[st.Page]) -> tuple[st.Page, dict[str, str]] | None:
    """The page and query an address names, or None for the bare home page (nothing to return to).

    The address's last path segment names the page, whatever the app's base path; a segment that names
    no page (the base path itself, or a page that is gone) means the home page, as Streamlit opens it. A
    repeated query parameter keeps its last value, as Streamlit's own reading of the address does.
    """
    parts = urlsplit(address)
    segments = [segment for segment in parts.path.split("/") if segment]
    by_name = {page.url_path: page for page in pages}
    home = by_name.get("")
    page = by_name.get(segments[-1] if segments else "", home)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if page is None or (page is home and not query):
        return None
    return page, query


def open_remembered(pages: Sequence[st.Page]) -> None:
    """Once per session, after signing in: open the page the sign-in screen remembered, and clear the cookie.

    Called after `st.navigation`, since switching pages needs the app's pages known. A remembered address
    that names no page here is dropped; the home page then opens, as it would without one.
    """
    if st.session_state.pop(_FORGET, False):
        _run_in_browser(_FORGET_SCRIPT)
    if st.session_state.get(_OPENED):
        return
    st.session_state[_OPENED] = True
    drafted = _restore_draft()
    address = st.context.cookies.get(COOKIE)
    if not isinstance(address, str) or not address:  # (AppTest's context answers with a stand-in object)
        if drafted:
            _run_in_browser(_FORGET_SCRIPT)
        return
    found = target(unquote(address), pages)  # the browser wrote it encoded, and cookies arrive as written
    if found is None:
        _run_in_browser(_FORGET_SCRIPT)
        return
    st.session_state[_FORGET] = True  # cleared by the opened page's run: this run ends at the switch
    page, query = found
    st.switch_page(page, query_params=query)


def _run_in_browser(script: str) -> None:
    """A script of this module, in the sidebar (an element of no height there)."""
    with st.sidebar:
        st.html(script, unsafe_allow_javascript=True)
