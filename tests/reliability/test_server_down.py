"""Suite 1, server down and back: every call fails fast naming the endpoint; a restart heals without an app restart."""

from __future__ import annotations

import hashlib
import json
import time

import pytest

from tests.reliability.conftest import assert_clean_failure, clean_env, run_cli
from tests.support.figures import record
from tests.support.tcp_proxy import TcpProxy
from varlib import Registry
from varlib.config import Settings
from varlib.errors import StoreUnavailableError
from varlib.service import forecast_version

pytestmark = pytest.mark.minio
BOUND_S = 10.0  # no call may hang longer than this while the server is down
CLI_BOUND_S = 20.0  # the same, plus interpreter start of a cold CLI process on a busy machine


def _checksums(registry: Registry) -> dict[str, str]:
    """sha256 of every version's stored bytes, read straight from the store."""
    return {
        entry.label: hashlib.sha256(registry.store.get(entry.key, registry.max_artifact_bytes).data).hexdigest()
        for entry in registry.list_versions("var")
    }


def _library_calls(registry: Registry, artifact) -> dict:
    return {
        "list names": registry.list_names,
        "list versions": lambda: registry.list_versions("var"),
        "load latest": lambda: registry.load("var", "latest"),
        "load 0.0.2 uncached": lambda: registry.load("var", "0.0.2", cached=False),
        "forecast latest": lambda: forecast_version(registry, "var", "latest", steps=4),
        "publish": lambda: registry.publish(artifact),
        "check": registry.check,
    }


def test_minio_stopped_then_restarted_on_the_same_data(own_minio, macro_artifact):
    settings = Settings(
        minio_endpoint=own_minio.endpoint,
        access_key=own_minio.access_key,
        secret_key=own_minio.secret_key,
        bucket="models",
        author="reliability",
    )
    registry = Registry.from_settings(settings)  # the one app-side object used before, during and after
    for _ in range(2):
        registry.publish(macro_artifact)
    before = _checksums(registry)
    pinned = registry.load("var", "0.0.1")
    env = clean_env(**own_minio.env("models"))
    assert run_cli(env, "list").returncode == 0

    own_minio.stop()
    timings, requests = {}, 0
    for label, call in _library_calls(registry, macro_artifact).items():
        started = time.monotonic()
        with pytest.raises(StoreUnavailableError) as caught:
            call()
        timings[label] = time.monotonic() - started
        requests += 1
        assert own_minio.endpoint in str(caught.value), caught.value
        assert timings[label] < BOUND_S, (label, timings[label])
    # A pinned version is immutable, so the cached copy keeps serving while the store is away.
    assert registry.load("var", "0.0.1") is pinned
    cli_timings = {}
    # A cold CLI process costs seconds of interpreter start on a busy machine: a reader and a writer.
    for args in (["forecast", "latest", "--json"], ["train", "--lags", "2", "--holdout", "0", "--publish"]):
        run = run_cli(env, *args)
        requests += 1
        cli_timings[" ".join(args)] = run.seconds
        assert_clean_failure(run, own_minio.endpoint, "unreachable")
        assert run.seconds < CLI_BOUND_S, (args, run.seconds)

    own_minio.start()  # same data folder, same port
    entries = registry.list_versions("var")
    assert [e.label for e in entries] == ["0.0.2", "0.0.1"] and all(e.ok for e in entries)
    after = _checksums(registry)
    assert after == before
    assert registry.load("var", "latest", cached=False).version == entries[0].version
    result = forecast_version(registry, "var", "latest", steps=4, cached=False)
    assert result.steps == 4
    published = registry.publish(macro_artifact)
    assert str(published.version) == "0.0.3"
    listed = json.loads(run_cli(env, "list", "--json").stdout)
    assert [row["version"] for row in listed] == ["0.0.3", "0.0.2", "0.0.1"]
    assert all(row["status"] == "ok" for row in listed)
    requests += 6

    record(
        "server-down",
        "minio stopped and restarted",
        faults_injected=1,
        requests_while_down=len(timings) + len(cli_timings),
        requests_made=requests,
        slowest_library_call_s=round(max(timings.values()), 3),
        slowest_cli_call_s=round(max(cli_timings.values()), 3),
        library_call_s={k: round(v, 3) for k, v in timings.items()},
        cli_call_s={k: round(v, 3) for k, v in cli_timings.items()},
        versions_checked=len(before),
        checksums_equal=sum(before[k] == after.get(k) for k in before),
        data_lost=len(set(before) - set(after)),
    )


