"""Least privilege on MinIO: create the bucket, a read-only user and a publisher user (who deletes saved scenarios
only: never a version or a record of the audit trail).

    MINIO_ENDPOINT=127.0.0.1:9100 MINIO_ROOT_USER=... MINIO_ROOT_PASSWORD=... \
    VARLIB_READER_ACCESS_KEY=... VARLIB_READER_SECRET_KEY=... \
    VARLIB_PUBLISHER_ACCESS_KEY=... VARLIB_PUBLISHER_SECRET_KEY=... \
    python scripts/minio_users.py

MINIO_ENDPOINT, MINIO_SECURE, MINIO_CA_BUNDLE, MINIO_BUCKET and VARLIB_STORE_TIMEOUT are read as the product
reads them (varlib.Settings: `host:port` or `http(s)://host:port`, 1/true/yes/on for TLS), with the root user
as the keys. Idempotent: running it again updates the policies and the users' secrets. Uses MinIO's admin
API through the `minio` package's MinioAdmin (the same calls as `mc admin user/policy`).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from typing import TypeVar

import urllib3
from minio.error import MinioAdminException, S3Error

from varlib import InvalidInputError, Settings, minio_admin_clients, minio_failure
from varlib.config import whole_number_setting

Result = TypeVar("Result")
STARTING = {"XMinioServerNotInitialized", "ServiceUnavailable"}  # S3 error codes of a server still starting
REQUIRED = (
    "MINIO_ENDPOINT",
    "MINIO_ROOT_USER",
    "MINIO_ROOT_PASSWORD",
    "VARLIB_READER_ACCESS_KEY",
    "VARLIB_READER_SECRET_KEY",
    "VARLIB_PUBLISHER_ACCESS_KEY",
    "VARLIB_PUBLISHER_SECRET_KEY",
)


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
    """Read-only plus put: publishing creates objects. Delete only under a model's `_scenarios/` folder, where an
    admin deletes a saved scenario through the product (its role is checked there, not by the store): versions,
    aliases, withdrawals and the audit trail are never deleted."""
    policy = read_only_policy(bucket)
    policy["Statement"].append(
        {"Effect": "Allow", "Action": ["s3:PutObject"], "Resource": [f"arn:aws:s3:::{bucket}/*"]}
    )
    policy["Statement"].append(
        {"Effect": "Allow", "Action": ["s3:DeleteObject"], "Resource": [f"arn:aws:s3:::{bucket}/*/_scenarios/*"]}
    )
    return policy


def set_up(root: Settings, reader: tuple[str, str], publisher: tuple[str, str]) -> dict[str, str]:
    """Create the bucket, both policies and both users with the root user's `root` settings; returns
    {user: policy name}."""
    client, admin = minio_admin_clients(root)
    bucket = root.bucket
    if not client.bucket_exists(bucket):
        client.make_bucket(bucket)
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


def root_settings(env: Mapping[str, str], user: str, password: str) -> Settings:
    """The product's store settings from `env`, with the root user's keys (refused by name when invalid)."""
    return Settings.from_env({**env, "MINIO_ACCESS_KEY": env.get(user, ""), "MINIO_SECRET_KEY": env.get(password, "")})


def setup_wait(env: Mapping[str, str]) -> int:
    """VARLIB_SETUP_WAIT: whole seconds to wait for a server that is still starting (docker-compose)."""
    return whole_number_setting("VARLIB_SETUP_WAIT", env, 60, lowest=0)


def still_starting(exc: S3Error | MinioAdminException) -> bool:
    """Whether MinIO's refusal says it is still starting (503 until its S3 API is up, which comes after the
    health check docker-compose waits for): worth waiting for, unlike wrong credentials."""
    if isinstance(exc, S3Error):
        return exc.code in STARTING or getattr(exc.response, "status", None) == 503
    return "Status: 503" in str(exc)  # the admin client's error states its status only in its message


def until_ready(action: Callable[[], Result], settings: Settings, wait_s: float) -> Result | None:
    """`action()` once MinIO answers; None, after one `error:` line, when it refused or did not answer in time."""
    deadline = time.monotonic() + wait_s
    while True:  # in docker-compose the server may still be starting
        try:
            return action()
        except (S3Error, MinioAdminException) as exc:  # e.g. wrong root credentials: retrying will not help
            if still_starting(exc) and time.monotonic() <= deadline:
                time.sleep(1)
                continue
            code = getattr(exc, "code", None) or type(exc).__name__
            print(f"error: MinIO at {settings.minio_endpoint} refused the set-up: {code}", file=sys.stderr)
            return None
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            if time.monotonic() > deadline:  # the store's words: unreachable, TLS (MINIO_CA_BUNDLE), timeout
                print(f"error: {minio_failure(exc, settings)} (waited {wait_s:g} s)", file=sys.stderr)
                return None
            time.sleep(1)


def main() -> int:
    env = os.environ
    missing = [name for name in REQUIRED if not env.get(name)]
    if missing:
        print(f"error: set {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        root = root_settings(env, "MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD")
        minio_admin_clients(root)  # the endpoint's form, the CA bundle: refused now, not retried
        wait_s = setup_wait(env)
    except InvalidInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    assigned = until_ready(
        lambda: set_up(
            root,
            (env["VARLIB_READER_ACCESS_KEY"], env["VARLIB_READER_SECRET_KEY"]),
            (env["VARLIB_PUBLISHER_ACCESS_KEY"], env["VARLIB_PUBLISHER_SECRET_KEY"]),
        ),
        root,
        wait_s,
    )
    if assigned is None:
        return 1
    for user, policy in assigned.items():
        print(f"user {user}: policy {policy} on bucket '{root.bucket}'")
    return 0


if __name__ == "__main__":
    sys.exit(main())
