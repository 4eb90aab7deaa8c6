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
from ..versions import Version


@dataclass(frozen=True)
class Shape:
    kind: str
    variables: tuple[str, ...]
    transform: str
    frequency: str  # a word ("quarterly"): equivalent pandas anchors must not count as a change
    exog: tuple[str, ...] = ()  # a forecast needs their future values, so adding one changes what callers send

    def differences(self, new: Shape) -> list[str]:
        """What `new` changes, for people, naming only what changed (`variable added: realinv`, `variable moved to
        the exogenous variables: unemp`), so the one change among ten long names is found at once."""
        out = [
            f"{field} {old_value or 'unknown'} -> {new_value or 'unknown'}"
            for field, old_value, new_value in (
                ("kind", self.kind, new.kind),
                ("transform", self.transform, new.transform),
                ("frequency", self.frequency, new.frequency),
            )
            if old_value != new_value
        ]
        return out + _moves(self.variables, self.exog, new.variables, new.exog)


def _moves(
    variables: tuple[str, ...], exog: tuple[str, ...], new: tuple[str, ...], new_exog: tuple[str, ...]
) -> list[str]:
    """The names added, removed or moved between the variables and the exogenous variables, and the order of
    those kept on the same side when it changed (only the stretch that differs)."""
    groups = (
        ("moved to the exogenous variables", [v for v in variables if v in new_exog]),
        ("moved from the exogenous variables", [v for v in exog if v in new]),
        ("added", [v for v in new if v not in variables and v not in exog]),
        ("removed", [v for v in variables if v not in new and v not in new_exog]),
        ("added as exogenous", [v for v in new_exog if v not in exog and v not in variables]),
        ("removed from the exogenous variables", [v for v in exog if v not in new_exog and v not in new]),
    )
    out = [
        f"{'variables' if len(names) > 1 else 'variable'} {what}: {', '.join(names)}" for what, names in groups if names
    ]
    for side, before, after in (("variable", variables, new), ("exogenous variable", exog, new_exog)):
        kept, now = [v for v in before if v in after], [v for v in after if v in before]
        if kept != now:  # the stretch between the first and the last place that differs
            at = [i for i, (a, b) in enumerate(zip(kept, now, strict=True)) if a != b]
            span = slice(at[0], at[-1] + 1)
            out.append(f"{side} order {', '.join(kept[span])} -> {', '.join(now[span])}")
    return out


def shape_of(spec: ModelSpec, frequency: str | None) -> Shape:
    """The shape of a version fitted with `spec` on data of `frequency` (a pandas alias)."""
    return Shape(
        spec.kind, tuple(spec.variables), spec.transform, label_of(frequency) if frequency else "", tuple(spec.exog)
    )


def artifact_shape(artifact: Artifact) -> Shape:
    return shape_of(artifact.spec, artifact.data.frequency)


@dataclass(frozen=True)
class Reshaped:
    """What a new model changes in the shape of the version it follows: that version, so people know which one they
    would break from, and each change."""

    version: Version | None
    changes: tuple[str, ...]

    @property
    def text(self) -> str:
        return "; ".join(self.changes)


def reshaped(previous: Artifact | None, new: Shape) -> Reshaped | None:
    """What `new` changes in the shape of `previous` (the version it follows); None when nothing or no version."""
    if previous is None:
        return None
    changes = artifact_shape(previous).differences(new)
    return Reshaped(previous.version, tuple(changes)) if changes else None


def check_shape(previous: Artifact | None, new: Artifact, bump: str) -> None:
    """Refuse `new` under its name unless it keeps the shape of `previous` (the version it follows) or is a
    major bump. The message names the differences and both ways forward."""
    changed = reshaped(previous, artifact_shape(new)) if bump != "major" else None
    if changed:
        raise ConflictError(
            f"model {new.name!r} {changed.version} has another shape than this version ({changed.text}):"
            f" within a major version `latest` keeps its shape, so every link to {new.name!r} keeps meaning the"
            " same model. Publish it as a new major version (--bump major, or the dashboard's major bump), or"
            " under another name",
            field="name",
            value=new.name,
        )
