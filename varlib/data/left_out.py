"""The columns of a file that loading it without naming its variables left out (a constant or counting column,
the calendar, text, percentages, an empty column), each with why. A Dataset keeps them so that a model naming
one later (an exogenous trend column) is told the column is in the file, why it was left out and how to keep
it, rather than that the file lacks it."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..errors import InvalidInputError
from ..wording import and_list
from .columns import LeftOut

MACRO_WHY = "the bundled data loads only its default pair of variables unless variables are named"


def columns_left_out(
    raw: pd.DataFrame, date_col: str, chosen: Sequence[str], groups: Sequence[LeftOut]
) -> tuple[tuple[str, str], ...]:
    """(column, why) for every column of `raw` but the date that is not among `chosen`; `groups` are the
    columns columns.default_variables left out, each group with why."""
    reasons = {name: why for names, why in groups for name in names}
    left = [str(c) for c in raw.columns if c != date_col and c not in chosen]
    return tuple((c, reasons.get(c) or _why(raw[c])) for c in left)


def _why(cells: pd.Series) -> str:
    return EMPTY if cells.astype(str).str.strip().isin(("", "nan", "None")).all() else "not numbers"


EMPTY = "it holds no values"


def refuse_left_out(dataset, variables: Sequence[str], exog: Sequence[str] = ()) -> None:
    """Refuse a model of `variables` and `exog` that names columns of the dataset's file which loading left
    out: name them, say why, and how to keep them (name every column to use when loading)."""
    left = dict(dataset.left_out)
    dropped = [n for n in dict.fromkeys([*variables, *exog]) if n not in dataset.frame.columns and n in left]
    empty = [name for name in dropped if left[name] == EMPTY]
    if empty:  # named when loading, it would be refused all the same
        one = len(empty) == 1
        raise InvalidInputError(
            f"{and_list(empty)} {'is a column' if one else 'are columns'} of {dataset.name!r} but"
            f" {'holds' if one else 'hold'} no values; fill {'it' if one else 'them'} in, or leave"
            f" {'it' if one else 'them'} out of the model",
            field="variables",
            value=empty,
        )
    if not dropped:
        return
    one = len(dropped) == 1
    by_why: dict[str, list[str]] = {}
    for name in dropped:
        by_why.setdefault(left[name], []).append(name)
    why = "; ".join(f"{and_list(names)}: {why}" for why, names in by_why.items()) if len(by_why) > 1 else [*by_why][0]
    keep = list(dict.fromkeys([*variables, *exog]))
    call = f"load_dataset({'' if all(left[n] == MACRO_WHY for n in dropped) else 'path, '}variables={keep!r})"
    cli = f"--vars {','.join(variables)} as well as --exog" if exog else f"--vars {','.join(keep)}"
    raise InvalidInputError(
        f"{and_list(dropped)} {'is a column' if one else 'are columns'} of {dataset.name!r} but"
        f" {'was' if one else 'were'} left out when it was loaded without naming its variables ({why}); to use"
        f" {'it' if one else 'them'}, name every column to use when loading: {call} (on the CLI, {cli})",
        field="variables",
        value=dropped,
    )
