"""Run a coroutine to its end from a synchronous test, whatever else the test process runs.

Playwright's synchronous API keeps an event loop running on the main thread while the session's Chromium is
open, so `asyncio.run` there fails ("cannot be called from a running event loop") in any test that runs after
a browser test in the same process, as happens when test files are spread over workers."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run(coroutine)` on a thread of its own, with a loop of its own."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()
