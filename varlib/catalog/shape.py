"""A model name keeps its shape within a major version, so `latest` never silently becomes another model.

The shape of a version is its model kind, its variables (names and order), its exogenous variables,
its transform and the frequency of its data. Publishing a patch or minor version whose shape differs from the version it
follows is refused, naming the differences; a major bump (1.0.0 after 0.4.2) may change it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..artifact import Artifact
from ..data import label_of
from ..errors import ConflictError
from ..spec import ModelSpec


@dataclass(frozen=True)
class Shape:
    kind: str
    variables: tuple[str, ...]
    transform: str
    frequency: str  # a word ("quarterly"): equivalent pandas anchors must not count as a change
    exog: tuple[str, ...] = ()  # a forecast needs their future values, so adding one changes what callers send

    def differences(self, new: Shape) -> list[str]:
        """What `new` changes, for people: `variables realgdp, realcons -> realinv, unemp`."""
        out = []
        for field, old_value, new_value in (
            ("kind", self.kind, new.kind),
            ("variables", ", ".join(self.variables), ", ".join(new.variables)),
            ("transform", self.transform, new.transform),
            ("frequency", self.frequency, new.frequency),
            ("exogenous variables", ", ".join(self.exog) or "none", ", ".join(new.exog) or "none"),
        ):
            if old_value != new_value:
                out.append(f"{field} {old_value or 'unknown'} -> {new_value or 'unknown'}")
        return out


def shape_of(spec: ModelSpec, frequency: str | None) -> Shape:
    """The shape of a version fitted with `spec` on data of `frequency` (a pandas alias)."""
    return Shape(
        spec.kind, tuple(spec.variables), spec.transform, label_of(frequency) if frequency else "", tuple(spec.exog)
    )


def artifact_shape(artifact: Artifact) -> Shape:
    return shape_of(artifact.spec, artifact.data.frequency)


def check_shape(previous: Artifact | None, new: Artifact, bump: str) -> None:
    """Refuse `new` under its name unless it keeps the shape of `previous` (the version it follows) or is a
    major bump. The message names the differences and both ways forward."""
    if previous is None or bump == "major":
        return
    changes = artifact_shape(previous).differences(artifact_shape(new))
    if changes:
        raise ConflictError(
            f"model {new.name!r} {previous.version} has another shape than this version ({'; '.join(changes)}):"
            f" within a major version `latest` keeps its shape, so every link to {new.name!r} keeps meaning the"
            " same model. Publish it as a new major version (--bump major, or the dashboard's major bump), or"
            " under another name",
            field="name",
            value=new.name,
        )
