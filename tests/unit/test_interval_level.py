"""An interval level in percent, the one check behind the CLI's --level, the REST `level` and the pages:
its range, its rounding and the words of its refusal."""

import math

import pytest

from varlib import LEVEL_RANGE, InvalidInputError, level_to_alpha


def test_range_is_the_alphas_the_library_takes():
    assert LEVEL_RANGE == (50, 99.99)
    assert level_to_alpha(LEVEL_RANGE[0]) == 0.5 and level_to_alpha(LEVEL_RANGE[1]) == 0.0001


@pytest.mark.parametrize(("level", "alpha"), [(95, 0.05), (90.0, 0.1), (80, 0.2), (99.9, 0.001)])
def test_rounded_as_typed(level, alpha):
    assert repr(level_to_alpha(level)) == repr(alpha)


@pytest.mark.parametrize(
    ("level", "name", "said"),
    [
        (30, "level", "level 30 must be a percentage from 50 to 99.99 (95 gives a 95% interval)"),
        (100, "--level", "--level 100 must be a percentage from 50 to 99.99"),
        (0.95, "level", "level 0.95 must be a percentage"),  # an alpha-like fraction, not a percentage
        (math.nan, "level", "level nan must be a percentage"),
        (True, "level", "level True must be a percentage"),
        ("95", "level", "level '95' must be a percentage"),
    ],
)
def test_refused_naming_the_value_and_the_field(level, name, said):
    with pytest.raises(InvalidInputError) as refused:
        level_to_alpha(level, name=name)
    assert said in str(refused.value)
    assert refused.value.field == "level"
