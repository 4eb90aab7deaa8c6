"""Who made a change, as the Models page's tables show it (`Actor.in_a_cell`): the name or email the record has,
else the provider's opaque subject said to be an id and cut to a cell's width, in the aliases table's `moved by`
and the History's `by` alike (the History's `subject` column keeps it whole)."""

from __future__ import annotations

from ui.tables import aliases_table, history_table
from varlib import Actor, AuditRecord, Version
from varlib.catalog.aliases import Alias

SUBJECT = "CiQwOGE4Njg0Yi1kYjg4LTRiNzMtOTBhOS0zY2QxNjYxZjU0NjYSBWxvY2Fs"
ISSUER = "http://issuer.test"
AT = "2026-11-30T10:00:00.000000Z"
NAMELESS = Actor.from_claims({"sub": SUBJECT, "iss": ISSUER}, via="rest")
NAMED = Actor.from_claims({"sub": SUBJECT, "iss": ISSUER, "name": "Ada Admin"}, via="rest")


def test_a_nameless_account_is_said_to_be_an_id_short_enough_for_a_cell():
    assert NAMELESS.name == SUBJECT  # what a token without a name claim leaves (`from_claims`)
    assert NAMELESS.in_a_cell() == "id CiQwOGE4Njg…"
    assert Actor.from_claims({"sub": "short-sub", "iss": ISSUER}, via="rest").in_a_cell() == "id short-sub"
    assert Actor.from_claims({"sub": "a\nb", "iss": ISSUER}, via="rest").in_a_cell() == "id a\\nb"  # escaped
    emailed = Actor.from_claims({"sub": SUBJECT, "iss": ISSUER, "email": "w@example.test"}, via="rest")
    assert (NAMED.in_a_cell(), emailed.in_a_cell()) == ("Ada Admin", "w@example.test")
    assert Actor.local("Carol").in_a_cell() == "Carol" and Actor("", "", via="").in_a_cell() == ""  # a damaged row


def test_the_aliases_and_history_tables_show_the_id_form_for_a_nameless_account_and_the_name_otherwise():
    aliases = [
        Alias("var", "champion", Version(0, 0, 1), 1, AT, NAMELESS),
        Alias("var", "staging", Version(0, 0, 1), 2, AT, NAMED),
    ]
    assert aliases_table(aliases)["moved by"].tolist() == ["id CiQwOGE4Njg…", "Ada Admin"]
    records = [
        AuditRecord(AT, "alias.set", "var", NAMELESS, "0.0.1", "champion"),
        AuditRecord(AT, "publish", "var", NAMED, "0.0.1"),
    ]
    table = history_table(records)
    assert table["by"].tolist() == ["id CiQwOGE4Njg…", "Ada Admin"]
    assert table["subject"].tolist() == [SUBJECT, SUBJECT]  # whole beside it
