"""What the service knows of withdrawals: at most a second old, one listing shared by the requests that
found it too old, and the last listing kept while the store is away."""

from __future__ import annotations

import asyncio
import threading
import time
from types import SimpleNamespace

from tests.support.event_loop import run
from varlib.api import caching
from varlib.api.caching import WithdrawalWatch
from varlib.errors import StoreUnavailableError
from varlib.versions import Version

V1, V2 = Version(0, 0, 1), Version(0, 0, 2)


class Listing:
    """A registry stand-in whose withdrawals listing takes a while, counts its reads and can fail."""

    def __init__(self) -> None:
        self.withdrawn: dict[Version, str] = {}
        self.reads = 0
        self.fail = False
        self.seconds = 0.05  # a store that hangs takes its whole timeout
        self.presence = 0  # still_stored's listings
        self.hang: threading.Event | None = None  # when set: a store that hangs until released
        self.done = 0  # reads that came back

    def withdrawals(self, name: str) -> dict[Version, str]:
        self.reads += 1
        if self.hang is not None:
            self.hang.wait(10)
        else:
            time.sleep(self.seconds)
        self.done += 1
        if self.fail:
            raise StoreUnavailableError("MinIO at 127.0.0.1:1 is unreachable")
        return dict(self.withdrawn)

    def still_stored(self, name: str, version: Version, ask: bool = True) -> bool:
        """Registry.still_stored: never seen lately; a listing that fails (after its timeout) keeps the version."""
        if ask:
            self.presence += 1
            time.sleep(self.seconds)
        return ask


def test_requests_share_one_listing_and_see_a_withdrawal_once_it_is_old_enough(monkeypatch):
    listing, now = Listing(), [100.0]
    # the watch's clock, moved by hand: a loaded machine's pause after the listing must not age it by chance
    monkeypatch.setattr(caching, "time", SimpleNamespace(monotonic=lambda: now[0]))

    async def main():
        watch = WithdrawalWatch(listing, fresh_s=0.3)
        assert await asyncio.gather(*(watch.withdrawal("var", V1) for _ in range(8))) == [None] * 8
        assert listing.reads == 1  # eight requests, one listing
        listing.withdrawn[V1] = "leaky holdout"
        assert await watch.withdrawal("var", V1) is None  # known as of less than 0.3 s ago
        now[0] += 0.35
        assert await watch.withdrawal("var", V1) == "leaky holdout" and await watch.withdrawal("var", V2) is None
        assert listing.reads == 2

    run(main())


def test_the_last_listing_stands_while_the_store_is_away():
    listing = Listing()
    listing.withdrawn[V2] = "wrong file"

    async def main():
        watch = WithdrawalWatch(listing, fresh_s=0.0)
        assert await watch.withdrawal("var", V2) == "wrong file"
        listing.fail = True
        assert await watch.withdrawal("var", V2) == "wrong file"  # a withdrawal cannot be made meanwhile either
        assert await watch.withdrawal("other", V2) is None  # never listed: taken as not withdrawn
        listing.fail = False
        listing.withdrawn[V1] = "also"
        assert await watch.withdrawal("var", V1) is None  # the last listing, while the next read starts
        # that read takes 0.05 s in a thread, which a loaded machine may run late: asked again until it is in
        deadline, answer = time.monotonic() + 10, None
        while answer is None and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
            answer = await watch.withdrawal("var", V1)
        assert answer == "also"

    run(main())


def test_once_a_listing_failed_requests_do_not_wait_for_a_store_that_hangs():
    listing = Listing()
    listing.withdrawn[V2] = "wrong file"

    async def main():
        watch = WithdrawalWatch(listing, fresh_s=0.0)
        assert await watch.withdrawal("var", V2) == "wrong file"
        listing.fail, listing.seconds = True, 0.5
        assert await watch.withdrawal("var", V2) == "wrong file"  # the request that finds the store hanging waits
        listing.hang = threading.Event()  # from now on no read comes back until the test ends
        done = listing.done
        answers = [await watch.withdrawal("var", V2) for _ in range(5)]
        # answered while no read came back: none of the others waited for the store
        assert answers == ["wrong file"] * 5 and listing.done == done
        await asyncio.sleep(0.6)
        assert listing.reads <= 4  # one read at a time tried again, not one per request

    try:
        run(main())
    finally:
        if listing.hang is not None:
            listing.hang.set()  # the reads still hanging end


def test_names_asked_for_leave_no_read_behind():
    """Any name a request asks for is listed (a pinned answer checks before routing): nothing may pile up."""
    listing = Listing()
    listing.seconds = 0.0

    async def main():
        watch = WithdrawalWatch(listing, fresh_s=0.0)
        for i in range(300):
            assert await watch.withdrawal(f"nomodel{i}", V1) is None
        await asyncio.sleep(0.05)
        return watch

    watch = run(main())
    assert not watch._reads and listing.reads == 300


def test_a_pinned_answer_waits_for_a_store_that_hangs_once_not_twice():
    """A pinned answer asks the store for the version's withdrawals and then whether it still holds the version:
    with a store that hangs, the request that found it so waited its timeout twice, the second time for a listing
    whose failure changes nothing (the kept answer is served), and more than any other request waits."""
    listing = Listing()

    async def main():
        watch = WithdrawalWatch(listing, fresh_s=0.0)
        assert await watch.withdrawal("var", V1) is None and await watch.stored("var", V1)
        listing.fail = True
        assert await watch.withdrawal("var", V1) is None and await watch.stored("var", V1)

    run(main())
    assert listing.presence == 1  # asked while the store answered, not again (another timeout) while it hangs
