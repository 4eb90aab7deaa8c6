"""Which model a command is about: `--name`, else the store's only model; a name the store does not hold
refused in one line that names the models it does hold (an unknown name must not read as an empty model);
and `varlib models`, every name the store holds (those messages name the first ten)."""

from __future__ import annotations

import argparse

from varlib import InvalidInputError, NotFoundError, Registry, Settings, check_name

from .output import print_json, to_stderr


def model_name(registry: Registry, given: str | None) -> str:
    """The name given, else the store's only model; several models need `--name`."""
    # `--name ""` (an unset shell variable, `--name "$MODEL"`) is a bad name, refused as such: read as no
    # name, it would act on the store's only model, a withdrawal or an alias move included
    if given is not None:
        return check_name(given)
    names = registry.list_names()
    if len(names) == 1:
        return names[0]
    if not names:
        raise NotFoundError(no_models(registry))
    raise InvalidInputError(
        f"{registry.description} holds {len(names)} models ({_shown(names)}): choose one with --name", field="name"
    )


def run_models(args: argparse.Namespace) -> int:
    """Every model's name, one per line (or a JSON list), in the order the store lists them."""
    registry = Registry.from_settings(Settings.from_env())
    names = registry.list_names()
    missing = None if names else registry.missing_note()
    if missing:
        # a bucket or folder that does not exist (a typo) is a failure, as for `varlib list`: stdout stays empty,
        # as on any failure, so a script reading it gets no `[]` to take for a store that holds no models
        raise NotFoundError(no_models(registry, missing))
    if args.json:
        print_json(names)  # stdout stays JSON alone
    elif names:
        print("\n".join(names))
    if not names:  # stdout holds names only (`varlib models | while read m` must not loop over a sentence)
        to_stderr(f"note: {no_models(registry)}")
    return 0


PUBLISH_ONE = "publish one with `varlib train --publish`"


def no_models(registry: Registry, note: str | None = None) -> str:
    """The store holds no models: why, when its bucket does not exist (`note`, else asked), else how to publish
    one."""
    note = note or registry.missing_note()
    first = PUBLISH_ONE
    return f"no models: {note}. To start, {first}" if note else f"no models in {registry.description}: {first}"


def require_model(registry: Registry, name: str) -> None:
    """Nothing if the store holds a model `name` (with or without versions), else NotFoundError naming the
    models it holds. Called when a listing came back empty, so a model with entries costs no extra read."""
    names = registry.list_names()
    if name in names:
        return
    held = f"its models: {_shown(names)} (choose one with --name)" if names else registry.missing_note()
    held = held or f"it holds no models yet: {PUBLISH_ONE}"
    raise NotFoundError(
        f"model {name!r} does not exist in {registry.description}; {held}",
        field="name",
        value=name,
    )


def _shown(names: list[str]) -> str:
    more = f" and {len(names) - 10} more, which `varlib models` lists" if len(names) > 10 else ""
    return ", ".join(names[:10]) + more
