"""Open answers say who made a change, not how to reach them, and that the store has no models or a version, not
where the server keeps them: a refusal names "this store" (and a stored object by its key), never a local store's
folder, which the service logs for its operator (the CLI, on the operator's own machine, names it).

An actor (who published a version, moved an alias, withdrew a version or saved a scenario) is stored with its
subject and issuer at the identity provider and the address the request came from. The audit trail, which
needs a viewer's token once sign-in is configured, shows all of it; every other answer names the person and
the front end used (`name`, `via`), as a version's author is named on its card.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from varlib import Registry, escape_controls

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


THIS_STORE = "this store"
_KEY_CHARS = r"[A-Za-z0-9._/-]*"  # varlib.store.check_key's: where a path inside the folder ends in a message


def out_of_sight(message: str, registry: Registry | None) -> str:
    """A refusal's `message` with a local store's folder said as THIS_STORE: its description (`local folder /srv/x`),
    a path inside it as the object's key, and the folder itself, or a path in the store's root, as "this store's
    folder". A message that named it is logged as it was, for the operator. A MinIO store's words stay as they are:
    its errors name the endpoint and bucket (the `endpoint` and `bucket` fields), which are no server's folders."""
    store: Any = registry.store if registry is not None else None
    folder = getattr(store, "bucket_dir", None)  # only a local store (varlib.store.local) keeps a folder
    if folder is None:
        return message
    said = message.replace(store.description, THIS_STORE)
    inside = re.escape(escape_controls(str(folder)))  # as the store writes its paths (varlib.store.local)
    said = re.sub(rf"{inside}/({_KEY_CHARS})", r"\1", said)
    said = re.sub(re.escape(escape_controls(str(store.root))) + _KEY_CHARS, f"{THIS_STORE}'s folder", said)
    if said != message:
        log.info("refused, without the store's folder: %s", message)
    return said
