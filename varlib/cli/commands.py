"""What each `varlib` subcommand does: read the arguments, call the library's public surface, print."""

from __future__ import annotations

import argparse
import os
import stat

import pandas as pd

import varlib
from varlib import InvalidInputError, NotFoundError, Registry, Settings, counted

from .models import model_name, require_model
from .output import by_variable, plain, print_fields, print_json, print_table, to_stderr, warn_after_output


def registry_from_env() -> Registry:
    return Registry.from_settings(Settings.from_env())


def _check_version(text: str, name: str | None, registry: Registry) -> None:
    """A version as typed; a model name in its place (`varlib forecast var`) is told where the name goes, and an
    alias's name without its @ (`varlib forecast champion --name var`) is told the @."""
    try:
        varlib.parse_version(text)
    except InvalidInputError as exc:
        if name is None and varlib.NAME_PATTERN.fullmatch(text):
            hint = f"{exc}; the model is named with --name {text}"
            raise InvalidInputError(hint, field="version", value=text) from None
        hint = registry.alias_hint(name, text) if name else ""
        raise InvalidInputError(f"{exc}{hint}", field="version", value=text) from None


def load_version(args: argparse.Namespace, registry: Registry | None = None, warn: bool = True) -> varlib.Artifact:
    """The version the arguments name, as `named_version` loads it. A withdrawn version named by its number
    loads (results made with it stay reproducible) with a warning on stderr, unless `warn` is off."""
    artifact, withdrawal = named_version(args, registry, withdrawal=warn)
    warn_if_withdrawn(artifact, withdrawal)
    return artifact


def named_version(
    args: argparse.Namespace, registry: Registry | None = None, withdrawal: bool = True
) -> tuple[varlib.Artifact, varlib.Withdrawal | None]:
    """The version the arguments name (`--name`, `version`: M.m.p, `latest` or `@alias`), from `registry`
    or the store the environment names, and (with `withdrawal`) its withdrawal, read once: only a version
    named by its number can have one, since `latest` and aliases never resolve to a withdrawn version."""
    pinned = args.version != varlib.LATEST and not varlib.is_alias(args.version)
    registry = registry or registry_from_env()
    if varlib.is_alias(args.version):
        varlib.check_alias(args.version.lstrip("@"))
    elif pinned:
        _check_version(args.version, args.name, registry)  # a malformed version is bad input, whatever the store holds
    try:
        artifact = registry.load(model_name(registry, args.name), args.version)
    except NotFoundError:
        if args.name:
            require_model(registry, args.name)  # an unknown model is named as such, with the models there
        raise
    if not (withdrawal and pinned and artifact.version):
        return artifact, None
    return artifact, registry.withdrawal(artifact.name, artifact.version)


def warn_if_withdrawn(artifact: varlib.Artifact, withdrawal: varlib.Withdrawal | None) -> None:
    """A warning on stderr for a withdrawn version that is used because it was named explicitly (`artifact`, the
    version the withdrawal names: its sentence says which)."""
    if withdrawal is None:
        return
    # the library's sentence (one wording for the CLI, the dashboard and reports), control characters escaped
    warn_after_output(f"warning: {plain(withdrawal.describe())} (named explicitly, so it is used)")


def run_train(args: argparse.Namespace) -> int:
    variables = args.vars  # lists already: parser._names reads them as CSV rows
    exog = args.exog or []
    if variables is None and args.csv is None:
        variables = list(varlib.DEFAULT_VARIABLES)  # the bundled data's default pair, with any exogenous columns
    # each exogenous column read once: one named twice is the spec's to refuse, as an --exog list, not the variables'
    wanted = None if variables is None else variables + [name for name in dict.fromkeys(exog) if name not in variables]
    if args.name is not None:  # `--name ""` is refused before the data are read, not taken for no name
        varlib.check_name(args.name)
    if args.csv is not None and args.name is None and not _regular_file(args.csv):
        shown = "- (standard input)" if args.csv == "-" else f"{args.csv!r}, a pipe or device,"
        raise InvalidInputError(
            f"--csv {shown} has no file name to name the model by: give it one with --name", field="name"
        )
    dataset = varlib.load_dataset(args.csv, args.date_col, wanted, args.start, args.end, fill=args.fill)
    spec = varlib.ModelSpec(
        variables=tuple(variables or [v for v in dataset.variables if v not in exog]),
        exog=tuple(exog),
        kind=args.model,
        transform=args.transform,
        trend=args.trend,
        lags=args.lags,
        max_lags=args.max_lags,
        ic=args.ic,
        holdout=args.holdout,
        min_lags=args.min_lags,
        deterministic=args.deterministic,
        coint_rank=args.coint_rank,
    )
    name = varlib.check_name(varlib.name_from(dataset.name) if args.name is None else args.name)
    registry = registry_from_env() if args.publish else None
    if registry is not None:
        registry.ensure_writable()  # fail before spending time on the fit
    result = varlib.train_model(dataset, spec)
    # the slow test before publishing: Ctrl-C during it must publish nothing, or a script that retries on
    # `error: interrupted` would publish the same model twice; after the publish only printing is left
    advice = varlib.trained_advice(result)
    published = None
    if registry is not None:
        actor = varlib.Actor.local(registry.author, via="cli")  # the trail says the CLI published it
        published = varlib.publish_result(registry, result, name, args.bump, args.notes, actor=actor)
    if args.json:
        print_json({**_train_summary(name, published, result), "unit_root_advice": advice})
    else:
        _print_trained(dataset, result, advice, name, published)
    for warning in _warnings(result):  # below the summary they are about
        warn_after_output(f"warning: {warning}")
    return 0


