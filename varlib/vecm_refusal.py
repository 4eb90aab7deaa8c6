"""The refusal of a VECM whose rank Johansen's test chose as 0 or K, a rank no VECM can have: the order the test ran
at and how it was chosen, and, when a criterion chose it, what to try before forcing a rank. The test depends on the
order: first a smaller one (AIC often takes the largest searched on a short sample) or BIC's, where the test finds a
usable rank; else the nearest larger order searched where it does, said to rest on lags the criterion does not call
for. Every order named is tested here, so following it trains."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .errors import InvalidInputError
from .integration import johansen_test
from .model import LagSelection
from .vecm_model import DET_ORDER


@dataclass(frozen=True)
class Order:
    """The lag order the rank test ran at and how it was chosen, for a refusal that says what to try first."""

    series: np.ndarray
    names: list[str]
    lags: int
    terms: str
    how: str  # "fixed" or the criterion and range searched, e.g. "aic (lags 1-4)"
    selection: LagSelection | None
    ic: str
    warnings: list[str]

    def words(self) -> str:
        if self.selection is None:
            return f"at VAR order {self.lags} (fixed)"
        edge = ", the largest order searched" if self.lags == self.selection.max_lags else ""
        return f"at VAR order {self.lags}, chosen by {self.how}{edge},"

    def _usable(self, orders: Iterable[int], k: int) -> tuple[int, int] | None:
        """The first of `orders` at which the test finds a rank a VECM can have, with that rank; else None."""
        for p in orders:
            try:
                found = johansen_test(self.series, self.names, p - 1, DET_ORDER[self.terms]).rank
            except (np.linalg.LinAlgError, ValueError):
                continue  # the refusal names what it can; it never fails for want of a suggestion
            if 0 < found < k:
                return p, found
        return None

    def smaller(self, k: int) -> str:
        """What to try before forcing a rank, when a criterion chose the order: the largest smaller order at which
        the test finds a usable rank, and BIC's order where it finds one too; else the smallest larger order
        searched at which it finds one."""
        if self.selection is None:
            return ""
        ways = []
        if found := self._usable(range(self.lags - 1, 0, -1), k):
            ways.append(f"order {found[0]} (lags, CLI --lags {found[0]}; there the test finds rank {found[1]})")
        bic = self.selection.selected.get("bic")
        # BIC's order where the test finds no usable rank either would only be refused again
        if self.ic != "bic" and bic is not None and bic < self.lags and self._usable([bic], k):
            ways.append(f"the order BIC chooses, {bic} (ic, CLI --ic bic)")
        if ways:
            return (
                f"the criterion's order can be too long for the test, so try a smaller one first: {' or '.join(ways)}; "
            )
        larger = self._usable(range(self.lags + 1, self.selection.max_lags + 1), k)
        if larger is None:
            return ""
        return (
            f"at no smaller order does the test find a rank a VECM can have, but at order {larger[0]} (lags, CLI"
            f" --lags {larger[0]}; there the test finds rank {larger[1]}), longer than the criterion's: a relation"
            " found only there rests on lags the criterion does not call for, so compare it on the holdout; "
        )

    def note(self) -> str:
        return "".join(f" Note: {warning}." for warning in self.warnings)


def tested_rank(rank: int, k: int, what: str, order: Order) -> int:
    """`rank`, the test's at `order`, when a VECM of `k` variables can have it; else the refusal."""
    force = f"force {_ranks(k)} (coint_rank, CLI --coint-rank)"
    if rank == 0:
        raise InvalidInputError(
            f"Johansen's trace test {order.words()} finds no cointegrating relation at 5% in {what}: "
            f"{order.smaller(k)}if the variables do not share a long-run relation, a VAR in differences fits them"
            f" (model 'var', transform 'diff' or 'logdiff'); or {force}.{order.note()}",
            field="coint_rank",
            value=0,
        )
    if rank >= k:
        raise InvalidInputError(
            f"Johansen's trace test {order.words()} finds rank {k} at 5% in {what}, as many as variables (as if"
            f" the levels were stationary): {order.smaller(k)}a VAR in levels (model 'var') fits"
            f" them if the unit-root tests call them stationary too; or {force}.{order.note()}",
            field="coint_rank",
            value=rank,
        )
    return rank


def _ranks(k: int) -> str:
    """The ranks a VECM of `k` variables can be given: `rank 1` for two variables."""
    return "rank 1" if k == 2 else f"a rank from 1 to {k - 1}"
