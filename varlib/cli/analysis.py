"""The analysis subcommands of `varlib`: diagnose, report and backtest a stored version."""

from __future__ import annotations

import argparse

import varlib

from .commands import load_version, write_text
from .output import print_json, print_table


def run_diagnose(args: argparse.Namespace) -> int:
    result = varlib.diagnose(load_version(args), args.irf_periods, args.whiteness_lags)
    if args.json:
        print_json(result.to_dict())
        return 0
    print(f"{result.name} {result.version}: {result.model}, {result.nobs} observations")
    print("lag order chosen: " + ", ".join(f"{c} {n}" for c, n in result.lag_selection.selected.items()))
    if result.cointegration is not None:
        johansen = result.cointegration.johansen
        print(
            f"cointegration rank {result.cointegration.rank} ({result.cointegration.rank_method}); Johansen trace"
            " statistics "
            + ", ".join(
                f"r<={r} {t:.4g} (95% {c[1]:.4g})"
                for r, (t, c) in enumerate(zip(johansen.trace, johansen.trace_critical, strict=True))
            )
        )
    print(f"stability: {result.stability.verdict}")
    lags = result.whiteness_lags
    for label, test in (
        (f"whiteness, adjusted portmanteau ({lags} lags)", result.whiteness_adjusted),
        (f"whiteness, unadjusted portmanteau ({lags} lags)", result.whiteness),
        ("normality, joint Jarque-Bera", result.normality),
    ):
        print(f"{label}: statistic {test.statistic:.4g}, df {test.df}, p {test.pvalue:.4g}")
    for causality in result.granger:
        r = causality.result
        print(f"granger {causality.direction}: F {r.statistic:.4g}, df {r.df}, p {r.pvalue:.4g}")
    if result.integration is not None:
        for root in result.integration.unit_roots:
            print(
                f"unit root {root.variable} ({result.integration.tested_on}): ADF p {root.adf_pvalue:.3g},"
                f" KPSS p {root.kpss_pvalue:.3g}: {root.verdict}"
            )
        trace_test = result.integration.johansen
        if trace_test is not None:
            print(f"johansen trace test: cointegration rank {trace_test.rank} at 5%")
        print(f"advice: {result.integration.advice}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    # the options are checked before the store is read, as `forecast` does
    lowest, highest = (1 - varlib.ALPHA_MAX) * 100, (1 - varlib.ALPHA_MIN) * 100
    if not lowest <= args.level <= highest:
        raise varlib.InvalidInputError(
            f"--level {args.level:g} must be a percentage from {lowest:g} to {highest:g} (95 gives a 95% interval)",
            field="level",
            value=args.level,
        )
    alpha = varlib.level_to_alpha(args.level)
    steps, alpha, intervals = varlib.check_forecast_options(args.steps, alpha, args.intervals)
    artifact = load_version(args)
    diagnostics = varlib.diagnose(artifact, args.irf_periods, args.whiteness_lags)
    forecast = varlib.forecast_artifact(artifact, steps, alpha, intervals=intervals)
    page = varlib.render_report(artifact, diagnostics, forecast=forecast, orth=args.orth)
    write_text(args.out, page, "the report")
    print(f"wrote {args.out} ({len(page):,} bytes)")
    return 0


def run_backtest(args: argparse.Namespace) -> int:
    artifact = load_version(args)
    result = varlib.backtest(artifact, args.origins, args.horizon, "reselect" if args.reselect else "fixed")
    if args.json:
        print_json(result.to_dict())
        return 0
    print(
        f"{result.name} {result.version}: {len(result.origins)} origins ({result.origins[0]} to"
        f" {result.origins[-1]}), horizons 1..{result.horizon}, lag order {result.lag_policy}"
    )
    print_table(result.scores(), index=False, digits=4)
    return 0
