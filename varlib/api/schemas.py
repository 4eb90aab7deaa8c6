"""Request and response shapes of the REST service; the OpenAPI document is generated from them."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Path
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictFloat

from varlib import (
    ALPHA_MAX,
    ALPHA_MIN,
    INTERVAL_KINDS,
    MAX_STEPS,
    NAME_PATTERN,
    PINNED_PATTERN,
    SCENARIO_PATTERN,
    VERSION_PATTERN,
    Registry,
    Scenario,
    to_json,
    with_withdrawal,
)

from .public import without_whereabouts

LEGACY_NAME = "var"  # the model the original `/var_predict/{version}` endpoint served
# The library's own rules (varlib.versions, varlib.forecast), in the document so clients and fuzzers see them.
_NAME = NAME_PATTERN.pattern.strip("^$")
_SCENARIO = SCENARIO_PATTERN.pattern.strip("^$")
PINNED_FORECAST = re.compile(
    rf"^(POST /models/{_NAME}/versions/({PINNED_PATTERN})/forecast|GET /var_predict/({PINNED_PATTERN})"
    rf"|GET /models/{_NAME}/versions/({PINNED_PATTERN})/scenarios/{_SCENARIO}/forecast)$"
)
NAME = Path(pattern=NAME_PATTERN.pattern, description="model name, e.g. var", examples=["var"])
SCENARIO = Path(pattern=SCENARIO_PATTERN.pattern, description="scenario name, e.g. rate-hold", examples=["rate-hold"])
VERSION = Path(
    pattern=VERSION_PATTERN, description="latest, 0.0.3, 0_0_3 or an alias (@champion)", examples=["latest", "0.0.1"]
)
# a withdrawal names the version by its number: `latest` and aliases pass the pattern so that the library's refusal
# can say which version they point at now
NUMBERED_VERSION = Path(
    pattern=VERSION_PATTERN,
    description="the version's number, 0.0.3 or 0_0_3 (latest and aliases are refused, naming what they point at)",
    examples=["0.0.1"],
)


def in_digits(value: Any) -> Any:
    """A query's whole number written as digits: pydantic alone reads `3_0` as 30, as Python's int() does (and
    str.isdigit takes `٣` and `²`, which pydantic then refuses in its own words)."""
    if isinstance(value, str) and not (value.strip().lstrip("+-").isdigit() and value.isascii()):
        raise ValueError(f"{value!r} is not a whole number written in digits")
    return value


WholeNumber = Annotated[int, BeforeValidator(in_digits)]


DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")  # a number as JSON or a query writes it (ASCII)


def _decimal(value: Any) -> Any:
    """A query's number, refused with what to write (`0,05`, `95%`) where pydantic says only that it is none."""
    text = value.strip() if isinstance(value, str) else None
    if text is None or DECIMAL.fullmatch(text) and text.isascii():
        return value
    if text.lower().lstrip("+-") in ("nan", "inf", "infinity"):  # a number, but none a query may hold: pydantic's
        return value  # "Input should be a finite number" says so
    bare = text.removesuffix("%").strip().replace(",", ".")
    fix = f" (write {bare})" if re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", bare) and bare.isascii() else ""
    raise ValueError(f"{value!r} is not a number written with digits and a decimal point{fix}")


QueryNumber = Annotated[float, BeforeValidator(_decimal)]
# An optional count of at least 1, as the schema says (`minimum`, which clients and fuzzers read), refused below
# that by the library's check as any other count out of range is: its message gives the whole rule (what the count
# is, its range for this version, the default to try), where a bound here gave pydantic's "greater than or equal
# to 1". A bound put on WholeNumber | None is written `ge` beside the type, which JSON Schema does not know.
OptionalCount = Annotated[int, Field(json_schema_extra={"minimum": 1}), BeforeValidator(in_digits)] | None
LISTED_WITHDRAWN = "the version's withdrawal (reason, time, actor), else null"  # a listing row's, its metadata's
WITHDRAWN = (
    "the version's withdrawal (reason, time, actor) when it was named by its number (latest and aliases never name a"
    " withdrawn one), else null: it is still used, so that results made with it stay reproducible; seen within a second"
)


