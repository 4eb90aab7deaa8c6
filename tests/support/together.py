"""Run one piece of work in several threads released at the same moment, as several processes racing on one
store would: the errors they raised are returned, for the test to assert there were none (or the ones it expects)."""

from __future__ import annotations

import threading
from collections.abc import Callable


def all_at_once(count: int, work: Callable[[int], None], timeout: float = 120) -> list[Exception]:
    """`work(0)` ... `work(count - 1)`, each in a thread of its own, all started past one barrier."""
    barrier, errors = threading.Barrier(count), []

    def run(worker: int) -> None:
        try:
            barrier.wait()
            work(worker)
        except Exception as exc:  # noqa: BLE001 - returned for the test to assert on
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(worker,)) for worker in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return errors
