"""Trusted import of the original service's pickled models into safe JSON artifacts.

The original stored `<name>/<M_m_p>/model.pkl`, a pickled statsmodels VARMAXResults of
order (p, 0) (or a VARResults). Unpickling runs whatever code the file names, so it happens
only here, only when the caller says the bucket is trusted. The converted version is checked
against the pickle's own forecasts and intervals before it is published as the next version;
the pickle itself is only read, never changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .artifact import Artifact, TrainingData
from .catalog import Registry
from .catalog.layout import legacy_key
from .catalog.listing import LEGACY
from .clock import iso_label, utc_now
from .data import frame_sha256, infer_frequency, load_macrodata
from .errors import CorruptArtifactError, InvalidInputError, NotFoundError
from .legacy_results import CHECK_ALPHA, CHECK_STEPS, LegacyModel, check_forecasts, read_results
from .provenance import package_versions
from .spec import ModelSpec
from .versions import Version, check_name, is_alias, is_latest, parse_version
from .wording import shortened

LEGACY_MAX_BYTES = 256 * 1024 * 1024  # a results pickle carries filter output: larger than an artifact
PLACEHOLDER_START = "1970-01-01"


@dataclass(frozen=True)
class LegacyImport:
    """The outcome of an import: the source object and the version it became."""

    source_key: str
    source_sha256: str
    artifact: Artifact
    max_relative_difference: float
    dates: str

    def to_dict(self) -> dict:
        return {
            "source_key": self.source_key,
            "source_sha256": self.source_sha256,
            "name": self.artifact.name,
            "version": str(self.artifact.version),
            "k_ar": self.artifact.k_ar,
            "variables": self.artifact.variables,
            "source_class": self.artifact.provenance["source_class"],
            "max_relative_difference": self.max_relative_difference,
            "dates": self.dates,
        }


def refusal(key: str) -> str:
    return (
        f"refusing to unpickle {key}: unpickling runs whatever code the file names, so a pickle is only safe"
        " from a bucket you control and nobody else can write; if that is so, repeat with --trust"
    )


def _pickle_version(text: str, name: str) -> Version:
    """The version of the pickle to convert. Only its number names it: `latest` and aliases stand for versions
    this product published, never for a pickle, so the refusal says what to give instead of the version rule's
    `'latest', or an alias`."""
    if not (is_latest(text) or is_alias(text)):
        with contextlib.suppress(InvalidInputError):
            return parse_version(text)
    raise InvalidInputError(
        f"the pickle's version {shortened(str(text), 60)!r} is not a version number: give the number of its folder"
        f" {name}/<M_m_p>/model.pkl, such as 0_0_1 (or 0.0.1); `varlib list --name {name}` names each pickle"
        f" '{LEGACY}'",
        field="version",
        value=text,
    )


def import_legacy(
    registry: Registry,
    version: str,
    name: str = "var",
    *,
    trust: bool = False,
    author: str | None = None,
    bump: str = "patch",
) -> LegacyImport:
    """Convert `<name>/<version>/model.pkl` into a new JSON version (the next one, raised by `bump`: `major`
    when the pickle's variables differ from the model's newest version) and publish it."""
    check_name(name)
    source = _pickle_version(version, name)
    key = legacy_key(name, source)
    try:  # reading the bytes runs nothing: a missing pickle is said before asking for trust in it
        stored = registry.store.get(key, LEGACY_MAX_BYTES)
    except NotFoundError:
        raise NotFoundError(
            f"there is no legacy pickle {key} in {registry.description};"
            f" `varlib list --name {name}` shows what the model has",
            key=key,
        ) from None
    if not trust:
        raise InvalidInputError(refusal(key))
    registry.ensure_writable()
    digest = hashlib.sha256(stored.data).hexdigest()
    legacy = read_results(unpickle(stored.data, key), key)
    dates, frequency, dataset, how = training_dates(legacy)
    values = legacy.levels
    data = TrainingData(
        dataset,
        frame_sha256(pd.DataFrame(values, index=pd.DatetimeIndex(dates), columns=list(legacy.variables))),
        tuple(iso_label(d) for d in dates),
        values,
        frequency,
    )
    difference = check_forecasts(legacy)
    p = legacy.params.k_ar
    artifact = Artifact(
        name=name,
        version=None,
        created_at=utc_now(),
        author=author or registry.author,
        notes=f"imported from the legacy pickle {key} (sha256 {digest[:12]})",
        spec=ModelSpec(
            variables=legacy.variables,
            transform="none",
            trend=legacy.params.trend,
            lags=p,
            holdout=0.0,
        ),
        params=legacy.params,
        lag_method=f"legacy import ({legacy.source_class})",
        data=data,
        selection=None,
        evaluation=None,
        provenance={
            "source": "legacy pickle",
            "source_key": key,
            "source_sha256": digest,
            "source_bytes": len(stored.data),
            "source_class": legacy.source_class,
            "dates": how,
            "forecast_check": {"steps": CHECK_STEPS, "alpha": CHECK_ALPHA, "max_relative_difference": difference},
            "packages": package_versions(),
        },
    )
    published = registry.publish(artifact, bump)
    return LegacyImport(key, digest, published, difference, how)


def unpickle(data: bytes, key: str):
    """Unpickle (this runs code: callers have been told the bucket is trusted)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return pickle.loads(data)  # noqa: S301 - trusted by the caller's explicit --trust
    except (
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        IndexError,
        TypeError,
        ValueError,
        KeyError,
    ) as exc:
        raise CorruptArtifactError(
            f"{key} cannot be unpickled ({type(exc).__name__}: {str(exc)[:200]}); it is damaged or was written"
            " by a statsmodels this environment cannot read"
        ) from None


def training_dates(legacy: LegacyModel) -> tuple[pd.DatetimeIndex, str | None, str, str]:
    """Dates for the training rows: (dates, frequency, dataset name, how they were found).

    The original fitted on statsmodels' macrodata frame, whose index is 0..n-1, so the pickle
    carries no dates; when its values are a run of macrodata rows, those rows' quarters are the
    true dates. Otherwise row numbers become placeholder days with no frequency, so forecasts
    are labelled +1, +2, ... rather than with invented dates."""
    index = legacy.index
    if isinstance(index, pd.PeriodIndex):
        index = index.to_timestamp(how="start")
    if isinstance(index, pd.DatetimeIndex) and len(index) == len(legacy.levels):
        return index, infer_frequency(index), "legacy pickle data", "the pickle's own dates"
    matched = _macrodata_rows(legacy)
    if matched is not None:
        return (
            matched,
            infer_frequency(matched),
            "macrodata",
            "none in the pickle; its data are macrodata rows, so their quarters",
        )
    placeholder = pd.date_range(PLACEHOLDER_START, periods=len(legacy.levels), freq="D")
    return (
        placeholder,
        None,
        "legacy pickle data",
        f"none in the pickle: placeholder days from {PLACEHOLDER_START}, one per row; forecasts labelled +1, +2, ...",
    )


def _macrodata_rows(legacy: LegacyModel) -> pd.DatetimeIndex | None:
    try:
        frame = load_macrodata(legacy.variables).frame
    except InvalidInputError:  # variables that are not macrodata columns
        return None
    values, n = frame.to_numpy(dtype=float), len(legacy.levels)
    for start in np.flatnonzero(np.all(values == legacy.levels[0], axis=1)):
        if start + n <= len(values) and np.array_equal(values[start : start + n], legacy.levels):
            return pd.DatetimeIndex(frame.index[start : start + n])
    return None
