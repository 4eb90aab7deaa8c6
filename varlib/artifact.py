"""The on-store format: one checksummed JSON object per version, never a pickle.

Loading parses JSON only (nothing is executed), then checks the format tag, the schema version, the checksum,
and that the object sits at the key it claims; each failure raises CorruptArtifactError naming the reason.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any

import numpy as np
import orjson
import pandas as pd

from .clock import iso_label, utc_now
from .data import infer_frequency
from .errors import CorruptArtifactError, InvalidInputError
from .jsonsafe import to_json_safe
from .kinds import kind_names, kind_of
from .plain_text import check_notes
from .provenance import package_versions
from .spec import ModelSpec
from .training import TrainResult, stored_evaluation
from .versions import Version, parse_version

FORMAT = "varlib/var-model"
# 2: model kinds beyond the VAR (a VECM's `fit` holds alpha, beta, gamma, its deterministic terms, rank and
# Johansen table), the spec's `deterministic` and `coint_rank`, transform `log`. Every version 1 artifact is
# a VAR and reads unchanged (the new spec fields default to None).
SCHEMA_VERSION = 2
# 3: exogenous variables (spec.exog, fit.exog_coefs, data.exog), only for a VARX: older readers refuse it.
EXOG_SCHEMA_VERSION = 3
READABLE_SCHEMAS = (1, 2, EXOG_SCHEMA_VERSION)


@dataclass(frozen=True)
class TrainingData:
    """The levels the model was fitted on (needed for refits, diagnostics and default lag inputs)."""

    name: str
    sha256: str
    dates: tuple[str, ...]
    values: np.ndarray  # (rows, k) levels
    frequency: str | None
    exog: np.ndarray | None = None  # (rows, n_exog): the exogenous variables of a VARX, as given

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "sha256": self.sha256,
            "dates": list(self.dates),
            "values": self.values.tolist(),
            "frequency": self.frequency,
            **({"exog": self.exog.tolist()} if self.exog is not None else {}),
        }

    @classmethod
    def from_dict(cls, raw: dict) -> TrainingData:
        values = np.asarray(raw["values"], dtype=float)
        exog = np.asarray(raw["exog"], dtype=float) if raw.get("exog") is not None else None
        return cls(raw["name"], raw["sha256"], tuple(raw["dates"]), values, raw.get("frequency"), exog)


@dataclass(frozen=True)
class Artifact:
    """A model version as data. `version` is None until the registry publishes it."""

    name: str
    version: Version | None
    created_at: str
    author: str
    notes: str
    spec: ModelSpec
    params: Any  # the kind's parameters (varlib.kinds), e.g. VarParams
    lag_method: str
    data: TrainingData
    selection: dict | None
    evaluation: dict | None
    provenance: dict
    adequacy: dict | None = None  # varlib.adequacy at training time (absent from versions older than it)
    warnings: tuple[str, ...] = ()  # what training told people (an order at the edge of the search, ...)

    @property
    def variables(self) -> list[str]:
        return list(self.spec.variables)

    @property
    def exog(self) -> list[str]:
        """The exogenous variables (VARX) whose future values a forecast needs; empty for a plain VAR."""
        return list(self.spec.exog)

    @property
    def k_ar(self) -> int:
        """The VAR order in levels (or model space); a VECM has k_ar - 1 lagged differences."""
        return self.params.k_ar

    @property
    def kind_title(self) -> str:
        """The model kind for people: `VAR`, `VECM`, or `VARX` for a VAR with exogenous variables (the backtest's
        legend names it so too)."""
        return kind_of(self.spec).title + ("X" if self.spec.exog else "")

    @property
    def description(self) -> str:
        """The fitted model in one line, e.g. `VAR(2) in levels, trend c`."""
        return kind_of(self.spec).describe(self.spec, self.params)

    @property
    def interval_kinds(self) -> tuple[str, ...]:
        """The interval kinds this version's forecasts offer."""
        return kind_of(self.spec).interval_kinds_of(self.spec)

    @property
    def lag_rows(self) -> int:
        """How many last observations a forecast starts from."""
        return kind_of(self.spec).lag_rows(self.spec, self.params)

    @property
    def label(self) -> str:
        """`var 0.0.3`, or `var (unpublished)` before publishing."""
        return f"{self.name} {self.version}" if self.version else f"{self.name} (unpublished)"

    @cached_property
    def history(self) -> pd.DataFrame:
        """The training levels as a frame indexed by date."""
        return pd.DataFrame(
            self.data.values,
            # ISO8601: hourly dates are stored as `2021-03-01` at midnight and `2021-03-01T07:00:00` otherwise
            index=pd.DatetimeIndex(pd.to_datetime(self.data.dates, format="ISO8601"), name="date"),
            columns=self.variables,
        )

    def default_lag_inputs(self) -> pd.DataFrame:
        return self.history.iloc[-self.lag_rows :]

    def to_body(self) -> dict:
        return {
            "format": FORMAT,
            "schema_version": EXOG_SCHEMA_VERSION if self.spec.exog else SCHEMA_VERSION,
            "name": self.name,
            "version": str(self.version) if self.version else None,
            "created_at": self.created_at,
            "author": self.author,
            "notes": self.notes,
            "spec": self.spec.to_dict(),
            "fit": {**self.params.to_dict(), "lag_method": self.lag_method},
            "data": self.data.to_dict(),
            "lag_selection": self.selection,
            "evaluation": self.evaluation,
            "provenance": self.provenance,
            "adequacy": self.adequacy,
            "warnings": list(self.warnings),
        }


