"""An alias keeps its last move's reason: REST answers it with the alias (its PUT, DELETE and listing), and an
alias move whose audit record was cut off gets its record back with that reason (the history endpoint). A PUT to
the version the alias points at already stores nothing: it answers the stored reason, `changed: false` and a `note`
that the reason sent was not kept."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import Actor, Registry
from varlib.catalog import audit
from varlib.errors import StoreUnavailableError
from varlib.wording import utc_time

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


def test_a_put_to_the_version_it_points_at_answers_the_stored_reason_and_says_the_new_one_was_not_kept(
    macro_result, tmp_path
):
    settings, registry = local_registry(tmp_path, macro_result)
    for client in local_client(settings, actor=ADMIN):
        first = client.put("/models/var/aliases/champion", json={"version": "0.0.1", "reason": "won the backtest"})
        assert first.status_code == 200 and (first.json()["changed"], first.json()["note"]) == (True, None)
        trail = client.get("/models/var/history").json()
        again = client.put("/models/var/aliases/champion", json={"version": "0.0.1", "reason": "fresher data"})
        assert again.status_code == 200, again.text  # a PUT that finds what it asks for: not refused, not created
        body = again.json()
        assert (body["changed"], body["reason"], body["at"], body["revision"]) == (
            False,
            "won the backtest",  # the stored reason, as the schema says: not the one sent
            first.json()["at"],
            1,
        )
        assert body["note"] == (
            f"@champion of 'var' already points at 0.0.1, set {utc_time(first.json()['at'])} by Ada Admin (reason: won"
            " the backtest); nothing was stored or recorded in the audit trail, so the reason given (fresher data) was"
            " not kept"
        )
        retried = client.put("/models/var/aliases/champion", json={"version": "0.0.1", "reason": "won the backtest"})
        assert retried.json()["note"].endswith("nothing was stored or recorded in the audit trail")  # nothing lost
        assert client.get("/models/var/history").json() == trail  # no audit record, no new revision
        assert registry.alias("var", "champion").reason == "won the backtest"
        shape = client.get("/openapi.json").json()["components"]["schemas"]["AliasMove"]["properties"]
        assert "not stored" in shape["reason"]["description"] and "not kept" in shape["note"]["description"]
