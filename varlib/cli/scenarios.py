"""Forecasts with scenarios from the shell: `forecast` (lag, exogenous and condition CSVs, or a saved
scenario) and `scenario save|list|show` (`scenario delete` is cli.scenario_delete)."""

from __future__ import annotations

import argparse

import pandas as pd

import varlib
from varlib import CONDITIONS, EXOG, INTERVAL_KINDS, Actor, InvalidInputError, Settings, counted

from .commands import cell_text, load_version, named_version, registry_from_env, warn_if_withdrawn
from .helps import DEFAULT_STEPS, INTERVALS_HELP, NAME_HELP, STEPS_HELP, VERSION_HELP, add_json, given
from .output import MISSING, plain, print_json, print_table, to_stderr, warn_after_output
from .scenario_delete import add_command as add_delete_command
from .typed import decimal, whole

DEFAULT_ALPHA = 0.05
PATHS_HELP = (
    "a date column (the forecast's dates) or a step column (1, 2, ...), else the row order, places each row;"
    " one column per variable"
)


def add_forecast_options(parser: argparse.ArgumentParser) -> None:
    """Steps, level, interval kind and the input files shared by `forecast` and `scenario save`."""
    parser.add_argument("--steps", type=whole, default=None, help=STEPS_HELP)
    parser.add_argument(
        "--alpha",
        type=decimal,
        default=None,
        help=f"1 - coverage, {varlib.ALPHA_MIN:g} to {varlib.ALPHA_MAX:g} (default {DEFAULT_ALPHA}: 95%% intervals)",
    )
    parser.add_argument(
        "--intervals",
        choices=INTERVAL_KINDS,
        default=None,
        help=INTERVALS_HELP,
    )
    parser.add_argument(
        "--lags-csv",
        type=given,
        metavar="FILE",
        help="lag inputs: an optional date column and one column per variable, the last"
        " observations oldest first (the dashboard's upload takes the same files); -: stdin",
    )
    parser.add_argument(
        "--exog-csv",
        type=given,
        metavar="FILE",
        help=f"future values of a VARX's exogenous variables for every step: {PATHS_HELP}; -: stdin",
    )
    parser.add_argument(
        "--conditions-csv",
        type=given,
        metavar="FILE",
        help=f"hard conditions on the future path, in levels: {PATHS_HELP}; an empty cell leaves it free; -: stdin",
    )


def add_commands(commands) -> None:
    """`scenario save|list|show|delete`."""
    scenario = commands.add_parser("scenario", help="saved scenarios of a version (save, list, show, delete)")
    actions = scenario.add_subparsers(dest="scenario_command", required=True, parser_class=type(scenario))
    save = actions.add_parser("save", help="save a named scenario (immutable; a taken name is refused)")
    save.add_argument("scenario", help="e.g. rate-hold (lower-case letters, digits, - and _)")
    # an optional VERSION defaults to None, which parser.parse settles (a version may follow the options)
    save.add_argument(
        "version",
        nargs="?",
        default=None,
        help=f"the version it is for: {VERSION_HELP} (default: latest, saved as the version it names)",
    )
    add_forecast_options(save)
    save.add_argument("--notes", default="", help="plain text kept with the scenario (what it assumes, why)")
    listing = actions.add_parser("list", help="the saved scenarios of a version")
    listing.add_argument("version", nargs="?", default=None, help=f"{VERSION_HELP} (default: latest)")
    show = actions.add_parser("show", help="a saved scenario's inputs")
    show.add_argument("scenario", help="the saved scenario's name, as `scenario list` shows it")
    show.add_argument("version", nargs="?", default=None, help=f"{VERSION_HELP} (default: latest)")
    for parser in (save, listing, show):
        parser.add_argument("--name", help=NAME_HELP)
        add_json(parser)
    add_delete_command(actions)


