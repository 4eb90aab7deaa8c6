"""What a Compare link's `versions` names that the store does not list, in words a person can act on.

A label the store does not list is a model named without its version (`us90`), a version named without its model
on a store of several models (`0.0.1`: which model's is not said; on a store of one it is that model's), or a
version or model the store does not have, said as every page says a link's (ui.version_pick.refused_version,
ui.url_state.unknown_model). A link's `version` beside its `versions` is left out, and said so.
"""

from __future__ import annotations

from collections.abc import Collection

from ui import linked_versions, url_state
from ui.version_pick import refused_version
from varlib import InvalidInputError, and_list, parse_version


def unlisted(labels: list[str], names: list[str], listed: Collection[str] = ()) -> list[str]:
    """The problems of a link's `labels` the store does not list (`names`: its models; `listed`: its `model
    version` labels): one sentence for the bare models, one for the bare versions, one for each other label."""
    problems = []
    bare = [label for label in labels if label in names]  # `us90`: a model, its version left out
    if bare:
        models = "names a model" if len(bare) == 1 else "name models"
        problems.append(f"{and_list(bare)}, which {models} without a version (as in {bare[0]}:latest)")
    modelless = [label for label in labels if label not in bare and _version_alone(label)]
    if modelless:
        versions = "version" if len(modelless) == 1 else "versions"
        model = _holding(modelless[0], names, listed)
        problems.append(
            f"{versions} {and_list(modelless)} without a model: a Compare link names each with its model"
            f" (versions={model}:{modelless[0]},...) or names the model once (model={model}&versions="
            f"{modelless[0]},...)"
        )
    for label in (label for label in labels if label not in bare and label not in modelless):
        name, _, version = label.partition(" ")  # in the other pages' words: `version '0.0.9' of 'var', which ...`
        problems.append(refused_version(name, version) if name in names else url_state.unknown_model(name, names))
    return problems


def _holding(label: str, names: list[str], listed: Collection[str]) -> str:
    """The model the example names for a bare version: the first that has it (a link copied from the example then
    opens), else the first model (an alias or `latest` every model may have)."""
    try:
        version = str(parse_version(label))
    except InvalidInputError:
        return names[0]
    return next((name for name in names if f"{name} {version}" in listed), names[0])


def version_beside(
    version: str | None, model: str | None, linked: list[str], names: list[str], listed: Collection[str]
) -> str | None:
    """The words for a link's `version` beside its `versions` (`linked`: the picker's labels), which are compared
    instead; None when there is no `version` or the `versions` name it too (of `model`, the link's, when it names
    one), as then nothing is left out. The example names `model`, else the first model a label names, else one of
    the store's (`names`, `listed`: as unlisted) that has the version: a bare label is no model."""
    if version is None:
        return None
    try:
        wanted = str(parse_version(version))
    except InvalidInputError:  # `latest`, `@champion` or a word: compared as written
        wanted = version.strip()
    pairs = [label.partition(" ")[::2] for label in linked]
    if any(found == wanted and model in (None, name) for name, found in pairs):
        return None
    named = model or next((name for name, found in pairs if found), None) or _holding(version, names, listed)
    return (
        f"The link names version={version} beside versions=: versions= decides what is compared and {version} is"
        f" left out (to compare it too, add it to versions, as in versions={named}:{version},...)."
    )


def _version_alone(label: str) -> bool:
    """A version (`0.0.1`, `latest`, `@champion`) with no model's name before it."""
    if " " in label:
        return False
    if linked_versions.moves(label):
        return True
    try:
        parse_version(label)
    except InvalidInputError:
        return False
    return True
