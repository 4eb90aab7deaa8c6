"""Exported files' names stay within NAME_BYTES of UTF-8 for every input the product allows, the worst ones
included: a 63-character model name, the longest version, 400 steps, every fan level, the longest scenario name
and long variables of multi-byte characters (review: such a name with eleven fan levels reached 156 to 171 bytes).
"""

from __future__ import annotations

from itertools import combinations
from types import SimpleNamespace

import pytest

from ui.chart_files import NAME_BYTES, export_stem
from ui.forecast_link import FAN_LEVELS
from ui.forecast_table import file_stem
from varlib import INTERVAL_KINDS, MAX_STEPS, NAME_PATTERN, SCENARIO_PATTERN

NAME = "m" * 63  # the longest model name
VERSION = "999999.999999.999999"  # the longest version: six digits a part (varlib.versions)
SCENARIOS = [None, "conditioned", "s" * 63, "d" * 62 + "x"]  # none, conditions not saved, the longest saved
VARIABLES = [
    "realgdp",
    "forecast",  # the table's files
    "ä" * 200,  # two bytes a character
    "国内総生産" * 30,  # three
    "a\u0308" * 100,  # a combining mark (not kept: a dash)
    "€ 📈 " * 40,  # signs and emoji (dashes)
    "Ärztliche Versorgung – Ausgaben je Einwohner in € (Schätzung) " * 4,
]
FANS = [[], list(FAN_LEVELS), *(list(fan) for fan in combinations(FAN_LEVELS, 10))]


def _result(name: str, version: str, scenario: str | None, steps: int, intervals: str) -> SimpleNamespace:
    """What export_stem reads of a forecast."""
    return SimpleNamespace(
        name=name, version=version, scenario=scenario, conditions=None, steps=steps,
        forecast=SimpleNamespace(intervals=intervals),
    )  # fmt: skip


def _longest(stem: str) -> int:
    """The bytes of the longest file a plain stem names: the table as JSON (edited lag inputs are marked in their
    own stem, ui.forecast_table.file_stem, checked beside it)."""
    return len(f"{stem}.json".encode())


def test_the_worst_inputs_are_allowed_ones():
    assert NAME_PATTERN.fullmatch(NAME) and SCENARIO_PATTERN.fullmatch(SCENARIOS[2]) and MAX_STEPS == 400
    assert not NAME_PATTERN.fullmatch(NAME + "m")


@pytest.mark.parametrize("variable", VARIABLES)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_name_fits_and_keeps_its_numbers(variable, scenario):
    for version in ("0.0.1", VERSION):
        for fan in FANS:
            for intervals in INTERVAL_KINDS:
                result = _result(NAME, version, scenario, MAX_STEPS, intervals)
                stem = export_stem(result, variable, 97.55, fan)
                assert _longest(stem) <= NAME_BYTES, (stem, _longest(stem))
                levels = "-".join(map(str, fan)) or "97.55"
                assert stem.endswith(f"-{MAX_STEPS}-steps-{levels}pct-{intervals}"), stem
                assert f"-{version}-" in stem and stem.startswith("m" * 16)
                assert len(f"{file_stem(result, variable, 97.55, fan, edited=True)}.json".encode()) <= NAME_BYTES


def test_a_multi_byte_model_name_fits_too():
    """Not an allowed model name (they are lower-case ASCII), but the names are cut between characters anyway."""
    for name in ("ä" * 63, "国" * 63):
        stem = export_stem(_result(name, VERSION, "s" * 63, MAX_STEPS, "corrected"), "国内総生産" * 30, 95, FANS[1])
        assert _longest(stem) <= NAME_BYTES and stem.encode().decode() == stem
        assert stem.startswith(name[:8]) and stem.endswith("-400-steps-10-20-30-40-50-60-70-80-90-95-99pct-corrected")


def test_the_model_name_gives_way_last_and_two_alike_stay_apart():
    fan = list(FAN_LEVELS)
    first, second = (
        export_stem(_result(name, VERSION, "s" * 63, MAX_STEPS, "corrected"), "realgdp", 95, fan)
        for name in ("m" * 62 + "a", "m" * 62 + "b")
    )
    assert first != second and first.startswith("m" * 30)
    # with room enough the model's name is whole and a short variable too
    stem = export_stem(_result(NAME, "0.0.1", None, MAX_STEPS, "corrected"), "realgdp", 95, fan)
    assert stem == f"{NAME}-0.0.1-realgdp-400-steps-10-20-30-40-50-60-70-80-90-95-99pct-corrected"


def test_short_names_stay_whole_when_the_file_has_room_for_them():
    """A name is cut only as far as its own file needs: an image or a table without edited lag inputs has no
    `-edited-lags` to make room for, and a short variable or scenario is kept beside a long model name (a QA pass
    found `realcons` and `forecast` as digests in names of 134-138 bytes, and 50 characters of the model kept)."""
    fan = list(FAN_LEVELS)
    plain = export_stem(_result(NAME, "0.0.1", None, MAX_STEPS, "corrected"), "realcons", 95, fan)
    assert plain == f"{NAME}-0.0.1-realcons-400-steps-{'-'.join(map(str, fan))}pct-corrected"
    saved = _result(NAME, "0.0.1", "recession", MAX_STEPS, "corrected")
    edited = file_stem(saved, "realgdp", 95, fan, edited=True)
    assert "-0.0.1-realgdp-recession-400-steps-" in edited and edited.endswith("-edited-lags")
    assert len(f"{edited}.json".encode()) <= NAME_BYTES and edited.startswith("m" * 16)
