"""The local store's refusals name what is wrong: a file named like the store's folder of models inside
VARLIB_STORE_DIR is named as that (it said to set VARLIB_STORE_DIR to a folder, which it was), and a write
refused for permissions names the key and says nothing was changed, as a full disk's does."""

from __future__ import annotations

import tempfile

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
