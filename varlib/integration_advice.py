"""What the unit-root and Johansen tests of varlib.integration advise, in words: a transform, a VECM, or
leaving out a series with nothing random in it (what a fitted version already does about it: varlib.version_advice)."""

from __future__ import annotations

from .integration_results import DETERMINISTIC, Johansen, UnitRoot
from .integration_vecm import WHOLE, AdviceSample, AdvisedVecm
from .wording import and_list, counted, p_text, plural_of


def recommend(
    roots: tuple[UnitRoot, ...],
    positive: bool,
    johansen: Johansen | None,
    integrated_rank: int | None = None,
    caveat: str = "",
    sample: AdviceSample = WHOLE,
) -> tuple[str | None, str]:
    """The transform advised (None: compare on the holdout) and the advice, from the unit-root verdicts, Johansen's
    test of the tested variables, its rank among the integrated ones alone (None when not run), a caveat on its
    rank, said where the advice names a VECM, and the rows tested and exogenous variables such a VECM repeats."""
    fixed = [u.variable for u in roots if u.verdict == DETERMINISTIC]
    tested = tuple(u for u in roots if u.verdict != DETERMINISTIC)
    transform, advice = (
        _recommend_tested(tested, positive, johansen, integrated_rank, caveat, sample) if tested else (None, "")
    )
    if not fixed:
        return transform, advice
    return transform, (
        f"{', '.join(fixed)} {'is' if len(fixed) == 1 else 'are'} constant or {'moves' if len(fixed) == 1 else 'move'}"
        " by the same step every period (nothing random to test or forecast, e.g. a row counter): leave"
        f" {'it' if len(fixed) == 1 else 'them'} out of the variables. {advice}".strip()
    )


def _recommend_tested(
    roots: tuple[UnitRoot, ...],
    positive: bool,
    johansen: Johansen | None,
    integrated_rank: int | None,
    caveat: str,
    sample: AdviceSample,
) -> tuple[str | None, str]:
    difference = "logdiff" if positive else "diff"
    integrated = [u.variable for u in roots if u.verdict == "integrated"]
    if not integrated and all(u.verdict == "stationary" for u in roots):
        trending = [u.variable for u in roots if u.trending]
        if len(trending) == len(roots):
            return "none", STATIONARY_AROUND_A_TREND
        if trending:
            return "none", (
                f"Every variable looks stationary, {', '.join(trending)} around a linear trend (ADF and KPSS with a"
                " constant and a trend; the others around a constant): a VAR in levels with a trend (transform"
                " `none`, trend `ct`) fits them." + _trend_not_significant(roots)
            )
        return "none", STATIONARY_AROUND_A_CONSTANT + _trend_not_significant(roots)
    if not integrated:
        unclear = ", ".join(u.variable for u in roots if u.verdict == "unclear")
        return None, (
            f"The tests disagree for {unclear} (common on short samples): compare `none` and {_or_diff(difference)} on"
            f" the holdout.{_differences_not_stationary(roots)}"
        )
    subject = f"{', '.join(integrated)} {'looks' if len(integrated) == 1 else 'look'} integrated (a unit root)"
    twice = _differences_not_stationary(roots)
    if johansen is not None and johansen.links:
        linked = _recommend_linked(roots, positive, johansen, integrated_rank, subject, sample)
        if linked is not None:
            return linked[0], linked[1] + twice + caveat
    stationary = [u.variable for u in roots if u.verdict == "stationary"]
    if stationary:  # a transform differences every variable: over-differenced, the stationary ones lose their level
        text = _beside_stationary(roots, subject, difference, johansen)
    else:
        text = f"{subject}: difference {'it' if len(integrated) == 1 else 'them'} (transform `{difference}`"
        text += f"{ALREADY_LOGS.format('diff') if positive else ''})."
    without_link = _johansen_without_link(johansen, integrated, stationary, caveat)
    return (None if stationary else difference), text + without_link + twice


