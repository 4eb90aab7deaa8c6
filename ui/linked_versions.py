"""The versions a Compare link names by alias (`var:@champion`, `var:latest`), kept so in the address.

The picker lists versions by number, so a link's alias is resolved to the version it stands for. The address the
page writes names the alias again while the picked version is still the one it stands for: a copied link then
follows the alias, as the Forecast page's does. Once the alias moves on (or the version is picked anew by number),
the page keeps showing what it shows, and the address names that version by its number.
"""

from __future__ import annotations

import streamlit as st

from ui import store
from varlib import Artifact, VarlibError


def _memory(prefix: str) -> dict[str, str]:
    """Picker label (`var 0.0.1`) -> the word a link named it by (`@champion` or `latest`)."""
    return st.session_state.setdefault(f"_{prefix}_aliased", {})


def forget(prefix: str) -> None:
    """A new link: the words of the one before no longer apply."""
    _memory(prefix).clear()


def remember(prefix: str, label: str, word: str) -> None:
    _memory(prefix)[label] = word


def link_value(prefix: str, artifacts: list[Artifact]) -> str | None:
    """The address's `versions`: `name:word` for a version a link named by a word that still stands for it, else
    `name:version`; None for no versions."""
    memory = _memory(prefix)
    picked = {f"{a.name} {a.version}" for a in artifacts}
    for label in [label for label in memory if label not in picked]:  # taken out of the picker: picked anew later
        del memory[label]
    return ",".join(f"{a.name}:{_word(memory, a)}" for a in artifacts) or None


def _word(memory: dict[str, str], artifact: Artifact) -> str:
    label = f"{artifact.name} {artifact.version}"
    word = memory.get(label)
    if word is None:
        return str(artifact.version)
    try:
        still = store.resolve(artifact.name, word) == artifact.version
    except VarlibError:  # the alias was removed, or its version withdrawn: the number is what is shown
        still = False
    if not still:
        del memory[label]
        return str(artifact.version)
    return word