def _print_trained(dataset, result, advice: str | None, name: str, published) -> None:
    """`train`'s summary for people: the fit, its data, its checks and holdout scores, and what was published."""
    spec = result.spec
    order = f"fixed at {spec.lags}" if result.lag_method == "fixed" else f"by {result.lag_method}"
    # the span trained on, as --start and --end (or the file) left it: a bound past the data moves nothing
    span = dataset.span
    print(
        f"trained {result.description} on {dataset.name} [{', '.join(spec.variables)}],"
        f" {dataset.frequency and varlib.label_of(dataset.frequency) or 'undated'} {span['first']} to {span['last']}"
        f" ({span['rows']} rows), lag order {order}, transform {spec.transform}, {result.seconds:.2f}s"
    )
    if dataset.read_as:
        print(f"read as {', '.join(dataset.read_as)}")
    if dataset.preparation is not None and dataset.preparation.changed:
        print(f"missing data: {dataset.preparation.summary()}")
    if result.adequacy is not None:
        for check in result.adequacy.checks:
            # a pass on fewer lagged residuals than the test's own, or no test at all, is no all-clear (the page's note)
            word = "note" if check.partial else "ok" if check.ok else "NOT OK"
            print(f"{check.name}: {word}: {check.verdict}")
    if advice:
        print(f"unit roots: {advice}")
    if result.evaluation:
        other = varlib.other_holdout_order(spec.kind, result.params.k_ar, result.evaluation.k_ar)
        # the criterion searched again on the rows before the holdout: its scores are of the order found there
        trained = varlib.order_words(spec.kind, result.params.k_ar)
        of = f"; scored with a {other}, the order chosen on the rows before them, not the trained {trained}"
        print(f"holdout ({counted(result.evaluation.rows, 'row')}{of if other else ''}):")
        scores = pd.DataFrame(result.evaluation.metrics).T.rename(columns=varlib.METRIC_LABELS)
        print_table(scores, digits=4, share=by_variable([varlib.METRIC_LABELS[m] for m in varlib.UNIT_METRICS]))
        exog = result.dataset.frame[list(spec.exog)].to_numpy(dtype=float)  # a calendar's columns are known ahead
        for note in varlib.score_notes([m["mape"] for m in result.evaluation.metrics.values()], spec.exog, exog):
            print(note)
    print(f"published {name} {published.version}" if published else f"not published (add --publish; name {name})")


def _regular_file(path: str) -> bool:
    """False for `-` and for a pipe or device: `<(cat data.csv)` is /dev/fd/63, whose name (`63`) would
    name the model, and a second dataset piped in would become its next version. True for anything else (a file,
    a folder, a path that does not exist: reading it says why)."""
    if path == "-":
        return False
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return True
    return not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode))


def _warnings(result) -> list[str]:
    """Training warnings and failed adequacy checks, one line each, for stderr."""
    failed = [check.verdict for check in (result.adequacy.checks if result.adequacy else ()) if not check.ok]
    return [*result.warnings, *failed]


