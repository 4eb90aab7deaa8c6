"""An alias move or deletion takes an optional reason, kept in its audit record as a withdrawal's is (the trail had no
"why" for alias moves): through the library, the CLI (`--reason`) and `history`; a reason is one line of plain text
of at most Withdrawal.MAX_REASON characters; records written before, without one, still read."""

from __future__ import annotations

import json

import orjson
import pytest

from varlib import Actor, AuditRecord, InvalidInputError, Registry, Settings, Withdrawal, publish_result
from varlib.catalog import audit
from varlib.cli import main


@pytest.fixture
def registry(tmp_path, macro_result, monkeypatch) -> Registry:
    settings = Settings(store_dir=tmp_path / "store", author="tester")
    registry = Registry.from_settings(settings)
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(settings.store_dir))
    monkeypatch.setenv("VARLIB_AUTHOR", "cli person")
    return registry


def _alias_records(registry: Registry) -> list[tuple[str, str, str]]:
    return [(r.action, r.alias or "", r.reason) for r in registry.history("var") if r.action.startswith("alias.")]


def test_the_library_keeps_an_alias_moves_reason(registry):
    registry.set_alias("var", "champion", "0.0.1", reason="  best backtest this quarter ")
    registry.set_alias("var", "champion", "0.0.2")  # no reason: optional
    registry.delete_alias("var", "champion", reason="retired")
    assert _alias_records(registry) == [
        ("alias.delete", "champion", "retired"),
        ("alias.set", "champion", ""),
        ("alias.set", "champion", "best backtest this quarter"),
    ]


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        ("one\nline", "reason has a control character U+000A at position 4; use plain text"),
        (
            "x" * (Withdrawal.MAX_REASON + 1),
            f"the reason is 2,001 characters; keep it to at most {Withdrawal.MAX_REASON}",
        ),
    ],
)
def test_a_reason_that_is_not_one_short_line_is_refused_and_nothing_moves(registry, reason, said):
    for change in (
        lambda: registry.set_alias("var", "champion", "0.0.1", reason=reason),
        lambda: registry.delete_alias("var", "champion", reason=reason),
    ):
        with pytest.raises(InvalidInputError) as caught:
            change()
        assert said in str(caught.value) and caught.value.field == "reason"
    assert registry.alias("var", "champion") is None and _alias_records(registry) == []


def test_the_cli_takes_a_reason_and_history_shows_it(registry, capsys):
    assert main(["alias", "set", "champion", "0.0.1", "--reason", "approved by the desk"]) == 0
    assert main(["alias", "delete", "champion", "--reason", "superseded"]) == 0
    capsys.readouterr()
    assert main(["history", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [(r["action"], r["reason"]) for r in records[:2]] == [
        ("alias.delete", "superseded"),
        ("alias.set", "approved by the desk"),
    ]
    assert main(["history"]) == 0
    assert "approved by the desk" in capsys.readouterr().out


def test_a_record_written_without_a_reason_still_reads(registry, tmp_path):
    """A record stored before alias moves had reasons (no `reason` key at all) reads with an empty one."""
    record = AuditRecord(audit.now(), "alias.set", "var", Actor("Old Writer", "o"), "0.0.1", "champion", revision=1)
    raw = record.stored_dict()
    del raw["reason"]
    registry.store.create(audit.record_key(record, "0a1b2c3d"), orjson.dumps(raw))
    fresh = Registry.from_settings(Settings(store_dir=tmp_path / "store", author="tester"))  # nothing cached
    assert _alias_records(fresh) == [("alias.set", "champion", "")]
