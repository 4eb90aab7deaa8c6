"""Usage errors worded for a person: one `error:` line naming the subcommand's own `--help`."""

from __future__ import annotations

import argparse
from typing import Any

from varlib import InvalidInputError, VarlibError, bounds_named

from .typed import Typed, as_typed

REQUIRED = "the following arguments are required: "
# By a refusal's `field`: the library's words for the input (its message says "lag order -1 must be ...") and the
# option the CLI takes it as. The pages and REST name their own fields, so the library's words stay as they are.
OPTIONS = {
    "steps": ("steps", "--steps"),
    "alpha": ("alpha", "--alpha"),
    "lags": ("lag order", "--lags"),
    "max_lags": ("max lags", "--max-lags"),
    "holdout": ("holdout", "--holdout"),
    "coint_rank": ("cointegration rank", "--coint-rank"),
    "origins": ("backtest origins", "--origins"),
    "horizon": ("backtest horizon", "--horizon"),
    "irf_periods": ("impulse-response horizon", "--irf-periods"),
    "whiteness_lags": ("whiteness lags", "--whiteness-lags"),
    "arch_lags": ("ARCH lags", "--arch-lags"),
}


def said_as_options(exc: VarlibError, typed: Typed | None = None) -> str:
    """`exc`'s message in the CLI's words: a date range's bounds as `--start` and `--end` (as the Train page names
    its own), and the input it refuses as the option, with the value as typed (`typed`, by the option's dest:
    `--alpha 0.00001`, not `alpha 1e-05`; without it `--holdout 2` for 2.0)."""
    words, option = OPTIONS.get(exc.field or "", ("", ""))
    value = exc.value
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    shown = str(int(value)) if isinstance(value, float) and value.is_integer() else repr(value)
    said = bounds_named(
        str(exc), "--start", "--end", {f"{words} {value!r}": f"{option} {shown}"} if option and number else None
    )
    return as_typed(said, exc.field, value, option, typed)


class UsageParser(argparse.ArgumentParser):
    """argparse that reports a usage error as one `error:` line (exit code 2, from the CLI's table)."""

    commands: Any = None  # the subcommands' action, kept as added: argparse offers no public way back to it

    def add_subparsers(self, **kwargs: Any) -> Any:
        self.commands = super().add_subparsers(**kwargs)
        add = self.commands.add_parser

        def add_parser(name: str, **options: Any) -> Any:
            # a command's own --help opens with the line the list of commands shows for it (argparse shows it
            # only in that list: `varlib history --help` did not say what the trail holds)
            options.setdefault("description", options.get("help"))
            return add(name, **options)

        self.commands.add_parser = add_parser
        return self.commands

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InvalidInputError(f"{self._worded(message)} (see `{self.prog} --help`)")

    def _worded(self, message: str) -> str:
        """argparse names a subcommand by the parser's internal `dest` (`the following arguments are required:
        alias_command`, `argument alias_command: invalid choice: ...`), meaningless to a person: said here as
        `varlib alias needs a command: set, list or delete` and `varlib alias command: invalid choice: ...`."""
        if self.commands is None:
            return message
        dest = self.commands.dest
        if message.startswith(REQUIRED) and dest in message.removeprefix(REQUIRED).split(", "):
            *others, last = list(self.commands.choices)  # in the order --help lists them
            return f"{self.prog} needs a command: {', '.join(others) + ' or ' if others else ''}{last}"
        if message.startswith(f"argument {dest}: "):
            return f"{self.prog} command: {message.removeprefix(f'argument {dest}: ')}"
        return message


def chosen(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The parser of the subcommand the arguments chose (`varlib scenario show`), else `parser`: a word no
    subcommand takes is then pointed at that subcommand's help, which lists what it does take."""
    commands = getattr(parser, "commands", None)
    name = getattr(args, commands.dest, None) if commands is not None else None
    if commands is not None and name in commands.choices:
        return chosen(commands.choices[name], args)
    return parser
