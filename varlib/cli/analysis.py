"""The analysis subcommands of `varlib`: diagnose, report and backtest a stored version."""

from __future__ import annotations

import argparse
import sys

import varlib

from .commands import load_version, named_version, registry_from_env, warn_if_withdrawn
from .files import write_text
from .helps import DEFAULT_LEVEL, INTERVALS_HELP, LEVEL_HELP, STEPS_HELP, add_test_options, given
from .output import by_variable, print_json, print_table, warn_after_output
from .typed import decimal, whole


def compare_command(diagnostics: varlib.Diagnostics) -> str:
    """Where the CLI's reader compares the version diagnosed with another (the unit-root advice's model), on the
    holdout, in its text, its JSON and its report: the dashboard's advice names its Compare page, the REST API's its
    route (varlib.api.compare.compare_request)."""
    return f"train it, then `varlib compare --name {diagnostics.name} {diagnostics.version} NEW_VERSION`"


def run_diagnose(args: argparse.Namespace) -> int:
    result = varlib.diagnose(load_version(args), args.irf_periods, args.whiteness_lags, args.arch_lags)
    if args.json:
        print_json(result.to_dict(compare_command(result)))
        return 0
    print(f"{result.name} {result.version}: {result.model}, {result.nobs} observations")
    if result.refit_note:  # before every figure it qualifies
        print(f"note: {result.refit_note}")
    chosen = result.lag_selection.selected.items()
    print("lag order chosen: " + ", ".join(f"{varlib.CRITERION_LABELS[c]} {n}" for c, n in chosen))
    if result.cointegration is not None:
        johansen = result.cointegration.johansen
        print(
            f"cointegration rank {result.cointegration.rank} ({result.cointegration.rank_method}); Johansen trace"
            " statistics "
            + ", ".join(
                f"r<={r} {varlib.statistic_text(t)} (95% {varlib.statistic_text(c[1])})"
                for r, (t, c) in enumerate(zip(johansen.trace, johansen.trace_critical, strict=True))
            )
        )
        if result.cointegration.johansen_caveat:
            print(f"note: {result.cointegration.johansen_caveat}")
    print(f"stability: {result.stability.verdict}")
    lags = result.whiteness_lags
    if result.whiteness_lm is not None:
        test = result.whiteness_lm
        p = varlib.p_text(test.pvalue)
        print(f"whiteness, {test.name}: F {varlib.statistic_text(test.statistic)}, df {test.df}, p {p} (the verdict's)")
    for label, test in (
        (f"whiteness, adjusted portmanteau ({varlib.counted(lags, 'lag')})", result.whiteness_adjusted),
        (f"whiteness, unadjusted portmanteau ({varlib.counted(lags, 'lag')})", result.whiteness),
        ("normality, Doornik-Hansen (the verdict's)", result.normality),
        ("normality, joint Jarque-Bera (Lütkepohl's: in the variables' order)", result.normality_lutkepohl),
    ):
        print(
            f"{label}: statistic {varlib.statistic_text(test.statistic)}, df {test.df}, p {varlib.p_text(test.pvalue)}"
        )
    _print_arch(result)
    for causality in result.granger:
        r = causality.result
        statistic = varlib.statistic_text(r.statistic)
        print(f"granger {causality.direction}: F {statistic}, df {r.df}, p {varlib.p_text(r.pvalue)}")
    if result.integration is not None:
        for root in result.integration.unit_roots:
            print(
                f"unit root {root.variable} ({result.integration.tested_on}, {root.terms}): ADF p {root.adf_p_text},"
                f" KPSS p {root.kpss_p_text}: {root.verdict_text}"  # with the trend's p where it was tested
            )
        if result.integration.sample_note:
            print(f"unit roots: {result.integration.sample_note}")
        trace_test = result.integration.johansen
        if trace_test is not None:
            print(f"johansen trace test: cointegration rank {trace_test.rank} at 5%")
        print(f"advice: {result.advice_comparing(compare_command(result))}")
    horizon = result.fevd.shape[1]
    print(f"variance decomposition at horizon {horizon} (shares; Cholesky order: {', '.join(result.variables)}):")
    print_table(result.variance_shares(), digits=4)
    print(f"impulse responses over {horizon} periods: in --json (`irf`) and in `varlib report`")
    return 0


def _print_arch(result: varlib.Diagnostics) -> None:
    arch = result.arch
    if arch is None:
        return
    for label, test in arch.labelled(result.variables):
        print(
            f"{label}: statistic {varlib.statistic_text(test.statistic)}, df {test.df}, p {varlib.p_text(test.pvalue)}"
        )
    print(f"ARCH: {arch.verdict}" + (f" (Note: {arch.joint_note}.)" if arch.joint_note else ""))


def level_alpha(level: float) -> float:
    """A `--level` in percent as the alpha it stands for; out of range it is refused in percent, as it was typed."""
    return varlib.level_to_alpha(level, name="--level")


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """`report`'s options: its file, its forecast's and its impulse responses' choices."""
    parser.add_argument(
        "--out",
        required=True,
        type=given,
        metavar="FILE.html",
        help="the HTML file to write, replaced if it exists (-: stdout)",
    )
    parser.add_argument("--steps", type=whole, default=None, help=f"forecast {STEPS_HELP}")
    parser.add_argument("--level", type=decimal, default=None, metavar="PERCENT", help=LEVEL_HELP)
    parser.add_argument("--intervals", choices=varlib.INTERVAL_KINDS, default=None, help=f"forecast {INTERVALS_HELP}")
    add_test_options(parser)
    parser.add_argument(
        "--orth",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="orthogonalised impulse responses (Cholesky, in the variables' order; the default) or plain (--no-orth)",
    )
    parser.add_argument(
        "--accumulated",
        action="store_true",
        help="impulse responses summed over the periods: a VAR of differences' responses of the levels",
    )
    parser.add_argument(
        "--fan",
        type=given,
        metavar="L,L,...",
        help="draw the forecast as a fan of these levels in percent, e.g. 30,60,90",
    )
    parser.add_argument(
        "--scenario",
        type=given,
        metavar="NAME",
        help="the forecast of this saved scenario (its own steps, level and intervals)",
    )