def _beside_stationary(roots: tuple[UnitRoot, ...], subject: str, difference: str, johansen: Johansen | None) -> str:
    """The advice when some variables look integrated and others stationary, each named as what it is: a transform
    differences every variable, which costs the stationary ones their level, and the integrated ones nothing when
    Johansen finds no relation; the holdout decides between levels (trend `ct` when one trends) and differences."""
    names = [u.variable for u in roots if u.verdict == "stationary"]
    trending = [u.variable for u in roots if u.verdict == "stationary" and u.trending]
    integrated = [u.variable for u in roots if u.verdict == "integrated"]
    around = " around a linear trend" if trending else ""
    if 0 < len(trending) < len(names):  # the others are stationary around a constant
        around = f" ({', '.join(trending)} around a linear trend)"
    one = len(names) == 1
    text = (
        f"{subject}, while {', '.join(names)} {'looks' if one else 'look'} stationary{around}: a transform"
        f" differences every variable, which throws the level{'' if one else 's'} of {', '.join(names)} away"
    )
    if johansen is not None and johansen.rank == 0:  # said here: "differences lose nothing" is so for these alone
        found = f"Johansen's trace test, {_settings(johansen)}, finds no cointegrating relation at 5%"
        flat = [u.variable for u in roots if u.verdict == "stationary" and not u.trending]
        if flat and johansen.deterministic != "none":  # such a level is a relation by itself: rank 0 contradicts
            text += (
                f"; {found}, which contradicts the unit-root tests: {', '.join(flat)}, stationary around a constant,"
                f" would be a relation by {'itself' if len(flat) == 1 else 'themselves'}, so one of the tests errs"
                f" (both are weak on few rows) and a long-run link between {', '.join(integrated)} is not ruled out"
            )
        else:
            text += f" but costs {', '.join(integrated)} nothing ({found}: no long-run link between them)"
    levels = f"transform `none`{', trend `ct`' if trending else ''}"
    return (
        f"{text}. Compare a VAR in levels ({levels}; it stays consistent with a unit root among its variables) and"
        f" {_or_diff(difference)} on the holdout."
    )


def _or_diff(difference: str) -> str:
    """The differencing transform as a comparison names it: `logdiff` with `diff` for values that are logs already or
    rates (as the advice to difference says it), whose log changes mean little and blow up near zero."""
    return (
        f"`{difference}` (or `diff` if the values are logs already, or rates)" if difference == "logdiff" else "`diff`"
    )


def _trend_not_significant(roots: tuple[UnitRoot, ...]) -> str:
    """A sentence naming the series the tests with a trend call stationary whose trend is not significant (so
    around a constant, not advised trend `ct`), with its p-value; else ""."""
    flat = [u for u in roots if u.trend_pvalue is not None and not u.trending]
    if not flat:
        return ""
    one = len(flat) == 1
    # p_text, as the verdicts and the table write the same p: 0.99986 is `> 0.999`, never `1`
    p_values = ", ".join(f"{u.variable}: p {p_text(p)}" for u in flat if (p := u.trend_pvalue) is not None)
    return (
        f" ADF and KPSS with a constant and a trend call {', '.join(u.variable for u in flat)} stationary, but the"
        f" trend's t-test in the ADF regression finds no trend at 5% ({p_values}): {'it is' if one else 'they are'}"
        " stationary around a constant."
    )


def _differences_not_stationary(roots: tuple[UnitRoot, ...]) -> str:
    """A sentence naming integrated (or unclear) variables whose first differences the ADF test does not call
    stationary either (perhaps I(2): one difference may leave a unit root, and a VECM assumes I(1) variables);
    else ""."""
    twice = [u for u in roots if u.verdict in ("integrated", "unclear") and not u.diff_adf_pvalue < 0.05]
    if not twice:
        return ""
    said = ", ".join(f"{u.variable} (p {u.diff_adf_pvalue:.3g})" for u in twice)
    return (
        f" The ADF test does not call the first differences of {said} stationary either: one difference may not be"
        f" enough (two unit roots, I(2)): look at {'its' if len(twice) == 1 else 'their'} differences before"
        " trusting a model of them, or a VECM, which assumes one unit root."
    )


def vecm_rank(roots: tuple[UnitRoot, ...], johansen: Johansen | None, integrated_rank: int | None) -> int | None:
    """The rank of the VECM the advice names (to keep a long-run link between the integrated variables, or to
    compare when the relations may hold a variable the unit-root tests leave unclear), or None when it names none."""
    if johansen is None or not johansen.links:
        return None
    stationary = [u for u in roots if u.verdict == "stationary"]
    unclear = [u for u in roots if u.verdict == "unclear"]
    # a stationary variable is a cointegrating relation by itself (its own level): relations no more than those,
    # or relations the integrated ones alone do not have, show no long-run link between the integrated ones (two
    # independent random walks beside white noise: rank 1)
    if johansen.rank <= len(stationary) or (integrated_rank == 0 and not unclear):
        return None
    return johansen.rank


