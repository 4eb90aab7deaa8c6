"""What to fit: the model specification shared by every model kind, and the data transforms."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .errors import InvalidInputError

TRANSFORMS = ("none", "diff", "logdiff")
TRENDS = ("c", "ct", "n")
CRITERIA = ("aic", "bic", "hqic", "fpe")
DEFAULT_MAX_LAGS = 15
DEFAULT_HOLDOUT = 0.1


@dataclass(frozen=True)
class ModelSpec:
    """What to fit. `lags=None` means: choose by `ic` up to `max_lags`. `kind` names a model kind
    registered in varlib.kinds (checked there, where the kinds are known)."""

    variables: tuple[str, ...]
    kind: str = "var"
    transform: str = "none"
    trend: str = "c"
    lags: int | None = None
    max_lags: int = DEFAULT_MAX_LAGS
    ic: str = "aic"
    holdout: float = DEFAULT_HOLDOUT

    def __post_init__(self) -> None:
        object.__setattr__(self, "variables", tuple(self.variables))
        if len(self.variables) < 2:
            raise InvalidInputError(f"a VAR needs at least 2 variables; got {list(self.variables)}")
        if self.transform not in TRANSFORMS:
            raise InvalidInputError(f"transform {self.transform!r} is not one of {', '.join(TRANSFORMS)}")
        if self.trend not in TRENDS:
            raise InvalidInputError(f"trend {self.trend!r} is not one of {', '.join(TRENDS)}")
        if self.ic not in CRITERIA:
            raise InvalidInputError(f"criterion {self.ic!r} is not one of {', '.join(CRITERIA)}")
        if self.lags is not None and not (isinstance(self.lags, int) and 1 <= self.lags <= 100):
            raise InvalidInputError(f"lag order {self.lags!r} must be a whole number from 1 to 100")
        if not (isinstance(self.max_lags, int) and 1 <= self.max_lags <= 100):
            raise InvalidInputError(f"max lags {self.max_lags!r} must be a whole number from 1 to 100")
        if not (isinstance(self.holdout, (int, float)) and 0 <= self.holdout <= 0.5):
            raise InvalidInputError(f"holdout {self.holdout!r} must be a fraction from 0 to 0.5 (0 skips evaluation)")

    @property
    def lag_inputs_extra(self) -> int:
        """Differenced models need one more level than their lag order."""
        return 0 if self.transform == "none" else 1

    def to_dict(self) -> dict:
        return {
            "variables": list(self.variables),
            "kind": self.kind,
            "transform": self.transform,
            "trend": self.trend,
            "lags": self.lags,
            "max_lags": self.max_lags,
            "ic": self.ic,
            "holdout": self.holdout,
        }

    @classmethod
    def from_dict(cls, raw: dict) -> ModelSpec:
        # Artifacts written before model kinds existed are VARs.
        return cls(
            variables=tuple(raw["variables"]),
            kind=raw.get("kind", "var"),
            transform=raw["transform"],
            trend=raw["trend"],
            lags=raw["lags"],
            max_lags=raw["max_lags"],
            ic=raw["ic"],
            holdout=raw["holdout"],
        )

    def with_(self, **changes) -> ModelSpec:
        return replace(self, **changes)


def to_model_space(levels: np.ndarray, transform: str) -> np.ndarray:
    """The series the VAR is fitted on: levels, differences or log differences."""
    if transform == "none":
        return levels
    if transform == "logdiff":
        if np.any(levels <= 0):
            raise InvalidInputError("transform 'logdiff' needs positive data; use 'diff' or 'none'")
        return np.diff(np.log(levels), axis=0)
    return np.diff(levels, axis=0)
