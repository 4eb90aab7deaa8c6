"""`varlib compare`: versions of one model side by side, and their forecasts overlaid, as the dashboard's
Compare page shows them (varlib.compare_table, varlib.overlay_forecasts).

The table has one row per field (data, spec, lag order, holdout scores) and one column per version in the
order given; its rows that differ are marked. The forecasts start from the first version's last
observations wherever a version can use them (same variables and frequency, enough rows); each version's
note says whether it did, and why not.
"""

from __future__ import annotations

import argparse

import pandas as pd

import varlib
from varlib import MAX_COMPARED, InvalidInputError, check_compared

from .analysis import level_alpha
from .commands import cell_text, named_version, registry_from_env, warn_if_withdrawn
from .helps import DEFAULT_LEVEL, DEFAULT_STEPS, LEVEL_HELP, NAME_HELP, STEPS_HELP, VERSION_HELP, add_json
from .output import MISSING, plain, print_json, print_table
from .typed import decimal, whole

MARK = "*"


def add_commands(commands) -> None:
    """Add `compare` to the CLI's subcommands."""
    compare = commands.add_parser(
        "compare", help="versions side by side (spec, data, holdout scores) and their forecasts overlaid"
    )
    # one positional taking them all: two required positionals would refuse a single version in argparse's
    # words ("the following arguments are required"), which do not say that a comparison needs two
    compare.add_argument(
        "versions",
        nargs="+",
        metavar="VERSION",
        help=f"two to {MAX_COMPARED} versions, one column each in this order: {VERSION_HELP}",
    )
    compare.add_argument("--name", help=NAME_HELP)
    compare.add_argument(
        "--steps",
        type=whole,
        default=DEFAULT_STEPS,
        help=STEPS_HELP,
    )
    compare.add_argument(
        "--level",
        type=decimal,
        default=DEFAULT_LEVEL,
        metavar="PERCENT",
        help=LEVEL_HELP,
    )
    compare.add_argument("--only-differences", action="store_true", help="only the table's rows that differ")
    add_json(compare)


def run_compare(args: argparse.Namespace) -> int:
    # the options and the count are bad input whatever the store holds: checked before it is read, as `forecast`
    steps, alpha = _options(args.steps, args.level)
    if len(args.versions) < 2:
        raise InvalidInputError(
            f"compare needs at least two versions and got one ({args.versions[0]}): name another, as"
            " `varlib list` shows them",
            field="versions",
            value=args.versions,
        )
    check_compared(len(args.versions))
    named = next((typed for typed in args.versions if ":" in typed), None)
    if named is not None:  # the Compare page's link form (`var:0.0.1`): a version of another model
        raise InvalidInputError(
            f"{named!r} names a model and a version; `varlib compare` compares versions of one model, named with"
            f" --name (`varlib compare --name {named.split(':', 1)[0]} VERSION VERSION`); the Compare page compares"
            " versions of several models",
            field="versions",
            value=named,
        )
    registry = registry_from_env()
    loaded = _load(args, registry)
    artifacts = [artifact for artifact, _ in loaded]
    if args.json:  # the service's comparison answers the same object (GET /models/{name}/compare)
        body = varlib.comparison_dict(artifacts, steps, args.level, args.versions)
        forecasts = [varlib.with_withdrawal(e, w) for e, (_, w) in zip(body["forecasts"], loaded, strict=True)]
        print_json({**body, "forecasts": forecasts})
    else:
        table = varlib.compare_table(artifacts, args.versions)
        differs = table.pop("differs")
        shared = varlib.shared_lag_table(artifacts)
        overlaid = varlib.overlay_forecasts(artifacts, steps, alpha, shared)
        _print_table(artifacts[0].name, artifacts, table, differs, args.only_differences)
        print()
        _print_forecasts(artifacts, overlaid, shared, steps, args.level)
    for artifact, withdrawal in loaded:  # said below the comparison, or not at all when a version is refused
        warn_if_withdrawn(artifact, withdrawal)
    return 0


def _options(steps: int, level: float) -> tuple[int, float]:
    """Steps and the level's alpha, checked by the rules of `forecast` and `report`."""
    checked_steps, checked_alpha, _ = varlib.check_forecast_options(steps, level_alpha(level), varlib.INTERVAL_KINDS[0])
    return checked_steps, checked_alpha


def _load(
    args: argparse.Namespace, registry: varlib.Registry
) -> list[tuple[varlib.Artifact, varlib.Withdrawal | None]]:
    """Each version as the other commands load it, with its withdrawal (only a version named by its number can
    have one: `latest` and aliases never name a withdrawn version). One version named twice, however spelled, is
    refused by name by varlib.compare_table, the service's rule too."""
    return [named_version(argparse.Namespace(name=args.name, version=typed), registry) for typed in args.versions]