def _recommend_linked(
    roots: tuple[UnitRoot, ...],
    positive: bool,
    johansen: Johansen,
    integrated_rank: int | None,
    subject: str,
    sample: AdviceSample,
) -> tuple[str | None, str] | None:
    """The advice when Johansen's test finds relations that may link the integrated variables: a VECM, or a VECM
    compared with differences when the relations may be an unclear variable's own level; None when they show no
    link (see _johansen_without_link)."""
    if vecm_rank(roots, johansen, integrated_rank) is None:
        return None
    integrated = [u.variable for u in roots if u.verdict == "integrated"]
    unclear = [u.variable for u in roots if u.verdict == "unclear"]
    difference = "logdiff" if positive else "diff"
    vecm = f"model kind `vecm` with cointegration rank {johansen.rank}" + (
        f", transform `log`{ALREADY_LOGS.format('none')}" if positive else ""
    )
    differences = f"transform `{difference}`{ALREADY_LOGS.format('diff') if positive else ''}"
    found = (
        f"{subject}, and Johansen's trace test ({_settings(johansen)}) finds {johansen.rank} cointegrating"
        f" {plural_of(johansen.rank, 'relation')} at 5%"
    )
    as_tested = _as_tested(AdvisedVecm.of(johansen, johansen.rank, positive, sample), positive)
    if integrated_rank != 0:
        return difference, (
            f"{found}: a vector error-correction model keeps that long-run link ({vecm}); a VAR in differences"
            f" ({differences}) discards it.{as_tested}"
        )
    # an unclear variable: a link if it is integrated, its own level if it is stationary
    return None, (
        f"{found} among all the variables, but none among {', '.join(integrated)} alone:"
        f" {'it involves' if johansen.rank == 1 else 'they involve'} {', '.join(unclear)}, which the unit-root tests"
        f" leave unclear (a long-run link if {'it is' if len(unclear) == 1 else 'they are'} integrated, a stationary"
        f" level if not). Compare a vector error-correction model ({vecm}) with a VAR in differences ({differences})"
        f" on the holdout.{as_tested}"
    )


def _as_tested(vecm: AdvisedVecm, logs: bool) -> str:
    """How to train the VECM named at the order its test ran at: a criterion may choose another, at which the test
    finds another rank (or none, and training refuses); on the rows tested, where those were a long sample's last
    ones, as on every row it may too; and without a VARX's exogenous variables, which a VECM refuses."""
    sample = vecm.sample
    rows = alone = where = ""
    if sample.last_rows:  # a long sample's last rows alone were tested: on every row the rank may differ
        rows = f" on the last {sample.last_rows:,} rows" + (f" (from {sample.start})" if sample.start else "")
        # their dates unknown (a bare array given): the person looks up the first one's
        alone = " and train on those rows alone" + ("" if sample.start else ", from the first one's date")
        where = ", or on every row,"
    count = len(sample.exog)
    exog = f", without the exogenous {plural_of(count, 'variable')} {and_list(sample.exog)} (a VECM takes none)"
    return (
        f" The test ran at VAR order {vecm.lags} in {'log levels' if logs else 'levels'}{rows}: to train the VECM it"
        f" tested, fix that order and rank{alone} ({vecm.settings}){exog if count else ''}: at the order a"
        f" criterion chooses{where} the test may find another rank, or none."
    )


def _johansen_without_link(johansen: Johansen | None, integrated: list[str], stationary: list[str], caveat: str) -> str:
    """What Johansen's test says when it shows no long-run link between the integrated variables (with the caveat
    on its rank when that rank is full)."""
    if johansen is None:
        return ""
    test = f" Johansen's trace test ({_settings(johansen)}) finds"
    relations = f"{johansen.rank} cointegrating {plural_of(johansen.rank, 'relation')} at 5%"
    no_link = f"no long-run link between {', '.join(integrated)} is shown."
    if johansen.links and johansen.rank <= len(stationary):
        return (
            f"{test} {relations}, no more than the stationary variables it tested ({', '.join(stationary)}), each a"
            f" relation by itself: {no_link}"
        )
    if johansen.links:  # more relations than stationary variables, but none among the integrated ones alone
        one = len(stationary) == 1
        return (
            f"{test} {relations} among all the variables, but none among {', '.join(integrated)} alone: the"
            f" stationary {'level' if one else 'levels'} of {', '.join(stationary)} {'is a relation' if one else 'are'}"
            f"{'' if one else ' relations'} by {'itself' if one else 'themselves'}, and {no_link}"
        )
    if johansen.rank == 0:  # beside stationary variables, which differencing does lose, _beside_stationary says it
        return "" if stationary else f"{test} no cointegrating relation at 5%: differences lose nothing."
    # full rank: the test calls the levels stationary, unlike the unit-root tests
    return (
        f"{test} as many cointegrating relations as variables at 5%, which would make the levels stationary: compare"
        f" a VAR in levels (transform `none`) with the differenced one on the holdout.{caveat}"
    )


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


def _settings(johansen: Johansen) -> str:
    """The test's settings, which a VECM's own rank test (its lags and deterministic terms) may not share."""
    terms = "no deterministic terms" if johansen.deterministic == "none" else f"a {johansen.deterministic}"
    return f"with {terms} and {counted(johansen.lagged_differences, 'lagged difference')}"
