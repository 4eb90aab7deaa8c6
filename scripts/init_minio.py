"""One-shot MinIO initialiser (docker-compose `minio-init`): create the models bucket if missing.

Reads MINIO_ENDPOINT, MINIO_ACCESS_KEY, MINIO_SECRET_KEY (the root user) and MINIO_BUCKET.
"""

import os
import sys
import time

from minio import Minio
from minio.error import S3Error


def main() -> int:
    client = Minio(
        os.environ["MINIO_ENDPOINT"],
        access_key=os.environ["MINIO_ACCESS_KEY"],
        secret_key=os.environ["MINIO_SECRET_KEY"],
        secure=os.environ.get("MINIO_SECURE") == "1",
    )
    bucket = os.environ.get("MINIO_BUCKET", "models")
    for attempt in range(30):  # the server may still be starting
        try:
            if not client.bucket_exists(bucket):
                client.make_bucket(bucket)
            print(f"bucket {bucket!r} ready")
            return 0
        except (S3Error, OSError) as exc:
            print(f"waiting for MinIO ({exc.__class__.__name__}), attempt {attempt + 1}", file=sys.stderr)
            time.sleep(2)
    print("error: MinIO did not become ready", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
