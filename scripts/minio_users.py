"""Least privilege on MinIO: create the bucket, a read-only user and a publisher user (never delete).

    MINIO_ENDPOINT=127.0.0.1:9100 MINIO_ROOT_USER=... MINIO_ROOT_PASSWORD=... \
    VARLIB_READER_ACCESS_KEY=... VARLIB_READER_SECRET_KEY=... \
    VARLIB_PUBLISHER_ACCESS_KEY=... VARLIB_PUBLISHER_SECRET_KEY=... \
    python scripts/minio_users.py

Idempotent: running it again updates the policies and the users' secrets. Uses MinIO's admin
API through the `minio` package's MinioAdmin (the same calls as `mc admin user/policy`).
"""

from __future__ import annotations

import os
import ssl
import sys
import time

import urllib3
from minio import Minio
from minio.credentials import StaticProvider
from minio.error import MinioAdminException, S3Error
from minio.minioadmin import MinioAdmin


def read_only_policy(bucket: str) -> dict:
    """List the bucket and get its objects; nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": ["s3:ListBucket", "s3:GetBucketLocation"],
                "Resource": [f"arn:aws:s3:::{bucket}"],
            },
            {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [f"arn:aws:s3:::{bucket}/*"]},
        ],
    }


def publisher_policy(bucket: str) -> dict:
    """Read-only plus put: publishing creates objects; versions are never deleted, so no delete."""
    policy = read_only_policy(bucket)
    policy["Statement"].append(
        {"Effect": "Allow", "Action": ["s3:PutObject"], "Resource": [f"arn:aws:s3:::{bucket}/*"]}
    )
    return policy


def _http(ca_bundle: str | None, secure: bool) -> urllib3.PoolManager:
    options: dict = {
        "timeout": urllib3.Timeout(connect=3, read=15),
        "retries": urllib3.Retry(total=2, backoff_factor=0.2),
    }
    if secure:
        options["ssl_context"] = ssl.create_default_context(cafile=ca_bundle)
    return urllib3.PoolManager(**options)


def set_up(
    endpoint: str,
    root_access_key: str,
    root_secret_key: str,
    bucket: str,
    reader: tuple[str, str],
    publisher: tuple[str, str],
    *,
    secure: bool = False,
    ca_bundle: str | None = None,
) -> dict[str, str]:
    """Create the bucket, both policies and both users; returns {user: policy name}."""
    client = Minio(
        endpoint,
        access_key=root_access_key,
        secret_key=root_secret_key,
        secure=secure,
        http_client=_http(ca_bundle, secure),
    )
    if not client.bucket_exists(bucket):
        client.make_bucket(bucket)
    admin = MinioAdmin(
        endpoint=endpoint,
        credentials=StaticProvider(root_access_key, root_secret_key),
        secure=secure,
        http_client=_http(ca_bundle, secure),
    )
    assigned = {}
    for (access_key, secret_key), policy_name, policy in (
        (reader, f"varlib-read-{bucket}", read_only_policy(bucket)),
        (publisher, f"varlib-publish-{bucket}", publisher_policy(bucket)),
    ):
        admin.policy_add(policy_name, policy=policy)
        admin.user_add(access_key, secret_key)
        admin.policy_set(policy_name, user=access_key)
        assigned[access_key] = policy_name
    return assigned


def main() -> int:
    env = os.environ
    required = [
        "MINIO_ENDPOINT",
        "MINIO_ROOT_USER",
        "MINIO_ROOT_PASSWORD",
        "VARLIB_READER_ACCESS_KEY",
        "VARLIB_READER_SECRET_KEY",
        "VARLIB_PUBLISHER_ACCESS_KEY",
        "VARLIB_PUBLISHER_SECRET_KEY",
    ]
    missing = [name for name in required if not env.get(name)]
    if missing:
        print(f"error: set {', '.join(missing)}", file=sys.stderr)
        return 2
    endpoint = env["MINIO_ENDPOINT"].removeprefix("http://").removeprefix("https://").rstrip("/")
    secure = env.get("MINIO_SECURE", "0").lower() in ("1", "true", "yes") or env["MINIO_ENDPOINT"].startswith(
        "https://"
    )
    bucket = env.get("MINIO_BUCKET") or "models"
    deadline = time.monotonic() + float(env.get("VARLIB_SETUP_WAIT", "60"))
    while True:  # in docker-compose the server may still be starting
        try:
            assigned = set_up(
                endpoint,
                env["MINIO_ROOT_USER"],
                env["MINIO_ROOT_PASSWORD"],
                bucket,
                (env["VARLIB_READER_ACCESS_KEY"], env["VARLIB_READER_SECRET_KEY"]),
                (env["VARLIB_PUBLISHER_ACCESS_KEY"], env["VARLIB_PUBLISHER_SECRET_KEY"]),
                secure=secure,
                ca_bundle=env.get("MINIO_CA_BUNDLE") or None,
            )
            break
        except (S3Error, MinioAdminException) as exc:  # e.g. wrong root credentials: retrying will not help
            print(
                f"error: MinIO at {endpoint} refused the set-up: {getattr(exc, 'code', None) or type(exc).__name__}",
                file=sys.stderr,
            )
            return 1
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            if time.monotonic() > deadline:
                print(f"error: MinIO at {endpoint} did not answer: {type(exc).__name__}", file=sys.stderr)
                return 1
            time.sleep(1)
    for user, policy in assigned.items():
        print(f"user {user}: policy {policy} on bucket '{bucket}'")
    return 0


if __name__ == "__main__":
    sys.exit(main())
