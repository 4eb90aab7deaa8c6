"""Sign-outs that reach every tab of the browser that signed out, not only the tab whose button was pressed.

Streamlit reads its sign-in cookie once, when a tab connects: `st.logout` clears the cookie and ends the
session of the tab that called it, while the browser's other tabs keep the identity they connected with
until they are reloaded. So a Sign out records the sign-in it ended, by its ID token, in this server
process; every tab sharing that token (the same browser's cookie) is signed out on its next run and by
its timed check (`ui.auth.watch`). A new sign-in brings a new token (a new `iat` and `nonce`), which no
record matches. Other browsers and devices of the same person keep their own sign-ins. The records live
as long as the tokens they name could (their `exp`), and only in this process, which is where
Streamlit keeps the sessions they end.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Mapping

# an ID token's own identity: who issued it, to whom, for whom, when, and its nonce (per sign-in)
TOKEN_CLAIMS = ("iss", "aud", "sub", "iat", "exp", "nonce", "sid")
UNDATED_KEEP_S = 30 * 24 * 3600  # a token without `exp`: as long as Streamlit's own cookie lasts

_ended: dict[str, float] = {}  # token fingerprint -> when the record may go (the token's expiry)
_lock = threading.Lock()  # sessions run on threads of their own


def fingerprint(claims: Mapping) -> str:
    """The ID token's identity: the same for every tab holding the cookie, another for a new sign-in."""
    named = {key: claims.get(key) for key in TOKEN_CLAIMS}
    text = json.dumps(named, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def end(claims: Mapping) -> None:
    """Record that the sign-in these claims came with was ended (a Sign out)."""
    expiry = claims.get("exp")
    keep_until = float(expiry) if isinstance(expiry, int | float) else time.time() + UNDATED_KEEP_S
    with _lock:
        _forget_expired()
        _ended[fingerprint(claims)] = keep_until


def ended(claims: Mapping) -> bool:
    """Whether the sign-in these claims came with was ended in any tab."""
    with _lock:
        return fingerprint(claims) in _ended


def _forget_expired() -> None:
    now = time.time()
    for key in [key for key, until in _ended.items() if until <= now]:
        del _ended[key]
