"""MinioStore.from_settings: anonymous without keys, and one clear error for settings it cannot use (no I/O)."""

import pytest

from varlib.config import Settings
from varlib.errors import InvalidInputError
from varlib.store import open_store


def test_no_keys_make_an_anonymous_store_and_both_keys_a_signed_one():
    assert open_store(Settings(minio_endpoint="127.0.0.1:9")).anonymous is True
    assert open_store(Settings(minio_endpoint="127.0.0.1:9", access_key="a", secret_key="b")).anonymous is False


@pytest.mark.parametrize(
    "keys, missing", [({"access_key": "a"}, "MINIO_SECRET_KEY"), ({"secret_key": "b"}, "MINIO_ACCESS_KEY")]
)
def test_one_key_without_the_other_is_refused_naming_the_missing_one(keys, missing):
    with pytest.raises(InvalidInputError, match=f"^{missing} is not set: set both") as caught:
        open_store(Settings(minio_endpoint="127.0.0.1:9", **keys))
    assert caught.value.field == missing and caught.value.endpoint == "127.0.0.1:9"


def test_an_endpoint_the_sdk_rejects_is_invalid_input():
    with pytest.raises(InvalidInputError, match="MINIO_ENDPOINT '127.0.0.1:99999' is not valid") as caught:
        open_store(Settings(minio_endpoint="127.0.0.1:99999"))
    assert caught.value.field == "MINIO_ENDPOINT"


def test_a_missing_ca_bundle_is_invalid_input(tmp_path):
    with pytest.raises(InvalidInputError, match="MINIO_CA_BUNDLE") as caught:
        open_store(Settings(minio_endpoint="127.0.0.1:9", minio_secure=True, ca_bundle=str(tmp_path / "none.pem")))
    assert caught.value.field == "MINIO_CA_BUNDLE"


@pytest.mark.parametrize("raw", ["http//bad", "ftp://127.0.0.1:9100", "http://127.0.0.1:9100/models"])
def test_a_malformed_endpoint_is_refused_naming_both_forms(raw):
    """The refusal names https://host:port too, which is allowed (a mistyped `https//` read `use host:port`)."""
    with pytest.raises(InvalidInputError, match="use host:port or https://host:port, e.g. 127.0.0.1:9100"):
        Settings.from_env({"MINIO_ENDPOINT": raw})
