"""The local store's refusals name what is wrong: a file named like the store's folder of models inside
VARLIB_STORE_DIR is named as that (it said to set VARLIB_STORE_DIR to a folder, which it was), and a write
refused for permissions names the key and says nothing was changed, as a full disk's does; a delete the file system
refuses is worded as a write is, with what to do."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest

from varlib import AccessDeniedError, StoreUnavailableError
from varlib.store.local import LocalStore


def test_a_file_in_place_of_the_folder_of_models_is_named_as_that(tmp_path):
    (tmp_path / "models").write_text("x")
    with pytest.raises(StoreUnavailableError) as caught:
        LocalStore(tmp_path, "models").check()
    assert str(caught.value) == (
        f"{tmp_path / 'models'} is a file where the store keeps its folder of models (named by MINIO_BUCKET): move"
        " it away, or set VARLIB_STORE_DIR to another folder"
    )


def test_a_file_in_place_of_the_store_folder_is_named_as_before(tmp_path):
    (tmp_path / "store").write_text("x")
    with pytest.raises(StoreUnavailableError, match=r"store is not a folder; set VARLIB_STORE_DIR to a folder$"):
        LocalStore(tmp_path / "store", "models").check()


def test_a_write_refused_for_permissions_names_its_key_and_leaves_no_folder(tmp_path, monkeypatch):
    store = LocalStore(tmp_path, "models")
    (tmp_path / "models").mkdir()

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(AccessDeniedError) as caught:
        store.create("var/0_0_2/model.json", b"{}")
    assert str(caught.value).startswith(
        f"cannot write var/0_0_2/model.json under {tmp_path / 'models' / 'var' / '0_0_2'}: permission denied;"
        " nothing was changed"
    )
    assert not (tmp_path / "models" / "var").exists()  # the folders made for it are gone: no empty version folder


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "permission denied; nothing was changed (make the folder"),
        (OSError(errno.EROFS, "Read-only file system"), "Read-only file system; nothing was changed (the file system"),
    ],
)
def test_a_delete_refused_by_the_file_system_is_worded_as_a_write_is(tmp_path, monkeypatch, error, said):
    store = LocalStore(tmp_path, "models")
    key = "var/0_0_1/_scenarios/boom.json"
    store.create(key, b"{}")

    def refused(self, *args, **kwargs):
        raise error

    monkeypatch.setattr(Path, "unlink", refused)
    with pytest.raises((AccessDeniedError, StoreUnavailableError)) as caught:
        store.delete(key)
    folder = tmp_path / "models" / "var" / "0_0_1" / "_scenarios"
    assert str(caught.value).startswith(f"cannot delete {key} under {folder}: {said}")
    monkeypatch.undo()
    assert store.get(key, 100).data == b"{}"  # still there
