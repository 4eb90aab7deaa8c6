"""The set-up script's MinIO policies: the publisher (the service's and the dashboard's store user) may delete only
under a model's `_scenarios/` folder, where an admin deletes a saved scenario through the product; the read-only
user deletes nothing. The policies on a real MinIO: tests/reliability/test_least_privilege.py."""

from __future__ import annotations

import importlib.util
from fnmatch import fnmatchcase
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "minio_users.py"


def _script():
    spec = importlib.util.spec_from_file_location("minio_users", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _deletable(policy: dict, key: str) -> bool:
    """Whether an S3 policy lets a DeleteObject of `key` in bucket `b` through (`*` matches `/` too, as in S3)."""
    return any(
        "s3:DeleteObject" in statement["Action"]
        and any(fnmatchcase(f"arn:aws:s3:::b/{key}", r) for r in statement["Resource"])
        for statement in policy["Statement"]
    )


def test_the_publisher_deletes_saved_scenarios_only_and_the_reader_nothing():
    script = _script()
    publisher, reader = script.publisher_policy("b"), script.read_only_policy("b")
    assert _deletable(publisher, "var/_scenarios/0_0_1/hold.json")
    for key in ("var/0_0_1/model.json", "var/latest.json", "var/_audit/2026.json", "var/_aliases/prod.json"):
        assert not _deletable(publisher, key), key
    assert not _deletable(reader, "var/_scenarios/0_0_1/hold.json")
