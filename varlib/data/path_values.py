"""The values of a future path (data.paths): which columns a path may have, each cell as a number, every
step of an exogenous path given, and conditions that hold a value; each message names the variable, the step
and its date, and each refusal's `field` the variable's place (`conditions.realgdp`, `exog.realint`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from ..forecast_inputs import MAX_MAGNITUDE
from ..wording import and_list, counted
from .columns import find_date_column
from .frequency import period_labels
from .number_marks import not_a_number, plain_number

STEP = "step"
CONDITIONS = "conditions"
EXOG = "exogenous values"
# Where a path's variables are in a request (the REST body's keys): an error's `field` names a variable there, as a
# body refused by its schema names `conditions.realgdp`, so that a client can tell a condition from a lag input.
PLACES = {CONDITIONS: "conditions", EXOG: "exog"}
SHOWN_VALUES = 20  # a refused variable's values are echoed as `value` (`[null, null]`) up to this many


def place(what: str, column: object) -> str:
    """A variable's place: `conditions.realgdp`, `exog.realint`."""
    return f"{PLACES.get(what, what)}.{column}"


def sent_values(values: object) -> object:
    """A variable's values as `value` echoes them: a short list as sent, else nothing (a long one is named only)."""
    return values if isinstance(values, list | tuple) and len(values) <= SHOWN_VALUES else None


def shown_labels(labels: Sequence[str], frequency: str | None) -> list[str]:
    """The forecast's periods as its tables name them (`2010Q3`, `2010H1`), for messages, from the ISO labels the
    rows are matched against; as given without a frequency or when they are no dates (steps ahead: `+1`)."""
    dates = pd.to_datetime(pd.Index(list(labels)), errors="coerce", format="ISO8601") if frequency else None
    if dates is None or not len(dates) or dates.isna().any():
        return list(labels)
    return period_labels(dates, frequency)


def horizon_words(labels: Sequence[str]) -> str:
    """The forecast's steps and the periods they span: `3 steps (2005-01-01 to 2005-07-01)`, `1 step (2005-01-01)`."""
    span = labels[0] if len(labels) == 1 else f"{labels[0]} to {labels[-1]}"
    return f"{counted(len(labels), 'step')} ({span})"


def beyond(
    step: int | None,
    labels: Sequence[str],
    what: str,
    text: str | None = None,
    column: str = "",
    cell=None,
    held: Sequence[str] = (),
    period: str | None = None,
) -> None:
    """Refuse a row (or, with `column`, a variable's value `cell`) placed after the forecast's last step. A row
    names the variables it gives a value (`held`), as a value names its own, and a dated row its `period` as the
    forecast's periods are named (2011Q3), with its date as written to find the row by."""
    where = f"step {step}" if text is None else text
    if text is not None and period and period != text:
        where = f"{period} (the row dated {text})"
    if column or held:
        variables = [column] if column else list(held)
        values = "has a value" if len(variables) == 1 else "have values"
        which = f"{and_list(variables)} {values} at {where}, which"
    else:
        which = where
    raise InvalidInputError(
        f"{what}: {which} lies beyond the horizon: the forecast has {horizon_words(labels)}; forecast more steps or"
        f" remove {'that value' if column else 'that row'}",
        field=place(what, column) if column else STEP,
        value=cell if column else text or step,  # the refused input: the value, or the row's date or step
    )


def check_columns(
    given: Iterable[str],
    columns: Sequence[str],
    what: str,
    other_columns: Sequence[str],
    placing: bool = True,
    sent: Mapping | None = None,
) -> None:
    """Every given column is a variable of the path; `placing`: a date or step column may place the rows; `sent`
    (the REST form) gives the values of a refused one for `value` (the name is in `field`)."""
    composed = {unicodedata.normalize("NFC", name) for name in columns}  # `Ö` as one character or O and its mark
    for column in given:
        if column in columns or unicodedata.normalize("NFC", str(column)) in composed:
            continue
        value = sent_values(sent.get(column)) if sent is not None else None
        if column in other_columns:
            where = "as an exogenous value (--exog-csv, REST `exog`)" if what == CONDITIONS else "as a condition"
            role = "exogenous" if what == CONDITIONS else "a modelled variable"
            raise InvalidInputError(
                f"{what}: {column!r} is {role}; give it {where}", field=place(what, column), value=value
            )
        extra = f" (and optionally a date or {STEP} column)" if placing else ""
        raise InvalidInputError(
            f"{what}: {column!r} is not a variable of this model; use {', '.join(columns) or 'none'}{extra}",
            field=place(what, column),
            value=value,
        )


