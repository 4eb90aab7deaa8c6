"""A model's version listing, `GET /models/{name}/versions`, and its pages: `limit` rows from the newest, and `before`
a version for the next page, whose address the answer's `Link: <...>; rel="next"` header gives (RFC 8288). A cursor,
not an offset: a version published between two pages shifts nothing. Without `limit` the answer is every version, as
it always was. `verify=true` checks each object's bytes as `varlib list --verify` does (the library's listing)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Response
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from varlib import InvalidInputError, Registry, VersionEntry, parse_version, shortened, with_withdrawal

from .error_json import SHOWN
from .error_schema import error_responses
from .handlers import no_versions
from .public import without_whereabouts
from .schemas import LISTED_WITHDRAWN, NAME, in_digits

VERSIONS_PAGE = 1000  # the most rows one page lists, as the audit trail's (a row is about 600 bytes of JSON)
_NEXT = (
    'the next page, e.g. `</models/var/versions?limit=100&before=0.0.201>; rel="next"` (RFC 8288): its path and'
    " query, the cursor in `before`; absent on the last page and when `limit` is not given"
)
VERSIONS_ANSWERS = {
    200: {
        "description": "the versions, newest first",
        "headers": {"Link": {"description": _NEXT, "schema": {"type": "string"}}},
    },
    **error_responses(403, 404, 409, 422, 503),  # no version named, so no 410
}


_YES_OR_NO = ("true", "false")


def _yes_or_no(value: Any) -> Any:
    """`verify` as the document gives it, true or false, where pydantic took yes, on and 1 too and refused other
    words with "Input should be a valid boolean", naming no fix."""
    if isinstance(value, str) and value.lower() not in _YES_OR_NO:
        raise ValueError(f"verify {shortened(value, SHOWN)!r} must be true or false (or left out: false)")
    return value


class VersionsQuery(BaseModel):
    """The listing's query; an unknown parameter is refused, as on every endpoint."""

    model_config = ConfigDict(extra="forbid")
    # the bounds on the int itself, before the digits' check: the document then gives `minimum` and `maximum`, which
    # it cannot read from bounds put on WholeNumber | None (they show as `ge` and `le`)
    limit: Annotated[int, Field(ge=1, le=VERSIONS_PAGE), BeforeValidator(in_digits)] | None = Field(
        None,
        description=f"how many versions, newest first (1-{VERSIONS_PAGE}); the `Link` header names the next page."
        " Left out: every version in one answer",
    )
    before: str | None = Field(
        None,
        max_length=300,
        description="the `version` of the last row of a page (0.0.201): only the rows listed after it, the older"
        " versions (and objects outside the naming pattern, which come last); it need not be in the store any more",
        examples=["0.0.201"],
    )
    verify: Annotated[bool, BeforeValidator(_yes_or_no)] = Field(
        False,
        description="check each version's bytes against the checksum they were published with, as `varlib list"
        " --verify` does (slower: every object is listed); a version changed in place is then not 'ok'",
    )


class VersionRow(BaseModel):
    """One row of a version listing (`python -m varlib list --json`)."""

    model_config = ConfigDict(extra="allow")
    name: str
    version: str
    status: str = Field(
        description="'ok' when its metadata reads; with verify=true, when its bytes match their checksum too."
        " Otherwise why the object cannot be used"
    )
    created_at: str | None
    key: str
    bytes: int
    withdrawn: dict[str, Any] | None = Field(description=LISTED_WITHDRAWN)


def add_versions_route(app: FastAPI, registry: Registry) -> None:
    """The listing's route, on the app itself (as varlib.api.compare adds its own)."""

    @app.get(
        "/models/{name}/versions",
        response_model=list[VersionRow],
        tags=["models"],
        summary="versions of a model, newest first (`limit` and `before` page them; `Link` names the next page)",
        responses=VERSIONS_ANSWERS,
    )
    def versions(response: Response, query: Annotated[VersionsQuery, Query()], name: str = NAME) -> list[dict]:
        entries = registry.list_versions(name, verify=query.verify)
        if not entries:
            raise no_versions(registry, name)
        withdrawn = registry.withdrawals(name)
        page = one_page(entries, query, name, response)
        rows = [with_withdrawal(e.to_dict(), withdrawn.get(e.version) if e.version else None) for e in page]
        return without_whereabouts(rows)


def one_page(entries: list[VersionEntry], query: VersionsQuery, name: str, response: Response) -> list[VersionEntry]:
    """The rows of the listing `entries` (newest first, strays last) that `query` asks for; a `Link` header on
    `response` to the next page when more rows follow."""
    rows = entries if query.before is None else _after(entries, query.before, name)
    if query.limit is None or len(rows) <= query.limit:
        return rows
    page = rows[: query.limit]
    verified = {"verify": "true"} if query.verify else {}  # the next page is checked as this one was
    following = urlencode({"limit": query.limit, "before": page[-1].label, **verified})
    response.headers["Link"] = f'</models/{name}/versions?{following}>; rel="next"'
    return page


def _after(entries: list[VersionEntry], before: str, name: str) -> list[VersionEntry]:
    """The rows listed after the row labelled `before`: a version's older ones and every stray object (a stray's
    label is its key, `var/notes.txt`), or a stray's later strays, by key as the listing orders them."""
    strays = [entry for entry in entries if entry.label == entry.key]
    if before.startswith(f"{name}/"):
        return [entry for entry in strays if entry.key > before]
    try:
        version = parse_version(before)
    except InvalidInputError:
        raise InvalidInputError(
            f"before {shortened(before, 60)!r} is not a version number such as 0.0.3: give the `version` of the last"
            f" row of a page of {name!r} (the `Link` header of a page names the next one); `latest` and aliases"
            " move, so they mark no place in the listing",
            field="before",
            value=before,
        ) from None
    older = [e for e in entries if e.label != e.key and e.version is not None and e.version < version]
    return older + strays