def test_hung_server_times_out(own_minio, macro_artifact):
    """A server that accepts connections but never answers must not hang the app either."""
    proxy = TcpProxy(("127.0.0.1", own_minio.port)).start()
    try:
        settings = Settings(
            minio_endpoint=proxy.endpoint,
            access_key=own_minio.access_key,
            secret_key=own_minio.secret_key,
            bucket="models",
            author="reliability",
            timeout_s=1.0,
        )
        registry = Registry.from_settings(settings)
        registry.publish(macro_artifact)
        proxy.go_silent()
        timings = {}
        for label, call in _library_calls(registry, macro_artifact).items():
            started = time.monotonic()
            with pytest.raises(StoreUnavailableError) as caught:
                call()
            timings[label] = time.monotonic() - started
            assert proxy.endpoint in str(caught.value)
            assert timings[label] < BOUND_S, (label, timings[label])
        run = run_cli(
            clean_env(**{**own_minio.env("models"), "MINIO_ENDPOINT": proxy.endpoint, "VARLIB_STORE_TIMEOUT": "1"}),
            "list",
        )
        assert_clean_failure(run, proxy.endpoint)
        assert run.seconds < CLI_BOUND_S
    finally:
        proxy.stop()
    record(
        "server-down",
        "server hangs (accepts, never answers), timeout 1 s",
        faults_injected=1,
        requests_made=len(timings) + 1,
        slowest_library_call_s=round(max(timings.values()), 3),
        cli_list_s=round(run.seconds, 3),
        library_call_s={k: round(v, 3) for k, v in timings.items()},
    )


def test_dashboard_while_minio_is_down_and_after_it_returns(own_minio, macro_artifact, monkeypatch):
    """The same Streamlit app (AppTest, one process, its Registry kept) through stop and restart."""
    from tests.app.conftest import _clear_caches, charts, errors, open_app
    from ui import store

    registry = Registry.from_settings(
        Settings(
            minio_endpoint=own_minio.endpoint,
            access_key=own_minio.access_key,
            secret_key=own_minio.secret_key,
            bucket="models",
        )
    )
    registry.publish(macro_artifact)
    for name in ("MINIO_SECURE", "MINIO_CA_BUNDLE", "VARLIB_READ_ONLY", "VARLIB_STORE_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in own_minio.env("models").items():
        monkeypatch.setenv(name, value)
    _clear_caches()
    try:
        at = open_app()
        assert errors(at) == "" and len(charts(at)) >= 1
        own_minio.stop()
        store.refresh()  # as if the listings' 15 s TTL ran out; the cached Registry stays
        started = time.monotonic()
        at.run()
        down_s = time.monotonic() - started
        assert not at.exception
        assert "cannot be reached" in errors(at) and own_minio.endpoint in errors(at)
        assert down_s < BOUND_S, down_s
        pages = 1
        for page in ("views/models.py", "views/train.py"):  # every page renders, none hangs
            started = time.monotonic()
            at.switch_page(page).run()
            assert not at.exception and time.monotonic() - started < BOUND_S
            pages += 1
        own_minio.start()
        store.refresh()
        at.switch_page("views/forecast.py").run()
        # the sidebar shows the store probe's last answer while its question to the restarted server takes longer
        # than a run waits (ui.store_status.WAIT): its timer reruns the page once the answer comes, as these do
        deadline = time.monotonic() + BOUND_S
        while errors(at) and time.monotonic() < deadline:
            time.sleep(0.5)
            at.run()
        assert not at.exception and errors(at) == "" and len(charts(at)) >= 1  # healed, no restart
    finally:
        _clear_caches()
    record(
        "server-down",
        "dashboard (AppTest) through stop and restart",
        faults_injected=1,
        pages_rendered_while_down=pages,
        first_run_while_down_s=round(down_s, 3),
        recovered_without_restart=1,
    )


@pytest.mark.slow
def test_repeated_outages_lose_nothing(own_minio, macro_artifact):
    """Ten outages, alternately kill -9 and a clean stop, with publishes between them."""
    registry = Registry.from_settings(
        Settings(
            minio_endpoint=own_minio.endpoint,
            access_key=own_minio.access_key,
            secret_key=own_minio.secret_key,
            bucket="models",
        )
    )
    seen: dict[str, str] = {}
    slowest = 0.0
    for outage in range(10):
        registry.publish(macro_artifact)
        current = _checksums(registry)
        assert all(current[k] == v for k, v in seen.items())
        seen = current
        own_minio.stop(kill=outage % 2 == 0)
        started = time.monotonic()
        with pytest.raises(StoreUnavailableError):
            registry.list_versions("var")
        slowest = max(slowest, time.monotonic() - started)
        own_minio.start()
    final = _checksums(registry)
    assert final == seen and len(final) == 10
    record(
        "server-down",
        "10 outages, kill -9 and stop alternating (slow)",
        faults_injected=10,
        versions_checked=len(final),
        slowest_failure_s=round(slowest, 3),
        data_lost=len(set(seen) - set(final)),
    )
