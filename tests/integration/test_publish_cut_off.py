"""A publish cut off after its version was stored says so: the version is named as stored, nobody is told to
publish again (which made the same model a second version), and `reindex` completes `latest` and the audit
trail. A store that stops answering during the version's own write says the version may have been stored.
Notes holding a control character are refused before anything is stored."""

from __future__ import annotations

import pytest

from varlib import InvalidInputError, StoreUnavailableError, Version, cli, publish_result
from varlib.catalog import governance, publish
from varlib.catalog import registry as registry_module


def _away(*args, **kwargs):
    raise StoreUnavailableError("MinIO at 127.0.0.1:9 is unreachable (connection refused)", endpoint="127.0.0.1:9")


@pytest.mark.parametrize(
    ("where", "step"),
    [
        ((publish, "advance_pointer"), "moving `latest` to it"),
        ((registry_module, "settle_latest"), "keeping `latest` off withdrawn versions"),
        ((governance.audit, "append"), "recording it in the audit trail"),  # `latest` moved: not named as failed
    ],
)
def test_a_publish_cut_off_after_the_version_was_stored_names_it_and_reindex_completes_it(
    registry, macro_result, monkeypatch, where, step
):
    publish_result(registry, macro_result, "var")
    with monkeypatch.context() as patched:
        patched.setattr(*where, _away)
        with pytest.raises(StoreUnavailableError) as caught:
            publish_result(registry, macro_result, "var")
    said = str(caught.value)
    assert caught.value.stored == "0.0.2" and caught.value.endpoint == "127.0.0.1:9"
    assert said.startswith(f"the version var 0.0.2 is stored, but {step} failed: MinIO at 127.0.0.1:9 is unreachable")
    assert "do not publish it again" in said and "`varlib reindex --name var`" in said
    assert sorted(e.version for e in registry.list_versions("var")) == [Version(0, 0, 1), Version(0, 0, 2)]
    registry.reindex("var")
    registry.restore_trail("var")
    assert registry.resolve("var", "latest") == Version(0, 0, 2)
    assert sorted(r.version for r in registry.history("var", 10) if r.action == "publish") == ["0.0.1", "0.0.2"]


def test_a_store_that_stops_answering_during_the_write_says_the_version_may_be_stored(
    registry, macro_result, monkeypatch
):
    publish_result(registry, macro_result, "var")
    monkeypatch.setattr(type(registry.store), "create", _away)
    with pytest.raises(StoreUnavailableError) as caught:
        publish_result(registry, macro_result, "var")
    assert caught.value.stored is None and caught.value.endpoint == "127.0.0.1:9"
    assert str(caught.value).endswith(
        "var 0.0.2 may have been stored before the store stopped answering: look with `varlib list --name var`"
        " before publishing again"
    )


def test_the_cli_says_so_and_exits_1(local_settings, macro_result, monkeypatch, capsys):
    monkeypatch.setenv("VARLIB_STORE_DIR", str(local_settings.store_dir))
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    assert cli.main(["train", "--name", "var", "--lags", "2", "--holdout", "0", "--publish"]) == 0
    monkeypatch.setattr(governance.audit, "append", _away)
    assert cli.main(["train", "--name", "var", "--lags", "2", "--holdout", "0", "--publish"]) == 1
    err = capsys.readouterr().err
    assert "error: the version var 0.0.2 is stored, but recording it" in err and "Traceback" not in err


def test_notes_with_a_control_character_are_refused_before_anything_is_stored(registry, macro_result):
    """A version's notes were stored as typed, escape sequences included, while a scenario's were refused."""
    with pytest.raises(InvalidInputError, match=r"notes have a control character U\+001B at position 2"):
        publish_result(registry, macro_result, "var", notes="a\x1b[2Jb")
    assert registry.list_names() == []
    assert publish_result(registry, macro_result, "var", notes="line one\nline\ttwo").notes == "line one\nline\ttwo"
