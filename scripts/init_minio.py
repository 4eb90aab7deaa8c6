"""One-shot MinIO initialiser (docker-compose `minio-init`): create the models bucket if missing.

Reads the product's store settings (varlib.Settings): MINIO_ENDPOINT (`host:port` or `http(s)://host:port`),
MINIO_SECURE, MINIO_CA_BUNDLE, MINIO_ACCESS_KEY and MINIO_SECRET_KEY (the root user) and MINIO_BUCKET; waits up
to VARLIB_SETUP_WAIT seconds (60) for a server that is still starting.
"""

import os
import sys

from minio_users import setup_wait, until_ready

from varlib import InvalidInputError, Settings, minio_admin_clients


def main() -> int:
    try:
        settings = Settings.from_env()
        client, _ = minio_admin_clients(settings)
        wait_s = setup_wait(os.environ)
    except InvalidInputError as exc:  # a setting the product would refuse too: say which, do not retry
        print(f"error: {exc}", file=sys.stderr)
        return 2
    bucket = settings.bucket

    def make_bucket() -> bool:
        if not client.bucket_exists(bucket):
            client.make_bucket(bucket)
        return True

    if until_ready(make_bucket, settings, wait_s) is None:
        return 1
    print(f"bucket {bucket!r} ready")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
