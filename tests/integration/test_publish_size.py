"""A version larger than the store's readers take (VARLIB_MAX_ARTIFACT_BYTES) is refused before anything is
stored: published, it was listed as `too large`, could never be forecast from, and took its number for good
(100,000 daily rows of 48 series made a 52.7 MB version against the 16 MiB default)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.integration.test_cli import cli
from varlib import Registry, publish_result
from varlib.artifact import encode
from varlib.errors import InvalidInputError
from varlib.versions import Version

LIMIT = 10_000  # below the bundled two-variable model's size (about 14 kB)


def test_a_version_over_the_read_limit_is_refused_and_nothing_is_stored(store_settings, macro_result):
    small = Registry.from_settings(replace(store_settings, max_artifact_bytes=LIMIT))
    with pytest.raises(InvalidInputError) as refused:
        publish_result(small, macro_result, "var")
    size = refused.value.value
    assert refused.value.field == "size" and size > LIMIT
    assert str(refused.value) == (
        f"the new version of var would be {size:,} bytes, over the {LIMIT:,}-byte limit of what is read from the"
        " store (VARLIB_MAX_ARTIFACT_BYTES), so nobody could use it; nothing was stored: train it on fewer rows (a"
        " later start) or fewer variables, or raise VARLIB_MAX_ARTIFACT_BYTES wherever the store is read"
    )
    assert list(small.store.list("")) == []  # no version, no index card, no `latest`, no audit record
    wide = Registry.from_settings(replace(store_settings, max_artifact_bytes=size))
    published = publish_result(wide, macro_result, "var")  # the limit holds a version of exactly its size
    assert published.version == Version(0, 0, 1)  # the refused one took no number
    assert len(encode(wide.load("var", "latest"))) == size


def test_the_cli_refuses_it_with_a_refusal_code(tmp_path):
    env = {"VARLIB_STORE_DIR": str(tmp_path / "store"), "VARLIB_MAX_ARTIFACT_BYTES": str(LIMIT)}
    trained = cli(env, "train", "--name", "var", "--publish", "--max-lags", "4")
    assert trained.returncode == 2
    assert f"over the {LIMIT:,}-byte limit" in trained.stderr and "nothing was stored" in trained.stderr
    listed = cli({**env, "VARLIB_MAX_ARTIFACT_BYTES": str(10**8)}, "list", "--name", "var")
    assert listed.returncode != 0 and "no" in listed.stderr.lower()