def build_artifact(result: TrainResult, name: str, author: str, notes: str = "") -> Artifact:
    """An unpublished artifact from a training run."""
    check_notes(notes)  # refused before the version is made, as make_scenario refuses a scenario's
    frame = result.dataset.frame[list(result.spec.variables)]
    exog = result.dataset.frame[list(result.spec.exog)].to_numpy(dtype=float) if result.spec.exog else None
    data = TrainingData(
        result.dataset.name,
        result.dataset.sha256,
        tuple(iso_label(d) for d in frame.index),
        frame.to_numpy(dtype=float),
        result.dataset.frequency or infer_frequency(pd.DatetimeIndex(frame.index)),
        exog,
    )
    return Artifact(
        name=name,
        version=None,
        created_at=utc_now(),
        author=author,
        notes=notes,
        spec=result.spec,
        params=result.params,
        lag_method=result.lag_method,
        data=data,
        selection=result.selection.to_dict() if result.selection else None,
        evaluation=result.evaluation.to_dict() if result.evaluation else None,
        provenance=_provenance(result),
        adequacy=result.adequacy.to_dict() if result.adequacy else None,
        warnings=tuple(result.warnings),
    )


def encode(artifact: Artifact) -> bytes:
    """Canonical JSON with a sha256 checksum over everything else."""
    body = to_json_safe(artifact.to_body())
    body["checksum"] = "sha256:" + _digest(body)
    return _canonical(body).encode()


def decode(raw: bytes, key: str = "") -> Artifact:
    """Parse and verify an artifact; raise CorruptArtifactError with the reason."""
    return decode_parsed(raw, parse(raw, key), key)


def parse(raw: bytes, key: str = ""):
    """The JSON of an object, not yet verified; CorruptArtifactError when it is not JSON."""
    try:
        # orjson parses the ~400 floats of an artifact about 5x faster than the stdlib (0.08 vs
        # 0.38 ms), a fifth of a fresh forecast; both round every float correctly.
        return orjson.loads(raw)
    except (UnicodeDecodeError, orjson.JSONDecodeError) as exc:
        where = f" ({key})" if key else ""
        raise CorruptArtifactError(
            f"not valid JSON{where}: {exc}; the object is truncated or not an artifact", key=key or None
        ) from None