def _train_summary(name: str, published, result) -> dict:
    dataset, spec = result.dataset, result.spec
    return {
        "name": name,
        "version": str(published.version) if published else None,
        "published": bool(published),
        "dataset": dataset.name,
        "variables": list(spec.variables),  # the dataset also holds the exogenous columns
        "frequency": dataset.frequency,
        "span": dataset.span,  # the periods trained on, as --start and --end (or the file) left them
        "read_as": list(dataset.read_as),
        "preparation": dataset.preparation.to_dict() if dataset.preparation else None,
        "kind": spec.kind,
        "model": result.description,
        "k_ar": result.params.k_ar,
        "lag_method": result.lag_method,
        "transform": spec.transform,
        "trend": spec.trend,
        "exog": list(spec.exog),
        "deterministic": spec.deterministic,
        "coint_rank": getattr(result.params, "coint_rank", None),
        "johansen": _johansen(result.params),
        "lag_selection": result.selection.to_dict() if result.selection else None,
        "warnings": list(result.warnings),
        "adequacy": result.adequacy.to_dict() if result.adequacy else None,
        "metrics": result.evaluation.metrics if result.evaluation else None,
        "holdout_k_ar": result.evaluation.k_ar if result.evaluation else None,  # the order the metrics were scored with
        "train_seconds": result.seconds,
    }


def _johansen(params) -> dict | None:
    """A VECM's Johansen table of its training sample (VARs have none)."""
    johansen = getattr(params, "johansen", None)
    return johansen.to_dict() if johansen is not None else None


def run_list(args: argparse.Namespace) -> int:
    registry = registry_from_env()
    name = model_name(registry, args.name)
    entries = registry.list_versions(name, verify=args.verify)
    if not entries:
        require_model(registry, name)  # an unknown name is an error, not an empty model
    withdrawn = registry.withdrawals(name) if entries else {}
    if args.json:
        print_json(
            [
                varlib.with_withdrawal(entry.to_dict(), withdrawn.get(entry.version) if entry.version else None)
                for entry in entries
            ]
        )
        return _damage_said(name, entries, registry, withdrawn) if args.verify else 0
    if not entries:
        print(f"no versions of {name!r} in {registry.description}")
        return 0
    rows = [
        {
            "version": e.label,
            "status": _status(e, withdrawn),
            "created": (e.card.created_at if e.card else None) or "",
            "kind": e.card.kind if e.card else "",
            "lags": (e.card.k_ar if e.card else None) or "",
            "transform": e.card.transform if e.card else "",
            "notes": cell_text(e.card.notes if e.card else ""),
            "withdrawn": cell_text(withdrawn[e.version].reason) if e.version in withdrawn else "",
        }
        for e in entries
    ]
    print_table(pd.DataFrame(rows), index=False)
    # an object's trouble the status cell does not show whole, under the table (a damaged version withdrawn too)
    cut = [e for e, row in zip(entries, rows, strict=True) if not e.ok and row["status"] != e.status]
    print("".join(f"{e.label} {e.status}\n" for e in cut), end="")
    if note := varlib.older_cards_note(name, entries):  # every listing reads those versions until a reindex
        to_stderr(f"note: {note}")  # stdout keeps the table alone, for scripts that read it
    return _damage_said(name, entries, registry, withdrawn) if args.verify else 0


def _status(entry: varlib.VersionEntry, withdrawn) -> str:
    """The status cell: `withdrawn` for a withdrawn version, as the Models page's status (`withdrawn: <reason>`; an
    `ok` beside the withdrawal read as in use), else the entry's status up to its reason (`removed`)."""
    return "withdrawn" if entry.version in withdrawn else cell_text(entry.status.split(": ", 1)[0], 32)


def cell_text(text: str, width: int = 40) -> str:
    """Text for a table cell: whole, or its start and an ellipsis (`show` prints it whole)."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _damage_said(name: str, entries: list[varlib.VersionEntry], registry: varlib.Registry, withdrawn) -> int:
    """For `--verify`: exit 1, naming each on stderr, when versions are damaged or gone, or `latest` lags behind,
    as reindex does (a plain listing is no check: it lists what it finds and exits 0)."""
    damaged = [f"{name} {entry.label}: {entry.status}" for entry in entries if entry.damaged]
    damaged += [f"{name}: {behind}"] if (behind := registry.latest_behind(name, entries, withdrawn)) else []
    for said in damaged:
        to_stderr(f"error: {said}")
    return 1 if damaged else 0


def run_show(args: argparse.Namespace) -> int:
    registry = registry_from_env()
    artifact, withdrawal = named_version(args, registry)  # shown in the metadata, so no warning
    metadata = varlib.with_withdrawal(varlib.version_metadata(artifact), withdrawal)
    if args.json:
        print_json(metadata)
        return 0
    print_fields(metadata)
    return 0
