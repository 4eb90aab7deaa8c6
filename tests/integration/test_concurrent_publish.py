"""Eight processes publishing at once get eight distinct, loadable versions, on each store."""

import multiprocessing as mp

import pytest

from varlib import Registry
from varlib.artifact import decode

PUBLISHERS = 8


def _publish(settings, result, barrier, queue):
    from varlib import publish_result

    registry = Registry.from_settings(settings)
    barrier.wait()  # start together to force races on the same version
    queue.put(str(publish_result(registry, result, "var", "patch", "race").version))


def test_concurrent_publishers_get_distinct_versions(store_settings, macro_result):
    context = mp.get_context("fork")
    barrier, queue = context.Barrier(PUBLISHERS), context.Queue()
    workers = [
        context.Process(target=_publish, args=(store_settings, macro_result, barrier, queue)) for _ in range(PUBLISHERS)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    versions = sorted(queue.get(timeout=5) for _ in range(PUBLISHERS))
    assert versions == sorted(f"0.0.{n}" for n in range(1, PUBLISHERS + 1))

    registry = Registry.from_settings(store_settings)
    entries = registry.list_versions("var")
    assert len(entries) == PUBLISHERS and all(entry.ok for entry in entries)
    for entry in entries:  # each object is intact and sits at its own key
        artifact = decode(registry.store.get(entry.key, 10**7).data, entry.key)
        assert str(artifact.version) == entry.label
    assert str(registry.resolve("var", "latest")) == f"0.0.{PUBLISHERS}"


@pytest.mark.minio
def test_the_conditional_put_really_reaches_minio(minio_settings):
    """Guards the raw-PUT helper: minio 7.2.20's put_object would turn If-None-Match into metadata."""
    from varlib.store.minio_store import conditional_put_headers

    headers = conditional_put_headers({"If-None-Match": "*"}, {"varlib-card": "abc"})
    assert headers["If-None-Match"] == "*" and headers["x-amz-meta-varlib-card"] == "abc"
    from varlib.errors import ObjectExistsError
    from varlib.store import open_store

    store = open_store(minio_settings)
    store.create("var/x.json", b"1")
    with pytest.raises(ObjectExistsError):
        store.create("var/x.json", b"2")
    stored = store.get("var/x.json", 10)
    assert stored.data == b"1" and "if-none-match" not in stored.metadata
