"""What the audit trail and a cut-off change say when a helper object is damaged: a publish after `latest.json`
was damaged records `latest` as readers had it (from the listing), where it said `none`; and a withdrawal
whose audit record alone could not be written names that step alone, where it said `latest` had failed too."""

from __future__ import annotations

import pytest

from varlib import Registry, StoreUnavailableError, Version, publish_result
from varlib.catalog import governance


def test_a_publish_after_a_damaged_latest_records_the_version_readers_had(registry, macro_result):
    publish_result(registry, macro_result, "var")
    registry.store.replace("var/latest.json", b"garbage", registry.store.get("var/latest.json", 10**7).etag)
    assert registry.resolve_latest("var") == Version(0, 0, 1)  # readers fall back to the listing
    publish_result(registry, macro_result, "var")
    [record] = [r for r in registry.history("var") if r.version == "0.0.2"]
    assert (record.latest_before, record.latest_after) == ("0.0.1", "0.0.2")


def test_a_publish_after_a_damaged_latest_skips_withdrawn_versions_in_the_record(registry, macro_result):
    publish_result(registry, macro_result, "var")
    publish_result(registry, macro_result, "var")
    registry.withdraw("var", "0.0.2", "bad")
    registry.store.replace("var/latest.json", b"garbage", registry.store.get("var/latest.json", 10**7).etag)
    publish_result(registry, macro_result, "var")
    [record] = [r for r in registry.history("var") if r.version == "0.0.3"]
    assert (record.latest_before, record.latest_after) == ("0.0.1", "0.0.3")


def test_a_withdrawal_whose_audit_record_fails_names_that_step_alone(registry, macro_result, monkeypatch):
    publish_result(registry, macro_result, "var")
    publish_result(registry, macro_result, "var")

    def away(*args, **kwargs):
        raise StoreUnavailableError("MinIO at 127.0.0.1:9 is unreachable", endpoint="127.0.0.1:9")

    monkeypatch.setattr(governance.audit, "append", away)
    with pytest.raises(StoreUnavailableError) as caught:
        registry.withdraw("var", "0.0.1", "old")  # `latest` is 0.0.2: nothing to move
    assert str(caught.value).startswith(
        "var 0.0.1 is withdrawn (its withdrawal is stored), but recording it in the audit trail failed: MinIO"
    )
    assert Registry(registry.store, author="t").resolve_latest("var") == Version(0, 0, 2)
