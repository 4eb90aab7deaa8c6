"""The card: the fields a listing shows for one version, typed, plus where cards are kept.

A card travels in three places: in the card index (catalog.index), in the user metadata of
the version's object (`x-amz-meta-varlib-card`, for buckets without an index), and in memory
as `VersionEntry.card`. It is always derived from the artifact, never the other way round.

A card written by an older varlib lacks fields this one shows (frequency, model, holdout order, whether the
checks were stored, which passed only as a note): its `card_format` is below CARD_FORMAT (none at all before the
field), it is not `current`, and listings read its artifact instead; `varlib reindex` writes it again.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..adequacy import Check
from ..artifact import EXOG_SCHEMA_VERSION, SCHEMA_VERSION, Artifact
from ..data import data_span, label_of
from ..jsonsafe import in_order, to_json_safe
from ..wording import counted

METADATA_KEY = "varlib-card"
_METADATA_LIMIT = 1800  # S3 allows 2 KB of user metadata per object
_NOTES_IN_METADATA = 200
# 2: frequency, model, holdout_k_ar and checked, and the schema the artifact was stored with. A card without the
# field (1) was written before it existed and may leave those blank: it stands for its version in no listing.
# 3: noted, the checks passed only as a note (a format-2 card would read as an all-clear `ok`).
CARD_FORMAT = 3
# the fields of the first cards (2026-11), which a card of any format has from its artifact
_FIRST_FIELDS: tuple[str, ...] = ("name", "version", "created_at", "author", "notes", "dataset", "variables")
_FIRST_FIELDS += ("k_ar", "lag_method", "transform", "trend", "holdout_rmse", "kind")
_STORED_SCHEMA = "_varlib_stored_schema"  # set on an artifact by catalog.reader, which reads the stored body


@dataclass(frozen=True, slots=True)
class Card:
    """One version as a listing shows it."""

    name: str
    version: str | None
    created_at: str | None = None
    author: str = ""
    notes: str = ""
    dataset: str = ""
    variables: tuple[str, ...] = ()
    k_ar: int | None = None
    lag_method: str = ""
    transform: str = ""
    trend: str = ""
    holdout_rmse: Mapping[str, float | None] = field(default_factory=dict)
    # the lag order the holdout was scored with: a criterion repeats its search on the rows before the holdout
    holdout_k_ar: int | None = None
    kind: str = "var"
    schema_version: int = SCHEMA_VERSION
    frequency: str = ""  # a word: quarterly, monthly, ...
    flags: tuple[str, ...] = ()  # failed adequacy checks and training warnings, e.g. "not stable"
    fill: str = ""  # how missing periods or values were filled, if they were
    exog: tuple[str, ...] = ()  # exogenous variables (a VARX): a forecast needs their future values
    model: str = ""  # the fitted model in one line (the kind's words), e.g. "VAR(2) in levels, trend c"
    # whether adequacy checks were stored (False: a version older than them); None: an older card does not say
    checked: bool | None = None
    # checks that passed only as a note (Check.partial: whiteness on fewer lagged residuals than the LM test's)
    noted: tuple[str, ...] = ()
    card_format: int = CARD_FORMAT

    @property
    def current(self) -> bool:
        """Written by this card format or a later one: every field is the artifact's (not left blank)."""
        return self.card_format >= CARD_FORMAT

    @classmethod
    def from_artifact(cls, artifact: Artifact) -> Card:
        metrics = (artifact.evaluation or {}).get("metrics") or {}
        return cls(
            name=artifact.name,
            version=str(artifact.version) if artifact.version else None,
            created_at=artifact.created_at,
            author=artifact.author,
            notes=artifact.notes,
            dataset=artifact.data.name,
            variables=tuple(artifact.variables),
            k_ar=artifact.k_ar,
            lag_method=artifact.lag_method,
            transform=artifact.spec.transform,
            trend=artifact.spec.deterministic_terms,  # a VAR's trend, a VECM's deterministic terms
            holdout_rmse={v: m.get("rmse") for v, m in metrics.items()},
            holdout_k_ar=(artifact.evaluation or {}).get("k_ar"),
            kind=artifact.spec.kind,
            frequency=label_of(artifact.data.frequency) if artifact.data.frequency else "",
            flags=_flags(artifact),
            fill=((artifact.provenance.get("preparation") or {}).get("summary") or "") if _filled(artifact) else "",
            exog=tuple(artifact.exog),
            schema_version=stored_schema(artifact),
            model=artifact.description,
            checked=bool((artifact.adequacy or {}).get("checks")),
            noted=_noted(artifact),
        )

    @classmethod
    def from_dict(cls, raw: Any) -> Card | None:
        """A card read back from JSON; None when it is not one (an unreadable card is never trusted)."""
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            return None
        try:
            variables = tuple(map(str, raw.get("variables") or ()))
            return cls(
                name=raw["name"],
                version=raw.get("version"),
                created_at=raw.get("created_at"),
                author=str(raw.get("author") or ""),
                notes=str(raw.get("notes") or ""),
                dataset=str(raw.get("dataset") or ""),
                variables=variables,
                k_ar=raw.get("k_ar"),
                lag_method=str(raw.get("lag_method") or ""),
                transform=str(raw.get("transform") or ""),
                trend=str(raw.get("trend") or ""),
                holdout_rmse=in_order(raw.get("holdout_rmse") or {}, variables),  # the index sorts its keys
                holdout_k_ar=None if raw.get("holdout_k_ar") is None else int(raw["holdout_k_ar"]),
                kind=str(raw.get("kind") or "var"),
                schema_version=int(raw.get("schema_version") or SCHEMA_VERSION),
                frequency=str(raw.get("frequency") or ""),
                flags=tuple(map(str, raw.get("flags") or ())),
                fill=str(raw.get("fill") or ""),
                exog=tuple(map(str, raw.get("exog") or ())),
                model=str(raw.get("model") or ""),
                checked=raw["checked"] if isinstance(raw.get("checked"), bool) else None,
                noted=tuple(map(str, raw.get("noted") or ())),
                card_format=int(raw.get("card_format") or 1),  # none: written before the field
            )
        except (TypeError, ValueError):
            return None

    def to_dict(self) -> dict:
        return to_json_safe(
            {
                "name": self.name,
                "version": self.version,
                "created_at": self.created_at,
                "author": self.author,
                "notes": self.notes,
                "dataset": self.dataset,
                "variables": list(self.variables),
                "k_ar": self.k_ar,
                "lag_method": self.lag_method,
                "transform": self.transform,
                "trend": self.trend,
                "holdout_rmse": dict(self.holdout_rmse),
                "holdout_k_ar": self.holdout_k_ar,
                "kind": self.kind,
                "schema_version": self.schema_version,
                "frequency": self.frequency,
                "flags": list(self.flags),
                "fill": self.fill,
                "exog": list(self.exog),
                "model": self.model,
                "checked": self.checked,
                "noted": list(self.noted),
                "card_format": self.card_format,
            }
        )

    def names(self, name: str, label: str) -> bool:
        """True when this is the card of version `label` of model `name`."""
        return self.name == name and self.version == label

    def describes_same(self, other: Card) -> bool:
        """Whether two cards describe the same artifact; a card of an older format only on the fields every format
        had (it left others blank): the published object written back under a new ETag is still the published one."""
        if self.current and other.current:
            return self == other
        return all(getattr(self, f) == getattr(other, f) for f in _FIRST_FIELDS)