def run_report(args: argparse.Namespace) -> int:
    # the options are checked before the store is read, as `forecast` does
    fan = _fan_levels(args.fan) if args.fan else []
    asked = [f"--{o}" for o in ("steps", "level", "intervals") if getattr(args, o) is not None]
    if args.scenario and asked:
        raise varlib.InvalidInputError(
            f"--scenario {args.scenario} is reported as it was saved, so {', '.join(asked)} cannot change it;"
            " leave them out",
            field="scenario",
            value=args.scenario,
        )
    if fan and args.level is not None:
        raise varlib.InvalidInputError(
            f"--fan {args.fan} draws the forecast at its own levels, so --level {args.level:g} would not be shown;"
            " add it to --fan or leave --level out",
            field="level",
            value=args.level,
        )
    level = DEFAULT_LEVEL if args.level is None else args.level
    steps, alpha, intervals = varlib.check_forecast_options(
        8 if args.steps is None else args.steps, level_alpha(level), args.intervals or "standard"
    )
    registry = registry_from_env()
    artifact, withdrawal = named_version(args, registry)
    warn_if_withdrawn(artifact, withdrawal)
    asked += ["--fan"] * bool(args.fan)
    if artifact.exog and not args.scenario and asked:  # a VARX's forecast needs future exogenous values
        raise varlib.InvalidInputError(
            f"{artifact.label} has exogenous variables, so its report has a forecast only of a saved scenario"
            f" (--scenario NAME, which keeps its own steps and level): {', '.join(asked)} would not be shown",
            field="scenario",
        )
    diagnostics = varlib.diagnose(artifact, args.irf_periods, args.whiteness_lags, args.arch_lags)
    if args.accumulated and not diagnostics.level_responses:
        raise varlib.InvalidInputError(
            f"--accumulated sums a VAR of differences' responses into the levels'; {artifact.label} is"
            f" {artifact.description}, whose responses are of {diagnostics.to_dict()['model_space']} already:"
            " leave it out",
            field="accumulated",
        )
    forecast, saved = None, None
    if args.scenario:
        saved = registry.scenario(artifact.name, artifact.version or args.version, args.scenario)
        forecast = varlib.forecast_scenario(artifact, saved)
    elif artifact.exog:  # said in the file too, and on stderr once the report is written, as other notes
        warn_after_output(f"note: {artifact.label} has exogenous variables; add --scenario NAME for a forecast section")
    else:
        forecast = varlib.forecast_artifact(artifact, steps, alpha, intervals=intervals)
    page = varlib.render_report(
        artifact,
        diagnostics,
        forecast=forecast,
        orth=args.orth,
        fan=fan,
        withdrawal=withdrawal,
        scenario=saved,
        accumulated=args.accumulated,
        compare=compare_command(diagnostics),
    )
    if args.out == "-":  # the page on stdout (`--out - | ssh host 'cat > r.html'`), not a file named `-`
        sys.stdout.write(page)
        return 0
    write_text(args.out, page, "the report")
    print(f"wrote {args.out} ({len(page.encode('utf-8')):,} bytes)")  # as write_text encodes it, not characters
    return 0


FAN_LOWEST = 1.0


def _fan_levels(text: str) -> list[float]:
    try:
        levels = sorted({float(part) for part in text.split(",") if part.strip()})
    except ValueError:
        levels = []
    highest = (1 - varlib.ALPHA_MIN) * 100
    # from 1: a fan's inner bands may be narrow (30%), but 0.3 is a fraction meant as 30%, not a 0.3% band
    if not levels or not all(FAN_LOWEST <= level <= highest for level in levels):
        raise varlib.InvalidInputError(
            f"--fan {text!r} must list interval levels in percent from {FAN_LOWEST:g} to {highest:g}, e.g. 30,60,90"
            " (not fractions: 30, not 0.3)",
            field="fan",
            value=text,
        )
    return levels


def run_backtest(args: argparse.Namespace) -> int:
    artifact = load_version(args)
    result = varlib.backtest(artifact, args.origins, args.horizon, "reselect" if args.reselect else "fixed")
    if args.json:
        print_json(result.to_dict())
        return 0
    print(f"{result.name} {result.version}: {result.summary()}; horizons 1..{result.horizon}; {result.policy()}")
    scores = result.scores()
    # a variable's scores in its units in one format, not its column's (a rate's below a level's printed 0.000050)
    print_table(
        scores,
        index=False,
        digits=4,
        share=by_variable([f"{m}{rw}" for m in varlib.UNIT_METRICS for rw in ("", "_rw")], "variable"),
        formats={"rmse_ratio": varlib.apart_format(scores["rmse_ratio"])},  # 1.0004, never 1.000: its side of 1
    )
    # the page's caption: `mape 0.458` read as a fraction without it
    print(
        "_rw: the random walk (no change); mape in percent; rmse_ratio < 1: the model's RMSE is below the random walk's"
    )
    for note in (*varlib.score_notes(scores["mape"], result.exog, artifact.data.exog), *result.notes):
        print(note)
    return 0
