"""The frequency of a date column, and the periods missing from it.

A VAR reads rows as consecutive periods, so the dates must lie on one regular grid: daily, business daily, weekly,
monthly, quarterly or yearly, with the usual anchors (month start or end, the weekday of a weekly series, the month a
year or quarter starts or ends). The grid is the coarsest one that holds every date; the periods of that grid without
a row are the gaps. Dates on no grid, or on one where more periods are missing than present, are irregular; rows on
one grid then on another (quarterly, then monthly) are said where they change, however many of each there are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..clock import iso_label
from ..errors import InvalidInputError
from ..wording import counted
from .coarse_stretch import mostly_whole, stretches
from .grid_dates import DayCounts, grid_between, within
from .two_datings import refuse_two_datings

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
# Coarsest first: a quarterly series also lies on the monthly and daily grids, with gaps.
CANDIDATES = (
    *(f"YS-{m}" for m in _MONTHS),
    *(f"YE-{m}" for m in _MONTHS),
    *("2QS-JAN", "2QS-FEB", "2QS-MAR", "2QE-DEC", "2QE-JAN", "2QE-FEB"),  # half-years: pandas' grids start at the
    # first date, so these six hold every phase (named by _phased)
    *("QS-JAN", "QS-FEB", "QS-MAR", "QE-DEC", "QE-JAN", "QE-FEB", "MS", "ME", "BMS", "BME"),
    *(f"W-{d}" for d in _WEEKDAYS),
    "B",
    "D",
)
SCATTERED = 4  # dates per run of like steps, on average, below which the steps are scattered, not a switch
_LABELS = {"Y": "yearly", "A": "yearly", "Q": "quarterly", "BQ": "quarterly", "M": "monthly", "BM": "monthly"}
_LABELS |= {"W": "weekly", "B": "business daily", "D": "daily", "h": "hourly"}
_MULTIPLES = {(2, "quarterly"): "half-yearly", (2, "monthly"): "bimonthly", (2, "weekly"): "fortnightly"}
_UNITS = {"yearly": "years", "quarterly": "quarters", "monthly": "months", "weekly": "weeks", "daily": "days"}
_UNITS |= {"business daily": "business days", "hourly": "hours"}
SHOWN = 5  # missing periods named in a message


@dataclass(frozen=True)
class Frequency:
    """A regular grid of dates: its pandas alias (e.g. `QS-OCT`), a word for people, and the periods of
    the grid between the first and the last date that have no row."""

    alias: str
    label: str
    missing: tuple[pd.Timestamp, ...] = ()

    @property
    def regular(self) -> bool:
        return not self.missing

    def name(self, stamp: pd.Timestamp) -> str:
        """How people name the period starting at `stamp` on this grid: `2001Q2`, `Apr 2001`, `2001-04-03`."""
        return period_labels([stamp], self.alias)[0]

    def describe_missing(self, shown: int = SHOWN) -> str:
        """`2001Q2, 2001Q3 (2 periods)`, or the first few and how many."""
        labels = period_labels(self.missing[:shown], self.alias) if self.missing else []
        more = ", ..." if len(self.missing) > shown else ""
        return f"{', '.join(labels)}{more} ({counted(len(self.missing), 'period')})"


UNKNOWN = Frequency("", "of unknown frequency")


def label_of(alias: str) -> str:
    """`quarterly` for `QS-OCT`, `monthly` for `ME`, `half-yearly` for `2QS-JAN`, `every 3 weeks` for
    `3W-SUN`, ... (the alias itself when unknown). A multiple is named: it is another frequency, which a
    model name must not change within a major version (varlib.catalog.shape)."""
    head = alias.split("-")[0]
    letters = "".join(ch for ch in head if not ch.isdigit())
    count = int(re.sub(r"\D.*", "", head) or 1)  # 2 in 2QS-JAN: the digits before the letters
    for prefix, label in sorted(_LABELS.items(), key=lambda item: -len(item[0])):
        if letters.startswith(prefix):
            return label if count == 1 else _MULTIPLES.get((count, label), f"every {count} {_UNITS[label]}")
    return alias


def detect_frequency(index: pd.DatetimeIndex, source: str = "the data") -> Frequency:
    """The grid the dates lie on, with its missing periods; InvalidInputError when there is none. The index must be
    sorted and free of duplicates (datasets.check_dates)."""
    if len(index) < 3:
        return UNKNOWN  # too few rows to tell; far too few to fit a model, which says so
    inferred, counts = infer_frequency(index), DayCounts(index)
    # pandas may infer business quarter or month ends for calendar ones with one date mistyped (a Friday)
    if inferred is not None and counts.on_grid(pd.tseries.frequencies.to_offset(inferred)).all():
        return Frequency(_phased(inferred, index[0]), label_of(inferred))
    for position, alias in enumerate(CANDIDATES):
        offset = pd.tseries.frequencies.to_offset(alias)
        if not counts.on_offset(offset).all():
            continue
        grid = grid_between(index[0], index[-1], offset)
        if not within(index, grid).all():
            continue
        missing = grid.difference(index) if len(grid) <= 2 * len(index) else grid  # else more missing than dates
        if len(missing) > len(index):
            break  # a finer grid only misses more: the dates are irregular
        canonical = _phased(infer_frequency(grid) or alias, index[0])
        if len(missing):  # or a few dates off a coarser grid that explains more (a Saturday among business days)
            _refuse_a_few_off_a_grid(counts, source, CANDIDATES[:position], len(missing))
            _refuse_a_switch(index, source, label_of(canonical), missing)
        return Frequency(canonical, label_of(canonical), tuple(missing))
    _refuse_a_few_off_a_grid(counts, source)
    _refuse_runs_on_two_grids(index, source)  # two grids one after the other: where it changes, not a step of either
    refuse_two_datings(index, source, _run)  # one frequency dated two ways (quarter ends, then quarter starts)
    widest = int((index[1:] - index[:-1]).argmax())  # the widest step: where the dates leave any grid most plainly
    raise InvalidInputError(
        f"the dates of {source} are irregularly spaced (for example {iso_label(index[widest])} then"
        f" {iso_label(index[widest + 1])}): a VAR needs one row per period of a regular frequency (daily, business"
        " daily, weekly, monthly, quarterly or yearly); aggregate the data to one of them first",
        field="dates",
    )


def _phased(alias: str, first: pd.Timestamp) -> str:
    """A half-yearly alias naming a month its halves start (`2QS-`) or end (`2QE-`) in: pandas infers `2QS-JAN` for
    halves starting in April and October too, and the model's lag inputs and conditions are read in its halves
    (periods.period_of). Other aliases as they are."""
    offset = pd.tseries.frequencies.to_offset(alias)
    if not isinstance(offset, (pd.offsets.QuarterBegin, pd.offsets.QuarterEnd)) or offset.n != 2:
        return alias
    anchor, halves = _MONTHS.index(offset.freqstr.split("-")[1]) + 1, {first.month, (first.month + 5) % 12 + 1}
    anchor = anchor if anchor in halves else (anchor + 2) % 12 + 1
    return f"{alias.split('-')[0]}-{_MONTHS[anchor - 1]}"


def infer_frequency(index: pd.DatetimeIndex) -> str | None:
    """The pandas frequency alias of the dates, or None when irregular (or fewer than 3: pandas refuses them)."""
    try:
        with pd.option_context("future.infer_freq_returns_offset", True):
            offset = pd.infer_freq(index)
    except (TypeError, ValueError):
        return None
    return None if offset is None else getattr(offset, "freqstr", str(offset))


def _refuse_a_few_off_a_grid(
    counts: DayCounts, source: str, candidates: tuple[str, ...] = CANDIDATES, than: int | None = None
) -> None:
    """Dates on one grid but for a few (at most one in ten) are named with the grid's date nearest to each: a
    mistyped date (2003-05-02 among month starts) is fixed there, where 'aggregate the data' would mislead, and
    a Saturday among business days is not read as daily data missing every other weekend. `than`: the periods a
    finer grid holding every date misses, which the few dates and their grid's gaps must be fewer than. `counts`:
    the dates' days and months, counted once for every grid (detect_frequency's)."""
    index = counts.index
    for alias in candidates:
        offset = pd.tseries.frequencies.to_offset(alias)
        on = counts.on_grid(offset)
        if not 0 < len(on) - int(on.sum()) <= max(1, len(index) // 10):  # counted first: taking the dates costs more
            continue
        off = index[~on]
        grid = grid_between(index[on][0], index[on][-1], offset)
        gaps = len(grid.difference(index[on]))
        if gaps > len(off) or (than is not None and gaps + len(off) >= than):
            continue  # the dates on this grid leave more gaps than the dates off it would fill
        taken = set(index[on])
        said = [_fix_for(offset, stamp, taken, grid[0]) for stamp in off[:SHOWN]]
        fixes, extra = ", ".join(said), sum("(an extra row" in one for one in said)
        those = "that date to the period it stands" if len(off) == 1 else "those dates to the periods they stand"
        fix = f"correct {those} for" if not extra else "delete the extra rows, correct the others"
        fix = "delete that row" if extra == len(off) == 1 else fix
        raise InvalidInputError(
            f"the dates of {source} are {label_of(alias)} ({alias}) but for {fixes}: a VAR needs one row per"
            f" period; {fix}",
            field="dates",
        )


def _fix_for(offset, stamp: pd.Timestamp, taken: set, phase: pd.Timestamp) -> str:
    """The date off the grid with the grid date it stands for, or, when both grid dates beside it have rows, as an
    extra row (a Saturday between a Friday and a Monday that are both there). `phase`: a date of the grid."""
    before, after = _around(offset, stamp, phase)
    if before in taken and after in taken:
        return f"{iso_label(stamp)} (an extra row: {iso_label(before)} and {iso_label(after)} have rows)"
    free = [d for d in (before, after) if d not in taken]
    # the grid date `stamp` stands for: of the two around it, the one no other row has (`2001Q2`, read as
    # 2001-04-01 among quarter ends, is 2001-06-30, not the row before's 2001-03-31), else the nearer
    nearest = free[0] if len(free) == 1 else before if stamp - before <= after - stamp else after
    return f"{iso_label(stamp)} (nearest free date: {iso_label(nearest)})"


def _around(offset, stamp: pd.Timestamp, phase: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The grid dates before and after `stamp`. pandas' half-year offsets (`2QS-JAN`, `2QE-DEC`) take every
    quarter's start or end for theirs, so 2005-04-01 among January and July starts was its own fix: the halves
    are counted in six months from `phase` instead."""
    if not isinstance(offset, (pd.offsets.QuarterBegin, pd.offsets.QuarterEnd)) or offset.n != 2:
        return offset.rollback(stamp), offset.rollforward(stamp)
    month, anchor = stamp.year * 12 + stamp.month - 1, phase.year * 12 + phase.month - 1

    def dated(months: int) -> pd.Timestamp:  # a half's first day, or its last for halves dated so
        first = pd.Timestamp(months // 12, months % 12 + 1, 1)
        return first if isinstance(offset, pd.offsets.QuarterBegin) else first + pd.offsets.MonthEnd(0)

    if isinstance(offset, pd.offsets.QuarterBegin):
        before = dated(month - (month - anchor) % 6)
        return before, before if before == stamp else dated(month - (month - anchor) % 6 + 6)
    after = dated(month + (anchor - month) % 6)
    return after if after == stamp else dated(month + (anchor - month) % 6 - 6), after


def _refuse_runs_on_two_grids(index: pd.DatetimeIndex, source: str) -> None:
    """Refuse dates that change from one frequency to another (quarterly rows, then monthly) where the first two runs
    of like steps (days, weeks, so many months) that lie on grids of different frequencies meet; none: nothing."""
    days = np.asarray((index[1:] - index[:-1]) / pd.Timedelta(days=1), dtype=float)
    kinds = np.where(days <= 4, 0, np.where(days < 28, np.round(days), 1000 * np.round(days / 30.44)))
    runs = [0, *(np.flatnonzero(np.diff(kinds)) + 1), len(days)]  # where each run of like steps starts
    if len(runs) - 1 > len(index) / SCATTERED:  # runs of a few dates each: dates on no grid, not two frequencies
        return
    for first, turn, last in list(zip(runs, runs[1:], runs[2:], strict=False))[:20]:  # a few: each is a detection
        before, after = _run(index[first : turn + 1]), _run(index[turn : last + 1])
        if before and after and before.label != after.label:
            _refuse_the_switch(index, source, turn, (before.label, after.label))


def _refuse_a_switch(index: pd.DatetimeIndex, source: str, label: str, missing: pd.DatetimeIndex) -> None:
    """Refuse rows on a coarser grid before or after those on `label`'s grid that hold more of the periods it misses
    than they are (quarterly rows, then monthly with a few months missing or none): the frequency changes there, which
    no fill mends. Other gaps (a few months anywhere, every other month for a while) stay gaps, however many rows."""
    for run, turn, gaps, first in stretches(index, missing, _run):
        coarse = _run(run) if gaps > len(run) and 0 < turn < len(index) - 1 else None
        if coarse and mostly_whole(coarse, len(run)) and coarse.label != label:
            _refuse_the_switch(index, source, turn, (coarse.label, label) if first else (label, coarse.label))


def _refuse_the_switch(index: pd.DatetimeIndex, source: str, turn: int, labels: tuple[str, str]) -> None:
    """Refuse the change from `labels[0]` rows to `labels[1]` rows at `index[turn]` (in both runs): what to do."""
    fine = int(index[turn + 1] - index[turn] < index[turn] - index[turn - 1])  # 1: the later rows are the finer
    steps = ", then ".join(iso_label(stamp) for stamp in index[turn - 1 : turn + 2])
    raise InvalidInputError(
        f"the dates of {source} change from {labels[0]} to {labels[1]} rows at {iso_label(index[turn])} ({steps}): a"
        f" VAR needs one row per period of one frequency; aggregate the {labels[fine]} rows to"
        f" {_UNITS.get(labels[1 - fine], 'one frequency')}, or keep the rows of one frequency (a start or end date),"
        " first",
        field="dates",
    )


def _run(dates: pd.DatetimeIndex) -> Frequency | None:
    """The grid of a run of 3 or more dates, else None."""
    try:
        return detect_frequency(dates) if len(dates) >= 3 else None
    except InvalidInputError:
        return None


def period_labels(dates, alias: str | None) -> list[str]:
    """How people name the periods of `dates` (anything pandas reads as dates): `2006Q1` for calendar
    quarters, `2006H1` for calendar half-years, `Jan 2006` for months, `2006` for calendar years, other quarters,
    half-years and years by the month they start in (`Jul 2006`: typed back, a label is that period), the ISO
    date otherwise (and for unknown grids), with the time of day on every label when some have one (hourly
    data). The steps of a version without a frequency are already named as people count them (`+1`, `+2`, ...:
    periods_ahead.future_dates) and stay so."""
    texts = [str(date) for date in dates]
    if texts and all(text.startswith("+") and text[1:].isdigit() for text in texts):
        return texts
    try:
        stamps = pd.DatetimeIndex(pd.to_datetime(list(dates)))
    except ValueError:  # stored hourly dates: `2021-03-01` at midnight, `2021-03-01T07:00:00` otherwise
        stamps = pd.DatetimeIndex(pd.to_datetime(list(dates), format="ISO8601"))
    label = label_of(alias) if alias else ""
    length = {"quarterly": 3, "half-yearly": 6, "yearly": 12}.get(label)
    if label == "monthly":
        return [stamp.strftime("%b %Y") for stamp in stamps]
    if length is not None:  # each period by its first month: an end-dated one's starts length - 1 months before
        before = 0 if "Begin" in type(_offset(alias)).__name__ else length - 1
        firsts = [stamp.to_period("M").to_timestamp() - pd.DateOffset(months=before) for stamp in stamps]
        starts = {first.month for first in firsts}
        if length == 3 and starts <= {1, 4, 7, 10}:  # calendar quarters
            return [f"{first.year}Q{(first.month - 1) // 3 + 1}" for first in firsts]
        if length == 6 and starts <= {1, 7}:  # calendar half-years
            return [f"{first.year}H{(first.month - 1) // 6 + 1}" for first in firsts]
        if length == 12 and starts == {1}:  # calendar years
            return [str(first.year) for first in firsts]
        # other quarters, half-years and years by the month they start in (`Jul 2010` for a year from July 2010,
        # as `2011` would read as the year from January 2011: see periods.in_their_periods)
        return [first.strftime("%b %Y") for first in firsts]
    if (stamps != stamps.normalize()).any():  # times of day: each with its time, midnight too (00:00)
        return [stamp.isoformat(timespec="minutes") for stamp in stamps]
    return [iso_label(stamp) for stamp in stamps]


def _offset(alias):
    try:
        return pd.tseries.frequencies.to_offset(alias)
    except ValueError:  # a frequency only named (`every 3 years`): its periods dated by their first day
        return None


def data_span(dates, alias: str | None) -> dict:
    """The rows of `dates` and their first and last period, named as `period_labels` names them."""
    first, last = period_labels([dates[0], dates[-1]], alias)
    return {"rows": len(dates), "first": first, "last": last}
