"""VARLIB_AUTHOR is recorded as the author of versions and in the audit trail, which every front end shows: one
with a control character (a newline faking a line of `varlib history`, a bidirectional override) is refused where
the settings read it, naming the variable and the character; a signed-in name with one is not used as the name."""

from __future__ import annotations

import pytest

from varlib import Actor, InvalidInputError, Settings
from varlib.cli import main


@pytest.mark.parametrize(
    ("author", "code", "position"),
    [
        ("Mallory\n2026 withdraw 0.0.1 Alice", "000A", 8),
        ("Eve\u202eecilA", "202E", 4),
        ("a\x1b[2J", "001B", 2),
        ("bob\u2028x", "2028", 4),  # a line separator: a new line to splitlines and many viewers
    ],
)
def test_an_author_with_a_control_character_is_refused_by_name(author, code, position):
    with pytest.raises(InvalidInputError) as refused:
        Settings.from_env({"VARLIB_AUTHOR": author})
    assert str(refused.value).startswith(f"VARLIB_AUTHOR has a control character U+{code} at position {position};")
    assert refused.value.field == "VARLIB_AUTHOR"


def test_a_plain_author_and_no_author_are_fine():
    assert Settings.from_env({"VARLIB_AUTHOR": "Zoë O'Brien 👩‍🔬"}).author == "Zoë O'Brien 👩‍🔬"
    assert Settings.from_env({}).author  # the login name


def test_the_cli_refuses_it_before_moving_anything(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    monkeypatch.setenv("VARLIB_AUTHOR", "Mallory\n2026 withdraw 0.0.1 Alice")
    assert main(["alias", "set", "--name", "var", "spoof", "0.0.1"]) == 2
    err = capsys.readouterr().err
    assert "VARLIB_AUTHOR has a control character U+000A at position 8" in err
    assert not any(tmp_path.iterdir())  # nothing written


def test_a_signed_in_name_with_a_control_character_is_passed_over():
    claims = {"sub": "m-sub", "iss": "https://id.test", "name": "Mallory\n2026 withdraw", "email": "m@x.test"}
    assert Actor.from_claims(claims, via="rest").name == "m@x.test"
    assert Actor.from_claims({"sub": "m\nsub", "name": "M\u202e"}, via="rest").name == "m\\nsub"
    assert Actor.from_claims({"sub": "s", "name": "Ada"}, via="rest").name == "Ada"
