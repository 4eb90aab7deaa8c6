"""The columns of a file that loading it without naming its variables left out (a constant or counting column,
the calendar, text, percentages, an empty column), each with why. A Dataset keeps them so that a model naming
one later (an exogenous trend column) is told the column is in the file, why it was left out and how to keep
it, rather than that the file lacks it."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..errors import InvalidInputError
from ..wording import and_list
from .columns import CALENDAR_NOTE, COUNTING_NOTE, DUMMY_NOTE, TEXT_NOTE, LeftOut
from .number_marks import number_hint

MACRO_WHY = "the bundled data loads only its default pair of variables unless variables are named"


def in_other_dress(raw: pd.DataFrame, groups: Sequence[LeftOut]) -> tuple[LeftOut, ...]:
    """`groups` with each text column whose first value is a number in another dress (`$1,005.01`, `(3.2)`) in a
    group of its own that says how to write it: it was meant as a variable, and "text" would not say why not."""
    out: list[LeftOut] = []
    for columns, why in groups:
        dressed = {c: _dressed(raw[c]) for c in columns} if why == TEXT_NOTE else {}
        plain = tuple(c for c in columns if dressed.get(c) is None)
        out += [(plain, why)] if plain else []
        for column, found in dressed.items():
            if found is not None:
                cell, hint = found
                out.append(((column,), f"numbers written as {cell!r}: {hint} to use it"))
    return tuple(out)


def _dressed(cells: pd.Series) -> tuple[str, str] | None:
    """The first filled cell and how to write it, when it is a number in another dress; else None."""
    filled = cells.astype(str).str.strip()
    filled = filled[~filled.isin(("", "nan", "None"))]
    hint = number_hint(filled.iloc[0]) if len(filled) else None
    return None if hint is None else (str(filled.iloc[0]), hint)


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
    out: name them and say why; for those that naming them when loading would keep (the bundled data's other
    series, a counter or the calendar as an exogenous column), say how."""
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
    # named when loading, only these can be used: the bundled data's others, and a counter, the calendar or a dummy
    # as an exogenous column (a trend, seasonal terms, a break); a constant, text or an empty column would be refused
    exogenous = (COUNTING_NOTE, CALENDAR_NOTE, DUMMY_NOTE)
    kept = [n for n in dropped if left[n] == MACRO_WHY or (n in exog and left[n] in exogenous)]
    if unusable := [n for n in dropped if n not in kept]:
        one = len(unusable) == 1
        raise InvalidInputError(
            f"{and_list(unusable)} {'is a column' if one else 'are columns'} of {dataset.name!r} but"
            f" {'was' if one else 'were'} left out when it was loaded ({_reasons(unusable, left)}), so a model cannot"
            f" use {'it' if one else 'them'} as {'it is' if one else 'they are'}",
            field="variables",
            value=unusable,
        )
    one = len(dropped) == 1
    why = _reasons(dropped, left)
    keep = list(dict.fromkeys([*variables, *exog]))
    call = f"load_dataset({'' if all(left[n] == MACRO_WHY for n in dropped) else 'path, '}variables={keep!r})"
    cli = f"--vars {','.join(variables)} as well as --exog" if exog else f"--vars {','.join(keep)}"
    raise InvalidInputError(
        f"{and_list(dropped)} {'is a column' if one else 'are columns'} of {dataset.name!r} but"
        f" {'was' if one else 'were'} left out when it was loaded without naming its variables ({why}); to use"
        f" {'it' if one else 'them'}, name every column to use when loading: on the CLI {cli}; in Python {call}",
        field="variables",
        value=dropped,
    )


def _reasons(names: Sequence[str], left: dict[str, str]) -> str:
    """Why loading left `names` out: one reason, or each with the columns it holds for."""
    by_why: dict[str, list[str]] = {}
    for name in names:
        by_why.setdefault(left[name], []).append(name)
    return "; ".join(f"{and_list(group)}: {why}" for why, group in by_why.items()) if len(by_why) > 1 else [*by_why][0]