def decode_parsed(raw: bytes, body, key: str = "") -> Artifact:
    """Verify an artifact already parsed from `raw` (by `parse`; `body` is consumed)."""
    where = f" ({key})" if key else ""
    corrupt = partial(CorruptArtifactError, key=key or None)  # the object named as the error's `key` too
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise corrupt(f"not a varlib model{where}: the 'format' field is missing or wrong")
    if body.get("schema_version") not in READABLE_SCHEMAS:
        raise corrupt(
            f"unknown schema version {body.get('schema_version')!r}{where}; this varlib reads versions"
            f" {', '.join(map(str, READABLE_SCHEMAS))}: upgrade varlib"
        )
    claimed = body.pop("checksum", None)
    if not _signed_as_written(raw, claimed) and claimed != "sha256:" + _digest(body):
        raise corrupt(f"checksum mismatch{where}: the object was changed or damaged after publishing")
    kind = (body.get("spec") or {}).get("kind", "var") if isinstance(body.get("spec"), dict) else "var"
    if kind not in kind_names():
        raise corrupt(
            f"model kind {kind!r}{where} is unknown to this varlib (it knows {', '.join(kind_names())}): upgrade varlib"
        )
    try:
        return _from_body(body)
    except (KeyError, TypeError, ValueError, InvalidInputError) as exc:
        raise corrupt(f"malformed artifact{where}: {exc!r}") from None


def _from_body(body: dict) -> Artifact:
    spec = ModelSpec.from_dict(body["spec"])
    params = kind_of(spec).params_from_dict(body["fit"])
    data = TrainingData.from_dict(body["data"])
    k = len(spec.variables)
    if params.k != k or data.values.ndim != 2 or data.values.shape[1] != k or len(data.dates) != len(data.values):
        raise ValueError("shapes of parameters, variables and data disagree")
    n_exog, shape = len(spec.exog), None if data.exog is None else data.exog.shape
    if getattr(params, "n_exog", 0) != n_exog or (n_exog and shape != (len(data.values), n_exog)):
        raise ValueError("the exogenous variables, their coefficients and their data disagree")
    if n_exog and body.get("schema_version") != EXOG_SCHEMA_VERSION:
        raise ValueError(f"exogenous variables need schema version {EXOG_SCHEMA_VERSION}")
    version = parse_version(body["version"]) if body.get("version") else None
    return Artifact(
        name=body["name"],
        version=version,
        created_at=body["created_at"],
        author=body["author"],
        notes=body.get("notes") or "",
        spec=spec,
        params=params,
        lag_method=body["fit"]["lag_method"],
        data=data,
        selection=body.get("lag_selection"),
        evaluation=stored_evaluation(body.get("evaluation"), spec.variables),
        provenance=body["provenance"],
        adequacy=body.get("adequacy"),
        warnings=tuple(body.get("warnings") or ()),
    )


def _signed_as_written(raw: bytes, claimed) -> bool:
    """Fast path of the checksum check for bytes exactly as `encode` wrote them: without the
    checksum member they are the canonical text that was hashed, so re-serialising the parsed
    body (a third of a load) is only needed when they are not; the result is the same either way."""
    if not isinstance(claimed, str) or not isinstance(raw, (bytes, bytearray)):
        return False
    member = b'"checksum":' + json.dumps(claimed).encode() + b","
    return hmac.compare_digest("sha256:" + hashlib.sha256(raw.replace(member, b"", 1)).hexdigest(), claimed)


def _digest(body: dict) -> str:
    return hashlib.sha256(_canonical(body).encode()).hexdigest()


def _canonical(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def _provenance(result: TrainResult) -> dict:
    return {
        "dataset": result.dataset.name,
        "dataset_sha256": result.dataset.sha256,
        "train_seconds": result.seconds,
        "preparation": result.dataset.preparation.to_dict() if result.dataset.preparation else None,
        **({"read_as": list(result.dataset.read_as)} if result.dataset.read_as else {}),  # none: a plain CSV
        "packages": package_versions(),
    }
