"""Refits on part of a version's sample (the rows before a holdout, a backtest origin's rows).

A VECM whose rank Johansen's test chose is tested again on each part, as a fresh training on those rows
would be. On a shorter part the test can find no relation or as many as variables, a rank no VECM can
have, while the whole sample's test gave a usable one: e6 (German inflation and interest, 107 quarters)
gives rank 1 on every row and rank 2 of 2 on the 96 before a 10% holdout. Refusing the training or the
whole backtest for that would let a scoring step veto the model; the part is fitted with the whole
sample's rank instead, and the note returned says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .wording import plural_of

if TYPE_CHECKING:  # the spec consults the kinds, which use this module
    from .spec import ModelSpec


def fit_part(
    kind: Any, levels: np.ndarray, spec: ModelSpec, what: str, whole_rank: int | None, exog: np.ndarray | None
) -> tuple[Any, int | None]:
    """`kind.fit` on `levels` (unassessed), and the rank the part's own test found when it was one no VECM
    can have and the whole sample's cointegration rank `whole_rank` stood in for it (else None). The kind
    takes the stand-in itself, in the one fit: no refusal to build and catch, no second lag search."""
    fitted = kind.fit(levels, spec, what, assess=False, exog=exog, rank_fallback=whole_rank)
    return fitted, fitted.tested_rank


def rank_note(where: str, found: list[int], k: int, whole_rank: int) -> str:
    """For people: which parts were fitted with the whole sample's rank, and what their own test found."""
    ranks = " or ".join(str(r) for r in sorted(set(found)))
    return (
        f"On {where}, Johansen's trace test finds {ranks} cointegrating {plural_of(max(found), 'relation')}, a"
        f" rank no VECM of {k}"
        f" variables can have; {'it was' if len(found) == 1 else 'they were'} fitted with the rank the whole"
        f" sample's test chose, {whole_rank}."
    )
