"""Who did a change, as a notice names them (`Actor.known_as`): the name or email the record has, else the
identity provider's opaque subject said to be an id; a withdrawal's sentence, which the CLI prints, uses it."""

from __future__ import annotations

from varlib import Actor, Version, Withdrawal
from varlib.cli.commands import warn_if_withdrawn
from varlib.cli.output import say_held

SUBJECT = "CiQwOGE4Njg0Yi1kYjg4LTRiNzMtOTBhOS0zY2QxNjYxZjU0NjYSBWxvY2Fs"
ISSUER = "http://issuer.test"


def test_a_name_or_email_is_shown_alone_and_a_subject_alone_is_said_to_be_an_id():
    assert Actor("Wanda Withdrawer", SUBJECT, ISSUER).known_as() == "Wanda Withdrawer"
    emailed = Actor.from_claims({"sub": SUBJECT, "iss": ISSUER, "email": "w@example.test"}, via="rest")
    assert emailed.known_as() == "w@example.test"
    bare = Actor.from_claims({"sub": SUBJECT, "iss": ISSUER}, via="rest")
    assert bare.known_as() == f"an account known only by its id {SUBJECT}"
    assert Actor.from_claims({"sub": "a\nb", "iss": ISSUER}, via="rest").known_as().endswith("its id a\\nb")
    assert Actor.local("Carol").known_as() == "Carol" and Actor("unknown", "").known_as() == "unknown"


def test_the_cli_warning_of_a_withdrawn_version_names_the_person(capsys):
    at = "2026-11-30T03:42:03Z"
    for actor, said in (
        (Actor("Wanda Withdrawer", SUBJECT, ISSUER), "by Wanda Withdrawer: wrong data"),
        (
            Actor.from_claims({"sub": SUBJECT, "iss": ISSUER}, via="rest"),
            f"by an account known only by its id {SUBJECT}:",
        ),
    ):
        warn_if_withdrawn(None, Withdrawal("var", Version(0, 0, 3), "wrong data", at, actor))  # type: ignore[arg-type]
        say_held()  # said once the command has printed its output
        err = capsys.readouterr().err
        assert err.startswith("warning: var 0.0.3 was withdrawn on 2026-11-30 03:42:03 UTC ") and said in err
        assert f"({SUBJECT})" not in err
