"""Versions side by side: specs, data and holdout metrics, and forecasts overlaid from the same lag inputs.

Forecasts share one lag table (by default the last observations of the first version's training
data) wherever a version's data have the table's frequency (the first version's: its rows are periods
of that frequency, and three quarters are not three months), its variables are all columns of that
table and the table has the rows the version needs (k_ar, plus one for diff/logdiff; a VECM needs its
VAR order in levels). A version that cannot use the shared table is forecast from its own default lag
inputs, and its note says why.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .artifact import Artifact
from .data import label_of, period_labels
from .data.periods import period_firsts
from .errors import InvalidInputError
from .forecast_inputs import INTERVAL_KINDS, level_to_alpha
from .held_exog import held_exog, held_words
from .jsonsafe import to_json_safe
from .scores import METRIC_LABELS, exog_note, mape_note
from .service import VersionForecast, check_forecast_options, forecast_artifact
from .wording import and_list, counted, utc_time

MAX_COMPARED = 12  # a table of more columns (and a chart of more lines) cannot be read; the browser struggles too


def check_compared(count: int) -> None:
    """Refuse more than MAX_COMPARED versions, before any is loaded: the same words on every front end."""
    if count > MAX_COMPARED:
        raise InvalidInputError(
            f"compare at most {MAX_COMPARED} versions at once, not {count}: pick the ones to read side by side",
            field="versions",
            value=count,
        )


def compare_table(artifacts: list[Artifact], given: list[str] | None = None) -> pd.DataFrame:
    """One row per field, one column per version, and a `differs` column (True where the versions disagree).
    `given`: the versions as they were named (`latest`, `0.0.2`, `@champion`), one per artifact, for the words
    that refuse one version named twice."""
    if len(artifacts) < 1:
        raise InvalidInputError("pick at least one version to compare")
    _check_distinct(artifacts, given)
    variables = all_variables(artifacts)
    table = pd.DataFrame({artifact.label: _fields(artifact, variables) for artifact in artifacts})
    table["differs"] = [len({repr(v) for v in row}) > 1 for row in table.itertuples(index=False)]
    return table


def holdout_notes(artifacts: list[Artifact]) -> list[str]:
    """What the comparison says under its holdout scores, as every other table of scores does: why a scored
    variable has no MAPE, and whose scores were given the observed exogenous path (a VARX's, which flatters it
    against a version without)."""
    scored = [m for a in artifacts for m in ((a.evaluation or {}).get("metrics") or {}).values()]
    notes = [note for note in [mape_note([m.get("mape") for m in scored if m.get("rmse") is not None])] if note]
    return notes + [f"{a.label}: {note}" for a in artifacts if (note := exog_note(a.spec.exog, a.data.exog))]


def _check_distinct(artifacts: list[Artifact], given: list[str] | None) -> None:
    """One version named twice, however spelled (`latest` and its number, an alias and its version), refused by
    name: the rule of `varlib compare` and of the service's comparison, which both pass what was typed."""
    named: dict[str, str] = {}
    for artifact, typed in zip(artifacts, given or [a.label for a in artifacts], strict=True):
        label = artifact.label
        if label not in named:
            named[label] = typed
            continue
        if given is None:  # picked from a list (the dashboard): nothing was typed to name
            raise InvalidInputError(f"version {label} is picked twice; pick distinct versions")
        both = f" ({named[label]} and {typed} both name it)" if named[label] != typed else ""
        raise InvalidInputError(
            f"{label} is given twice{both}: compare distinct versions", field="versions", value=typed
        )


@dataclass(frozen=True)
class OverlaidForecast:
    """One version's forecast in an overlay; `shared` tells whether it used the shared lag table."""

    label: str
    forecast: VersionForecast | None
    shared: bool
    note: str
    assumed: str = ""  # what a VARX's forecast assumed for its exogenous values (empty for other versions)
    # the frequency its periods are overlaid by: the first version's where they are the same periods however dated
    # (its ME months on a chart of MS ones), else its data's own
    frequency: str | None = None


def shared_lag_table(artifacts: list[Artifact]) -> pd.DataFrame:
    """The default shared lag inputs: the first version's last observations, as many rows as the
    versions with the same variables and frequency need."""
    first = artifacts[0]
    sharing = [a for a in artifacts if set(a.variables) <= set(first.variables) and _same_frequency(a, first)]
    return first.history.iloc[-max(a.lag_rows for a in sharing) :]


