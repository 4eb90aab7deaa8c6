"""The service's error answers as the OpenAPI document states them: the body every error has, which statuses
each operation can answer, and what its sign-in configuration makes of them (`as_configured`)."""

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
        description="the input that was refused, e.g. steps; a part of the body by its place, e.g."
        " conditions.realgdp or exog.realint (for a request that does not fit its schema, the first refused part's)",
    )
    value: Any = Field(
        None,
        description="the refused value, as received (long values shortened in the message; NaN and infinities as the"
        ' body wrote them: "NaN", "Infinity", "-Infinity")',
    )
    details: list[dict[str, Any]] | None = Field(
        None, description="a request that does not fit its schema: each refused part's loc, msg and type (at most 5)"
    )
    details_left_out: int | None = Field(None, description="how many refused parts `details` leaves out")
    key: str | None = Field(None, description="the stored object concerned, e.g. var/0_0_3/model.json")
    bucket: str | None = Field(None, description="the bucket, for a store error")
    endpoint: str | None = Field(None, description="the store's address, for a store error")
    code: str | None = Field(None, description="the store's own error code, e.g. AccessDenied")


_TEXT = {
    401: "no bearer token, or one that does not verify (expired, foreign, tampered)",
    403: "access denied (the store, or a role that may not do this)",
    404: "unknown model or version",
    409: "stored object is not a usable artifact, or the change was already made (a scenario name is taken)",
    410: "the alias points at a withdrawn version, or `latest` stands for none: every usable version of the model is"
    " withdrawn (AllWithdrawnError, `value` latest)",
    413: "the request body is over the service's limit (1 MB)",
    422: "bad input",
    503: "store unreachable (StoreUnavailableError)",
}
# What a service's sign-in configuration makes of the answers (varlib.api.security.document_tokens says which apply).
NO_PROVIDER = (
    "every write is refused (AccessDeniedError): it needs sign-in, and this service has no identity provider"
    " configured (set VARLIB_OIDC_ISSUER and VARLIB_OIDC_AUDIENCE; use the CLI locally). Said before the body or"
    " the store is read"
)
NO_PROVIDER_422 = "a query parameter this endpoint does not take (asked before sign-in)"
WRITE_DENIED = "the token's role may not do this (AccessDeniedError), or the store refused access"
PROVIDER_DOWN = (
    "the store is unreachable (StoreUnavailableError), or the sign-in provider is, so no token can be checked"
    " (ProviderUnavailableError)"
)
NOT_READY = "not ready: the store is unreachable or refuses access, or its bucket (folder) does not exist"
NOT_READY_OR_PROVIDER = f"{NOT_READY}; or the sign-in provider is unreachable (ProviderUnavailableError)"
_ERROR_BODY = "#/components/schemas/ErrorBody"
# A 503 is a store or a sign-in provider that is away for now and asked again by the next request: the answer says
# when trying again makes sense (RFC 9110, 10.2.3), so a client neither hammers the service nor gives up.
RETRY_AFTER_S = 5
RETRY_AFTER = {
    "Retry-After": {
        "description": f"seconds to wait before asking again ({RETRY_AFTER_S})",
        "schema": {"type": "integer", "example": RETRY_AFTER_S},
    }
}


# A write to a version that must exist and be in use: signed in (401, 403), the version (404), a stored object or a
# name taken (409), a withdrawn target (410), bad input (422), the store or the provider away (503).
WRITE_TO_A_VERSION = (401, 403, 404, 409, 410, 422, 503)
# A read of a version: the store refusing (403), the version (404), a stored object that is no artifact (409), an
# alias of a withdrawn version (410), bad input (422), the store away (503).
READ_OF_A_VERSION = (403, 404, 409, 410, 422, 503)


def error_responses(*codes: int, texts: dict[int, str] | None = None) -> dict:
    """The documented error answers of an operation; `texts` says what a code means on it, where that is more
    particular than the service-wide meaning."""
    text = _TEXT | (texts or {})
    return {code: {"model": ErrorBody, "description": text[code]} for code in codes}


def error_answer(description: str) -> dict:
    """An error answer as the OpenAPI document has it: the description, and the body every error has."""
    return {"description": description, "content": {"application/json": {"schema": {"$ref": _ERROR_BODY}}}}


def _is_error(code: str) -> bool:
    return code.isdigit() and int(code) >= 400


def as_configured(operation: dict, provider: bool, checks_token: bool, write: bool, ready: bool) -> None:
    """Make an operation of the OpenAPI document (changed in place) state the error answers the service gives as
    its sign-in is configured: without a provider no 401 anywhere, and a write answers only 403 (or 413, or 422 for
    a stray query parameter); with one, a 503 where a token is checked (or /ready) may be the provider's."""
    answers: dict[str, dict] = operation.setdefault("responses", {})
    for code, answer in answers.items():  # the shared ones, added to a route after FastAPI read its answers
        if _is_error(code) and "content" not in answer:
            answer["content"] = error_answer("")["content"]
    if not provider:
        answers.pop("401", None)
        if write:
            for code in [code for code in answers if _is_error(code) and code != "413"]:
                del answers[code]
            answers["403"] = error_answer(NO_PROVIDER)
            answers["422"] = error_answer(NO_PROVIDER_422)
            operation["description"] = f"Refused on this service (403): {NO_PROVIDER}."
    elif write and "403" in answers:
        answers["403"]["description"] = WRITE_DENIED
    if ready:
        answers["503"] = error_answer(NOT_READY_OR_PROVIDER if provider else NOT_READY)
    elif provider and checks_token:
        answers["503"] = error_answer(PROVIDER_DOWN)
    if "503" in answers:
        answers["503"]["headers"] = RETRY_AFTER
    operation["responses"] = dict(sorted(answers.items()))


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
