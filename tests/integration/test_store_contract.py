"""One contract for both store backends (local folder and a real MinIO)."""

import threading

import pytest

from varlib.errors import CorruptArtifactError, InvalidInputError, NotFoundError, ObjectExistsError, ObjectTooLargeError
from varlib.store import open_store


@pytest.fixture
def store(store_settings):
    return open_store(store_settings)


def assert_fields(error, settings, key, s3_code):
    """Both stores name the key and the bucket; MinIO also its endpoint and its own error code."""
    assert (error.key, error.bucket) == (key, settings.bucket)
    if settings.uses_minio:
        assert (error.endpoint, error.code) == (settings.minio_endpoint, s3_code)
    else:
        assert (error.endpoint, error.code) == (None, None)


def test_create_then_get(store):
    etag = store.create("var/0_0_1/model.json", b'{"a": 1}')
    got = store.get("var/0_0_1/model.json", 1024)
    assert got.data == b'{"a": 1}' and got.etag == etag


def test_create_never_overwrites(store, store_settings):
    store.create("var/0_0_1/model.json", b"first")
    with pytest.raises(ObjectExistsError) as caught:
        store.create("var/0_0_1/model.json", b"second")
    assert_fields(caught.value, store_settings, "var/0_0_1/model.json", "PreconditionFailed")
    assert store.get("var/0_0_1/model.json", 1024).data == b"first"


def test_missing_object_is_not_found(store, store_settings):
    store.create("var/0_0_1/model.json", b"{}")  # the bucket exists: the object is what is missing
    with pytest.raises(NotFoundError) as caught:
        store.get("var/9_9_9/model.json", 1024)
    assert_fields(caught.value, store_settings, "var/9_9_9/model.json", "NoSuchKey")


def test_size_limit_refuses_before_reading(store, store_settings):
    store.create("var/big.bin", b"x" * 5000)
    with pytest.raises(CorruptArtifactError, match="over the 4,096-byte limit") as caught:
        store.get("var/big.bin", 4096)
    assert isinstance(caught.value, ObjectTooLargeError)
    assert (caught.value.size, caught.value.limit) == (5000, 4096)
    assert_fields(caught.value, store_settings, "var/big.bin", None)
    assert caught.value.fields()["size"] == 5000


def test_replace_is_compare_and_swap(store, store_settings):
    etag = store.replace("var/latest.json", b"1", None)
    with pytest.raises(ObjectExistsError):
        store.replace("var/latest.json", b"x", None)  # exists now: create-only refuses
    new_etag = store.replace("var/latest.json", b"2", etag)
    with pytest.raises(ObjectExistsError) as caught:
        store.replace("var/latest.json", b"3", etag)  # stale etag
    assert_fields(caught.value, store_settings, "var/latest.json", "PreconditionFailed")
    assert store.get("var/latest.json", 10).data == b"2"
    assert new_etag != etag
    assert [info.key for info in store.list("var/")] == ["var/latest.json"]  # no lock or temp file listed
    assert store.children("var/") == ([], list(store.list("var/")))


def test_concurrent_compare_and_swap_loses_no_update(store):
    """Read-modify-write by etag from several threads: every increment lands exactly once."""
    store.replace("var/counter.json", b"0", None)

    def increment(times: int) -> None:
        for _ in range(times):
            while True:
                current = store.get("var/counter.json", 100)
                try:
                    store.replace("var/counter.json", str(int(current.data) + 1).encode(), current.etag)
                    break
                except ObjectExistsError:
                    continue  # another thread swapped first: read again

    threads = [threading.Thread(target=increment, args=(5,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert store.get("var/counter.json", 100).data == b"20"


def test_list_and_folders(store):
    for key in ("var/0_0_1/model.json", "var/0_0_2/model.json", "other/0_0_1/model.json"):
        store.create(key, b"{}")
    keys = sorted(info.key for info in store.list("var/"))
    assert keys == ["var/0_0_1/model.json", "var/0_0_2/model.json"]
    assert store.list_folders("") == ["other", "var"]
    assert store.list_folders("var/") == ["0_0_1", "0_0_2"]
    assert all(info.size == 2 for info in store.list("var/"))


def test_listing_an_empty_store_is_empty(store):
    assert list(store.list("var/")) == [] and store.list_folders("") == []


@pytest.mark.parametrize("key", ["../escape", "var/../../x", "/abs", "var//x", "var/./x", ""])
def test_keys_that_could_escape_are_refused(store, key):
    with pytest.raises(InvalidInputError):
        store.create(key, b"x")


def test_check_passes_on_a_reachable_store(store):
    store.check()


def test_a_folder_without_objects_is_no_folder(local_settings):
    """A bucket has no empty folders: a local folder left empty, or holding only a lock or an unfinished
    write, is not listed (else the dashboard offered a model whose every read was 'not found')."""
    store = open_store(local_settings)
    store.create("var/0_0_1/model.json", b"{}")
    bucket = local_settings.store_dir / local_settings.bucket
    (bucket / "empty" / "0_0_1").mkdir(parents=True)
    (bucket / "var" / "0_0_2").mkdir()
    (bucket / "var" / "0_0_2" / "model.json.lock").write_text("")
    (bucket / "var" / "0_0_3").mkdir()
    (bucket / "var" / "0_0_3" / ".tmp-abc").write_text("")
    assert store.list_folders("") == ["var"]
    assert store.children("var/") == (["0_0_1"], [])


def test_delete_removes_the_object_and_its_empty_folder_and_an_absent_key_is_not_found(store, store_settings):
    store.create("var/_scenarios/0_0_1/hold.json", b"{}")
    store.create("var/0_0_1/model.json", b"{}")
    store.delete("var/_scenarios/0_0_1/hold.json")
    with pytest.raises(NotFoundError):
        store.get("var/_scenarios/0_0_1/hold.json", 1024)
    assert [info.key for info in store.list("var/")] == ["var/0_0_1/model.json"]
    assert store.list_folders("var/") == ["0_0_1"]  # no folder is left without its last object, as in a bucket
    with pytest.raises(NotFoundError) as caught:
        store.delete("var/_scenarios/0_0_1/hold.json")
    assert_fields(caught.value, store_settings, "var/_scenarios/0_0_1/hold.json", "NoSuchKey")