def overlay_forecasts(
    artifacts: list[Artifact], steps: int = 8, alpha: float = 0.05, lag_table: pd.DataFrame | None = None
) -> list[OverlaidForecast]:
    """Forecast every version, from `lag_table` (default: `shared_lag_table`) where it can serve. The table's
    rows are periods of the first version's frequency (they are its dates, edited or not)."""
    if not artifacts:
        raise InvalidInputError("pick at least one version to compare")
    table = shared_lag_table(artifacts) if lag_table is None else lag_table
    overlaid = []
    for artifact in artifacts:
        label = artifact.label
        lag_inputs, shared, note = _lag_inputs_for(artifact, table, artifacts[0])
        exog, held = _held_exog(artifact, steps)
        same = _same_frequency(artifact, artifacts[0])
        frequency = artifacts[0].data.frequency if same else artifact.data.frequency
        try:
            result = forecast_artifact(artifact, steps, alpha, lag_inputs, exog=exog)
        except InvalidInputError as exc:  # one version's bad inputs must not hide the others
            overlaid.append(OverlaidForecast(label, None, shared, f"no forecast: {exc}", frequency=frequency))
            continue
        overlaid.append(OverlaidForecast(label, result, shared, note, held, frequency))
    return overlaid


def _held_exog(artifact: Artifact, steps: int) -> tuple[dict[str, list[float]] | None, str]:
    """A VARX's exogenous values for a comparison (held_exog: as the Forecast page starts them, a seasonal dummy
    continuing its pattern) and a note saying so (held_words); (None, "") for a model without exogenous variables."""
    if not artifact.exog:
        return None, ""
    values = held_exog(artifact.exog, artifact.data.exog, steps)
    words = held_words(artifact.exog, artifact.data.exog, artifact.data.frequency)
    return values, f"exogenous values{' ' if words.startswith('held') else ': '}{words}"


def overlay_frame(overlaid: list[OverlaidForecast]) -> pd.DataFrame:
    """Long table: version, date, variable, mean, lower, upper, and `period`, the first day of the date's period by
    the frequency the version is drawn by (a month-end version's 2015-01-31 is 2015-01-01 beside a month-start one):
    rows of one period pair by it."""
    columns = ["version", "date", "variable", "mean", "lower", "upper", "period"]
    frames = []
    for item in overlaid:
        if item.forecast is not None:
            part = item.forecast.to_frame().assign(version=item.label)
            dates = pd.DatetimeIndex(pd.to_datetime(part["date"], errors="coerce"))  # NaT: steps ahead, undated
            frames.append(part.assign(period=period_firsts(dates, item.frequency) if dates.notna().all() else dates))
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


def comparison_dict(
    artifacts: list[Artifact], steps: int = 8, level: float = 95.0, given: list[str] | None = None
) -> dict:
    """The comparison as one JSON-safe object, which `varlib compare --json` prints and GET /models/{name}/compare
    answers: `name` (the first version's model), `versions` (labels such as `var 0.0.1`, in the order given),
    `fields` ({field: {label: value}}, compare_table's), `differs` (the fields that differ), `holdout_notes`
    (holdout_notes': why a MAPE is missing, whose scores had the observed exogenous path), `forecasts` (per
    version `version`, `shared`, `note`, `assumed`, `point` (what the rows' `mean` is: the mean, or the median in
    levels of a log model, as `forecast --json` says; None without a forecast) and `rows` of date, variable, mean,
    lower, upper, overlaid from shared_lag_table), `steps` and `level` (the intervals' level in percent, as
    given). `given` as compare_table's."""
    # checked here, not only by the forecast: overlay_forecasts turns a version's refusal into its note
    steps, alpha, _ = check_forecast_options(steps, level_to_alpha(level), INTERVAL_KINDS[0])
    table = compare_table(artifacts, given)
    differs = table.pop("differs")
    overlaid = overlay_forecasts(artifacts, steps, alpha, shared_lag_table(artifacts))
    return to_json_safe(
        {
            "name": artifacts[0].name,
            "versions": [artifact.label for artifact in artifacts],
            "fields": table.to_dict(orient="index"),
            "differs": [str(field) for field in table.index[differs]],
            "holdout_notes": holdout_notes(artifacts),
            "forecasts": [_forecast_dict(item) for item in overlaid],
            "steps": steps,
            "level": level,
        }
    )


def _forecast_dict(item: OverlaidForecast) -> dict:
    rows = [] if item.forecast is None else item.forecast.to_frame().to_dict(orient="records")
    point = None if item.forecast is None else item.forecast.forecast.point
    return {"version": item.label, "shared": item.shared, "note": item.note, "assumed": item.assumed, "point": point,
            "rows": rows}  # fmt: skip