def run_forecast(args: argparse.Namespace) -> int:
    if args.scenario is not None:
        _refuse_inputs_with_scenario(args)
        registry = registry_from_env()
        artifact, withdrawal = named_version(args, registry)
        warn_if_withdrawn(artifact, withdrawal)
        saved = registry.scenario(artifact.name, artifact.version or args.version, args.scenario)
        result = varlib.forecast_scenario(artifact, saved)
    else:
        steps, alpha, intervals = _options(args)
        varlib.check_forecast_options(steps, alpha, intervals)  # bad input: exit 2 before any read
        artifact, withdrawal = named_version(args)
        warn_if_withdrawn(artifact, withdrawal)
        lags, exog, conditions = _inputs(args, artifact)
        result = varlib.forecast_artifact(artifact, steps, alpha, lags, intervals, exog, conditions)
    if args.json:  # the REST answer's JSON, with the withdrawal; its warnings on stderr too, as --json's help says
        _warn(result)
        print_json(varlib.with_withdrawal(result.to_dict(), withdrawal))
        return 0
    level = round((1 - result.forecast.alpha) * 100, 2)
    about = f", scenario {result.scenario}" if result.scenario else ""
    print(
        f"{result.name} {result.version}{about}: {counted(result.steps, 'step')}, {level:g}%"
        f" {result.forecast.intervals} interval ({result.forecast.point})"
    )
    shown = result.conditions[:20]
    periods = varlib.period_labels([c["date"] for c in shown], result.frequency)  # as the warnings name them
    for condition, period in zip(shown, periods, strict=True):
        print(f"  conditioned: {condition['variable']} = {condition['value']:.15g} at {period}")
    _warn(result)
    periods = varlib.period_labels(result.index, result.frequency)  # 2010Q1, as `train` names the periods
    if result.exog is not None:  # the path the forecast assumed, as the JSON gives it under `exog`
        span = f"{periods[0]} to {periods[-1]}" if result.steps > 1 else periods[0]
        for j, name in enumerate(result.exog_names):
            print(f"  exogenous: {name} = {', '.join(f'{v:.15g}' for v in result.exog[:, j])} ({span})")
    long = result.to_frame().rename(columns={"mean": result.forecast.point})  # a log model's point is the median
    # each variable's point and bounds side by side, so a table cut into blocks on a terminal keeps them together
    table = long.pivot(index="date", columns="variable").swaplevel(axis=1)
    point = result.forecast.point
    table = table.reindex(columns=pd.MultiIndex.from_product([result.variables, [point, "lower", "upper"]]))
    table.columns.names = ["variable", None]
    table.index = pd.Index(periods, name="period")  # the JSON keeps ISO dates, for programs
    print_table(table, share=lambda _, column: column[0])  # a variable's forecast and bounds in one format
    return 0


def _warn(result) -> None:
    for far in result.warnings():
        to_stderr(f"warning: {far}")


def run_scenario(args: argparse.Namespace) -> int:
    registry = registry_from_env()
    # a save on a withdrawn version is refused by the registry: no "so it is used" warning before the refusal
    artifact = load_version(args, registry, warn=args.scenario_command != "save")
    name, version = artifact.name, artifact.version
    if args.scenario_command == "save":
        registry.ensure_writable("saving a scenario")
        steps, alpha, intervals = _options(args)
        lags, exog, conditions = _inputs(args, artifact)
        made = varlib.make_scenario(
            artifact, args.scenario, steps, alpha, lags, intervals, exog, conditions, notes=args.notes
        )
        saved = registry.save_scenario(made, Actor.local(Settings.from_env().author, via="cli"))
        if args.json:
            print_json(saved.to_dict())
        else:
            print(f"saved scenario {saved.scenario!r} of {name} {version}; forecast it with")
            print(f"  varlib forecast {version} --name {name} --scenario {saved.scenario}")
        return 0
    if args.scenario_command == "show":
        saved = registry.scenario(name, version or args.version, args.scenario)
        if args.json:
            print_json(saved.to_dict())
            return 0
        for key, value in saved.to_dict().items():
            if key != "damaged":  # always None here: a damaged scenario is refused before
                print(f"{key:>12}: {plain(_shown(value))}")  # notes saved before control characters were refused
        return 0
    scenarios = registry.scenarios(name, version or args.version)
    if args.json:
        print_json([s.to_dict() for s in scenarios])
    elif not scenarios:
        print(f"no saved scenarios of {name} {version}")
    else:
        rows = [
            {
                "scenario": s.scenario + (" ⚠ damaged" if s.damaged else ""),
                "steps": None if s.damaged else s.steps,
                "conditioned": ", ".join(s.conditions) or MISSING,
                "exogenous": ", ".join(s.exog) or MISSING,
                "by": s.actor.in_a_cell() if s.actor else "",
                "at": s.created_at,
                "notes": cell_text(s.notes),  # whole in `scenario show`
            }
            for s in scenarios
        ]
        print_table(pd.DataFrame(rows), index=False)
        for damaged in (s.damaged for s in scenarios if s.damaged):  # in full: a cell is too narrow for it
            print(f"⚠ {plain(damaged)}")
    return 0


