"""What the service may reuse: answers for pinned versions (they never change, while the store holds the version: asked
at most once a second per version; a saved scenario's, while it is saved as it was), one pointer read shared by the
`latest` requests that arrived before it started, and which versions are withdrawn (read at most once a second per
model)."""

from __future__ import annotations

import asyncio
import time

from fastapi.concurrency import run_in_threadpool

from varlib import BoundedCache, Registry, StoreUnavailableError, VarlibError, Version, Withdrawal, parse_version

from .schemas import PINNED_FORECAST

RESPONSE_CACHE_SIZE = 1024
WITHDRAWALS_FRESH_S = 1.0  # how old the service's knowledge of a model's withdrawals may be
_BODY_HEADERS = (b"content-type", b"content-encoding")  # how a request's body is read (varlib.api.json_body)


class PinnedResponseCache:
    """ASGI middleware: answers a repeated forecast request for a pinned version before routing.

    A pinned version never changes, so the 200 answer to the same request (method, path, query,
    content type and encoding, and body bytes) never changes either. Serving it from here skips FastAPI's routing,
    parameter and body validation, which cost more than the forecast itself; `latest`, errors and
    large bodies always go through the app."""

    def __init__(
        self, app, watch: WithdrawalWatch, size: int = RESPONSE_CACHE_SIZE, max_body: int = 4096, metrics=None
    ) -> None:
        self.app = app
        self.watch = watch  # a version withdrawn since its answer was kept is answered afresh, saying so
        self.max_body = max_body
        self.metrics = metrics  # varlib.api.metrics.Metrics: hits and misses are counted
        self._store: BoundedCache[tuple[list, bytes]] = BoundedCache(size)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not PINNED_FORECAST.match(f"{scope['method']} {scope['path']}"):
            await self.app(scope, receive, send)
            return
        first = await receive()
        body = first.get("body", b"")
        if first.get("type") != "http.request" or first.get("more_body") or len(body) > self.max_body:
            await self.app(scope, _replay(first, receive), send)
            return
        # the body's bytes mean what these headers say: the same bytes sent as gzip are refused by the app
        framing = tuple((name, value) for name, value in scope["headers"] if name in _BODY_HEADERS)
        withdrawn = await self.watch.withdrawal(*_name_and_version(scope["path"])) is not None
        key = (scope["method"], scope["path"], scope["query_string"], framing, body, withdrawn)
        hit = self._store.get(key)
        if hit is not None and not await self.watch.stored(*_name_and_version(scope["path"])):
            hit = None  # deleted from the store by hand since: the app says it does not exist
        if hit is not None and not await self.watch.scenario_saved(scope["path"]):
            hit = None  # a saved scenario deleted since (perhaps saved again): the app reads it afresh
        if self.metrics is not None:
            self.metrics.hit("pinned_responses", hit is not None)
        if hit is not None:
            headers, payload = hit
            # a copy: a middleware outside may change the headers it is sent in place (gzip's does)
            await send({"type": "http.response.start", "status": 200, "headers": list(headers)})
            await send({"type": "http.response.body", "body": payload})
            return
        captured: dict = {}

        async def capture(message) -> None:
            if message["type"] == "http.response.start":
                captured["start"] = message
            elif message["type"] == "http.response.body" and captured.get("start", {}).get("status") == 200:
                captured.setdefault("body", []).append(message.get("body", b""))
                if not message.get("more_body"):
                    self._store.put(key, (list(captured["start"].get("headers", [])), b"".join(captured["body"])))
            await send(message)

        await self.app(scope, _replay(first, receive), capture)


def _name_and_version(path: str) -> tuple[str, Version]:
    """The model and version of a pinned forecast's path (PINNED_FORECAST matched it)."""
    parts = path.split("/")
    return ("var", parse_version(parts[2])) if parts[1] == "var_predict" else (parts[2], parse_version(parts[4]))


