"""The one module that uses private members of the minio SDK, checked against the SDK version it was written for.

Why each private member is used (minio 7.2.x):

- `Minio._put_object(bucket, key, data, headers)`: the conditional PUT. The public `put_object`
  sends every header it does not know as user metadata, so `If-None-Match: *` (create only if
  absent: the commit point of publishing) would be stored as `x-amz-meta-if-none-match` and the
  PUT would overwrite; likewise `If-Match` (the compare-and-swap of pointers). `_put_object`
  sends the headers as given and returns the SDK's ObjectWriteResult. minio-py's unreleased
  master adds `headers=` to `put_object`; once a release has it, this module can go.

- `Minio._http`: the urllib3 pool a built client sends through (`sending_pool`). The SDK offers no
  accessor; the tests read it to see that an endpoint behind a proxy is read through the proxy's pool.

Nothing else private is used: reads are the public `get_object`, listings the public
`list_objects`. A different SDK minor version may rename or change these members, so the store
refuses to start on one (`check_sdk_version`) instead of failing mid-publish.
"""

from __future__ import annotations

from collections.abc import Mapping

import minio
import urllib3
from minio import Minio

from ..errors import StoreUnavailableError

WRITTEN_FOR = "7.2."  # the SDK minor version whose private members this module was checked against
PINNED = "7.2.20"  # the version requirements.lock installs


def check_sdk_version(installed: str | None = None) -> None:
    """Raise StoreUnavailableError unless the installed minio SDK is the minor version this module was written for."""
    installed = minio.__version__ if installed is None else installed
    if not installed.startswith(WRITTEN_FOR):
        raise StoreUnavailableError(
            f"the minio SDK {installed} is installed but the MinIO store was written for {WRITTEN_FOR}x;"
            f" install minio=={PINNED} (`make run` installs the locked versions), or check the private SDK members"
            " listed in varlib/store/minio_adapter.py against the new version and update WRITTEN_FOR",
            field="minio",
            value=installed,
        )


def put_with_headers(client: Minio, bucket: str, key: str, data: bytes, headers: Mapping[str, str]) -> str:
    """PUT `data` at `key` with `headers` sent exactly as given (preconditions included); returns the new etag."""
    result = client._put_object(bucket, key, data, dict(headers))  # noqa: SLF001 - see the module docstring
    return (result.etag or "").strip('"')


def sending_pool(client: Minio) -> urllib3.PoolManager:
    """The urllib3 pool `client` sends its requests through (a ProxyManager when it was built with a proxy)."""
    return client._http  # noqa: SLF001 - see the module docstring
