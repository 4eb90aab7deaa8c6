"""The team subcommands of `varlib`: aliases, withdrawals and the audit trail (`alias`, `withdraw`, `history`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial
from typing import TypeVar

import pandas as pd

from varlib import Actor, InvalidInputError, NotFoundError, Registry, Settings, Version, unfollowed

from .commands import cell_text
from .helps import NAME_HELP, add_json
from .models import model_name, require_model
from .output import plain, print_json, print_table
from .typed import whole

T = TypeVar("T")


def add_commands(commands) -> None:
    """Add `alias set|list|delete`, `withdraw` and `history` to the CLI's subcommands."""
    alias = commands.add_parser("alias", help="named pointers such as @champion (set, list, delete)")
    actions = alias.add_subparsers(dest="alias_command", required=True, parser_class=type(alias))
    setting = actions.add_parser("set", help="point an alias at a version (`latest` or another @alias resolved)")
    setting.add_argument("alias", help="e.g. champion (or @champion)")
    setting.add_argument("version", help="0.0.3, latest or @other")
    listing = actions.add_parser("list", help="every alias and the version it points at")
    add_json(listing)
    deleting = actions.add_parser("delete", help="remove an alias (its history stays in the audit trail)")
    deleting.add_argument("alias", help="the alias to remove, e.g. champion (or @champion)")
    for parser in (setting, listing, deleting):
        parser.add_argument("--name", help=NAME_HELP)
    for parser in (setting, deleting):  # optional, where a withdrawal's is required: the history shows it
        parser.add_argument("--reason", default="", help="why (optional), kept in the audit trail")

    withdraw = commands.add_parser("withdraw", help="take a version out of `latest` and aliases (nothing deleted)")
    withdraw.add_argument("version", help="the version's number, e.g. 0.0.3 (not latest or an alias)")
    withdraw.add_argument("--reason", required=True, help="why, for whoever finds the version later")
    withdraw.add_argument("--name", help=NAME_HELP)

    history = commands.add_parser(
        "history", help="the audit trail: publishes, alias moves, withdrawals, saved scenarios, moves of `latest`"
    )
    history.add_argument("--name", help=NAME_HELP)
    history.add_argument(
        "--limit",
        type=whole,
        default=100,
        metavar="N",
        help=f"newest N records (default 100, at most {Registry.HISTORY_PAGE})",
    )
    history.add_argument(
        "--before", metavar="KEY", help="only records older than this one (the `key` of the last listed: next page)"
    )
    add_json(history)


def _setup(args: argparse.Namespace) -> tuple[Registry, Actor]:
    """The registry, the local actor, and `args.name` settled (the store's only model when not given)."""
    settings = Settings.from_env()
    registry = Registry.from_settings(settings)
    args.name = model_name(registry, args.name)
    return registry, Actor.local(settings.author, via="cli")


def run_alias(args: argparse.Namespace) -> int:
    registry, actor = _setup(args)
    if args.alias_command == "list":
        aliases = registry.aliases(args.name)
        if not aliases:
            require_model(registry, args.name)  # an unknown name is an error, not a model without aliases
        withdrawn = registry.withdrawals(args.name) if aliases else {}  # an alias of one is refused until moved
        # a version deleted or damaged behind the product's back: its alias cannot be followed either
        # (by version: a stray object has none, and a damaged alias, pointing nowhere, must not take its status)
        listed = {e.version: e for e in registry.list_versions(args.name) if e.version is not None} if aliases else {}
        if args.json:
            status = {version: entry.status for version, entry in listed.items()}
            print_json(
                [
                    {
                        **a.to_dict(),
                        "withdrawn": a.version in withdrawn,
                        "version_status": status.get(a.version) if a.version else None,
                    }
                    for a in aliases
                ]
            )
        elif not aliases:
            print(f"no aliases of {args.name!r}")
        else:
            # withdrawn, deleted, or its object cannot be used (`varlib list` says why): marked
            marks = unfollowed(listed.values(), withdrawn)
            marked: dict[Version | None, str] = {version: f"{version} ({word})" for version, word in marks.items()}
            rows = [
                {
                    "alias": f"@{a.alias}",
                    "version": "⚠ damaged" if a.damaged else marked.get(a.version, str(a.version)),
                    "moves": a.revision,
                    "by": a.actor.in_a_cell(),  # `id CiQw…` for a token without a name claim, as the Models page
                    "at": a.at,
                }
                for a in aliases
            ]
            print_table(pd.DataFrame(rows), index=False)
            # the reason is worded for every caller alike: the CLI's own commands to repair it follow it here
            fix = "(`varlib alias set {0} VERSION --name {1}` or `varlib alias delete {0} --name {1}`)"
            _print_damaged(f"{a.damaged} {fix.format(a.alias, args.name)}" for a in aliases if a.damaged)
        return 0
    if args.alias_command == "set":
        move = partial(registry.set_alias, args.name, args.alias, args.version, actor, args.reason)
        moved = _of_a_model(registry, args.name, move)
        if moved.unchanged:  # nothing stored, nothing recorded in the audit trail: --reason is not kept either
            print(plain(moved.unchanged_words(args.reason)))  # a stored name is printed: no control character
            return 0
        was = f" (was {moved.previous})" if moved.previous else ""
        print(f"@{moved.alias} of {args.name!r} -> {moved.version}{was}")
        return 0
    moved = _of_a_model(registry, args.name, lambda: registry.delete_alias(args.name, args.alias, actor, args.reason))
    # no version before: the alias was set (an unset one is refused), so its object was damaged, and is replaced
    print(f"deleted @{moved.alias} of {args.name!r} (was {moved.previous or 'a damaged alias object'})")
    return 0


