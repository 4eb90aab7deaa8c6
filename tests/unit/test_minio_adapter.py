"""The SDK adapter refuses an SDK version its private members were not checked against."""

import minio
import pytest

from varlib.config import Settings
from varlib.errors import StoreUnavailableError
from varlib.store import minio_adapter, open_store


def test_the_installed_sdk_is_the_one_the_adapter_was_written_for():
    minio_adapter.check_sdk_version()
    assert minio.__version__.startswith(minio_adapter.WRITTEN_FOR)
    assert minio_adapter.PINNED.startswith(minio_adapter.WRITTEN_FOR)


@pytest.mark.parametrize("installed", ["7.3.0", "8.0.1", "7.1.17"])
def test_another_sdk_version_is_refused_with_both_versions_and_the_fix(installed):
    with pytest.raises(StoreUnavailableError) as caught:
        minio_adapter.check_sdk_version(installed)
    message = str(caught.value)
    assert installed in message and "7.2.x" in message and "`make run` installs the locked versions" in message
    assert "\n" not in message and caught.value.value == installed


def test_the_store_checks_the_version_before_any_request(monkeypatch):
    monkeypatch.setattr(minio, "__version__", "7.3.0")
    with pytest.raises(StoreUnavailableError, match="minio SDK 7.3.0 is installed"):
        open_store(Settings(minio_endpoint="127.0.0.1:9", access_key="a", secret_key="b"))