class WithdrawalWatch:
    """The withdrawal of a pinned version, as the store said at most WITHDRAWALS_FRESH_S ago.

    A withdrawal is a person's decision and never undone, so a second's delay costs nothing, while a read
    per request would cost every pinned answer a store round trip. Requests that find the knowledge too old
    share one listing. With the store unreachable the last listing stands (a withdrawal cannot be made
    meanwhile: it is stored there); with none yet, the version is taken as not withdrawn. Once a listing has
    failed, requests no longer wait for the next one: a store that hangs would hold every pinned answer for
    its whole timeout. They take the last listing while one read at a time tries again in the background,
    until one succeeds."""

    def __init__(self, registry: Registry, fresh_s: float = WITHDRAWALS_FRESH_S) -> None:
        self._registry = registry
        self._fresh_s = fresh_s
        # per name: when it was listed, the listing, and whether the last try since failed (bounded: any name
        # a request asks for lands here, a model's or not)
        self._seen: BoundedCache[tuple[float, dict[Version, Withdrawal], bool]] = BoundedCache(RESPONSE_CACHE_SIZE)
        self._reads: dict[str, asyncio.Task] = {}  # the listings under way, each gone once done
        self._unreachable: BoundedCache[bool] = BoundedCache(RESPONSE_CACHE_SIZE)  # names whose last read timed out
        self._loop: asyncio.AbstractEventLoop | None = None

    async def withdrawal(self, name: str, version: Version) -> Withdrawal | None:
        seen = self._seen.get(name)
        if seen is None or time.monotonic() - seen[0] > self._fresh_s:
            read = self._reading(name)
            if seen is not None and seen[2]:
                return seen[1].get(version)  # the store failed the last try: the read goes on without this request
            found = await asyncio.shield(read)
            seen = found or self._seen.get(name) or (0.0, {}, False)
        return seen[1].get(version)

    async def stored(self, name: str, version: Version) -> bool:
        """Whether the store still holds a pinned version whose answers are kept (Registry.still_stored): free when
        it was seen there in the last second or the store did not answer the model's last withdrawals listing (that
        request already waited its timeout once), else one small listing in the thread pool."""
        if self._registry.still_stored(name, version, ask=False) or self._unreachable.get(name):
            return True  # unreachable: its listing would keep the version too, after a timeout more for this request
        return await run_in_threadpool(self._registry.still_stored, name, version)

    async def scenario_saved(self, path: str) -> bool:
        """For a saved scenario's forecast path, whether the scenario is still saved as it was when its answer was
        kept (Registry.scenario_still_saved: free when confirmed in the last second); True for any other path."""
        parts = path.split("/")
        if len(parts) < 8 or parts[5] != "scenarios":
            return True
        (name, version), label = _name_and_version(path), parts[6]
        if self._registry.scenario_still_saved(name, version, label, ask=False):
            return True
        return await run_in_threadpool(self._registry.scenario_still_saved, name, version, label)

    def _reading(self, name: str) -> asyncio.Task:
        """The listing of `name` under way, started if none is."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # a new event loop (tests run one per client): reads of the old one are gone
            self._loop, self._reads = loop, {}
        read = self._reads.get(name)
        if read is None:
            read = self._reads[name] = loop.create_task(self._read(name))
            read.add_done_callback(lambda done: self._finished(name, done))
        return read

    def _finished(self, name: str, done: asyncio.Task) -> None:
        if self._reads.get(name) is done:
            del self._reads[name]
        if not done.cancelled():
            done.exception()  # taken here, so a failure nobody awaited is not logged as never retrieved

    async def _read(self, name: str) -> tuple[float, dict[Version, Withdrawal], bool] | None:
        try:
            found = (time.monotonic(), await run_in_threadpool(self._registry.withdrawals, name), False)
        except VarlibError as exc:  # unreachable, or a name that is not a model's: the last listing, or none
            if isinstance(exc, StoreUnavailableError):
                self._unreachable.put(name, True)
            seen = self._seen.get(name)
            self._seen.put(name, (seen[0], seen[1], True) if seen else (0.0, {}, True))
            return None
        self._seen.put(name, found)
        self._unreachable.pop(name)
        return found


def _replay(first: dict, receive):
    """A receive callable that hands back the message already read, then the rest."""
    pending = [first]

    async def replayed():
        return pending.pop() if pending else await receive()

    return replayed


class LatestResolver:
    """Registry.resolve_latest for every request, with concurrent requests sharing reads.

    A request joins a pointer read only if that read starts after the request arrived: while one read
    is in flight, newcomers wait for the next one, which starts when it ends. So every answer is as
    fresh as a read of its own (a version published before the request arrived is always seen), and
    under load one store round trip serves every request that queued behind it. A read that finds the store
    silent (a timeout) answers the queued requests too: each still gets its 503 within one timeout."""

    def __init__(self, registry: Registry, metrics=None) -> None:
        self._registry = registry
        self._metrics = metrics  # a request that joins a read counts as a hit of `latest_reads`
        self._running: dict[str, asyncio.Future] = {}
        self._next: dict[str, asyncio.Future] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    async def resolve(self, name: str) -> Version:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # a new event loop (tests run one per client): reads of the old one are gone
            self._loop, self._running, self._next = loop, {}, {}
        shared = False  # True when this request joins a read another request is already waiting for
        if name not in self._running:
            future = self._start(name, loop.create_future())
        elif name in self._next:
            future, shared = self._next[name], True
        else:
            future = self._next[name] = loop.create_future()
        if self._metrics is not None:
            self._metrics.hit("latest_reads", shared)
        # shield: a client that disconnects must not cancel the read the others wait for
        return await asyncio.shield(future)

    def _start(self, name: str, future: asyncio.Future) -> asyncio.Future:
        self._running[name] = future
        asyncio.get_running_loop().create_task(self._read(name, future))
        return future

    async def _read(self, name: str, future: asyncio.Future) -> None:
        silent: StoreUnavailableError | None = None
        try:
            future.set_result(await run_in_threadpool(self._registry.resolve_latest, name))
        except Exception as exc:  # noqa: BLE001 - handed to every waiter, which raises it
            future.set_exception(exc)
            # Marked as seen: when every waiter has gone (clients disconnected) nobody retrieves it, and
            # asyncio would log "exception was never retrieved" from a finaliser at some random moment.
            future.exception()
            silent = exc if isinstance(exc, StoreUnavailableError) else None
        finally:
            del self._running[name]
            waiting = self._next.pop(name, None)
            if waiting is not None and silent is not None:
                # the store was silent while they waited: a read of their own would wait a timeout more, so
                # that a request could take up to twice VARLIB_STORE_TIMEOUT before its 503
                waiting.set_exception(silent)
                waiting.exception()
            elif waiting is not None:
                self._start(name, waiting)
