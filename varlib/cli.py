"""`python -m varlib`: train, list, show and forecast from the shell.

Exit codes: 0 success, 2 bad input, 1 any other failure; a failure prints one `error: ...`
line on stderr and no traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

import numpy as np
import pandas as pd

from .config import Settings
from .errors import InvalidInputError, VarlibError
from .forecast import INTERVAL_KINDS
from .model import CRITERIA, DEFAULT_HOLDOUT, DEFAULT_MAX_LAGS, TRANSFORMS, TRENDS, ModelSpec
from .registry import Registry
from .store import describe
from .service import forecast_version, load_dataset, publish_result, train_model
from .versions import BUMPS, LATEST

DEFAULT_NAME = "var"
EXIT_CODES = ((InvalidInputError, 2),)  # most specific first; any other VarlibError exits 1


def exit_code(exc: VarlibError) -> int:
    """The exit code of an expected failure: 2 for bad input, 1 for everything else."""
    return next((code for kind, code in EXIT_CODES if isinstance(exc, kind)), 1)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one `error:` line with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InvalidInputError(f"{message} (see `python -m varlib {self.prog.split()[-1]} --help`)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m varlib", description="VAR models versioned in MinIO or a local folder.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    train = commands.add_parser("train", help="fit a VAR and optionally publish it")
    source = train.add_mutually_exclusive_group()
    source.add_argument("--dataset", choices=["macrodata"], default="macrodata")
    source.add_argument("--csv", metavar="FILE")
    train.add_argument("--date-col", metavar="COL")
    train.add_argument("--vars", metavar="a,b,...", help="variables (default realgdp,realcons for macrodata)")
    order = train.add_mutually_exclusive_group()
    order.add_argument("--lags", type=int, metavar="N", help="fixed lag order")
    order.add_argument("--max-lags", type=int, default=DEFAULT_MAX_LAGS, metavar="N")
    train.add_argument("--ic", choices=CRITERIA, default="aic")
    train.add_argument("--trend", choices=TRENDS, default="c")
    train.add_argument("--transform", choices=TRANSFORMS, default="none")
    train.add_argument("--holdout", type=float, default=DEFAULT_HOLDOUT, metavar="FRACTION")
    train.add_argument("--name", default=DEFAULT_NAME)
    train.add_argument("--publish", action="store_true")
    train.add_argument("--bump", choices=BUMPS, default="patch")
    train.add_argument("--notes", default="")
    train.add_argument("--json", action="store_true")
    train.set_defaults(run=run_train)

    reindex = commands.add_parser("reindex", help="rebuild the card index that makes listings fast")
    reindex.add_argument("--name", default=DEFAULT_NAME)
    reindex.set_defaults(run=run_reindex)

    listing = commands.add_parser("list", help="versions, newest first")
    listing.add_argument("--name", default=DEFAULT_NAME)
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--verify", action="store_true",
                         help="check every object against the card it was published with (slower)")
    listing.set_defaults(run=run_list)

    show = commands.add_parser("show", help="one version's metadata")
    show.add_argument("version")
    show.add_argument("--name", default=DEFAULT_NAME)
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=run_show)

    forecast = commands.add_parser("forecast", help="forecast from a version")
    forecast.add_argument("version", nargs="?", default=LATEST)
    forecast.add_argument("--name", default=DEFAULT_NAME)
    forecast.add_argument("--steps", type=int, default=8)
    forecast.add_argument("--alpha", type=float, default=0.05)
    forecast.add_argument("--lags-csv", metavar="FILE", help="lag inputs: the last observations, oldest first")
    forecast.add_argument("--intervals", choices=INTERVAL_KINDS, default="standard",
                          help="standard (coefficients known) or corrected (adds estimation uncertainty)")
    forecast.add_argument("--json", action="store_true")
    forecast.set_defaults(run=run_forecast)

    diagnose = commands.add_parser("diagnose", help="a version's diagnostics, refitted from its training data")
    diagnose.add_argument("version", nargs="?", default=LATEST)
    diagnose.add_argument("--name", default=DEFAULT_NAME)
    diagnose.add_argument("--irf-periods", type=int, default=10, metavar="H", help="impulse-response horizon")
    diagnose.add_argument("--whiteness-lags", type=int, metavar="L", help="portmanteau lags (default max(10, p+1))")
    diagnose.add_argument("--json", action="store_true")
    diagnose.set_defaults(run=run_diagnose)

    report = commands.add_parser("report", help="a self-contained HTML report of a version (tables)")
    report.add_argument("version", nargs="?", default=LATEST)
    report.add_argument("--name", default=DEFAULT_NAME)
    report.add_argument("--out", required=True, metavar="FILE.html")
    report.set_defaults(run=run_report)

    back = commands.add_parser("backtest", help="rolling-origin backtest of a version's spec against a random walk")
    back.add_argument("version", nargs="?", default=LATEST)
    back.add_argument("--name", default=DEFAULT_NAME)
    back.add_argument("--origins", type=int, default=8, metavar="N")
    back.add_argument("--horizon", type=int, default=4, metavar="H")
    back.add_argument("--reselect", action="store_true", help="re-run the spec's criterion at each origin")
    back.add_argument("--json", action="store_true")
    back.set_defaults(run=run_backtest)

    serve = commands.add_parser("serve", help="the REST service (uvicorn), docs at /docs")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, metavar="N", help="processes (each caches on its own)")
    serve.add_argument("--access-log", action="store_true", help="log one line per request")
    serve.set_defaults(run=run_serve)

    legacy = commands.add_parser("import-legacy", help="convert an old pickled model (<name>/<M_m_p>/model.pkl)")
    legacy.add_argument("version", help="the pickle's version, e.g. 0_0_1 or 0.0.1")
    legacy.add_argument("--name", default=DEFAULT_NAME)
    legacy.add_argument("--trust", action="store_true",
                        help="unpickling runs code: only for a bucket you control and nobody else writes")
    legacy.add_argument("--json", action="store_true")
    legacy.set_defaults(run=run_import_legacy)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return args.run(args) or 0
    except VarlibError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exit_code(exc)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 1


def registry_from_env() -> Registry:
    return Registry.from_settings(Settings.from_env())


# -- commands -----------------------------------------------------------------------
def run_train(args: argparse.Namespace) -> int:
    variables = [v.strip() for v in args.vars.split(",")] if args.vars else None
    dataset = load_dataset(csv=args.csv, date_col=args.date_col, variables=variables)
    spec = ModelSpec(variables=tuple(dataset.variables), transform=args.transform, trend=args.trend,
                     lags=args.lags, max_lags=args.max_lags, ic=args.ic, holdout=args.holdout)
    registry = registry_from_env() if args.publish else None
    if registry is not None:
        registry.ensure_writable()  # fail before spending time on the fit
    result = train_model(dataset, spec)
    published = publish_result(registry, result, args.name, args.bump, args.notes) if registry else None
    summary = {
        "name": args.name, "version": str(published.version) if published else None, "published": bool(published),
        "dataset": dataset.name, "variables": dataset.variables, "k_ar": result.params.k_ar,
        "lag_method": result.lag_method, "transform": spec.transform, "trend": spec.trend,
        "lag_selection": result.selection.to_dict() if result.selection else None,
        "metrics": result.evaluation.metrics if result.evaluation else None, "train_seconds": result.seconds,
    }
    if args.json:
        _print_json(summary)
        return 0
    print(f"trained VAR({result.params.k_ar}) on {dataset.name} [{', '.join(dataset.variables)}],"
          f" lag order by {result.lag_method}, transform {spec.transform}, trend {spec.trend},"
          f" {result.seconds:.2f}s")
    if result.evaluation:
        print(f"holdout ({result.evaluation.rows} rows):")
        print(pd.DataFrame(result.evaluation.metrics).T.to_string(float_format=lambda x: f"{x:.4g}"))
    print(f"published {args.name} {published.version}" if published else "not published (add --publish)")
    return 0


def run_list(args: argparse.Namespace) -> int:
    registry = registry_from_env()
    entries = registry.list_versions(args.name, verify=args.verify)
    if args.json:
        _print_json([entry.to_dict() for entry in entries])
        return 0
    if not entries:
        print(f"no versions of {args.name!r} in {registry.description}")
        return 0
    rows = [{"version": e.label, "status": e.status, "created": e.card.get("created_at") or "",
             "lags": e.card.get("k_ar") or "", "transform": e.card.get("transform") or "",
             "notes": (e.card.get("notes") or "")[:40]} for e in entries]
    print(pd.DataFrame(rows).to_string(index=False))
    return 0


def run_reindex(args: argparse.Namespace) -> int:
    registry = registry_from_env()
    count = registry.reindex(args.name)
    print(f"indexed the cards of {count} version(s) of {args.name!r} in {registry.description}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    card = registry_from_env().load(args.name, args.version).metadata()
    if args.json:
        _print_json(card)
        return 0
    for key, value in card.items():
        print(f"{key:>18}: {value}")
    return 0


def run_forecast(args: argparse.Namespace) -> int:
    lag_inputs = _read_lags_csv(args.lags_csv) if args.lags_csv else None
    result = forecast_version(registry_from_env(), args.name, args.version, args.steps, args.alpha, lag_inputs,
                              intervals=args.intervals)
    if args.json:
        _print_json(result.to_dict())
        return 0
    level = round((1 - result.forecast.alpha) * 100, 2)
    print(f"{result.name} {result.version}: {result.steps} steps, {level:g}% {result.forecast.intervals} interval"
          f" ({result.forecast.point})")
    table = result.to_frame().pivot(index="date", columns="variable").reindex(columns=result.variables, level=1)
    print(table.to_string(float_format=lambda x: f"{x:.6g}"))
    return 0


def run_diagnose(args: argparse.Namespace) -> int:
    from .diagnostics import diagnose

    result = diagnose(registry_from_env().load(args.name, args.version), args.irf_periods, args.whiteness_lags)
    if args.json:
        _print_json(result.to_dict())
        return 0
    print(f"{result.name} {result.version}: VAR({result.k_ar}) on {result.nobs} observations"
          f" ({result.to_dict()['model_space']}), trend {result.trend}")
    print("lag order chosen: " + ", ".join(f"{c} {n}" for c, n in result.lag_selection.selected.items()))
    print(f"stability: {result.stability.verdict}")
    for label, test in (("whiteness", result.whiteness), ("normality", result.normality)):
        print(f"{label}: statistic {test.statistic:.4g}, df {test.df}, p {test.pvalue:.4g}")
    for test in result.granger:
        r = test.result
        print(f"granger {','.join(test.causing)} -> {','.join(test.caused)}: F {r.statistic:.4g},"
              f" df {r.df}, p {r.pvalue:.4g}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .diagnostics import diagnose
    from .report import render_report

    artifact = registry_from_env().load(args.name, args.version)
    page = render_report(artifact, diagnose(artifact))
    try:
        Path(args.out).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"cannot write the report to {args.out!r}: {exc.strerror or exc}") from None
    print(f"wrote {args.out} ({len(page):,} bytes)")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn  # the service's dependency, not the CLI's

    if not 1 <= args.port <= 65535:
        raise InvalidInputError(f"port {args.port} must be from 1 to 65535")
    if not 1 <= args.workers <= 64:
        raise InvalidInputError(f"workers {args.workers} must be from 1 to 64")
    settings = Settings.from_env()  # a bad environment fails here in one line, not in every worker
    print(f"serving {describe(settings)} on http://{args.host}:{args.port} (docs at /docs), {args.workers} worker(s)")
    uvicorn.run("varlib.api:create_app", factory=True, host=args.host, port=args.port, workers=args.workers,
                access_log=args.access_log, log_level="info")
    return 0


def run_import_legacy(args: argparse.Namespace) -> int:
    from .legacy import import_legacy

    done = import_legacy(registry_from_env(), args.version, args.name, trust=args.trust)
    if args.json:
        _print_json(done.to_dict())
        return 0
    print(f"imported {done.source_key} (sha256 {done.source_sha256}) as {done.artifact.name}"
          f" {done.artifact.version}: VAR({done.artifact.k_ar}) on {', '.join(done.artifact.variables)};"
          f" forecasts match the pickle's to {done.max_relative_difference:.1e} relative; dates: {done.dates};"
          " the pickle is untouched")
    return 0


def run_backtest(args: argparse.Namespace) -> int:
    from .backtest import backtest

    artifact = registry_from_env().load(args.name, args.version)
    result = backtest(artifact, args.origins, args.horizon, "reselect" if args.reselect else "fixed")
    if args.json:
        _print_json(result.to_dict())
        return 0
    print(f"{result.name} {result.version}: {len(result.origins)} origins ({result.origins[0]} to"
          f" {result.origins[-1]}), horizons 1..{result.horizon}, lag order {result.lag_policy}")
    print(result.scores().to_string(index=False, float_format=lambda x: f"{x:.4g}"))
    return 0


def _read_lags_csv(path: str) -> pd.DataFrame | np.ndarray:
    """Lag inputs from a CSV: numeric columns named like the variables, or all numeric columns."""
    try:
        frame = pd.read_csv(path)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise InvalidInputError(f"cannot read lag inputs from {path!r}: {str(exc).splitlines()[0]}") from None
    first = frame.columns[0] if len(frame.columns) else None
    if first is not None and str(first).lower() in ("date", "time", "period"):
        dates = pd.to_datetime(frame[first], errors="coerce")
        frame = frame.drop(columns=[first])
        if not dates.isna().any():
            frame.index = pd.DatetimeIndex(dates)
    return frame


def _print_json(value) -> None:
    print(json.dumps(value, indent=2, allow_nan=False, default=_json_default))


def _json_default(value):
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
