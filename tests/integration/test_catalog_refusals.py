"""The library refuses what cannot be undone or would drive a terminal, on the local store: withdrawing
`latest` or an alias, control characters in a withdrawal reason or in scenario notes; and a read-only store
names the action it refuses."""

from __future__ import annotations

from dataclasses import replace

import pytest

from varlib import Registry, make_scenario, publish_result
from varlib.errors import AccessDeniedError, InvalidInputError
from varlib.versions import Version


@pytest.fixture
def three(local_settings, macro_result) -> Registry:
    registry = Registry.from_settings(local_settings)
    for _ in range(3):
        publish_result(registry, macro_result, "var")
    return registry


def test_withdraw_refuses_latest_and_aliases_naming_the_version_they_point_at(three):
    with pytest.raises(InvalidInputError) as refused:
        three.withdraw("var", "latest", "wrong data")
    assert str(refused.value) == (
        "withdraw needs a version number, not 'latest' (which is 0.0.3 now): withdraw 0.0.3 if that is the one"
    )
    assert refused.value.field == "version"
    three.set_alias("var", "champion", "0.0.2")
    with pytest.raises(InvalidInputError, match=r"not '@champion' \(which is 0\.0\.2 now\): withdraw 0\.0\.2 if"):
        three.withdraw("var", "@champion", "wrong data")
    with pytest.raises(InvalidInputError, match=r"not '@nobody' \(@nobody is not set\); `varlib list --name var`"):
        three.withdraw("var", "@nobody", "wrong data")
    assert three.withdrawals("var") == {}  # repeating either withdrew nothing
    assert three.resolve_latest("var") == Version(0, 0, 3)
    assert three.withdraw("var", "0.0.3", "wrong data").version == Version(0, 0, 3)


@pytest.mark.parametrize(
    "reason, code, position",
    [
        ("\x1b[2Jcleared", "001B", 1),
        ("\x1b]0;retitled\x07", "001B", 1),
        ("  two\nlines", "000A", 6),  # counted in the reason as typed, its leading spaces included
        ("tab\there", "0009", 4),
        ("del\x7f", "007F", 4),
        ("c1 \x9b2J", "009B", 4),
        ("looks \u202eodd", "202E", 7),
        ("isolate \u2066x\u2069", "2066", 9),
    ],
)
def test_a_reason_with_a_control_character_is_refused_by_code_point_and_position(three, reason, code, position):
    with pytest.raises(InvalidInputError) as refused:
        three.withdraw("var", "0.0.1", reason)
    assert str(refused.value) == f"reason has a control character U+{code} at position {position}; use plain text"
    assert refused.value.field == "reason"
    assert three.withdrawals("var") == {}


def test_a_reason_of_plain_text_keeps_accents_and_emoji(three):
    reason = "Daten falsch: Straße ✓ 👩\u200d💻"  # a zero-width joiner is a format character, not a control
    assert three.withdraw("var", "0.0.1", f"  {reason}\n").reason == reason


def test_scenario_notes_keep_new_lines_and_tabs_and_refuse_other_control_characters(three):
    artifact = three.load("var", "0.0.1")
    saved = three.save_scenario(make_scenario(artifact, "laid-out", 2, notes="first line\n\tindented"))
    assert saved.notes == "first line\n\tindented"
    for notes, code, position in (("ok\x1b[2J", "001B", 3), ("a\r\nb", "000D", 2), ("\u202eevil", "202E", 1)):
        with pytest.raises(InvalidInputError) as refused:
            three.save_scenario(make_scenario(artifact, "refused", 2, notes=notes))
        assert str(refused.value) == (
            f"notes have a control character U+{code} at position {position}; use plain text (new lines and tabs"
            " are fine)"
        )
    assert [s.scenario for s in three.scenarios("var", "0.0.1")] == ["laid-out"]  # nothing else was stored


def test_a_read_only_store_names_the_action_it_refuses(three, local_settings, macro_result):
    three.set_alias("var", "champion", "0.0.2")
    scenario = make_scenario(three.load("var", "0.0.1"), "held", 2)
    reader = Registry.from_settings(replace(local_settings, read_only=True))
    refusals = {
        "moving an alias": lambda: reader.set_alias("var", "staging", "0.0.1"),
        "deleting an alias": lambda: reader.delete_alias("var", "champion"),
        "withdrawing a version": lambda: reader.withdraw("var", "0.0.1", "wrong data"),
        "saving a scenario": lambda: reader.save_scenario(scenario),
        "publishing": lambda: publish_result(reader, macro_result, "var"),
    }
    for action, attempt in refusals.items():
        with pytest.raises(AccessDeniedError) as refused:
            attempt()
        assert str(refused.value) == (
            f"not allowed: this store is read-only (VARLIB_READ_ONLY is on); {action} needs write access"
        )
    assert three.withdrawals("var") == {} and [a.alias for a in three.aliases("var")] == ["champion"]
