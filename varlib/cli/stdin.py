"""Standard input in place of a file: `-` as the path of a CSV option (`train --csv -`, `forecast --lags-csv -`,
`--exog-csv -`, `--conditions-csv -`) reads it, as Unix tools do. One option of a command at most may: the first
to read it would leave the others nothing, to be refused later as an empty file or, worse, half of one."""

from __future__ import annotations

import argparse

from varlib import InvalidInputError

STDIN = "-"
READERS = ("--csv", "--lags-csv", "--exog-csv", "--conditions-csv")  # every option that reads a CSV by its path


def refuse_two_readers(args: argparse.Namespace) -> None:
    """InvalidInputError (exit 2) naming every option given `-` when there are several, before anything is read."""
    given = [option for option in READERS if getattr(args, option[2:].replace("-", "_"), None) == STDIN]
    if len(given) > 1:
        named = f"{', '.join(given[:-1])} and {given[-1]}"
        raise InvalidInputError(
            f"{named} are each given - (standard input), which only one option can read: give the others a file"
            " path (`<(...)` for another command's output)",
            field="stdin",
            value=given,
        )
