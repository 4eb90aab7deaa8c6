"""What a forecast's exported files are called (chart images, the table's CSV and JSON, the HTML report) and the
modebar that saves the images: named after what they show, safe on every system, and short enough for every file system.

A file name is at most NAME_BYTES in UTF-8, its ending included: ext4, NTFS and APFS refuse names over 255
bytes, and a variable can be named by a CSV column of 280. The version, steps, level(s) and interval kind are
kept; the variable gives way first, then the scenario, each cut to a prefix marked with a short digest of
the whole name, so two long names that start alike still name two files. The model's name gives way once
the two are down to MIN_PART bytes each and it is still too long (a 63-byte name with eleven fan levels can be); a
last cut of the whole name guards any input beyond those the tests try.

The other pages' charts are named after the page and what they show (`var-0.0.1-diagnostics-roots.png`):
without a name, the camera saved every one of them as plotly's `newplot.png`. A page's settings that change a
chart's numbers are in its name too (`var-0.0.1-diagnostics-fevd-10-periods`), as on Forecast and Backtest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from varlib import VersionForecast

EXPORT_SCALE = 3
NAME_BYTES = 150
ENDING_BYTES = len(".json")  # the longest file ending after a stem (`.png`, `.svg`, `.csv` are shorter)
DIGEST_CHARS = 6  # hex digits of the whole name's digest that end a shortened part
MIN_PART = 16  # bytes the variable keeps before the scenario is shortened too: a prefix and its digest
# what the page's charts show (`var-0.0.1-backtest`), set by the page around them: its sections need not pass it on
_PAGE_IMAGES: ContextVar[str | None] = ContextVar("page_images", default=None)


# Each modebar button is a Tab stop (8 a chart), between the settings and the content. The drag-mode switches
# do nothing from the keyboard and the mouse keeps them without the buttons (drag zooms, Shift+drag pans,
# double-click resets the axes, as Autoscale did), so they are left out: 5 stops a chart.
MODEBAR_LEFT_OUT = ("zoom2d", "pan2d", "autoScale2d")


def modebar_config() -> dict:
    """Plotly's modebar settings of every chart: no logo, and only the buttons a keyboard can use."""
    return {"displaylogo": False, "modeBarButtonsToRemove": list(MODEBAR_LEFT_OUT)}


def export_config(filename: str, image_format: str = "png") -> dict:
    """modebar_config with the camera saving `filename` at 3x in PNG or SVG."""
    return {
        **modebar_config(),
        "toImageButtonOptions": {"format": image_format, "filename": filename, "scale": EXPORT_SCALE},
    }


def file_stem(*parts: object) -> str:
    """A file name from what a chart shows: `var-0.0.3-realgdp-8-steps-95pct`, safe on every system."""
    text = "-".join(str(part) for part in parts if part not in (None, ""))
    return "".join(ch if ch.isalnum() or ch in ".-_" else "-" for ch in text)


def backtest_part(origins: object, horizon: object, policy: object) -> tuple[str, ...]:
    """What a backtest's file names say of its settings: `8-origins`, `4-steps`, `fixed-lags` (the Backtest page's
    files, and a report that holds the backtest)."""
    return f"{origins}-origins", f"{horizon}-steps", f"{policy}-lags"


@contextmanager
def images_named(*parts: object) -> Iterator[None]:
    """Inside this block, a chart drawn without a config of its own (ui.chart_look.plot) saves its image as
    `parts` and what the chart shows: `images_named(name, version, "backtest")`."""
    token = _PAGE_IMAGES.set(file_stem(*parts))
    try:
        yield
    finally:
        _PAGE_IMAGES.reset(token)


def page_image_config(what: str) -> dict | None:
    """The modebar settings of a chart showing `what` inside images_named, within NAME_BYTES; None outside. A
    long page part (Compare's many versions) gives way first, so the name keeps saying which chart it is."""
    page, most, what = _PAGE_IMAGES.get(), NAME_BYTES - ENDING_BYTES, file_stem(what)
    if page is None:
        return None
    page = shortened(page, max(most - _size(what) - 1, MIN_PART))
    return export_config(shortened(file_stem(page, what), most))


