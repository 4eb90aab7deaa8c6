"""Which model a command is about: `--name`, else the store's only model; and a name the store does not hold
refused in one line that names the models it does hold (an unknown name must not read as an empty model)."""

from __future__ import annotations

from varlib import InvalidInputError, NotFoundError, Registry


def model_name(registry: Registry, given: str | None) -> str:
    """The name given, else the store's only model; several models need `--name`."""
    if given:
        return given
    names = registry.list_names()
    if len(names) == 1:
        return names[0]
    if not names:
        raise NotFoundError(f"no models in {registry.description}: publish one with `varlib train --publish`")
    raise InvalidInputError(
        f"{registry.description} holds {len(names)} models ({_shown(names)}): choose one with --name", field="name"
    )


def require_model(registry: Registry, name: str) -> None:
    """Nothing if the store holds a model `name` (with or without versions), else NotFoundError naming the
    models it holds. Called when a listing came back empty, so a model with entries costs no extra read."""
    names = registry.list_names()
    if name in names:
        return
    held = f"its models: {_shown(names)} (choose one with --name)" if names else "it holds no models yet"
    raise NotFoundError(
        f"model {name!r} does not exist in {registry.description}; {held}",
        field="name",
        value=name,
    )


def _shown(names: list[str]) -> str:
    return ", ".join(names[:10]) + (", ..." if len(names) > 10 else "")
