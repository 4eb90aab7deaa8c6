"""The training pipeline: score the spec on a holdout tail, then fit it on every row."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from .adequacy import Adequacy
from .clock import iso_label
from .data import Dataset, infer_frequency, period_labels
from .data.left_out import refuse_left_out
from .data.periods_ahead import check_room_to_forecast
from .degrees_of_freedom import MIN_RESIDUAL_DF, rows_needed
from .errors import InvalidInputError, OutOfRangeError
from .exog_checks import check_exog_not_lagged, check_exog_separable
from .filled_scores import holdout_edge_note
from .fit_checks import check_collinear, check_not_degenerate, model_space_rounding
from .forecast_inputs import MAX_STEPS
from .jsonsafe import in_order
from .kinds import kind_of
from .kinds.var import model_space_exog
from .lag_order import Sample
from .model import LagSelection
from .model_space import LOGGED, MODEL_SPACE, check_positive, to_model_space
from .near_identity import near_identity_warning
from .part_fit import fit_part, idle_note, rank_note, unforecastable_part
from .plain_text import check_names
from .scores import percent_scorable, score
from .spec import ModelSpec
from .wording import and_list, counted

MIN_ROWS = 3  # fewer cannot even be differenced and lagged; the lag rules then ask for what a fit needs


@dataclass(frozen=True)
class Evaluation:
    """Holdout scores: the spec refitted on the first rows, forecasting the last `rows` in levels."""

    rows: int
    k_ar: int
    metrics: dict  # variable -> {"rmse", "mae", "mape"}; mape None when the actual values are not of one sign
    dates: tuple[str, ...]
    actual: np.ndarray
    forecast: np.ndarray
    lower: np.ndarray
    upper: np.ndarray

    def to_dict(self) -> dict:
        return {
            "rows": self.rows,
            "k_ar": self.k_ar,
            "metrics": self.metrics,
            "dates": list(self.dates),
            "actual": self.actual.tolist(),
            "forecast": self.forecast.tolist(),
            "lower": self.lower.tolist(),
            "upper": self.upper.tolist(),
        }


def stored_evaluation(evaluation: dict | None, variables) -> dict | None:
    """An evaluation read back from a stored version, whose JSON sorts its keys: the metrics in the model's
    order of variables again."""
    if not evaluation or not evaluation.get("metrics"):
        return evaluation
    return {**evaluation, "metrics": in_order(evaluation["metrics"], variables)}


@dataclass(frozen=True)
class TrainResult:
    """Everything a training run produced; `artifact.build_artifact` turns it into a publishable object."""

    dataset: Dataset
    spec: ModelSpec
    params: Any  # the kind's parameters (VarParams for a VAR, VecmParams for a VECM)
    lag_method: str
    selection: LagSelection | None
    evaluation: Evaluation | None
    seconds: float
    warnings: tuple[str, ...] = ()  # for people: an order at the edge of the search, thin degrees of freedom
    adequacy: Adequacy | None = None  # stability, whiteness, normality of the final fit

    @property
    def description(self) -> str:
        """The fitted model in one line, e.g. `VAR(2) in levels, trend c`."""
        return kind_of(self.spec).describe(self.spec, self.params)


def load_estimation_code() -> None:
    """Import what a fit runs before its clock starts. In a fresh process (the CLI) the first fit imported
    statsmodels and scipy inside the timed span and reported 0.7 s for a VAR(2) the dashboard fits in 0.01 s."""
    import scipy.stats  # noqa: F401
    import statsmodels.tsa.stattools
    import statsmodels.tsa.vector_ar.var_model
    import statsmodels.tsa.vector_ar.vecm  # noqa: F401


def train(dataset: Dataset, spec: ModelSpec) -> TrainResult:
    """Fit `spec` on `dataset`: evaluate on the holdout tail (unless 0), then refit on all rows."""
    load_estimation_code()
    started = time.perf_counter()
    kind = kind_of(spec)
    missing = sorted(set(spec.variables + spec.exog) - set(dataset.frame.columns))
    if missing:
        refuse_left_out(dataset, spec.variables, spec.exog)  # in the file but left out on loading: said so, and why
        what = "is not a column" if len(missing) == 1 else "are not columns"
        raise InvalidInputError(
            f"{and_list(missing)} {what} of dataset {dataset.name!r}; its columns are"
            f" {and_list(dataset.frame.columns)}",
            field="variables",
            value=missing,
        )
    check_names(spec.variables + spec.exog, "variables")
    frame = dataset.frame[list(spec.variables)]
    exog = exog_values(dataset, spec)
    if len(frame) < MIN_ROWS:  # the same count as the lag rules give a longer file that is still too short
        needed = rows_needed(len(spec.variables), 1, spec.trend, len(spec.exog))
        raise InvalidInputError(
            f"dataset {dataset.name!r} has {counted(len(frame), 'row')}; even a VAR(1) of"
            f" {counted(len(spec.variables), 'variable')} needs at least {needed} usable rows ({MIN_RESIDUAL_DF}"
            " residual degrees of freedom), and more for the holdout; use more data",
            field="rows",
            value=len(frame),
        )
    if dataset.frequency:
        check_room_to_forecast(frame.index[-1], dataset.frequency, MAX_STEPS, f"dataset {dataset.name!r}")
    check_positive(frame, spec.transform, lambda stamp: period_labels([stamp], dataset.frequency)[0])
    # collinear levels stay collinear in the model unless it takes logs: cons, inv and total = cons + inv are
    # not collinear in log differences (the fit checks the model-space series itself)
    check_not_degenerate(
        frame.to_numpy(dtype=float), list(spec.variables), f"in {dataset.name}", collinear=spec.transform not in LOGGED
    )
    series = to_model_space(frame.to_numpy(dtype=float), spec.transform, list(spec.variables))
    # logs round: g2 = 2 * gdp is collinear with gdp in log differences only up to 1e-16, so a relation is judged
    # against what the transform's rounding can move, which only training knows
    rounding = model_space_rounding(frame.to_numpy(dtype=float), spec.transform)
    check_collinear(series, list(spec.variables), f"in {MODEL_SPACE[spec.transform]} of {dataset.name}", rounding)
    if exog is not None:  # on every training row, once: a part's rows (a dummy still 0 there) may hold less
        where = f" in {MODEL_SPACE[spec.transform]} of {dataset.name}"
        aligned = model_space_exog(spec, exog, len(series))
        check_exog_separable(series, aligned, spec.trend, list(spec.variables), list(spec.exog), where)
    # at most the longest forecast the product makes: 10% of 5,000 daily rows would ask for 500 steps ahead
    holdout_rows = min(max(1, _half_up(len(frame) * spec.holdout)), MAX_STEPS) if spec.holdout > 0 else 0
    # the sample knows the holdout that follows, so that a refusal's "at most N lags" fits that part too
    fitted = kind.fit(frame.to_numpy(dtype=float), spec, Sample("the training sample", holdout=holdout_rows), exog=exog)
    if exog is not None:  # with the lag order the fit chose: lags beyond it are no regressors
        lags = int(fitted.params.k_ar)
        check_exog_not_lagged(series, aligned, lags, spec.trend, list(spec.variables), list(spec.exog), where)
    near = near_identity_warning(series, list(spec.variables))  # said, not refused: an exact one was refused above
    whole_rank = getattr(fitted.params, "coint_rank", None)
    filled = _filled(dataset, frame)
    evaluation, notes = (
        _evaluate(frame, spec, holdout_rows, exog, (whole_rank, fitted.warnings), filled)
        if holdout_rows
        else (None, ())
    )
    if holdout_rows and dataset.preparation is not None:
        method, variables = dataset.preparation.method, list(spec.variables)
        edge = holdout_edge_note(filled, method, holdout_rows, frame.index, dataset.frequency, variables)
        notes = (*notes, *([edge] if edge else []))
    seconds = time.perf_counter() - started
    if "min_lags" not in kind.options and spec.min_lags < 1:  # searched from 1 (the fit warned): stored as done
        spec = replace(spec, min_lags=1)
    return TrainResult(
        dataset,
        spec,
        fitted.params,
        fitted.lag_method,
        fitted.selection,
        evaluation,
        seconds,
        (*fitted.warnings, *([near] if near else []), *notes),
        fitted.adequacy,
    )


def exog_values(dataset: Dataset, spec: ModelSpec) -> np.ndarray | None:
    """The exogenous columns of a dataset (rows x n_exog), checked like variables; None without any."""
    if not spec.exog:
        return None
    values = dataset.frame[list(spec.exog)].to_numpy(dtype=float)
    check_not_degenerate(  # a time trend may be an exogenous column: it is a regressor, not forecast
        values, list(spec.exog), f"in {dataset.name} (exogenous; a constant belongs in the trend)", counters=False
    )
    return values


def _half_up(rows: float) -> int:
    """Rows rounded half up, as people do: 12.5 is 13 (Python's round gave 12, and 11 for 105 rows' 10.500...02)."""
    return int(np.floor(round(rows, 9) + 0.5))


def _filled(dataset: Dataset, frame: pd.DataFrame) -> np.ndarray | None:
    """The cells of `frame` a fill wrote (True), or None when none was."""
    mask = dataset.preparation.filled if dataset.preparation is not None else None
    if mask is None:
        return None
    cells = mask.reindex(index=frame.index, columns=frame.columns, fill_value=False).to_numpy(dtype=bool)
    return cells if cells.any() else None


def _evaluate(
    frame: pd.DataFrame,
    spec: ModelSpec,
    rows: int,
    exog: np.ndarray | None,
    whole: tuple[int | None, tuple[str, ...]],
    filled: np.ndarray | None = None,
) -> tuple[Evaluation, tuple[str, ...]]:
    """The holdout: fit without the last rows, forecast them (a VARX with their actual exogenous values),
    scored on the observed values only (`filled`: the cells a fill wrote); with notes when the whole sample's
    cointegration rank (`whole`, with the whole fit's warnings) stood in for the part's (part_fit), when the part's
    fit has a warning the whole fit's do not say in other numbers, when it left out an exogenous column that does
    not vary on its rows (part_fit), and when filled values were left out of the
    scores."""
    whole_rank, said = whole
    kind = kind_of(spec)
    levels = frame.to_numpy(dtype=float)
    train_levels, actual = levels[:-rows], levels[-rows:]
    train_exog, future_exog = (None, None) if exog is None else (exog[:-rows], exog[-rows:])
    what = Sample(f"the training part before the {rows}-row holdout", held_out=rows)
    fitted, found, idle = fit_part(kind, train_levels, spec, what, whole_rank, train_exog)
    note = None if found is None or whole_rank is None else rank_note(what, [found], len(spec.variables), whole_rank)
    scored_by = f"the {len(train_levels)} rows before the holdout (the fit it scores)"
    left = idle_note(scored_by, idle) if idle else None
    # the scores come from this fit: an order at the edge of its search, or thin on these rows, is said as such
    known = {re.sub(r"\d+", "#", w) for w in said}  # the same warning with its own numbers says nothing new
    part = [f"On {scored_by}, {w}" for w in fitted.warnings if re.sub(r"\d+", "#", w) not in known]
    needed = kind.lag_rows(spec, fitted.params)
    try:
        result = kind.forecast(fitted.params, spec, train_levels[-needed:], rows, 0.05, exog_future=future_exog)
    except OutOfRangeError as exc:  # its words speak of lag inputs typed in, and a holdout has none
        period = period_labels([frame.index[-rows - 1]], infer_frequency(pd.DatetimeIndex(frame.index)))[0]
        raise unforecastable_part(
            f"the model fitted on the {len(train_levels)} rows before the {rows}-row holdout (up to {period})",
            exc.how,
            rows,
            "use a smaller holdout (CLI --holdout, dashboard: Holdout fraction), which leaves that fit more rows, or"
            " another lag order (CLI --lags)",
            "holdout",
            spec.holdout,
        ) from None
    percent = percent_scorable(levels, actual)  # the sign on the whole series: a short holdout may keep one
    observed = np.ones_like(actual, dtype=bool) if filled is None else ~filled[-rows:]
    for j in np.flatnonzero(~observed.any(axis=0)):
        raise InvalidInputError(
            f"every value of {spec.variables[j]} in the {counted(rows, 'row')} of the holdout was filled, none"
            " observed: there is nothing to score its forecasts on; hold out more rows, or use fill 'drop'",
            field="holdout",
            value=spec.holdout,
        )
    metrics = {
        name: score(actual[observed[:, j], j], result.mean[observed[:, j], j], percent[j])
        for j, name in enumerate(spec.variables)
    }
    dates = tuple(iso_label(d) for d in frame.index[-rows:])
    evaluation = Evaluation(rows, fitted.params.k_ar, metrics, dates, actual, result.mean, result.lower, result.upper)
    periods = period_labels(list(frame.index[-rows:]), infer_frequency(pd.DatetimeIndex(frame.index)))  # 2019Q4
    left_out = [f"{spec.variables[j]} on {periods[i]}" for i, j in zip(*np.nonzero(~observed), strict=True)]
    unscored = (
        f"The holdout scores leave out {counted(len(left_out), 'filled value')} ({and_list(left_out[:5])}"
        f"{', ...' if len(left_out) > 5 else ''}): a value the fill wrote is no observation to score a forecast on."
    )
    return evaluation, tuple(n for n in (*part, note, left, unscored if left_out else None) if n)
