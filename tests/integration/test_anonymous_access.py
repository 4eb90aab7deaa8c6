"""Without access keys: a public-read bucket is listed, loaded and forecast; every refusal or outage is one line."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import new_bucket
from tests.support import cli_runner
from tests.support.minio_server import free_port
from varlib import Registry
from varlib.artifact import build_artifact
from varlib.config import Settings
from varlib.errors import AccessDeniedError, StoreUnavailableError
from varlib.service import forecast_version
from varlib.versions import Version

pytestmark = pytest.mark.minio

PROJECT = Path(__file__).resolve().parents[2]
KEY_HINT = "MINIO_ACCESS_KEY and MINIO_SECRET_KEY"


def public_read_policy(bucket: str) -> str:
    """Anyone may find, list and read the bucket; nobody without keys may write."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": ["s3:GetBucketLocation", "s3:ListBucket"],
                    "Resource": [f"arn:aws:s3:::{bucket}"],
                },
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": ["s3:GetObject"],
                    "Resource": [f"arn:aws:s3:::{bucket}/*"],
                },
            ],
        }
    )


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """`varlib *args` with no MINIO_*/VARLIB_* variable inherited (so no keys) plus `env`, in this process as a new
    one would run it (tests/support/cli_runner.py)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "VARLIB_"))}
    return cli_runner.run(args, {**clean, "VARLIB_AUTHOR": "anonymous-test", **env}, PROJECT, 120)


def assert_one_line_error(result: subprocess.CompletedProcess, *needles: str) -> str:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def anonymous(minio, bucket: str) -> Settings:
    return Settings(minio_endpoint=minio.endpoint, bucket=bucket, author="anonymous-test")


def admin_keys(minio, bucket: str) -> dict[str, str]:
    admin = Registry.from_settings(minio.settings(bucket))
    return {info.key: info.etag for info in admin.store.list("")}


@pytest.fixture(scope="module")
def public_bucket(minio, macro_result) -> str:
    """A bucket with versions 0.0.1 and 0.0.2, published with the admin keys, then made public-read."""
    bucket = new_bucket()
    admin = Registry.from_settings(minio.settings(bucket, author="tester"))
    for notes in ("first", "second"):
        admin.publish(build_artifact(macro_result, "var", "tester", notes))
    admin.store.client.set_bucket_policy(bucket, public_read_policy(bucket))
    return bucket


@pytest.fixture(scope="module")
def private_bucket(minio, macro_result) -> str:
    bucket = new_bucket()
    admin = Registry.from_settings(minio.settings(bucket, author="tester"))
    admin.publish(build_artifact(macro_result, "var", "tester"))
    return bucket


def test_a_public_bucket_is_listed_loaded_and_forecast_without_keys(minio, public_bucket):
    settings = anonymous(minio, public_bucket)
    assert settings.anonymous and settings.access_key is None and settings.secret_key is None
    registry = Registry.from_settings(settings)
    entries = registry.list_versions("var")
    assert [(entry.label, entry.status) for entry in entries] == [("0.0.2", "ok"), ("0.0.1", "ok")]
    assert registry.load("var", "0.0.1").notes == "first"
    assert registry.resolve("var", "latest") == Version(0, 0, 2)
    forecast = forecast_version(registry, "var", "latest", steps=5, cached=False)
    assert forecast.version == Version(0, 0, 2) and forecast.steps == 5
    assert [entry.ok for entry in registry.list_versions("var", verify=True)] == [True, True]


def test_the_cli_reads_a_public_bucket_without_keys(minio, public_bucket):
    env = {"MINIO_ENDPOINT": minio.endpoint, "MINIO_BUCKET": public_bucket}
    listed = cli(env, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [row["version"] for row in json.loads(listed.stdout)] == ["0.0.2", "0.0.1"]
    forecast = cli(env, "forecast", "latest", "--steps", "4", "--json")
    assert forecast.returncode == 0, forecast.stderr
    body = json.loads(forecast.stdout)
    assert body["version"] == "0.0.2" and body["steps"] == 4 and len(body["index"]) == 4


def test_an_anonymous_publish_is_denied_and_says_which_keys_to_set(minio, public_bucket, macro_result):
    before = admin_keys(minio, public_bucket)
    registry = Registry.from_settings(anonymous(minio, public_bucket))
    with pytest.raises(AccessDeniedError) as caught:
        registry.publish(build_artifact(macro_result, "var", "anonymous-test"))
    error = caught.value
    assert "anonymous" in str(error) and KEY_HINT in str(error) and "\n" not in str(error)
    assert (error.endpoint, error.bucket, error.code) == (minio.endpoint, public_bucket, "AccessDenied")
    assert error.key is not None and error.key.startswith("var/")
    result = cli(
        {"MINIO_ENDPOINT": minio.endpoint, "MINIO_BUCKET": public_bucket},
        "train",
        "--lags",
        "2",
        "--holdout",
        "0",
        "--publish",
    )
    assert_one_line_error(result, "not allowed", "anonymous", KEY_HINT)
    assert admin_keys(minio, public_bucket) == before  # nothing written


def test_an_anonymous_read_of_a_private_bucket_is_denied_in_one_line(minio, private_bucket):
    registry = Registry.from_settings(anonymous(minio, private_bucket))
    with pytest.raises(AccessDeniedError) as caught:
        registry.list_versions("var")
    assert KEY_HINT in str(caught.value) and "public-read" in str(caught.value)
    assert (caught.value.endpoint, caught.value.bucket) == (minio.endpoint, private_bucket)
    with pytest.raises(AccessDeniedError):
        registry.load("var", "0.0.1")
    env = {"MINIO_ENDPOINT": minio.endpoint, "MINIO_BUCKET": private_bucket}
    for args in (("list", "--json"), ("forecast", "latest", "--json"), ("show", "latest")):
        assert_one_line_error(cli(env, *args), "denied anonymous access", f"bucket '{private_bucket}'")


def test_an_unreachable_endpoint_without_keys_is_one_line():
    endpoint = f"127.0.0.1:{free_port()}"  # nothing listens there
    with pytest.raises(StoreUnavailableError) as caught:
        Registry.from_settings(Settings(minio_endpoint=endpoint)).load("var", "latest")
    assert caught.value.endpoint == endpoint and caught.value.code is None
    for args in (("list",), ("show", "latest"), ("forecast", "latest", "--json")):
        assert_one_line_error(cli({"MINIO_ENDPOINT": endpoint}, *args), endpoint, "unreachable")