class ForecastRequest(BaseModel):
    """A forecast request; values are checked by the library (the same rules as the CLI)."""

    model_config = ConfigDict(extra="forbid")
    steps: int = Field(8, strict=True, ge=1, le=MAX_STEPS, description="how many periods ahead", examples=[8])
    # Strict numbers: JSON's true or "9130.1" is not a value to forecast from (lax parsing read them as 1.0 and
    # 9130.1); NaN and Infinity pass here and are refused by the library, naming their row and column.
    alpha: float = Field(
        0.05,
        strict=True,
        ge=ALPHA_MIN,
        le=ALPHA_MAX,
        allow_inf_nan=False,
        description="1 - coverage of the interval (0.05: 95%)",
    )
    lag_inputs: list[list[StrictFloat]] | None = Field(
        None,
        description="the last observations in levels, oldest first, one row per period and one value per"
        " variable (GET the version's metadata for `lag_inputs_needed`); default: the end of the training data."
        " The forecast's dates, and a trend, continue from `lag_dates`; without them the rows stand for the training"
        " data's last periods.",
    )
    lag_dates: list[str] | None = Field(
        None,
        max_length=1000,
        description="the date of each row of `lag_inputs`, oldest first (consecutive periods of the model's"
        " frequency, e.g. 2010-01-01, 2010-04-01 for a quarterly model): the forecast continues from the last."
        " Given only with `lag_inputs`, one date per row",
        examples=[["2010-01-01", "2010-04-01"]],
    )
    # The kinds are listed as an enum for clients, but checked by the library, whose message names the bad one.
    intervals: str = Field(
        "standard",
        description=f"interval kind, one of: {', '.join(INTERVAL_KINDS)}",
        json_schema_extra={"enum": list(INTERVAL_KINDS)},
    )
    # null passes here so that the library's refusal names its step and date (a zero-based index would not)
    exog: dict[str, list[StrictFloat | None]] | None = Field(
        None,
        description="a VARX's exogenous variables: one list per variable, a value for every step (needed when the"
        " version has exogenous variables; GET its metadata for `spec.exog`; null is refused, naming its step)."
        " Values after the last step are not used, so one path serves any horizon: the answer's `exog` holds the"
        " values used",
        examples=[{"realint": [1.0, 2.0, 2.0, 2.5, 2.5, 2.5, 3.0, 3.0]}],  # as many as the default steps
    )
    # A variable's null (no list) passes too: the library refuses it by name, as it refuses a list of only null,
    # where the schema would say only "Input should be a valid list".
    conditions: dict[str, list[StrictFloat | None] | None] | None = Field(
        None,
        description="hard conditions on the future path, in levels: one list per variable, step by step from the"
        " first forecast period, null where the path is free (a conditional forecast); a variable with no value"
        " (null, or only null) is refused by the library, as a conditions file without values is on the CLI",
        examples=[{"realgdp": [13100.0, None, 13300.0]}],
    )


class LegacyForecastQuery(BaseModel):
    """The original endpoint's query. An unknown parameter (e.g. `steps`, the POST body's name for
    `future_periods`) is refused rather than ignored, which would answer a forecast nobody asked for."""

    model_config = ConfigDict(extra="forbid")
    future_periods: WholeNumber = Field(8, ge=1, le=MAX_STEPS, description="how many periods ahead")
    alpha: QueryNumber = Field(
        0.05, ge=ALPHA_MIN, le=ALPHA_MAX, allow_inf_nan=False, description="1 - coverage of the interval (0.05: 95%)"
    )


class HistoryQuery(BaseModel):
    """The audit trail's query; an unknown parameter is refused, as on the original endpoint."""

    model_config = ConfigDict(extra="forbid")
    limit: WholeNumber = Field(100, ge=1, le=Registry.HISTORY_PAGE, description="how many records, newest first")
    before: str | None = Field(
        None, max_length=300, description="the `key` of a record listed before: only older records (the next page)"
    )


