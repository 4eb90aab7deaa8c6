"""Open reads say who made a change, not how to reach them.

An actor (who published a version, moved an alias, withdrew a version or saved a scenario) is stored with its
subject and issuer at the identity provider and the address the request came from. The audit trail, which
needs a viewer's token once sign-in is configured, shows all of it; every other answer names the person and
the front end used (`name`, `via`), as a version's author is named on its card.
"""

from __future__ import annotations

from typing import Any

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
