"""The versions a Compare link names by alias (`var:@champion`, `var:latest`), kept so in the address.

The picker lists versions by number, so a link's alias is resolved to the version it stands for. The address the
page writes names the alias again while the picked version is still the one it stands for: a copied link then
follows the alias, as the Forecast page's does. Once the alias moves on (or the version is picked anew by number),
the page keeps showing what it shows, and the address names that version by its number. A link naming one version
twice (`var:0.0.2,var:@champion` once @champion points at 0.0.2) compares it once, and its address keeps both
names while the alias stands for that version: copied, it compares the two again once the alias moves on.
"""

from __future__ import annotations

import streamlit as st

from ui import store
from varlib import Artifact, VarlibError, is_alias, is_latest


def _memory(prefix: str) -> dict[str, tuple[str, ...]]:
    """Picker label (`var 0.0.1`) -> the words a link named it by, in the link's order (`@champion`, `latest`, and
    its number when the link named that too)."""
    return st.session_state.setdefault(f"_{prefix}_aliased", {})


def forget(prefix: str) -> None:
    """A new link: the words of the one before no longer apply."""
    _memory(prefix).clear()


def remember(prefix: str, label: str, *words: str) -> None:
    _memory(prefix)[label] = words


def link_value(prefix: str, artifacts: list[Artifact]) -> str | None:
    """The address's `versions`: `name:word` for a version a link named by a word that still stands for it, else
    `name:version`; None for no versions."""
    memory = _memory(prefix)
    picked = {f"{a.name} {a.version}" for a in artifacts}
    for label in [label for label in memory if label not in picked]:  # taken out of the picker: picked anew later
        del memory[label]
    return ",".join(f"{a.name}:{word}" for a in artifacts for word in _words(memory, a)) or None


def _words(memory: dict[str, tuple[str, ...]], artifact: Artifact) -> list[str]:
    label, number = f"{artifact.name} {artifact.version}", str(artifact.version)
    kept = [word for word in memory.get(label, ()) if _stands_for(artifact, word)]
    if not any(moves(word) for word in kept):
        memory.pop(label, None)
        return [number]
    memory[label] = tuple(kept)
    return kept


def moves(word: str) -> bool:
    """An alias or `latest`: a word whose version can change under a link."""
    return is_alias(word) or is_latest(word)


def _stands_for(artifact: Artifact, word: str) -> bool:
    if not moves(word):
        return word == str(artifact.version)
    try:
        return store.resolve(artifact.name, word) == artifact.version
    except VarlibError:  # the alias was removed, or its version withdrawn: the number is what is shown
        return False
