"""The unit-root advice for a fitted version: the advice (varlib.integration_advice) followed by what this version
already does about it (its transform and trend, or a VECM's rank), and where its reader compares it with the model
advised."""

from __future__ import annotations

from .integration_results import Integration


def advice_for_model(
    result: Integration,
    cointegrated: bool,
    transform: str,
    rank: int | None = None,
    trend: str | None = None,
    rank_fixed: bool = False,
    compare: str | None = None,
) -> str:
    """The advice with what a fitted version already does about it (a VAR's transform and, given, its trend; a
    VECM's rank, fixed at training or chosen by its own test); `compare`: where its reader compares versions."""
    if not isinstance(cointegrated, bool):  # a kind's name ("var") where its trait belongs would read as True
        raise TypeError(f"cointegrated must be True or False, not {cointegrated!r}")
    if cointegrated:  # a kind with a rank (a VECM's): its rank answers the advice, in its words
        tested = result.johansen.rank if result.johansen is not None else None
        how = (
            "the rank it was given when it was trained (its own test is under Cointegration)"
            if rank_fixed
            else "the rank its own test chose (under Cointegration: the model's series, deterministic terms and lags)"
        )
        if tested is not None and tested != rank:  # the two tests differ in series, terms or lags, so may disagree
            return (
                f"{result.advice} This version is a vector error-correction model of rank {rank}, {how}, where the"
                f" test above{'' if rank_fixed else ', with its other settings,'} finds {tested}: the model keeps"
                f" {rank} long-run {'relation' if rank == 1 else 'relations'}."
            )
        given = " (given when it was trained)" if rank_fixed else ""
        return (
            f"{result.advice} This version is a vector error-correction model of rank {rank}{given}: it keeps"
            f" {'its long-run relation' if rank == 1 else 'the long-run relations'} instead of differencing"
            " (its own rank test is under Cointegration)."
        )
    wanted = result.recommended_transform
    if wanted is None:
        return result.advice
    linked = result.johansen is not None and result.johansen.links
    trended = wanted == "none" and any(u.trending for u in result.unit_roots if u.verdict == "stationary")
    if transform in ("diff", "logdiff"):
        this = f"This version differences them (transform `{transform}`)"
        if linked:
            return f"{result.advice} {this}, so it discards that link: compare it with a VECM on the holdout."
        if wanted == "none":
            levels = "a VAR in levels with a trend (trend `ct`)" if trended else "a VAR in levels"
            return f"{result.advice} {this}, which the tests do not call for: compare it with {levels}."
        return f"{result.advice} This version does so (transform `{transform}`)."
    if wanted == "none":
        if trended and trend is not None and not trend.startswith("ct"):
            return (
                f"{result.advice} This version models the levels (transform `{transform}`) without a linear trend"
                f" (trend `{trend}`): if a series trends, the VAR takes the trend for a unit root (its stability"
                " check fails); refit with trend `ct` (`--trend ct`)."
            )
        if not trended and trend is not None and trend.startswith("ct"):
            return (
                f"{result.advice} This version models the levels with a linear trend (trend `{trend}`), which the"
                " tests do not call for: refit with trend `c` (`--trend c`) and compare on the holdout."
            )
        terms = f", trend `{trend}`" if trended and trend is not None else ""
        return f"{result.advice} This version does so (transform `{transform}`{terms})."
    return (
        f"{result.advice} This version models the levels (transform `{transform}`): compare it with the model"
        f" advised above on the holdout ({compare or 'the Compare page'})."  # None: the dashboard's reader
    )