def run_withdraw(args: argparse.Namespace) -> int:
    registry, actor = _setup(args)
    name, reason = args.name, args.reason
    withdrawal = _of_a_model(registry, name, lambda: registry.withdraw(name, args.version, reason, actor))
    before, after = withdrawal.latest_move
    # `latest` moves only when it named the withdrawn version: "is now" of one that did not move misleads
    latest = f"is now {after or _NONE} (was {before})" if before else f"stays {_latest_or_none(registry, name)}"
    print(f"withdrew {args.name} {withdrawal.version}: {plain(withdrawal.reason)}; `latest` {latest}")
    return 0


def _of_a_model(registry: Registry, name: str, change: Callable[[], T]) -> T:
    """`change()`; when it finds no version or alias because the model itself (or the bucket) does not exist, the
    refusal says that instead of naming a version that `varlib list` would then fail to show."""
    try:
        return change()
    except NotFoundError:
        require_model(registry, name)
        raise


def run_history(args: argparse.Namespace) -> int:
    if args.limit < 1:  # bad input: exit 2 before any read, as `serve --port` and `forecast --steps`
        raise InvalidInputError(
            f"--limit {args.limit} must be a whole number of at least 1: how many of the newest records to show",
            field="limit",
            value=args.limit,
        )
    if args.limit > Registry.HISTORY_PAGE:  # as REST's `limit`: a longer trail is read a page at a time
        raise InvalidInputError(
            f"--limit {args.limit} is more than {Registry.HISTORY_PAGE}, the most records one page lists: page on with"
            " --before KEY, the `key` of the last record listed",
            field="limit",
            value=args.limit,
        )
    registry, _ = _setup(args)
    records = registry.history(args.name, args.limit, args.before)
    if not records:
        require_model(registry, args.name)  # an unknown name is an error, not a model without a trail
    if args.json:
        print_json([record.to_dict() | {"key": record.key} for record in records])
        return 0
    if not records:
        print(f"no audit records for {args.name!r}" + (f" older than {args.before}" if args.before else ""))
        return 0
    rows = [
        {
            "at": r.at,
            "action": "⚠ damaged" if r.damaged else r.action,
            "version": r.version or "",
            "alias": f"@{r.alias}" if r.alias else "",
            "scenario": r.scenario or "",
            "was": r.previous or "",
            "latest": r.latest_move(),
            "by": r.actor.describe(),
            "via": r.actor.via,
            "from": r.actor.origin,
            "reason": cell_text(r.reason),
            "restored": r.restored or "",
        }
        for r in records
    ]
    table = pd.DataFrame(rows)
    unused = [
        column
        for column, used in (
            ("restored", any(r.restored for r in records)),
            ("scenario", any(r.scenario for r in records)),
            ("latest", any(r.moved_latest for r in records)),
        )
        if not used
    ]
    print_table(table.drop(columns=unused), index=False)
    _print_damaged(record.damaged for record in records)
    if any(row["reason"] != r.reason for row, r in zip(rows, records, strict=True)):  # a cut cell is no record
        print(f"a reason ending in … is cut to fit: `varlib history --name {args.name} --json` gives each whole")
    if len(records) == args.limit:  # there may be older ones
        print(f"next page: `varlib history --name {args.name} --limit {args.limit} --before {records[-1].key}`")
    return 0


def _print_damaged(reasons) -> None:
    """Why each damaged entry of a table cannot be read, in full below it (a table cell is too narrow)."""
    for reason in reasons:
        if reason:
            print(f"⚠ {plain(reason)}")


_NONE = "none (every version is withdrawn)"


def _latest_or_none(registry: Registry, name: str) -> str:
    try:
        return str(registry.resolve_latest(name))
    except NotFoundError:
        return _NONE
