"""The command line's grammar: every subcommand, option and default of `varlib`."""

from __future__ import annotations

import argparse
import csv
from collections.abc import Sequence

import varlib
from varlib import (
    BUMPS,
    CRITERIA,
    DEFAULT_HOLDOUT,
    DETERMINISTIC,
    FILL_METHODS,
    LATEST,
    TRANSFORMS,
    TRENDS,
    kind_names,
)

from .analysis import add_report_options
from .compare import add_commands as add_compare_commands
from .helps import NAME_HELP, VERSION_HELP, add_json, add_test_options, given
from .scenarios import add_commands as add_scenario_commands
from .scenarios import add_forecast_options
from .team import add_commands as add_team_commands
from .typed import decimal, keep_typed, whole, whole_or_auto
from .usage import UsageParser, chosen

PROG = "varlib"
LEGACY_NAME = "var"  # the name the original service published under


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The arguments of one command line. An optional VERSION may follow options (`scenario show dip
    --name e1 0.0.1`) as it may for `forecast`: argparse places it only before them when a required
    positional comes first, and parse_intermixed_args refuses subcommands. So a command whose VERSION
    was not placed (None, its unset default) takes one leftover word; any other leftover is refused."""
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    unplaced = "version" in args and args.version is None
    if unplaced and len(extras) == 1 and not extras[0].startswith("-"):
        args.version = extras.pop()
    if "versions" in args and not any(word.startswith("-") for word in extras):  # `compare`'s, after options too
        args.versions, extras = args.versions + extras, []
    if extras:  # argparse's own words for them, pointed at the help of the subcommand they were given to
        chosen(parser, args).error(f"unrecognized arguments: {' '.join(extras)}")
    if unplaced and args.version is None:
        args.version = LATEST
    args.typed = keep_typed(args)  # plain numbers for the commands, their text for a refusal (said_as_options)
    if args.command == "train":
        _publish_options(chosen(parser, args), args)
    return args


def _publish_options(train: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """`train`'s publish options are refused without --publish, as argparse refuses options that exclude each
    other: a script that forgot it would otherwise train, print "not published" and exit 0, its notes lost."""
    if not args.publish:
        unused = [option for option in ("--bump", "--notes") if getattr(args, option[2:]) is not None]
        if unused:
            train.error(f"argument {unused[0]}: not allowed without --publish: add --publish, or leave it out")
    args.bump, args.notes = args.bump or "patch", args.notes or ""


def build_parser() -> argparse.ArgumentParser:
    parser = UsageParser(prog=PROG, description="VAR and VECM models versioned in MinIO or a local folder.")
    parser.add_argument("--version", action="version", version=f"{PROG} {varlib.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=UsageParser)
    _train(commands.add_parser("train", help="fit a VAR (or a VECM) and optionally publish it"))
    reindex = commands.add_parser(
        "reindex",
        help="rebuild the card index and `latest` (off a damaged version, naming it; exit 1 then), and restore audit"
        " records of changes cut off before them",
    )
    reindex.add_argument("--name", help=NAME_HELP)

    models = commands.add_parser("models", help="every model's name, one per line")
    add_json(models)

    listing = commands.add_parser("list", help="versions, newest first")
    listing.add_argument("--name", help=NAME_HELP)
    add_json(listing)
    listing.add_argument(
        "--verify", action="store_true", help="check every object against the card it was published with (slower)"
    )

    show = commands.add_parser("show", help="one version's metadata")
    _version(show)
    add_json(show)

    forecast = commands.add_parser("forecast", help="forecast from a version (or a saved scenario of it)")
    _version(forecast)
    add_forecast_options(forecast)
    forecast.add_argument(
        "--scenario", type=given, metavar="NAME", help="reopen a saved scenario of the version (as saved)"
    )
    add_json(forecast)

    diagnose = commands.add_parser("diagnose", help="a version's diagnostics, refitted from its training data")
    _version(diagnose)
    add_test_options(diagnose)
    add_json(diagnose)

    report = commands.add_parser(
        "report", help="a self-contained HTML report of a version (card, forecast, diagnostics, impulse responses)"
    )
    _version(report)
    add_report_options(report)

    back = commands.add_parser("backtest", help="rolling-origin backtest of a version's spec against a random walk")
    _version(back)
    back.add_argument(
        "--origins",
        type=whole,
        default=varlib.DEFAULT_ORIGINS,
        metavar="N",
        help=f"cut points: the last N (default {varlib.DEFAULT_ORIGINS})",
    )
    back.add_argument(
        "--horizon",
        type=whole,
        default=varlib.DEFAULT_HORIZON,
        metavar="H",
        help=f"steps ahead scored at each origin (default {varlib.DEFAULT_HORIZON})",
    )
    back.add_argument("--reselect", action="store_true", help="re-run the spec's criterion at each origin")
    add_json(back)
    add_compare_commands(commands)  # compare, listed after the other analyses

    serve = commands.add_parser("serve", help="the REST service (uvicorn), docs at /docs")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)"
    )
    serve.add_argument("--port", type=whole, default=8000, help="port to listen on, 1 to 65535 (default 8000)")
    serve.add_argument(
        "--workers", type=whole, default=1, metavar="N", help="processes, each caching on its own (default 1)"
    )
    serve.add_argument("--access-log", action="store_true", help="log one line per request")
    serve.add_argument(
        "--trusted-proxies",
        default=None,
        metavar="ADDRESSES",
        help="comma-separated addresses of reverse proxies whose X-Forwarded-For names the client (default:"
        " none, so the audit trail records the connecting address, which no client can choose)",
    )
    serve.add_argument(
        "--log-format",
        choices=("text", "json"),
        default=None,
        help="log lines as text or one JSON object each (default: VARLIB_LOG_FORMAT, else text)",
    )

    legacy = commands.add_parser("import-legacy", help="convert an old pickled model (<name>/<M_m_p>/model.pkl)")
    legacy.add_argument("version", help="the pickle's version, e.g. 0_0_1 or 0.0.1")
    legacy.add_argument(
        "--name",
        default=LEGACY_NAME,
        help=f"the model the pickle is under and the new version is published to (default {LEGACY_NAME})",
    )
    legacy.add_argument(
        "--trust",
        action="store_true",
        help="unpickling runs code: only for a bucket you control and nobody else writes",
    )
    legacy.add_argument(
        "--bump", choices=BUMPS, default="patch", help="the part of the version to raise (default patch)"
    )
    add_json(legacy)
    add_team_commands(commands)  # alias, withdraw, history
    add_scenario_commands(commands)  # scenario save, list, show, delete
    return parser


def _train(train: argparse.ArgumentParser) -> None:
    source = train.add_mutually_exclusive_group()
    source.add_argument(
        "--dataset", choices=["macrodata"], default="macrodata", help="the bundled quarterly US macro data (default)"
    )
    source.add_argument(
        "--csv",
        type=given,
        metavar="FILE",
        help="your data: a date column and one column per series (-: stdin, which needs --name)",
    )
    train.add_argument(
        "--date-col", type=given, metavar="COL", help="the CSV's date column (default: found by its name or values)"
    )
    train.add_argument(
        "--vars",
        type=_names,
        metavar="a,b,...",
        help="variables (default realgdp,realcons for macrodata; for --csv every numeric column that can be one),"
        " as a CSV row: quote a name holding a comma,"
        """ e.g. '"a, b",c'""",
    )
    train.add_argument(
        "--exog",
        type=_names,
        metavar="a,b,...",
        help="exogenous columns of a VAR (a VARX): used as given, so a forecast needs their future values;"
        " quoted as --vars",
    )
    train.add_argument("--model", choices=kind_names(), default="var", help="model kind (default var)")
    order = train.add_mutually_exclusive_group()
    order.add_argument("--lags", type=whole, metavar="N", help="fixed lag order (for a VECM: the VAR order in levels)")
    order.add_argument(
        "--max-lags",
        type=whole,
        metavar="N",
        help="largest order a criterion searches (default: the sample-aware rule, see README)",
    )
    train.add_argument(
        "--min-lags",
        type=whole,
        choices=(0, 1),
        default=1,
        help="smallest order searched: 1 (the default), or 0 to let the criterion say 'no dynamics'",
    )
    train.add_argument(
        "--ic", choices=CRITERIA, default="aic", help="the criterion that chooses the lag order (default aic)"
    )
    train.add_argument("--trend", choices=TRENDS, default="c", help="deterministic terms of a VAR (default c)")
    train.add_argument(
        "--transform",
        choices=TRANSFORMS,
        default="none",
        help="the model's space (default none: levels); log: VECMs only. Training prints unit-root advice",
    )
    train.add_argument(
        "--coint-rank",
        type=whole_or_auto,
        default=None,
        metavar="N|auto",
        help="VECM: cointegration rank, or auto (Johansen's trace test at 5%%, the default)",
    )
    train.add_argument(
        "--deterministic",
        choices=DETERMINISTIC,
        help="VECM: constant outside/inside the relation (co/ci), linear trend outside/inside (lo/li), a constant"
        " and a trend (colo, cili, ...), or none (n); default co",
    )
    train.add_argument(
        "--holdout",
        type=decimal,
        default=DEFAULT_HOLDOUT,
        metavar="FRACTION",
        help=f"share of the last rows scored out of sample (default {DEFAULT_HOLDOUT}; 0: none)",
    )
    train.add_argument(
        "--fill",
        choices=FILL_METHODS,
        default="none",
        help="missing periods or empty cells: refuse (none, the default), drop incomplete last rows and keep the rows"
        " after the last earlier hole (drop; refused when that leaves too few), interpolate, or carry the last value"
        " forward (ffill)",
    )
    train.add_argument(
        "--start", type=given, metavar="DATE", help="the first date to train on (default: the data's first)"
    )
    train.add_argument("--end", type=given, metavar="DATE", help="the last date to train on (default: the data's last)")
    train.add_argument("--name", help="model name (default: from the data: the CSV's file name, or macrodata)")
    train.add_argument("--publish", action="store_true", help="store the model as the name's next version")
    # None until `parse` settles them: given without --publish they are refused (_publish_options)
    train.add_argument(
        "--bump", choices=BUMPS, help="with --publish: which part of the version to raise (default patch)"
    )
    train.add_argument("--notes", help="with --publish: plain text kept with the version (what changed, why)")
    add_json(train)


def _names(text: str) -> list[str]:
    """Column names as one CSV row, so a name holding a comma is quoted (`"Consumption, DM",Investment`) as
    in the file's header; blanks around names are dropped. Refused when it names none."""
    try:
        row = next(csv.reader([text], skipinitialspace=True, strict=True), [])
    except csv.Error as exc:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a comma-separated list of column names ({exc}): quote a name holding a comma and"
            """ close the quote, e.g. '"a, b",c'"""
        ) from None
    names = [name.strip() for name in row if name.strip()]
    if not names:  # else `--vars ''` would take the default silently, as if the option had been left out
        raise argparse.ArgumentTypeError(f"{text!r} names no column: give names, or leave the option out")
    return names


def _version(command: argparse.ArgumentParser) -> None:
    # None until `parse` settles it: a version after the options is then told from a stray word
    command.add_argument("version", nargs="?", default=None, help=f"{VERSION_HELP} (default: latest)")
    command.add_argument("--name", help=NAME_HELP)