def _shown(value: object) -> str:
    """A field of `scenario show` as text: paths as `name: 1, 2, –` (– free), the actor by name, none as –, the
    mark every other listing uses for nothing (empty notes too, as `varlib show` prints them)."""
    if value is None or value == "":
        return MISSING
    if isinstance(value, dict) and all(isinstance(v, list) for v in value.values()):
        cells = (
            ", ".join(MISSING if x is None else f"{x:.15g}" if isinstance(x, float) else str(x) for x in v)
            for v in value.values()
        )
        return "; ".join(f"{name}: {text}" for name, text in zip(value, cells, strict=True)) or MISSING
    if isinstance(value, dict) and "name" in value:
        return f"{value['name']} ({value.get('subject', '')}, via {value.get('via', '')})"
    if isinstance(value, list):
        return " / ".join(", ".join(f"{x:.15g}" if isinstance(x, float) else str(x) for x in row) for row in value)
    return str(value)


def _options(args: argparse.Namespace) -> tuple[int, float, str]:
    steps = DEFAULT_STEPS if args.steps is None else args.steps
    alpha = DEFAULT_ALPHA if args.alpha is None else args.alpha
    return steps, alpha, args.intervals or INTERVAL_KINDS[0]


def _inputs(args: argparse.Namespace, artifact: varlib.Artifact):
    """The lag inputs, exogenous values and conditions the files name (None where no file was given)."""
    lags = None
    if args.lags_csv:
        table = varlib.read_lag_csv(args.lags_csv, artifact.variables, artifact.lag_rows)
        own = varlib.period_labels(artifact.default_lag_inputs().index, artifact.data.frequency)
        lags = varlib.parse_lag_table(
            table, artifact.variables, artifact.lag_rows, artifact.spec.transform, artifact.data.frequency, periods=own
        )
        source = "standard input" if args.lags_csv == "-" else args.lags_csv  # `-`: no file of that name
        if len(table) > len(lags):  # a file of recent data: said, as the JSON on stdout stays the forecast
            warn_after_output(f"note: {source} has {len(table)} rows; the forecast starts from its last {len(lags)}")
        if not isinstance(lags.index, pd.DatetimeIndex):  # rows without dates: where they sit is the model's guess
            warn_after_output(
                f"note: {source} has no dates, so its rows stand for the training data's last periods"
                f" ({own[0]} to {own[-1]}) and the forecast is dated from there; add a date column to forecast"
                " from other periods"
            )
    exog = varlib.read_path_csv(args.exog_csv, EXOG) if args.exog_csv else None
    conditions = varlib.read_path_csv(args.conditions_csv, CONDITIONS) if args.conditions_csv else None
    return lags, exog, conditions


def _refuse_inputs_with_scenario(args: argparse.Namespace) -> None:
    given = [
        option
        for option, value in (
            ("--steps", args.steps),
            ("--alpha", args.alpha),
            ("--intervals", args.intervals),
            ("--lags-csv", args.lags_csv),
            ("--exog-csv", args.exog_csv),
            ("--conditions-csv", args.conditions_csv),
        )
        if value is not None
    ]
    if given:
        raise InvalidInputError(
            f"--scenario {args.scenario} reopens a saved scenario exactly as it was saved, so {', '.join(given)}"
            " cannot change it; leave them out, or save a new scenario with `varlib scenario save`",
            field="scenario",
            value=args.scenario,
        )