def is_empty(cell) -> bool:
    return cell is None or (isinstance(cell, float) and np.isnan(cell)) or str(cell).strip() == ""


def cell_number(cell, column: str, step: int, labels: Sequence[str], what: str, positive: bool) -> float:
    where = f"{'condition' if what == CONDITIONS else 'exogenous value'} {column} at step {step_label(step, labels)}"
    if is_empty(cell):
        return np.nan  # free (conditions); a missing exogenous value is named by check_complete
    if isinstance(cell, (bool, np.bool_)):  # True is no number, as the REST service and a file refuse it
        raise InvalidInputError(not_a_number(where, bool(cell)), field=place(what, column), value=str(bool(cell)))
    number = float(cell) if isinstance(cell, (int, float, np.number)) else plain_number(str(cell))
    if number is None:
        raise InvalidInputError(not_a_number(where, cell), field=place(what, column), value=str(cell))
    if not np.isfinite(number):
        free = "; leave the cell empty for a free value" if what == CONDITIONS else ""
        shown = repr(str(cell).strip()) if isinstance(cell, str) else f"{number:g}"  # text as typed, numbers plain
        given = cell if isinstance(cell, str) else number  # as lag inputs give it: the text typed, else the number
        raise InvalidInputError(
            f"{where} is {shown}; use a finite number{free}", field=place(what, column), value=given
        )
    if abs(number) > MAX_MAGNITUDE:  # as for lag inputs: beyond it a forecast overflows or loses its bands
        raise InvalidInputError(
            f"{where} is {number:g}, too large in magnitude to forecast with (over {MAX_MAGNITUDE:g})",
            field=place(what, column),
            value=number,
        )
    if positive and number <= 0:
        raise InvalidInputError(
            f"{where} is {number:g}; this model works on logs, so conditions are levels above 0",
            field=place(what, column),
            value=number,
        )
    return number


def check_complete(path: pd.DataFrame, columns: Sequence[str], labels: Sequence[str]) -> None:
    missing = [c for c in columns if c not in path.columns]
    if missing:
        raise InvalidInputError(
            f"{EXOG}: {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing; a forecast needs every"
            f" exogenous variable ({', '.join(columns)}) for each of its {counted(len(labels), 'step')}",
            field="exog",
            value=missing,
        )
    for column in columns:
        empty = np.flatnonzero(path[column].isna().to_numpy())
        if empty.size:
            step = int(empty[0]) + 1
            raise InvalidInputError(
                f"{EXOG}: {column} has no value for step {step_label(step, labels)}; a forecast needs every exogenous"
                f" value for each of its {counted(len(labels), 'step')}",
                field=place(EXOG, column),  # no value: none was given
            )


def step_label(step: int, labels: Sequence[str]) -> str:
    label = labels[step - 1] if 1 <= step <= len(labels) else None
    return f"{step} ({label})" if label and not label.startswith("+") else str(step)


def is_step_name(column: object) -> bool:
    """`step`, `Step` or `STEP`: a column placing a path's rows by their step number."""
    return str(column).strip().lower() == STEP


def index_named_step(frame: pd.DataFrame) -> pd.DataFrame:
    """A table whose index is named `step` (`pd.read_csv(path, index_col="step")`) with that index as its step
    column, which places the rows; any other table as it is."""
    if not is_step_name(frame.index.name) or any(is_step_name(column) for column in frame.columns):
        return frame
    return frame.reset_index(names=STEP)


