"""Publishing under a name whose versions have another shape named the old and the new variable lists in full, so
with nine or ten long names the one change was hard to find: the refusal and the Train page's warning now name only
what changed (added, removed, moved to or from the exogenous variables, reordered), with the version it differs from
and the major version it asks for."""

from __future__ import annotations

import pytest

from varlib import ConflictError
from varlib.catalog.shape import Shape, check_shape

NINE = tuple(f"regional_unemployment_rate_{n}" for n in range(9))


def _shape(variables=NINE, exog=(), **changes) -> Shape:
    return Shape(changes.get("kind", "var"), tuple(variables), changes.get("transform", "none"), "quarterly", exog)


@pytest.mark.parametrize(
    ("new", "said"),
    [
        (_shape(NINE[:4] + NINE[5:], (NINE[4],)), ["variable moved to the exogenous variables: " + NINE[4]]),
        (_shape((*NINE, "oil_price")), ["variable added: oil_price"]),
        (_shape(NINE[1:]), ["variable removed: " + NINE[0]]),
        (_shape(NINE, ("oil_price", "fed_rate")), ["variables added as exogenous: oil_price, fed_rate"]),
        (_shape((NINE[1], NINE[0], *NINE[2:])), [f"variable order {NINE[0]}, {NINE[1]} -> {NINE[1]}, {NINE[0]}"]),
        (_shape(NINE, transform="diff"), ["transform none -> diff"]),
        (_shape(NINE, kind="vecm"), ["kind var -> vecm"]),
        (_shape(NINE), []),
    ],
)
def test_only_what_changed_is_named(new, said):
    assert _shape().differences(new) == said


def test_moves_back_from_the_exogenous_variables_and_their_removal_are_named():
    before = _shape(NINE[:8], (NINE[8], "oil_price"))
    assert before.differences(_shape(NINE)) == [
        f"variable moved from the exogenous variables: {NINE[8]}",
        "variable removed from the exogenous variables: oil_price",
    ]


def test_the_refusal_names_the_version_the_change_and_the_major_version(monkeypatch):
    from varlib.catalog import shape

    class Version:
        def __init__(self, name: str, label: str, variables, exog=()):
            self.name, self.version, self.variables, self.exog = name, label, variables, exog

    monkeypatch.setattr(shape, "artifact_shape", lambda v: _shape(v.variables, v.exog))
    previous, new = Version("jobs", "0.3.1", NINE), Version("jobs", "", NINE[:4] + NINE[5:], (NINE[4],))
    with pytest.raises(ConflictError) as refused:
        check_shape(previous, new, "minor")  # type: ignore[arg-type]
    said = str(refused.value)
    assert said.startswith(
        "model 'jobs' 0.3.1 has another shape than this version (variable moved to the exogenous variables:"
        f" {NINE[4]}):"
    )
    assert "new major version (--bump major" in said and said.count(NINE[0]) == 0
    check_shape(previous, new, "major")  # type: ignore[arg-type]
