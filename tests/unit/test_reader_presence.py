"""A kept artifact is served while the store holds its version: asked at most once a second (one small listing of
the version's folder, not a read of the version), never by two threads at once, and not at all while a store that
could not be asked waits for its retry."""

from __future__ import annotations

import shutil
import threading
import time

import pytest

import varlib.catalog.reader
from varlib import Registry, Settings, publish_result
from varlib.errors import NotFoundError, StoreUnavailableError
from varlib.versions import Version

V1 = Version(0, 0, 1)


@pytest.fixture
def kept(tmp_path, macro_result, monkeypatch):
    """A registry on a local folder with var 0.0.1 read once, and a count of the store's folder listings."""
    registry = Registry.from_settings(Settings(store_dir=tmp_path, author="reader-test"))
    publish_result(registry, macro_result, "var")
    registry.load("var", "0.0.1")
    store, asked, askers = registry.store, [], []
    store.askers = askers  # the thread each listing ran on
    children = store.children

    def counted(prefix):
        asked.append(prefix)
        askers.append(threading.current_thread())
        time.sleep(getattr(store, "slow", 0.0))  # a store that hangs fails only after its timeout
        if getattr(store, "fail", False):
            raise StoreUnavailableError("the store is unreachable")
        return children(prefix)

    monkeypatch.setattr(store, "children", counted)
    return registry, asked, tmp_path / "models" / "var" / "0_0_1"


def test_a_deleted_version_is_no_longer_served_once_a_second_has_passed(kept, monkeypatch):
    registry, asked, folder = kept
    # a second stretched to a minute: a loaded machine may take a second from the fixture's read to the next one
    monkeypatch.setattr(varlib.catalog.reader, "PRESENT_FRESH_S", 60.0)
    shutil.rmtree(folder)
    assert registry.load("var", "0.0.1").version == V1  # read less than a second ago: not asked again
    assert asked == []
    monkeypatch.setattr(varlib.catalog.reader, "PRESENT_FRESH_S", 0.0)
    with pytest.raises(NotFoundError, match="var 0.0.1 does not exist"):
        registry.load("var", "0.0.1")
    assert asked[0] == "var/0_0_1/"


def test_threads_that_ask_meanwhile_do_not_wait_for_the_listing(kept, monkeypatch):
    registry, asked, _ = kept
    monkeypatch.setattr(varlib.catalog.reader, "PRESENT_FRESH_S", 0.0)
    registry.store.slow = 0.3
    threads = [threading.Thread(target=registry.load, args=("var", "0.0.1")) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(asked) < 6  # one listing at a time; the others took the last answer instead of waiting for it


def test_a_store_that_cannot_be_asked_keeps_the_version_served_and_is_asked_later(kept, monkeypatch):
    registry, asked, _ = kept
    monkeypatch.setattr(varlib.catalog.reader, "PRESENT_FRESH_S", 0.0)
    registry.store.fail = True
    assert registry.load("var", "0.0.1").version == V1
    assert registry.load("var", "0.0.1").version == V1
    assert len(asked) == 1  # not again before UNASKED_RETRY_S


def test_a_store_that_hangs_holds_no_request_once_it_has_failed(kept, monkeypatch):
    """Each retry of a store that hangs held the request that found it due for the store's whole timeout: every
    UNASKED_RETRY_S, one request per kept version waited as long as an uncached read, for an artifact it held.
    Once a listing has failed, the next ones run in the background and the kept version is served at once."""
    registry, asked, _ = kept
    monkeypatch.setattr(varlib.catalog.reader, "PRESENT_FRESH_S", 0.0)
    monkeypatch.setattr(varlib.catalog.reader, "UNASKED_RETRY_S", 0.0, raising=False)
    registry.store.fail, registry.store.slow = True, 0.2
    started = _started_threads(monkeypatch)
    assert registry.load("var", "0.0.1").version == V1  # the request that finds the store hanging waits
    assert [registry.load("var", "0.0.1").version for _ in range(3)] == [V1] * 3
    _settle(started)  # joined, not slept for: a busy machine runs them late
    caller = threading.current_thread()
    assert registry.store.askers[0] is caller and len(asked) >= 2  # tried again, one listing at a time:
    assert all(thread is not caller for thread in registry.store.askers[1:])  # in the background, no request held
    registry.store.fail, registry.store.slow = False, 0.0
    registry.load("var", "0.0.1")  # asked again in the background, and it answers
    _settle(started)
    assert registry.still_stored("var", Version(0, 0, 1)) and not registry._reader._unasked.get(("var", V1))


def test_a_retry_that_gets_no_thread_leaves_the_version_asked_for_later(kept, monkeypatch):
    """A background retry whose thread cannot start (as at interpreter exit: RuntimeError) kept its lock held, so
    every later check took "being asked now" and served the kept version for good, one deleted by hand too."""
    registry, asked, folder = kept
    monkeypatch.setattr(varlib.catalog.reader, "PRESENT_FRESH_S", 0.0)
    monkeypatch.setattr(varlib.catalog.reader, "UNASKED_RETRY_S", 0.0, raising=False)
    registry.store.fail = True
    assert registry.load("var", "0.0.1").version == V1  # the listing fails: retried in the background from now on

    def refused(self):
        raise RuntimeError("can't create new thread at interpreter shutdown")

    monkeypatch.setattr(threading.Thread, "start", refused)
    assert registry.load("var", "0.0.1").version == V1  # no thread: the kept version is served, as before
    monkeypatch.undo()
    monkeypatch.setattr(varlib.catalog.reader, "PRESENT_FRESH_S", 0.0)
    registry.store.fail = False
    shutil.rmtree(folder)
    registry._reader._unasked.pop(("var", V1))  # the store answers again: asked in this request
    with pytest.raises(NotFoundError, match="var 0.0.1 does not exist"):
        registry.load("var", "0.0.1")


def _started_threads(monkeypatch) -> list[threading.Thread]:
    """The threads started from now on (the reader's background listings), to be joined."""
    started: list[threading.Thread] = []

    class Recorded(threading.Thread):
        def start(self) -> None:
            started.append(self)
            super().start()

    monkeypatch.setattr(varlib.catalog.reader.threading, "Thread", Recorded)
    return started


def _settle(started: list[threading.Thread]) -> None:
    for thread in started:
        thread.join(timeout=30)
