"""Layout that keeps a page light in the browser.

The browser redraws every element a run sends (about 2 ms each, docs/BENCHMARKS.md), so a row of
controls is one horizontal container rather than a column block per control, and short lines that
belong together are one markdown block, the caption-like ones written with `quiet`. A table of several
variables' columns too wide for the page is a tab per variable (`tab_per_variable`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator


def control_row(
    gap: Literal["small", "medium", "large"] = "small", align: Literal["top", "bottom"] = "bottom"
) -> DeltaGenerator:
    """One block for a row of controls, aligned on their bottom edges; `top` for controls of different
    heights under labels (a number field is taller than a row of buttons), so the labels line up."""
    return st.container(horizontal=True, vertical_alignment=align, gap=gap)


def at_row_bottom(row: DeltaGenerator, height: int | Literal["stretch"] = "stretch") -> DeltaGenerator:
    """A place at the bottom of a top-aligned `row`, for a control without a label (a button); `height` px: at the
    bottom of the row's first line of controls that high, where a control after it that grows (wraps) leaves it."""
    return row.container(width="content", height=height, vertical_alignment="bottom", border=False)


def chart_cells(count: int, per_row: int) -> list[DeltaGenerator]:
    """Where each of `count` charts goes, `per_row` side by side: a full row is one horizontal container
    (columns would add a block per chart); a short last row keeps columns, so its charts are as wide."""
    cells: list[DeltaGenerator] = []
    for start in range(0, count, per_row):
        in_row = min(per_row, count - start)
        if in_row == per_row:
            cells += [st.container(horizontal=True)] * in_row
        else:
            cells += st.columns(per_row)[:in_row]
    return cells


def quiet(text: str) -> str:
    """Markdown for a caption-like line inside a larger markdown block (small and grey, as st.caption)."""
    return f":small[:gray[{text}]]"


def sentence(clause: str) -> str:
    """A library's clause (`column quarter: ...`) as a sentence of its own on a page: capitalised, closed."""
    return f"{clause[:1].upper()}{clause[1:]}."


def tab_per_variable(table: pd.DataFrame, variables: list[str]) -> Iterator[tuple[str, pd.DataFrame]]:
    """Inside a tab per variable, each variable and its columns of `table` (named `<variable>` or `<variable>
    <what>`): all of them side by side would be wider than the page and scroll sideways. Where one name starts
    another (`rate`, `rate difference`), `rate difference` is both `rate`'s Δ and that variable's name, so a column
    goes by the endings that every variable's columns have (` baseline`, ` difference`: `rate difference` has no
    ` difference baseline`), and one ending otherwise (a ` conditioned` mark some lack) to the longest name it
    starts with."""
    longest_first = sorted(variables, key=len, reverse=True)
    endings = set.intersection(
        *({c[len(v) :] for c in table.columns if f"{c} ".startswith(f"{v} ")} for v in variables)
    )
    named = {f"{v}{ending}": v for v in longest_first[::-1] for ending in endings}  # the longer name wins a tie
    owner = {
        c: named.get(c) or next((v for v in longest_first if f"{c} ".startswith(f"{v} ")), None) for c in table.columns
    }
    for variable, tab in zip(variables, st.tabs(variables), strict=True):
        with tab:
            yield variable, table[[c for c in table.columns if owner[c] == variable]]
