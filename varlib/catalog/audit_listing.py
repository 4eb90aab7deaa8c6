"""Which keys of an audit trail a page of it needs, listed from a window of time instead of the whole trail.

A record's key starts with its UTC time, so keys sort as the trail does, but S3 lists keys only in ascending
order (from any key on: `start_after`): the newest records are the last listed. A page is therefore
listed from a window before its anchor (now, or the time of the key it continues `before`), widened step by step
until the page is full or the whole trail was listed. Every key left unlisted sorts at or before the window's
start, below every key listed, so a full page from the window is the page of the whole listing, whatever the
times: records newer than now (a writer's clock ahead) are in every window, which runs to the trail's end.

Each step is one listing request, and on MinIO one that stops early still costs a response of up to 1,000 keys
(a page deep in a trail pays that much per step), so a step widens as far as the density seen calls for, and a
process remembers per trail the step that would have held its last full page and starts there: a small trail is
then listed whole at once, and a long one from the window its density calls for. The hint and the
step sizes only change what is listed, never the page.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from ..cache import BoundedCache
from ..store import Store

RECORD_KEY = re.compile(r"\d{8}T\d{6}\.\d{6}Z-[0-9a-z-]{1,40}\.json")  # under the trail's folder: time, then suffix
# How far before the anchor a page is looked for, each step wider (None: the whole trail); a too-narrow step
# costs one more request, a too-wide one the keys it lists for nothing.
WINDOWS = (
    *(timedelta(minutes=minutes) for minutes in (1, 10, 60, 360)),  # a burst of records (a script publishing)
    *(timedelta(days=days) for days in (1, 7, 31, 366)),  # a trail of a few records a day or fewer
    None,
)
_STAMP = "%Y%m%dT%H%M%S.%fZ"  # a record key's time (key_stamp), which keys sort by
_PEEK = 100  # records past a page's `before` read to tell the trail's density there (see _wider)
# (store, trail folder) -> the step of WINDOWS to start at: a hint only, every window gives the same page
_FIRST_STEP: BoundedCache[int] = BoundedCache(4096)


def forget_densities() -> None:
    """Start every trail's next page from the narrowest window, as a new process does (a benchmark's first page)."""
    _FIRST_STEP.clear()


def key_stamp(at: str) -> str:
    """A trail time in a record key's form: `2026-11-29T08:15:30.123456Z` -> `20261129T081530.123456Z` (sorts as
    text, as _STAMP reads it back)."""
    return at.replace("-", "").replace(":", "")


def stamp_text(stamp: str) -> str:
    """A record key's time as a trail time again (key_stamp's inverse), as written even where it is no date."""
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[9:11]}:{stamp[11:13]}:{stamp[13:]}"


def is_record_key(folder: str, key: str) -> bool:
    return key.startswith(folder) and RECORD_KEY.fullmatch(key[len(folder) :]) is not None


def newest_keys(store: Store, folder: str, limit: int, before: str | None) -> list[str]:
    """The keys of the newest `limit` records under `folder` (with `before`, of those below it), newest first:
    what sorting the whole listing gives, from as few listed keys as a window of time holds."""
    anchor = datetime.now(UTC).replace(tzinfo=None) if before is None else _time(folder, before)
    trail = (store.description, folder)
    first = _FIRST_STEP.get(trail)
    step, keys, upto, peek = first or 0, [], before, min(limit, _PEEK) if before else 0
    while True:
        start = _start(folder, anchor, WINDOWS[step])
        found, past = _record_keys(store, folder, start, upto, peek)
        keys += found
        if len(keys) >= limit > 0 or start == folder:  # a full page, or the whole trail (the answer of any limit)
            page = sorted(keys, reverse=True)[:limit]
            if len(page) == limit > 0:  # the narrowest window that holds this page, for the next one
                _FIRST_STEP.put(trail, next(i for i, w in enumerate(WINDOWS) if _start(folder, anchor, w) < page[-1]))
            elif first is None:  # short: the trail's start was reached; a small trail is listed whole next time
                _FIRST_STEP.put(trail, len(WINDOWS) - 1)
            return page
        # a wider window lists only what this one did not: the keys up to its start
        step, upto, peek = _wider(folder, step, anchor, len(keys) + len(past), past, limit), start, 0


def keys_after(store: Store, folder: str, start: str) -> list[str]:
    """The keys of the records under `folder` that sort after `start` (a key, or a key's leading part)."""
    return [info.key for info in store.list(folder, start_after=start) if is_record_key(folder, info.key)]


def _record_keys(store: Store, folder: str, start: str, upto: str | None, peek: int) -> tuple[list[str], list[str]]:
    """The record keys after `start` and below `upto` (None: to the end), from a listing that stops at `upto`
    (a window's start ends in the time's `Z`, never a record's key, so none is lost at it); and the keys of up
    to `peek` records past `upto`, which the same request of a MinIO listing (1,000 keys) mostly holds anyway."""
    keys: list[str] = []
    past: list[str] = []
    for info in store.list(folder, start_after=start):  # ascending: past `upto` the rest are listed already
        if upto is not None and info.key >= upto:
            if len(past) >= peek:
                break
            past += [info.key] if is_record_key(folder, info.key) else []
        elif is_record_key(folder, info.key):
            keys.append(info.key)
    return keys, past


def _wider(folder: str, step: int, anchor: datetime | None, seen: int, past: list[str], limit: int) -> int:
    """The next step: the first wider window that holds half again a page at the density seen (in the window,
    and past `before` up to the last key peeked at), or simply the next one when no record was seen. Each step
    past a page's `before` costs a MinIO request of 1,000 keys, so a sparse trail is not widened a little at a time."""
    window, last = WINDOWS[step] or timedelta(0), _time(folder, past[-1]) if past else None
    span = window + (last - anchor if last is not None and anchor is not None and last > anchor else timedelta(0))
    # in seconds, as a float: a key dated in the year 9999 past `before` would overflow a timedelta
    wanted = span.total_seconds() * (1.5 * limit / seen) if seen else window.total_seconds()
    return next(i for i in range(step + 1, len(WINDOWS)) if (w := WINDOWS[i]) is None or w.total_seconds() >= wanted)


def _time(folder: str, key: str) -> datetime | None:
    """The time in a record's key (None when it is no date, as month 13: its window cannot be told)."""
    try:
        return datetime.strptime(key[len(folder) :].partition("-")[0], _STAMP)
    except ValueError:
        return None


def _start(folder: str, anchor: datetime | None, window: timedelta | None) -> str:
    """Where the listing of `window` before `anchor` starts: after the keys of older records (the folder itself,
    before all of them, for the whole trail)."""
    if window is None or anchor is None:
        return folder
    try:
        moment = anchor - window
    except OverflowError:  # before year 1: the whole trail
        return folder
    return folder + key_stamp(moment.isoformat(timespec="microseconds") + "Z")