def _same_frequency(artifact: Artifact, first: Artifact) -> bool:
    """Data of the same periods, however the two date them: months by their first day (MS) or their last (ME),
    quarters starting in January (QS-JAN) or ending in December (QE-DEC), as publishing counts one model shape
    (label_of). The first's last dates and the days either side fall in the same periods by both frequencies."""
    mine, theirs = artifact.data.frequency, first.data.frequency
    if mine == theirs or not mine or not theirs or label_of(mine) != label_of(theirs):
        return mine == theirs
    last = pd.DatetimeIndex(pd.to_datetime(list(first.data.dates[-3:])))
    day = pd.Timedelta(days=1)
    probes = last.append([last - day, last + day])
    grouped = period_firsts(probes, theirs)  # dates as they are for a grid of no whole periods (days, 3 weeks)
    return bool((grouped != probes).any() and grouped.equals(period_firsts(probes, mine)))


def _frequency_words(artifact: Artifact) -> str:
    alias = artifact.data.frequency
    return f"{label_of(alias)} ({alias})" if alias else "irregularly dated"


def _lag_inputs_for(artifact: Artifact, table: pd.DataFrame, first: Artifact):
    if not _same_frequency(artifact, first):
        return (
            None,
            False,
            (
                f"its data are {_frequency_words(artifact)} and the shared lag table's ({first.label}'s) are"
                f" {_frequency_words(first)}: {_own_last(artifact)}"
            ),
        )
    missing = [v for v in artifact.variables if v not in table.columns]
    if missing:
        return (
            None,
            False,
            (
                (
                    f"none of its variables ({and_list(artifact.variables)}) are in the shared lag table"
                    if len(missing) == len(artifact.variables)
                    else f"its variables {and_list(artifact.variables)} are not all in the shared lag table"
                    f" (missing {and_list(missing)})"
                )
                + f": {_own_last(artifact)}"
            ),
        )
    if len(table) < artifact.lag_rows:
        return (
            None,
            False,
            (
                f"it needs {artifact.lag_rows} lag rows ({artifact.description}, transform"
                f" {artifact.spec.transform}) and the shared table has {len(table)}: forecast from its"
                " own last observations"
            ),
        )
    return table[artifact.variables].iloc[-artifact.lag_rows :], True, "shared lag inputs"


def _own_last(artifact: Artifact) -> str:
    rows = artifact.lag_rows
    return "forecast from its own last " + (counted(rows, "observation") if rows > 1 else "observation")


def all_variables(artifacts: list[Artifact]) -> list[str]:
    """Every variable of the versions, in the order they first appear."""
    seen: list[str] = []
    for artifact in artifacts:
        seen += [v for v in artifact.variables if v not in seen]
    return seen


def _fields(artifact: Artifact, variables: list[str]) -> dict:
    spec, data = artifact.spec, artifact.data
    first, last = period_labels([data.dates[0], data.dates[-1]], data.frequency)  # named as people name them
    evaluation = artifact.evaluation or {}
    scored = list(evaluation.get("dates") or [])  # the holdout's periods: its first and last, as people name them
    held = dict.fromkeys(period_labels(scored[:1] + scored[-1:], data.frequency)) if scored else {}
    metrics = evaluation.get("metrics") or {}
    fields = {
        "created": utc_time(artifact.created_at),
        "author": artifact.author,
        "notes": artifact.notes,
        "dataset": data.name,
        "dataset sha256": data.sha256[:12],
        "variables": ", ".join(artifact.variables),
        "exogenous": ", ".join(artifact.exog),  # a VARX's: a forecast needs their future values
        "rows": len(data.values),
        "first date": first,
        "last date": last,
        # the frequency in words and as pandas names it
        "frequency": f"{label_of(data.frequency)} ({data.frequency})" if data.frequency else "none (irregular dates)",
        # each fact of the one-line model description in a row of its own, short enough for a column
        "kind": artifact.kind_title,
        "transform": spec.transform,
        "trend": spec.deterministic_words if spec.deterministic is None else "",
        "deterministic": spec.deterministic_words if spec.deterministic is not None else "",
        "rank (VECM)": getattr(artifact.params, "coint_rank", None),
        "rank chosen by": getattr(artifact.params, "rank_method", None),
        "lags (spec)": "by " + spec.ic if spec.lags is None else str(spec.lags),
        # searched up to: the spec's bound, or the sample-aware default (the lag method names the range searched)
        "max lags": str(spec.max_lags) if spec.max_lags is not None else "default" if spec.lags is None else "",
        "lag order (k_ar)": artifact.k_ar,
        "lag method": artifact.lag_method,
        "lag inputs needed": artifact.lag_rows,
        "holdout fraction": f"{spec.holdout:g}",  # as given (0.1), not in the table's numeric format
        "holdout rows": evaluation.get("rows"),
        "holdout periods": " to ".join(held),  # scores of other periods (the 2008 quarters or not) compare roughly
    }
    for variable in variables:
        for metric in METRIC_LABELS:
            value = (metrics.get(variable) or {}).get(metric)
            fields[f"holdout {METRIC_LABELS[metric]} {variable}"] = None if value is None else float(value)
    return fields
