"""Request and response shapes of the REST service; the OpenAPI document is generated from them."""

from __future__ import annotations

import re
from typing import Any

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field

from varlib import ALPHA_MAX, ALPHA_MIN, INTERVAL_KINDS, MAX_STEPS, NAME_PATTERN, PINNED_PATTERN, VERSION_PATTERN

# The library's own rules (varlib.versions, varlib.forecast), in the document so clients and fuzzers see them.
_NAME = NAME_PATTERN.pattern.strip("^$")
PINNED_FORECAST = re.compile(
    rf"^(POST /models/{_NAME}/versions/({PINNED_PATTERN})/forecast|GET /var_predict/({PINNED_PATTERN}))$"
)
NAME = Path(pattern=NAME_PATTERN.pattern, description="model name, e.g. var", examples=["var"])
VERSION = Path(
    pattern=VERSION_PATTERN, description="latest, 0.0.3, 0_0_3 or an alias (@champion)", examples=["latest", "0.0.1"]
)


class ErrorBody(BaseModel):
    """Every error answer."""

    model_config = ConfigDict(extra="allow")
    error: str = Field(description="what went wrong and how to fix it")
    type: str = Field(description="the error class, e.g. NotFoundError")


class ForecastRequest(BaseModel):
    """A forecast request; values are checked by the library (the same rules as the CLI)."""

    model_config = ConfigDict(extra="forbid")
    steps: int = Field(strict=True, ge=1, le=MAX_STEPS, description="how many periods ahead", examples=[8])
    alpha: float = Field(0.05, ge=ALPHA_MIN, le=ALPHA_MAX, description="1 - coverage of the interval (0.05: 95%)")
    lag_inputs: list[list[float]] | None = Field(
        None,
        description="the last observations in levels, oldest first, one row per period and one value per"
        " variable (GET the version's metadata for `lag_inputs_needed`); default: the end of the training data",
    )
    intervals: str = Field("standard", description=f"interval kind, one of: {', '.join(INTERVAL_KINDS)}")


class ForecastBody(BaseModel):
    """The same JSON as `python -m varlib forecast --json`."""

    name: str
    version: str
    variables: list[str]
    steps: int
    alpha: float
    index: list[str] = Field(description="period labels (dates, or +1, +2, ... when the frequency is unknown)")
    mean: list[list[float]] = Field(description="steps x variables, in levels")
    lower: list[list[float]]
    upper: list[list[float]]
    point: str = Field(description="mean, or median for logdiff models")
    intervals: str
    transform: str


class VersionRow(BaseModel):
    """One row of a version listing (`python -m varlib list --json`)."""

    model_config = ConfigDict(extra="allow")
    name: str
    version: str
    status: str = Field(description="'ok', or why the object cannot be used")
    created_at: str | None
    key: str
    bytes: int


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
    lag_inputs_needed: int
    spec: dict[str, Any]
    evaluation: dict[str, Any] | None
    provenance: dict[str, Any]


class ModelList(BaseModel):
    models: list[str]


class Health(BaseModel):
    status: str
    version: str


class Ready(BaseModel):
    status: str
    store: str


def error_responses(*codes: int) -> dict:
    """The documented error answers of an operation."""
    text = {
        401: "no bearer token, or one that does not verify (expired, foreign, tampered)",
        403: "access denied (the store, or a role that may not do this)",
        404: "unknown model or version",
        409: "stored object is not a usable artifact, or the change was already made",
        410: "the alias points at a withdrawn version",
        422: "bad input",
        503: "store unreachable",
    }
    return {code: {"model": ErrorBody, "description": text[code]} for code in codes}
