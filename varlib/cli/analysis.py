"""The analysis subcommands of `varlib`: diagnose, report and backtest a stored version."""

from __future__ import annotations

import argparse

import varlib

from .commands import registry_from_env, write_text
from .output import print_json, print_table


def run_diagnose(args: argparse.Namespace) -> int:
    result = varlib.diagnose(registry_from_env().load(args.name, args.version), args.irf_periods, args.whiteness_lags)
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
    for label, test in (("whiteness", result.whiteness), ("normality", result.normality)):
        print(f"{label}: statistic {test.statistic:.4g}, df {test.df}, p {test.pvalue:.4g}")
    for causality in result.granger:
        r = causality.result
        print(
            f"granger {','.join(causality.causing)} -> {','.join(causality.caused)}: F {r.statistic:.4g},"
            f" df {r.df}, p {r.pvalue:.4g}"
        )
    return 0


def run_report(args: argparse.Namespace) -> int:
    artifact = registry_from_env().load(args.name, args.version)
    page = varlib.render_report(artifact, varlib.diagnose(artifact))
    write_text(args.out, page, "the report")
    print(f"wrote {args.out} ({len(page):,} bytes)")
    return 0


def run_backtest(args: argparse.Namespace) -> int:
    artifact = registry_from_env().load(args.name, args.version)
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