def stored_schema(artifact: Artifact) -> int:
    """The schema `artifact` was stored with (catalog.reader records it when it reads one), else the one it will be
    written with: `show` and `list` name the schema the object holds."""
    recorded = vars(artifact).get(_STORED_SCHEMA)
    return recorded if isinstance(recorded, int) else (EXOG_SCHEMA_VERSION if artifact.exog else SCHEMA_VERSION)


def keep_stored_schema(artifact: Artifact, schema: Any) -> None:
    """Record on `artifact` the schema its stored body names. Artifact keeps no field for it: recorded beside its
    fields, so it stays out of equality and of what is written (`encode` writes the schema of today)."""
    if isinstance(schema, int) and not isinstance(schema, bool):
        object.__setattr__(artifact, _STORED_SCHEMA, schema)  # a frozen dataclass: set as its __post_init__ would


def _flags(artifact: Artifact) -> tuple[str, ...]:
    flags = tuple((artifact.adequacy or {}).get("flags") or ())
    return flags + (counted(len(artifact.warnings), "training warning"),) if artifact.warnings else flags


def _noted(artifact: Artifact) -> tuple[str, ...]:
    checks = (artifact.adequacy or {}).get("checks") or []
    return tuple(check.name for check in map(Check.from_dict, checks) if check.partial)


def _filled(artifact: Artifact) -> bool:
    preparation = artifact.provenance.get("preparation") or {}
    return bool(
        preparation.get("added_periods")
        or any((preparation.get("filled_values") or {}).values())
        or preparation.get("dropped_rows")
    )


def version_metadata(artifact: Artifact) -> dict:
    """One version's metadata for people and programs (the CLI's `show --json`, the REST service)."""
    return {
        **Card.from_artifact(artifact).to_dict(),
        "span": data_span(artifact.data.dates, artifact.data.frequency),  # the training data's rows and ends
        "lag_inputs_needed": artifact.lag_rows,
        "spec": artifact.spec.to_dict(),
        "evaluation": (artifact.evaluation or {}).get("metrics"),
        "adequacy": artifact.adequacy,
        "warnings": list(artifact.warnings),
        "provenance": artifact.provenance,
    }


def metadata_header(card: Card, body: bytes) -> dict[str, str]:
    """User metadata for a new object: the card plus the body's size and MD5 (the S3 ETag of a single
    PUT), so a listing can tell an intact object from a replaced one without reading it."""
    slim = {**card.to_dict(), "bytes": len(body), "md5": hashlib.md5(body).hexdigest()}  # noqa: S324 - not security
    if len(slim.get("notes") or "") > _NOTES_IN_METADATA:
        slim["notes"] = slim["notes"][:_NOTES_IN_METADATA] + "…"
    text = json.dumps(slim, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    encoded = base64.urlsafe_b64encode(text.encode()).decode()
    if len(encoded) > _METADATA_LIMIT:  # many variables: the listing reads the object instead
        return {}
    return {METADATA_KEY: encoded}


def header_card(metadata: Mapping[str, str] | None, name: str, label: str, etag: str, size: int) -> Card | None:
    """The card in a listed object's metadata, if it was written for exactly this object, of any card format (an
    older varlib's card leaves fields blank: the listing reads the object instead, and says so)."""
    encoded = (metadata or {}).get(METADATA_KEY)
    if not encoded:
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode(encoded.encode()))
    except (ValueError, UnicodeDecodeError):
        return None
    card = Card.from_dict(raw)
    bound = isinstance(raw, dict) and raw.get("md5") == etag and raw.get("bytes") == size
    return card if card is not None and bound and card.names(name, label) else None
