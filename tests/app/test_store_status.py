"""The sidebar's store status is honest: a MinIO that dies is "unreachable" on the next rerun (not 15 s later),
the answer says how old it is, and a silent store never holds a rerun up for long."""

from __future__ import annotations

import sys
import threading
import time
import traceback

import pytest

from tests.app.conftest import open_app
from tests.conftest import new_bucket
from tests.support.minio_server import MinioServer, minio_available, minio_required
from ui import store_status
from ui.store_status import Probe, Status, badges
from varlib import StoreUnavailableError


def _sidebar(at) -> str:
    return "\n".join([m.value for m in at.sidebar.markdown] + [c.value for c in at.sidebar.caption])


def _answered(at, seconds: float = 20) -> str:
    """The sidebar once a run shows the store's answer. A run waits store_status.WAIT s for the question it asked and
    otherwise says "checking…" beside the answer before (a loaded machine can be that slow even for a refused
    connection), so the page is run again, a moment later, until the answer is in."""
    deadline = time.monotonic() + seconds
    while "checking" in _sidebar(at) and time.monotonic() < deadline:
        time.sleep(0.1)
        at.run()
    sidebar = _sidebar(at)
    # a question unanswered for that long (once, under heavy load) is read from where its thread stands
    assert "checking" not in sidebar, f"{sidebar}\nafter {seconds:g} s; the store probe's threads:\n{_probe_stacks()}"
    return sidebar


def _probe_stacks() -> str:
    """Where each store-probe thread of this process stands, or that none is running."""
    frames = sys._current_frames()
    stacks = [
        f"{thread.name} ({thread.ident}):\n" + "".join(traceback.format_stack(frames[thread.ident]))
        for thread in threading.enumerate()
        if thread.name == "store-probe" and thread.ident in frames
    ]
    return "\n".join(stacks) or "none running"


@pytest.fixture
def own_minio(tmp_path, monkeypatch):
    """A MinIO of this test's own (it is stopped mid-test), and the app pointed at it."""
    if not minio_available():
        message = "MinIO server binary .tools/bin/minio is missing: run `make test`"
        if minio_required():
            pytest.fail(message)
        pytest.skip("!!! MINIO TESTS SKIPPED !!! " + message)
    server = MinioServer([tmp_path / "minio" / "data"]).start()
    for name, value in server.env(new_bucket()).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("VARLIB_STORE_TIMEOUT", "2")
    yield server
    server.stop(kill=True)


@pytest.mark.minio
def test_a_minio_that_dies_is_unreachable_on_the_next_rerun_and_comes_back(store_dir, own_minio):
    at = open_app()
    sidebar = _answered(at)
    assert "reachable" in sidebar and "unreachable" not in sidebar
    assert "checked 0 s ago" in sidebar
    own_minio.stop(kill=True)
    time.sleep(store_status.FRESH + 0.1)  # the answer of the first run may serve reruns for FRESH seconds
    at.run()
    assert "unreachable" in _answered(at), _sidebar(at)
    assert own_minio.endpoint in "\n".join(e.value for e in at.sidebar.error)
    own_minio.start()  # same port and data: no restart of the dashboard needed
    time.sleep(store_status.FRESH + 0.1)
    at.run()
    sidebar = _answered(at)
    assert "reachable" in sidebar and "unreachable" not in sidebar


def test_answers_serve_bursts_and_are_asked_again_once_stale():
    calls, now = [], [100.0]
    probe = Probe(lambda: calls.append(now[0]), clock=lambda: now[0])
    assert probe.status(fresh=1).ok is True and len(calls) == 1
    now[0] += 0.5
    assert probe.status(fresh=1).ok is True and len(calls) == 1  # within FRESH: the same answer
    now[0] += 1
    assert probe.status(fresh=1).ok is True and len(calls) == 2


def test_a_failure_is_shown_with_its_message_and_age():
    def dead() -> None:
        raise StoreUnavailableError("MinIO at 127.0.0.1:9 is unreachable (connection refused)")

    status = Probe(dead).status()
    assert status.ok is False and "connection refused" in str(status.error)
    badge, caption = badges(status, read_only=False, now=status.at + 3.2)
    assert "unreachable" in badge and caption == "checked 3 s ago"


def test_a_silent_store_does_not_hold_the_rerun_up():
    release = threading.Event()
    probe = Probe(lambda: release.wait(10))
    status = probe.status(wait=0.2)
    # back while the check still hangs (no answer in it yet): "checking…" instead of a 10 s wait
    assert status.ok is None and status.pending and not release.is_set()
    assert "checking" in badges(status, read_only=False)[0]
    release.set()
    for _ in range(50):
        if probe.status(fresh=60).ok:
            break
        time.sleep(0.05)
    assert probe.status(fresh=60) == Status(True, None, probe.status(fresh=60).at)