def _print_table(
    name: str, artifacts: list[varlib.Artifact], table: pd.DataFrame, differs: pd.Series, only: bool
) -> None:
    count = f"{int(differs.sum())} of {len(differs)} rows differ"
    if only and not differs.any():
        print(f"{name}: no row differs between {varlib.and_list([a.label for a in artifacts])}")
        return
    print(f"{name}: {count}" + ("; only those are shown" if only else f"; {MARK} marks them"))
    shown = _cells(table[differs] if only else table)
    marked = _holdout_orders(shown, artifacts)
    if not only:  # every row shown then differs: a mark on each would say nothing
        shown.index = [f"{MARK if differs[field] else ' '} {field}" for field in shown.index]
    print_table(shown)
    if marked:
        print(
            f"holdout scores marked (of a …) were scored with another lag order than the version's own"
            f" ({varlib.and_list(marked)}): the order its criterion chose on the rows before the holdout"
        )
    for note in varlib.holdout_notes(artifacts):  # as under every other table of scores
        print(f"note: {note}")


def _cells(table: pd.DataFrame) -> pd.DataFrame:
    """The table as text, one number format per row: a row holds one quantity across the versions (a score, a
    row count), as the dashboard's table formats it; nothing is the dash every listing uses."""

    def row_text(row: pd.Series) -> pd.Series:
        present = [v for v in row if not _missing(v)]
        if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
            return pd.Series([text or MISSING for text in varlib.format_column(list(row))], index=row.index)
        # notes as `list` cuts them: the whole text is in `show` and in --json
        return row.map(lambda v: MISSING if _missing(v) else cell_text(str(v)) if row.name == "notes" else str(v))

    return table.apply(row_text, axis=1)


def _missing(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, float) and value != value)


def _holdout_orders(shown: pd.DataFrame, artifacts: list[varlib.Artifact]) -> list[str]:
    """A version's holdout scores name the lag order they were scored with when it is not the version's
    (`0.0123 (of a VAR(3))`), as the dashboard marks them; the versions marked, for the line saying why."""
    heads = tuple(f"holdout {label} " for label in varlib.METRIC_LABELS.values())
    scores = [row for row in shown.index if str(row).startswith(heads)]
    marked = []
    for artifact in artifacts:
        scored = (artifact.evaluation or {}).get("k_ar")
        other = varlib.other_holdout_order(artifact.spec.kind, artifact.k_ar, scored)
        if other and scores:
            cells = shown.loc[scores, artifact.label]
            shown.loc[scores, artifact.label] = [c if c == MISSING else f"{c} (of a {other})" for c in cells]
            marked.append(f"{artifact.label}: a {other}")
    return marked


def _print_forecasts(
    artifacts: list[varlib.Artifact],
    overlaid: list[varlib.OverlaidForecast],
    shared: pd.DataFrame,
    steps: int,
    level: float,
) -> None:
    first = artifacts[0]
    end = varlib.period_labels(shared.index[-1:], first.data.frequency)[0]
    print(
        f"forecasts overlaid ({varlib.counted(steps, 'step')}, {level:g}% intervals): versions with the variables"
        f" and frequency of {first.label} (the first given) start from its last"
        f" {varlib.counted(len(shared), 'observation')} (ending {end})"
    )
    for item in overlaid:
        print(f"  {item.label}: {plain(item.note)}" + (f"; {item.assumed}" if item.assumed else ""))
        point = item.forecast.forecast.point if item.forecast is not None else "mean"
        if point != "mean":  # a log model's point is its median in levels: the `mean` column holds that
            print(f"  {item.label}: its point forecast (the mean column) is the {point}")
    frame = varlib.overlay_frame(overlaid)
    if frame.empty:
        return
    order = {label: n for n, label in enumerate(item.label for item in overlaid)}
    variables = varlib.all_variables(artifacts)
    # by date, versions side by side; versions of other frequencies each in a block of its own, since their
    # dates name other periods (2020-01-01 is the year 2020 of a yearly version, January of a monthly one)
    # (month starts and month ends are one frequency: their rows pair by the period, OverlaidForecast.frequency)
    mixed = len({item.frequency for item in overlaid}) > 1
    frame = frame.sort_values(
        ["version", "period", "variable"] if mixed else ["period", "variable", "version"],
        key=lambda c: c.map(order) if c.name == "version" else c.map(variables.index) if c.name == "variable" else c,
        kind="stable",
    )
    # one format per variable, as `forecast` gives a variable's forecast and bounds: the versions' numbers line up
    bounds = ["mean", "lower", "upper"]
    values = {f"{v} {b}": frame.loc[frame["variable"] == v, b].tolist() for v in variables for b in bounds}
    formats = varlib.shared_formats(values, variables)
    for column in bounds:
        frame[column] = [
            varlib.format_number(value, formats[f"{variable} {column}"]) or MISSING
            for value, variable in zip(frame[column], frame["variable"], strict=True)
        ]
    frequency = {artifact.label: artifact.data.frequency for artifact in artifacts}  # named as `forecast` names them
    frame["period"] = [
        varlib.period_labels([d], frequency[v])[0] for d, v in zip(frame["date"], frame["version"], strict=True)
    ]
    print_table(frame[["period", "variable", "version", *bounds]], index=False)
