"""`varlib scenario delete NAME [VERSION]`: remove a saved scenario (a damaged one too), recorded in the audit trail.

An admin's clean-up: links and commands that name the scenario stop opening it, and its name is free again. The
CLI acts with the store's own rights (as `alias` and `withdraw` do); a read-only store refuses it. Exit codes as
the team commands': 0 deleted, 1 not found or refused, 2 bad input.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from varlib import Actor, NotFoundError, Registry, Settings, utc_time

from .helps import NAME_HELP, VERSION_HELP
from .models import model_name, require_model
from .output import plain


def add_command(actions) -> None:
    """`delete` among `scenario`'s subcommands."""
    delete = actions.add_parser(
        "delete", help="delete a saved scenario, a damaged one too (links to it stop opening; the trail records it)"
    )
    delete.add_argument("scenario", help="the saved scenario's name, as `scenario list` shows it")
    delete.add_argument("version", nargs="?", default=None, help=f"{VERSION_HELP} (default: latest)")
    delete.add_argument("--name", help=NAME_HELP)


def or_else(others: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """`scenario`'s runner: `delete` here, the other subcommands by `others`."""

    def run(args: argparse.Namespace) -> int:
        return run_delete(args) if args.scenario_command == "delete" else others(args)

    return run


def run_delete(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    registry = Registry.from_settings(settings)
    name = model_name(registry, args.name)
    actor = Actor.local(settings.author, via="cli")
    try:
        deleted = registry.delete_scenario(name, args.version, args.scenario, actor)
    except NotFoundError:
        require_model(registry, name)  # an unknown model is named as such, with the models there
        raise
    if deleted.damaged:
        was = "its object was damaged"
    else:
        who = f" by {deleted.actor.known_as()}" if deleted.actor else ""
        was = f"saved{who} {utc_time(deleted.created_at)}"
    # one line; a stored name is printed without control characters (output.plain)
    said = f"deleted scenario {deleted.scenario!r} of {name} {deleted.version} ({was}); links to it no longer open"
    print(plain(said))
    return 0
