"""An alias keeps its last move's reason: REST answers it with the alias (its PUT, DELETE and listing), and an
alias move whose audit record was cut off gets its record back with that reason (the history endpoint)."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import Actor, Registry
from varlib.catalog import audit
from varlib.errors import StoreUnavailableError

ADMIN = Actor("Ada Admin", "ada-sub", "https://issuer.test", via="rest", origin="10.1.2.3")


def test_the_alias_endpoints_answer_the_reason_and_a_restored_record_keeps_it(macro_result, tmp_path, monkeypatch):
    settings, registry = local_registry(tmp_path, macro_result)
    for client in local_client(settings, actor=ADMIN):
        put = client.put("/models/var/aliases/champion", json={"version": "0.0.1", "reason": "won the backtest"})
        assert put.status_code == 200 and put.json()["reason"] == "won the backtest"

        def gone(store, record):
            raise StoreUnavailableError("the store went away")

        with monkeypatch.context() as patch:  # the next move is stored, its audit record is not
            patch.setattr(audit, "append", gone)
            with pytest.raises(StoreUnavailableError):
                registry.set_alias("var", "champion", "0.0.2", ADMIN, reason="fresher data")
        listed = client.get("/models/var/aliases").json()
        assert [(a["alias"], a["version"], a["reason"]) for a in listed] == [("champion", "0.0.2", "fresher data")]
        assert [r.reason for r in Registry.from_settings(settings).restore_trail("var")] == ["fresher data"]
        trail = client.get("/models/var/history").json()
        assert [
            (r["version"], r["reason"], r["restored"] is not None) for r in trail if r["action"] == "alias.set"
        ] == [
            ("0.0.2", "fresher data", True),
            ("0.0.1", "won the backtest", False),
        ]
        deleted = client.request("DELETE", "/models/var/aliases/champion", json={"reason": "retired"})
        assert deleted.status_code == 200 and deleted.json()["reason"] == "retired"
