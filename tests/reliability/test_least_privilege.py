"""Suite 5, least privilege: a read-only user browses and forecasts but cannot publish; a publisher cannot delete,
but a saved scenario (an admin's deletion through the product)."""

from __future__ import annotations

import importlib.util
import secrets

import pytest
from minio import Minio
from minio.error import S3Error

from tests.app.conftest import _clear_caches, charts, errors, open_app
from tests.conftest import new_bucket
from tests.reliability.conftest import PROJECT_DIR, assert_clean_failure, clean_env, run_cli
from tests.support.figures import record
from varlib import Registry, make_scenario
from varlib.config import Settings
from varlib.errors import AccessDeniedError, ObjectExistsError
from varlib.service import forecast_version

pytestmark = pytest.mark.minio


def _load_script():
    spec = importlib.util.spec_from_file_location("minio_users", PROJECT_DIR / "scripts" / "minio_users.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Users:
    def __init__(self, minio, bucket: str) -> None:
        tag = secrets.token_hex(4)
        self.minio, self.bucket = minio, bucket
        self.reader = (f"reader-{tag}", secrets.token_hex(16))
        self.publisher = (f"publisher-{tag}", secrets.token_hex(16))

    def settings(self, user: tuple[str, str], **changes) -> Settings:
        return Settings(
            minio_endpoint=self.minio.endpoint,
            access_key=user[0],
            secret_key=user[1],
            bucket=self.bucket,
            author="reliability",
            **changes,
        )

    def env(self, user: tuple[str, str]) -> dict[str, str]:
        return {**self.minio.env(self.bucket), "MINIO_ACCESS_KEY": user[0], "MINIO_SECRET_KEY": user[1]}


@pytest.fixture
def users(minio, macro_result):
    """A bucket with var 0.0.1 (published by the admin), a read-only user and a publisher."""
    bucket = new_bucket()
    created = Users(minio, bucket)
    assigned = _load_script().set_up(minio.settings(bucket), created.reader, created.publisher)
    assert set(assigned) == {created.reader[0], created.publisher[0]}
    from varlib.service import publish_result

    publish_result(Registry.from_settings(minio.settings(bucket, author="admin")), macro_result, "var")
    return created


def _keys(minio, bucket: str) -> dict[str, str]:
    admin = Registry.from_settings(minio.settings(bucket))
    return {info.key: info.etag for info in admin.store.list("")}


def test_read_only_user_browses_and_forecasts_but_cannot_publish(users, minio, macro_artifact):
    before = _keys(minio, users.bucket)
    reader = Registry.from_settings(users.settings(users.reader))
    entries = reader.list_versions("var")
    assert [(e.label, e.status) for e in entries] == [("0.0.1", "ok")]
    assert reader.load("var", "latest").version == entries[0].version
    assert forecast_version(reader, "var", "0.0.1", steps=5).steps == 5
    with pytest.raises(AccessDeniedError) as caught:
        reader.publish(macro_artifact)
    assert "not allowed" in str(caught.value) and minio.endpoint in str(caught.value)
    run = run_cli(clean_env(**users.env(users.reader)), "train", "--lags", "2", "--holdout", "0", "--publish")
    assert_clean_failure(run, "not allowed")
    after_reader = _keys(minio, users.bucket)
    assert after_reader == before  # nothing written, nothing changed

    publisher = Registry.from_settings(users.settings(users.publisher))
    assert str(publisher.publish(macro_artifact).version) == "0.0.2"
    with pytest.raises(ObjectExistsError):  # the commit point refuses to overwrite, even for a publisher
        publisher.store.create("var/0_0_1/model.json", b"{}")
    raw = Minio(minio.endpoint, access_key=users.publisher[0], secret_key=users.publisher[1], secure=False)
    with pytest.raises(S3Error) as denied:
        raw.remove_object(users.bucket, "var/0_0_1/model.json")
    assert denied.value.code == "AccessDenied"
    for key in ("var/_audit/any.json", "var/latest.json"):  # a delete of anything but a saved scenario is refused
        with pytest.raises(S3Error) as denied:
            raw.remove_object(users.bucket, key)
        assert denied.value.code == "AccessDenied"
    publisher.save_scenario(make_scenario(publisher.load("var", "0.0.1"), "hold", 4))
    publisher.delete_scenario("var", "0.0.1", "hold")  # the one delete it may make: an admin's, through the product
    assert publisher.scenarios("var", "0.0.1") == []
    after = _keys(minio, users.bucket)
    versions_before = {k: v for k, v in before.items() if k.endswith("model.json")}
    assert {k: after[k] for k in versions_before} == versions_before  # every version still there, unchanged
    assert Registry.from_settings(minio.settings(users.bucket)).load("var", "0.0.1", cached=False)
    record(
        "least-privilege",
        "read-only user and publisher (library, CLI)",
        users_created=2,
        denied_publishes=2,
        denied_deletes=3,
        refused_overwrites=1,
        objects_written_by_reader=len(set(after_reader) - set(before)),
        objects_lost=len(set(before) - set(after)),
        data_lost=sum(after.get(k) != v for k, v in versions_before.items()),
    )


@pytest.fixture
def app_env(users, monkeypatch, tmp_path):
    for name in ("MINIO_SECURE", "MINIO_CA_BUNDLE", "VARLIB_READ_ONLY", "VARLIB_STORE_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in users.env(users.reader).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("VARLIB_AUTHOR", "reliability")
    _clear_caches()
    yield users
    _clear_caches()


def _train(at):
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)


def _publish_buttons(at) -> list[str]:
    return [b.label for b in at.button if b.label.startswith("Publish")]


def test_dashboard_with_read_only_credentials_has_no_working_publish(app_env, minio, monkeypatch):
    users = app_env
    before = _keys(minio, users.bucket)
    at = open_app()  # the forecast page works with the read-only user
    assert errors(at) == "" and len(charts(at)) >= 1
    at = open_app(page="views/train.py")
    _train(at)
    # Credentials alone are read-only (VARLIB_READ_ONLY unset): the button exists until the store refuses.
    next(b for b in at.button if b.label.startswith("Publish")).click().run()
    assert not at.exception and "Not allowed" in errors(at)
    at.run()  # the refusal may be lifted (a policy changed): Publish stays, and asks the store again
    assert "refused the last publish" in "\n".join(w.value for w in at.warning)
    assert len(_publish_buttons(at)) == 1
    next(b for b in at.button if b.label.startswith("Publish")).click().run()
    assert not at.exception and "Not allowed" in errors(at)
    assert _keys(minio, users.bucket) == before

    monkeypatch.setenv("VARLIB_READ_ONLY", "1")  # how docker-compose runs the read-only app
    _clear_caches()
    at = open_app(page="views/train.py")
    _train(at)
    assert _publish_buttons(at) == []
    assert "read-only" in "\n".join(i.value for i in at.info)
    assert _keys(minio, users.bucket) == before
    record(
        "least-privilege",
        "dashboard with read-only credentials",
        publish_clicks_refused=2,
        publish_buttons_in_read_only_mode=0,
        objects_written=len(set(_keys(minio, users.bucket)) - set(before)),
    )
