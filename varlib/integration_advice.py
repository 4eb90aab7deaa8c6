"""What the unit-root and Johansen tests of varlib.integration advise, in words: a transform, a VECM, or
leaving out a series with nothing random in it; and, for a fitted version, what it already does about it."""

from __future__ import annotations

from .integration_results import DETERMINISTIC, Integration, Johansen, UnitRoot
from .wording import counted, plural_of


def recommend(roots: tuple[UnitRoot, ...], positive: bool, johansen: Johansen | None) -> tuple[str | None, str]:
    fixed = [u.variable for u in roots if u.verdict == DETERMINISTIC]
    if not fixed:
        return _recommend_tested(roots, positive, johansen)
    tested = tuple(u for u in roots if u.verdict != DETERMINISTIC)
    transform, advice = _recommend_tested(tested, positive, johansen) if tested else (None, "")
    return transform, (
        f"{', '.join(fixed)} {'is' if len(fixed) == 1 else 'are'} constant or {'moves' if len(fixed) == 1 else 'move'}"
        " by the same step every period (nothing random to test or forecast, e.g. a row counter): leave"
        f" {'it' if len(fixed) == 1 else 'them'} out of the variables. {advice}".strip()
    )


def _recommend_tested(roots: tuple[UnitRoot, ...], positive: bool, johansen: Johansen | None) -> tuple[str | None, str]:
    difference = "logdiff" if positive else "diff"
    integrated = [u.variable for u in roots if u.verdict == "integrated"]
    if not integrated and all(u.verdict == "stationary" for u in roots):
        trending = [u.variable for u in roots if u.regression.startswith("ct")]
        if len(trending) == len(roots):
            return "none", STATIONARY_AROUND_A_TREND
        if trending:
            return "none", (
                f"Every variable looks stationary, {', '.join(trending)} around a linear trend (ADF and KPSS with a"
                " constant and a trend; the others around a constant): a VAR in levels with a trend (transform"
                " `none`, trend `ct`) fits them."
            )
        return "none", STATIONARY_AROUND_A_CONSTANT
    if not integrated:
        return None, (
            "The tests disagree for "
            + ", ".join(u.variable for u in roots if u.verdict == "unclear")
            + " (common on short samples): compare `none` and `"
            + difference
            + "` on the holdout."
        )
    subject = f"{', '.join(integrated)} {'looks' if len(integrated) == 1 else 'look'} integrated (a unit root)"
    stationary = [u.variable for u in roots if u.verdict == "stationary"]
    # a stationary variable is a cointegrating relation by itself (its own level): relations no more than those show
    # no long-run link between the integrated ones (two independent random walks beside white noise: rank 1)
    trivial = johansen is not None and johansen.links and johansen.rank <= len(stationary)
    if johansen is not None and johansen.links and not trivial:
        return difference, (
            f"{subject}, and Johansen's trace test ({_settings(johansen)}) finds {johansen.rank} cointegrating"
            f" {plural_of(johansen.rank, 'relation')} at 5%: a vector"
            f" error-correction model keeps that long-run link (model kind `vecm` with cointegration rank"
            f" {johansen.rank}{', transform `log`' + ALREADY_LOGS.format('none') if positive else ''}); a VAR in"
            f" differences (transform `{difference}`{ALREADY_LOGS.format('diff') if positive else ''}) discards it."
        )
    if stationary:  # a transform differences every variable: over-differenced, the stationary ones lose their level
        text = (
            f"{subject}, while {', '.join(stationary)} {'looks' if len(stationary) == 1 else 'look'} stationary: a"
            " transform differences every variable, and differencing a stationary one throws its level away."
            f" Compare `none` (a VAR in levels stays consistent with a unit root among its variables) and"
            f" `{difference}` on the holdout."
        )
    else:
        text = f"{subject}: difference {'it' if len(integrated) == 1 else 'them'} (transform `{difference}`"
        text += f"{ALREADY_LOGS.format('diff') if positive else ''})."
    if trivial and johansen is not None:
        text += (
            f" Johansen's trace test ({_settings(johansen)}) finds {johansen.rank} cointegrating"
            f" {plural_of(johansen.rank, 'relation')} at 5%, no more than the stationary variables it tested"
            f" ({', '.join(stationary)}), each a relation by itself: no long-run link between {', '.join(integrated)}"
            " is shown."
        )
    elif johansen is not None and johansen.rank == 0:
        text += (
            f" Johansen's trace test ({_settings(johansen)}) finds no cointegrating relation at 5%: differences"
            " lose nothing."
        )
    elif johansen is not None:  # full rank: the test calls the levels stationary, unlike the unit-root tests
        text += (
            f" Johansen's trace test ({_settings(johansen)}) finds as many cointegrating relations as variables"
            " at 5%, which would make the levels stationary: compare a VAR in levels (transform `none`) with"
            " the differenced one on the holdout."
        )
    return (None if stationary else difference), text


# Positive series are tested, and advised, in logs; but a file may hold logs already (log GDP, about 9), or rates
# and shares, whose logs nobody models: which one it is, only the person knows.
ALREADY_LOGS = ", or `{}` if the values are logs already, or rates"

# The level tests with a linear trend call a trending series stationary when it only wanders around its line;
# a VAR without the trend then takes the trend for a unit root (its stability check fails), so the advice names it.
STATIONARY_AROUND_A_TREND = (
    "Every variable looks stationary around a linear trend (ADF and KPSS with a constant and a trend, where the"
    " tests with a constant only do not call it stationary): a VAR in levels with a trend (transform `none`,"
    " trend `ct`) fits them."
)


# ... and a series stationary around a constant needs no trend: one it does not have drifts every forecast.
STATIONARY_AROUND_A_CONSTANT = (
    "Every variable looks stationary around a constant: a VAR in levels (transform `none`, trend `c`) fits them; a"
    " linear trend they do not have would drift every forecast."
)


def _around_a_trend(roots: tuple[UnitRoot, ...]) -> bool:
    return any(u.regression.startswith("ct") for u in roots if u.verdict == "stationary")


def _settings(johansen: Johansen) -> str:
    """The test's settings, which a VECM's own rank test (its lags and deterministic terms) may not share."""
    terms = "no deterministic terms" if johansen.deterministic == "none" else f"a {johansen.deterministic}"
    return f"with {terms} and {counted(johansen.lagged_differences, 'lagged difference')}"


def advice_for_model(
    result: Integration,
    kind: str,
    transform: str,
    rank: int | None = None,
    trend: str | None = None,
    rank_fixed: bool = False,
) -> str:
    """The advice with what a fitted version already does about it (a VAR's transform and, given, its trend;
    a VECM's rank, and whether it was fixed at training rather than chosen by the model's own test)."""
    if kind == "vecm":
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
    trended = wanted == "none" and _around_a_trend(result.unit_roots)
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
        " advised above on the holdout (the Compare page)."
    )
