"""The audit trail's pages from a window of time (catalog.audit_listing), on both stores: exactly the pages the
whole listing gives, whatever the records' times (years apart, gaps, a clock ahead, damaged objects, keys that
are no records), and a page of a long trail lists a few of its keys, where it listed every one."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from varlib import Registry
from varlib.cache import BoundedCache
from varlib.catalog import audit
from varlib.catalog.audit import AuditRecord
from varlib.catalog.audit_listing import _FIRST_STEP, WINDOWS, forget_densities
from varlib.identity import Actor
from varlib.store import open_store

FOLDER = "var/_audit/"
# The trail as the whole listing read it: a record's key is its time, then a suffix (as audit.py writes it)
RECORD = re.compile(r"var/_audit/\d{8}T\d{6}\.\d{6}Z-[0-9a-z-]{1,40}\.json")


class CountingStore:
    """The real store, counting the keys its listings hand out (what a page costs, without timing it)."""

    def __init__(self, store) -> None:
        self.store, self.listed, self.listings = store, 0, 0

    def list(self, prefix, metadata=False, start_after=None):
        self.listings += 1
        for info in self.store.list(prefix, metadata, start_after):
            self.listed += 1
            yield info

    def __getattr__(self, name):
        return getattr(self.store, name)


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S.%fZ")


def write(store, moment: datetime, version: str = "0.0.1", suffix: str | None = None) -> str:
    """A record made at `moment` (in the past or the future); its key."""
    record = AuditRecord(moment.isoformat(timespec="microseconds").replace("+00:00", "Z"), "publish", "var", ACTOR)
    record = AuditRecord(**{**record.__dict__, "version": version})
    if suffix is not None:
        return audit.create(store, audit.record_key(record, suffix), record).key
    return audit.append(store, record).key


ACTOR = Actor("tester", "local:tester", via="library")


def whole_page(store, limit: int, before: str | None) -> list[str]:
    """The page as the whole listing gave it: every record key, sorted, newest first."""
    keys = [info.key for info in store.list(FOLDER) if RECORD.fullmatch(info.key)]
    return sorted((key for key in keys if before is None or key < before), reverse=True)[:limit]


@pytest.fixture
def odd_trail(store_settings):
    """Records over years, with gaps, clusters, a clock ahead and damaged or foreign objects among them."""
    store, now = open_store(store_settings), datetime.now(UTC)
    days = (-6 * 365, -5 * 365, -3 * 365 - 2, -400, -367, -200, -40, -8, -2, 3, 2 * 365)  # 3 and 2 years: ahead
    keys = [write(store, now + timedelta(days=d)) for d in days]
    keys += [write(store, now - timedelta(days=40, minutes=m)) for m in range(1, 5)]  # a cluster, within minutes
    keys += [write(store, now + timedelta(minutes=m)) for m in (-90, -30, -1, 5)]  # this hour, and one ahead
    damaged = [f"{FOLDER}{stamp(now - timedelta(days=d))}-bad{d}.json" for d in (100, 0)]
    damaged.append(f"{FOLDER}20261340T250000.000000Z-nodate.json")  # a record's key by its form, not a date
    damaged.append(f"{FOLDER}00010101T000000.000000Z-yearone.json")  # nothing can be older
    damaged.append(f"{FOLDER}99991231T000000.000000Z-farahead.json")  # a window widened to it overflowed
    for key in damaged:
        store.create(key, b"not json")
    for key in ("notes.json", "20261130T101500.000000Z-UPPER.json", "sub/20261130T101500.000000Z-a.json"):
        store.create(FOLDER + key, b"{}")  # objects of the folder that are not records of the trail
    return store, keys + damaged, damaged


@pytest.mark.parametrize("first", [None, 0, 2, len(WINDOWS) - 1])  # where the last page had the listing start
def test_every_page_is_the_page_of_the_whole_listing(odd_trail, first):
    store, keys, damaged = odd_trail
    registry = Registry(store, author="tester")
    absent = f"{FOLDER}{stamp(datetime.now(UTC) - timedelta(days=41))}-absent.json"  # between records
    for before in [None, absent, *keys]:
        for limit in (1, 3, 7, 100, 500, 1000):
            forget_densities()
            if first is not None:
                _FIRST_STEP.put((store.description, FOLDER), first)
            page = registry.history("var", limit, before)
            assert [record.key for record in page] == whole_page(store, limit, before), (before, limit)
            assert [record.key for record in page if record.damaged] == [r.key for r in page if r.key in damaged]


def test_paging_on_with_before_walks_the_whole_trail_once(odd_trail):
    store, keys, _ = odd_trail
    registry, walked, before = Registry(store, author="tester"), [], None
    while page := registry.history("var", 2, before):
        walked += [record.key for record in page]
        before = page[-1].key
    assert walked == whole_page(store, 1000, None) == sorted(keys, reverse=True)


def test_an_empty_trail_and_one_of_foreign_objects_have_no_page(store_settings):
    store = open_store(store_settings)
    assert Registry(store, author="tester").history("var") == []
    store.create(FOLDER + "notes.json", b"{}")
    assert Registry(store, author="tester").history("var", 5) == []


def test_a_small_trail_is_listed_whole_at_once_after_its_first_page(store_settings):
    store, now = CountingStore(open_store(store_settings)), datetime.now(UTC)
    keys = sorted((write(store, now - timedelta(days=18 * n + 1)) for n in range(20)), reverse=True)
    registry = Registry(store, author="tester")
    assert [record.key for record in registry.history("var", 100)] == keys
    assert 1 < store.listings <= len(WINDOWS)  # a minute, ten, ... then the whole trail: it is a small one
    store.listings = 0
    assert [record.key for record in registry.history("var", 100)] == keys
    assert [record.key for record in registry.history("var", 5, keys[9])] == keys[10:15]
    assert store.listings == 2  # one listing a page
    keys = sorted(keys + [write(store, now - timedelta(minutes=30, hours=h)) for h in range(400)], reverse=True)
    assert [record.key for record in registry.history("var", 100)] == keys[:100]  # it grew long: listed whole
    store.listed = 0
    assert [record.key for record in registry.history("var", 100)] == keys[:100]
    assert store.listed <= 200  # a week of it, not the 420 records of the whole trail


@pytest.fixture
def dense_trail(store_settings):
    """1,000 records an hour apart, the newest half an hour ago."""
    store, now = open_store(store_settings), datetime.now(UTC)
    with ThreadPoolExecutor(4) as pool:
        keys = list(pool.map(lambda h: write(store, now - timedelta(minutes=30, hours=h)), range(1000)))
    return store, sorted(keys, reverse=True)


def test_a_page_of_a_long_trail_lists_a_few_of_its_keys(dense_trail):
    store, keys = dense_trail
    counting = CountingStore(store)
    registry = Registry(counting, author="tester")
    assert [record.key for record in registry.history("var", 100)] == keys[:100]
    assert counting.listed <= 200  # a week of the trail (168 records), where it listed all 1,000
    counting.listed = 0
    assert [record.key for record in registry.history("var", 100, keys[499])] == keys[500:600]
    assert counting.listed <= 300  # the week before the page's anchor, and a page past it (how dense it is there)
    counting.listed = 0
    assert [record.key for record in registry.history("var", 500, keys[899])] == keys[900:]  # the trail's end
    assert counting.listed <= 300  # the oldest 100, and 100 past the anchor


def test_a_record_since_a_time_lists_only_the_records_after_it(dense_trail):
    store, keys = dense_trail
    counting, cache = CountingStore(store), BoundedCache[AuditRecord](64)
    since = (datetime.now(UTC) - timedelta(hours=3)).isoformat(timespec="microseconds").replace("+00:00", "Z")
    assert audit.recorded(counting, "var", cache, "publish", "0.0.1", since)
    assert not audit.recorded(counting, "var", cache, "withdraw", "0.0.1", since)
    assert counting.listed <= 6  # the three newest records (and one taken at the first answer), not 1,000


def test_a_listing_after_a_key_lists_the_keys_after_it_in_order(store_settings):
    store = open_store(store_settings)
    keys = ["a/b.json", "a/b/c.json", "a/b/d/e.json", "a/b0.json", "a/a.json", "a/bz.json", "a/c/x.json"]
    for key in keys:
        store.create(key, b"{}")
    assert sorted(info.key for info in store.list("a/")) == sorted(keys)  # no bound: as it was
    for after in ("a/", "a/b", "a/b.json", "a/b/c.json", "a/b/d", "a/bz.json", "a/c/x.json", "b"):
        assert [info.key for info in store.list("a/", start_after=after)] == sorted(k for k in keys if k > after)
    assert [info.key for info in store.list("nothing/", start_after="nothing/")] == []