def refuse_numbered_rows(index: pd.Index, what: str) -> None:
    """Rows placed in order: refused when the table's index numbers them otherwise than 0, 1, 2, ... (steps
    `3, 4`, or rows sliced from a longer table), which would be dropped without a word."""
    if pd.api.types.is_integer_dtype(index) and not index.equals(pd.RangeIndex(len(index))):
        shown = ", ".join(str(number) for number in index[:3]) + (", ..." if len(index) > 3 else "")
        raise InvalidInputError(
            f"{what}: the table's index numbers its rows {shown}, which could be steps or rows of a longer table;"
            " name the index `step` to place each row at its step (1 is the first), or reset it"
            " (reset_index(drop=True)) to place the rows in order",
            field=STEP,
            value=[int(number) for number in index[:3]],
        )


def refuse_no_conditions(conditions, label: str = "the conditions table") -> None:
    """The one rule for conditions that condition nothing, which would give a plain forecast that reads as a
    conditioned one: the library's forecasts and scenarios (varlib.service, through which REST and the CLI
    forecast) and the conditions files of the CLI and the dashboard (read_path_csv) all refuse with it.

    A mapping (the REST form) names each variable it gives, so a variable with no value (only None, or none) is
    refused by name, as is a mapping of no variable. A table has its columns whatever was typed (the dashboard's
    editor has one per variable), so only a table without any value is refused; `label` names it ("conditions
    file gdp.csv"). The dashboard never passes an editor left empty: that is no conditions (ui.paths_editor
    gives {} and the page forecasts without them)."""
    if isinstance(conditions, Mapping):
        _refuse_empty_mapping(conditions)
    elif isinstance(conditions, pd.DataFrame):
        _refuse_empty_table(conditions, label)


SHOWN_NAMES = 5  # a body of thousands of empty keys is told by its first few


def _refuse_empty_mapping(conditions: Mapping) -> None:
    if not conditions:
        raise InvalidInputError(
            "conditions name no variable; give a variable's values step by step (null leaves a step free), or"
            " leave conditions out for a forecast without them",
            field=CONDITIONS,
        )
    empty = [str(key) for key, values in conditions.items() if _no_value(values)]
    if not empty:
        return
    shown = [repr(key if len(key) <= 40 else f"{key[:37]}...") for key in empty[:SHOWN_NAMES]]
    more = f" and {len(empty) - SHOWN_NAMES:,} more" if len(empty) > SHOWN_NAMES else ""
    names = and_list(shown) if not more else ", ".join(shown) + more
    one = len(empty) == 1
    received = next(values for values in conditions.values() if _no_value(values))  # the first one's, as sent
    raise InvalidInputError(
        f"{names} {'holds' if one else 'hold'} no value to condition on (only null, or none); give"
        f" {'at least one value' if one else 'each at least one value'} (null leaves a step free), or leave"
        f" {names if one else 'them'} out of conditions",
        field=place(CONDITIONS, empty[0]),
        value=sent_values(received),
    )


def _no_value(values) -> bool:
    """Only None (null) or blank text, step by step; NaN is a value, refused by its step (check_path), and
    anything that is no list of values is named there too."""
    if values is None:
        return True
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        return False
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


def _refuse_empty_table(table: pd.DataFrame, label: str) -> None:
    placing = {find_date_column(table.columns), *(c for c in table.columns if is_step_name(c))}
    values = [c for c in table.columns if c not in placing]
    if not len(table):
        header = f"a header ({', '.join(map(str, table.columns))}) but" if len(table.columns) else "no columns and"
        raise InvalidInputError(
            f"{label} has {header} no rows: add one row per step to condition on, or forecast without conditions",
            field=CONDITIONS,
            value=label,
        )
    if any(not is_empty(cell) for column in values for cell in table[column]):
        return
    named = ", ".join(map(str, values))
    if values:
        where = f"its column {named} is empty" if len(values) == 1 else f"its columns {named} are empty"
    else:
        where = f"it has no variable's column (only {', '.join(map(str, table.columns))})"
    raise InvalidInputError(
        f"{label} holds no value to condition on: {where}; give a value where a variable is to be held (an empty"
        " cell leaves that step free), or forecast without conditions",
        field=CONDITIONS,
        value=label,
    )
