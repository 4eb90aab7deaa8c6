"""The unit-root advice for a trained model at its fitted order: one owner for `varlib train`'s `unit roots:` line
and the Train page's results (the page's preview, before any order is chosen, calls varlib.integration itself)."""

from __future__ import annotations

from collections.abc import Callable

from .integration import AdvisedVecm, analyse
from .kinds import kind_of
from .training import TrainResult


def trained_advice(result: TrainResult, words: Callable[[AdvisedVecm], str] | None = None) -> str | None:
    """The unit-root advice for a trained VAR, unless it advises the model trained (its transform, and a trend if
    one is due): Johansen's test at the fitted order in levels, as `diagnose` tests the version, so that the two
    never advise apart. One owner for `varlib train` and the Train page's results; None for a kind whose rank
    answers the advice (a VECM's: `diagnose` says what it does about it). `words`: a front's own for the settings
    of a VECM it names (Integration.advice_in); else the CLI's options."""
    if kind_of(spec := result.spec).cointegrated:
        return None
    order = max(result.params.k_ar + spec.lag_inputs_extra, 2)  # a VAR(p) of differences is a VAR(p + 1) of levels
    names = list(spec.variables)
    frame = result.dataset.frame
    # the dates and exogenous variables: the VECM it may name starts at its first row tested, and takes no exog
    found = analyse(frame[names].to_numpy(dtype=float), names, order, frame.index, spec.exog)
    wanted, trended = found.recommended_transform, spec.trend.startswith("ct")
    off = wanted != spec.transform or (wanted == "none" and trended != found.trend_advised)  # a trend missing/unneeded
    if not off:
        return None
    return found.advice if words is None else found.advice_in(words)
