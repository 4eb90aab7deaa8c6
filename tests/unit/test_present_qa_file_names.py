"""Exported files are named after what they show, in at most 150 bytes of UTF-8 (ext4, NTFS and APFS refuse names
over 255): a variable named by a long CSV column is shortened, never the model, version, steps, level or interval
kind (QA pass: a 280-byte column gave a 344-byte suggested image name)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ui.chart_files import NAME_BYTES, export_stem
from ui.forecast_table import file_stem

LONG = (
    "Gross domestic product at market prices chain linked volumes reference year 2015 million euro seasonally and"
    " calendar adjusted data Federal Statistical Office Germany national accounts quarterly release table"
    " 81000-0002 series A (Bruttoinlandsprodukt, preisbereinigt, Kettenindex)"
)
GERMAN = "Ärztliche Versorgung – Ausgaben je Einwohner in € (Schätzung) " * 4


def _result(scenario=None, steps=8, name="long-names", version="0.0.1", intervals="standard"):
    """What export_stem reads of a forecast."""
    return SimpleNamespace(
        name=name, version=version, scenario=scenario, conditions=None, steps=steps,
        forecast=SimpleNamespace(intervals=intervals),
    )  # fmt: skip


def _fits(stem: str, after: str = ".json") -> bool:
    """The longest file a stem names (as JSON: `after`) within NAME_BYTES."""
    return len(f"{stem}{after}".encode()) <= NAME_BYTES


@pytest.mark.parametrize("variable", [LONG, GERMAN, "ä" * 200, "€" * 90])
def test_a_long_variable_is_shortened_and_the_rest_kept(variable):
    assert len(LONG.encode()) > 255
    stem = export_stem(_result(), variable, 95, [])
    assert _fits(stem) and _fits(file_stem(_result(), variable, 95, [], edited=True), ".json")
    assert stem.startswith("long-names-0.0.1-") and stem.endswith("-8-steps-95pct-standard")
    assert f"{stem}.png".encode().decode() == f"{stem}.png"  # cut between characters: valid UTF-8
    if variable == LONG:
        assert stem.startswith("long-names-0.0.1-Gross-domestic-product-at-market-prices")


def test_two_long_names_alike_at_the_start_name_two_files():
    first, second = (export_stem(_result(), f"{LONG} {end}", 95, []) for end in ("2015", "2020"))
    assert first != second and _fits(first) and _fits(second)


def test_a_long_scenario_gives_way_after_the_variable():
    scenario = "s" * 63  # the longest name a scenario can have (varlib.SCENARIO_PATTERN)
    fan = [10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99]
    stem = export_stem(_result(scenario=scenario, steps=400, name="m" * 40), LONG, 95, fan)
    assert _fits(stem) and stem.startswith(f"{'m' * 40}-0.0.1-Gross-")
    assert stem.endswith("-400-steps-10-20-30-40-50-60-70-80-90-95-99pct-standard") and "-sss" in stem


def test_short_names_are_as_before():
    assert export_stem(_result(scenario="dip", steps=12), "realgdp", 95, [30, 60, 90]) == (
        "long-names-0.0.1-realgdp-dip-12-steps-30-60-90pct-standard"
    )
