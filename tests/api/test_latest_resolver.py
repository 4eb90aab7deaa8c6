"""`latest` under concurrency: requests share pointer reads, yet none is answered by a read that began
before it arrived (so a publish that finished before a request is always seen)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from tests.support.event_loop import run
from varlib.api.caching import LatestResolver
from varlib.errors import StoreUnavailableError
from varlib.versions import Version


class SlowPointer:
    """A registry stand-in whose pointer read takes a while and can be moved meanwhile."""

    def __init__(self) -> None:
        self.version = Version(0, 0, 1)
        self.reads = 0
        self.started = threading.Event()
        self.fail = False

    def resolve_latest(self, name: str) -> Version:
        self.reads += 1
        seen = self.version  # what the store held when this read started
        self.started.set()
        time.sleep(0.2)
        if self.fail:
            raise StoreUnavailableError("MinIO at 127.0.0.1:1 is unreachable")
        return seen


def test_concurrent_requests_share_reads():
    pointer = SlowPointer()

    async def main():
        resolver = LatestResolver(pointer)
        return await asyncio.gather(*(resolver.resolve("var") for _ in range(30)))

    assert run(main()) == [Version(0, 0, 1)] * 30
    assert pointer.reads <= 2


def test_a_request_never_gets_a_read_that_started_before_it_arrived():
    pointer = SlowPointer()

    async def main():
        resolver = LatestResolver(pointer)
        first = asyncio.create_task(resolver.resolve("var"))
        while not pointer.started.is_set():
            await asyncio.sleep(0.005)
        pointer.version = Version(0, 0, 2)  # published while the first read is in flight
        second = await resolver.resolve("var")
        return await first, second

    assert run(main()) == (Version(0, 0, 1), Version(0, 0, 2))
    assert pointer.reads == 2


def test_errors_reach_every_waiter_and_a_cancelled_client_cancels_nobody_else():
    pointer = SlowPointer()
    pointer.fail = True

    async def main():
        resolver = LatestResolver(pointer)
        waiters = [asyncio.create_task(resolver.resolve("var")) for _ in range(5)]
        await asyncio.sleep(0.05)
        waiters[0].cancel()
        outcomes = await asyncio.gather(*waiters, return_exceptions=True)
        pointer.fail = False
        return outcomes, await resolver.resolve("var")

    outcomes, recovered = run(main())
    assert isinstance(outcomes[0], asyncio.CancelledError)
    assert all(isinstance(outcome, StoreUnavailableError) for outcome in outcomes[1:])
    assert recovered == Version(0, 0, 1)


@pytest.mark.parametrize("names", [("a", "b")])
def test_models_are_resolved_independently(names):
    pointer = SlowPointer()

    async def main():
        resolver = LatestResolver(pointer)
        return await asyncio.gather(*(resolver.resolve(name) for name in names))

    assert run(main()) == [Version(0, 0, 1)] * 2
    assert pointer.reads == 2


def test_requests_queued_behind_a_silent_store_get_its_503_within_one_timeout():
    """They waited for a read of their own, which began when the first timed out: up to twice the store's
    timeout before their 503 (9-10 s against MinIO frozen with a 5 s timeout)."""
    pointer = SlowPointer()
    pointer.fail = True

    async def main():
        resolver = LatestResolver(pointer)
        first = asyncio.create_task(resolver.resolve("var"))
        while not pointer.started.is_set():
            await asyncio.sleep(0.005)
        queued = [asyncio.create_task(resolver.resolve("var")) for _ in range(3)]
        return await asyncio.gather(first, *queued, return_exceptions=True)

    outcomes = run(main())
    assert all(isinstance(outcome, StoreUnavailableError) for outcome in outcomes)
    assert pointer.reads == 1  # the queued requests were answered by the read that found the store silent