def scenario_part(scenario: str | None, conditioned: bool) -> str | None:
    """What a file name says about the forecast's scenario: its saved name, `conditioned` for conditions not
    saved yet (so its files are not named as the plain forecast's), else nothing."""
    return scenario or ("conditioned" if conditioned else None)


def export_stem(result: VersionForecast, what: str, level: float, fan: Sequence[int], mark: str = "") -> str:
    """The name of a forecast's exported files, `what` being the chart's variable or `forecast` for the table:
    `var-0.0.1-realgdp-dip-12-steps-30-60-90pct-standard`, then `mark` (ui.forecast_table's `-edited-lags`), in
    NAME_BYTES of UTF-8 with the file's ending (long names shortened, only as far as this name needs)."""
    scenario = scenario_part(result.scenario, bool(result.conditions))
    forecast = (result.steps, level, fan, result.forecast.intervals)
    return stem_of(result.name, result.version, what, scenario, forecast, mark)


def stem_of(
    name: str,
    version: object,
    what: str,
    scenario: str | None,
    forecast: tuple[int, float, Sequence[int], str] | None,
    mark: str = "",
) -> str:
    """export_stem from its parts, for a file built before its forecast is (the Diagnostics page's HTML report,
    `what` being `report`): `forecast` is its (steps, level, fan, interval kind), or None for a file without one."""
    room_for_stem = NAME_BYTES - ENDING_BYTES - _size(mark)
    return _stem(name, version, what, scenario, forecast, room_for_stem) + mark


def _stem(model: str, version: object, what: str, saved: str | None, forecast, most: int) -> str:
    tail: tuple[str, ...] = ()
    if forecast is not None:
        steps, level, fan, intervals = forecast
        tail = (f"{steps}-steps", f"{'-'.join(map(str, fan)) or str(level)}pct", intervals)
    scenario, name = file_stem(saved), file_stem(model)
    whole = file_stem(name, version, what, scenario, *tail)
    if _size(whole) <= most:
        return whole
    rest = _size(file_stem(version, *tail)) + 2 + (1 if scenario else 0)  # with the parts' dashes
    # the variable and the scenario keep MIN_PART each (or all of a shorter one) before the model's name gives way
    keep = min(_size(file_stem(what)), MIN_PART)
    least = keep + (min(_size(scenario), MIN_PART) if scenario else 0)
    if most - rest - _size(name) < least:  # a long name, version and fan: the name gives way, just enough
        name = shortened(name, most - rest - least)
    room = most - rest - _size(name)  # for the variable and the scenario
    if _size(scenario) > room - keep:  # the scenario gives way too, leaving the variable `keep` at least
        scenario = shortened(scenario, max(room - keep, room // 2))
    stem = file_stem(name, version, shortened(file_stem(what), room - _size(scenario)), scenario, *tail)
    # the cuts above fit every allowed input (tests/unit/test_export_names_worst_cases.py); this guards any other
    return shortened(stem, most)


def shortened(part: str, most: int) -> str:
    """`part` (a file_stem) in at most `most` bytes of UTF-8: as it is if it fits, else its longest prefix that
    leaves room for a dash and the digest of the whole, cut between characters."""
    if _size(part) <= most:
        return part
    digest = digest_of(part.encode())
    prefix = part.encode()[: max(most - DIGEST_CHARS - 1, 0)].decode(errors="ignore").rstrip("-._")
    return f"{prefix}-{digest}" if prefix else digest


def digest_of(content: bytes) -> str:
    """DIGEST_CHARS hex digits of `content`: in a name, it tells apart what the readable parts cannot all say."""
    return hashlib.blake2b(content, digest_size=DIGEST_CHARS // 2).hexdigest()


def _size(text: str) -> int:
    return len(text.encode())
