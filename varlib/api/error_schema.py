"""The service's error answers as the OpenAPI document states them: the body every error has, and which
statuses each operation can answer."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorBody(BaseModel):
    """Every error answer: the message and the class, and where known what the error concerns."""

    model_config = ConfigDict(extra="allow")
    error: str = Field(description="what went wrong and how to fix it")
    type: str = Field(description="the error class, e.g. NotFoundError")
    field: str | None = Field(
        None,
        description="the input that was refused, e.g. steps or realgdp; for a request that does not fit its schema,"
        " the first refused part's place, e.g. conditions.realgdp",
    )
    value: Any = Field(None, description="the refused value, as received (long values shortened in the message)")
    details: list[dict[str, Any]] | None = Field(
        None, description="a request that does not fit its schema: each refused part's loc, msg and type (at most 5)"
    )
    details_left_out: int | None = Field(None, description="how many refused parts `details` leaves out")
    key: str | None = Field(None, description="the stored object concerned, e.g. var/0_0_3/model.json")
    bucket: str | None = Field(None, description="the bucket, for a store error")
    endpoint: str | None = Field(None, description="the store's address, for a store error")
    code: str | None = Field(None, description="the store's own error code, e.g. AccessDenied")


def error_responses(*codes: int) -> dict:
    """The documented error answers of an operation."""
    text = {
        401: "no bearer token, or one that does not verify (expired, foreign, tampered)",
        403: "access denied (the store, or a role that may not do this)",
        404: "unknown model or version",
        409: "stored object is not a usable artifact, or the change was already made (a scenario name is taken)",
        410: "the alias points at a withdrawn version",
        413: "the request body is over the service's limit (1 MB)",
        422: "bad input",
        503: "store unreachable",
    }
    return {code: {"model": ErrorBody, "description": text[code]} for code in codes}


def document_shared_errors(routes: list, reads_need_token: bool, open_paths: tuple[str, ...]) -> None:
    """Add to each operation the answers that come from the whole service rather than its own code: 422 for a
    query parameter it does not take (varlib.api.query), 413 for a body over the limit (varlib.api.body_limit)
    and, while reads need a token, 401 and 403 (varlib.api.security.guard_reads)."""
    for route in routes:
        if not getattr(route, "include_in_schema", False) or not hasattr(route, "responses"):
            continue
        codes = [422]
        if set(route.methods) & {"POST", "PUT", "PATCH"}:
            codes.append(413)
        if reads_need_token and route.path not in open_paths:
            codes += [401, 403]
        for code, answer in error_responses(*codes).items():
            route.responses.setdefault(code, answer)
