"""Open answers say who made a change, not how to reach them, and that the store has no models, not where the
server keeps them.

An actor (who published a version, moved an alias, withdrew a version or saved a scenario) is stored with its
subject and issuer at the identity provider and the address the request came from. The audit trail, which
needs a viewer's token once sign-in is configured, shows all of it; every other answer names the person and
the front end used (`name`, `via`), as a version's author is named on its card.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("varlib.api")
KEPT = ("name", "via")
_ACTOR_KEYS = ("actor", "identity")  # a change's actor; a version's provenance.identity


def without_whereabouts(content: Any) -> Any:
    """`content` with every actor cut to its name and front end (`KEPT`)."""
    if isinstance(content, dict):
        return {
            key: _public(value) if key in _ACTOR_KEYS and isinstance(value, dict) else without_whereabouts(value)
            for key, value in content.items()
        }
    if isinstance(content, list):
        return [without_whereabouts(item) for item in content]
    return content


def _public(actor: dict) -> dict:
    return {key: value for key, value in actor.items() if key in KEPT}


# A bucket or folder the store does not find: a REST caller can neither see nor fix the server's settings.
NO_STORE = (
    "the store the service reads holds no models: the bucket or folder it keeps them in does not exist (the first"
    " publish, with the CLI or the dashboard, creates it); if models were expected, the service's operator finds"
    " which one it looked for at GET /ready and in the service's log"
)
_logged: list[str] = []  # the note logged last: a misconfigured service logs it once, not once per request


def store_missing(note: str) -> str:
    """NO_STORE for a REST answer; `note` (Store.missing_note: the server's folder or bucket and the settings that
    chose it, as the CLI prints it) is logged for the operator."""
    if note not in _logged:
        log.warning("the store holds no models: %s", note)
        _logged[:] = [note]
    return NO_STORE