class ScenarioRequest(ForecastRequest):
    """A scenario to save: the forecast inputs it reproduces, and notes."""

    # the limit (the library's, Scenario.MAX_NOTES) is documented, not enforced here: make_scenario refuses longer
    # notes in the CLI's words, not pydantic's
    notes: str = Field(
        "",
        description=f"what the scenario assumes, for whoever opens it: at most {Scenario.MAX_NOTES} characters",
        json_schema_extra={"maxLength": Scenario.MAX_NOTES},
    )


class Condition(BaseModel):
    """One conditioned value of the path."""

    variable: str
    step: int = Field(description="1 for the first forecast period")
    date: str
    value: float = Field(description="the level the path was held at")
    sd_from_forecast: float | None = Field(
        None,
        description="how many standard deviations of the forecast without conditions the value lies from it (on"
        " the model's scale, log levels for a model fitted on logs); 4 or more in either direction is flagged",
    )


class ForecastBody(BaseModel):
    """The same JSON as `python -m varlib forecast --json`."""

    name: str
    version: str
    variables: list[str]
    steps: int
    alpha: float
    index: list[str] = Field(
        description="period labels: the forecast's dates (after `lag_dates`, else the training data), or +1, +2,"
        " ... when the version's data carry no dates"
    )
    mean: list[list[float]] = Field(description="steps x variables, in levels")
    lower: list[list[float]]
    upper: list[list[float]]
    point: str = Field(description="mean, or median for logdiff models")
    intervals: str
    transform: str
    exog: dict[str, list[float]] = Field(description="the exogenous values used (a VARX), else empty")
    conditions: list[Condition] = Field(description="what was conditioned (empty for a plain forecast)")
    scenario: str | None = Field(description="the saved scenario this forecast reopens, if any")
    warnings: list[str] = Field(
        default_factory=list,
        description="conditions or exogenous values the model gives almost no chance (4 sd or more), as the CLI says",
    )
    withdrawn: dict[str, Any] | None = Field(description=WITHDRAWN)


def forecast_body(result, withdrawal) -> bytes:
    """The JSON bytes of a ForecastBody: `result` (a VersionForecast) and the version's withdrawal, or None."""
    return to_json(without_whereabouts(with_withdrawal(result.to_dict(), withdrawal))).encode()


class ScenarioBody(BaseModel):
    """A saved scenario (`python -m varlib scenario show --json`)."""

    model_config = ConfigDict(extra="allow")
    name: str
    version: str
    scenario: str
    steps: int
    alpha: float
    intervals: str
    lag_inputs: dict[str, Any] | None
    exog: dict[str, list[float]]
    conditions: dict[str, list[float | None]]
    notes: str
    created_at: str
    actor: dict[str, str] | None


class ScenarioRow(BaseModel):
    """One row of a version's saved scenarios (`python -m varlib scenario list --json`): a saved scenario, or
    one whose object cannot be read, with only its name and `damaged` (its inputs are null)."""

    model_config = ConfigDict(extra="allow")
    name: str
    version: str
    scenario: str
    steps: int | None
    alpha: float | None
    created_at: str | None = Field(description="when it was saved (UTC, ISO 8601); null when it is damaged")
    damaged: str | None = Field(description="why the scenario cannot be opened and what to do; null when it opens")


class VersionMetadata(BaseModel):
    """One version's metadata (`python -m varlib show --json`)."""

    model_config = ConfigDict(extra="allow")
    name: str
    version: str | None
    created_at: str
    variables: list[str]
    k_ar: int
    transform: str
    trend: str
    span: dict[str, Any] = Field(description="the training data's rows and its first and last period (2006Q1)")
    lag_inputs_needed: int
    spec: dict[str, Any]
    evaluation: dict[str, Any] | None
    provenance: dict[str, Any]
    withdrawn: dict[str, Any] | None = Field(description=LISTED_WITHDRAWN)


class ModelList(BaseModel):
    models: list[str]


class Health(BaseModel):
    status: str
    version: str


class Ready(BaseModel):
    status: str
    store: str | None = Field(description="the store's address; none while reads need a token (/ready answers all)")
