"""Model and scenario names have one rule and one checker (versions.check_key_name): blanks around a name are
refused with the name to use, a long name is shortened in the message; the REST service refuses blanks around
any path value with one helper."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from varlib import scenario
from varlib.api.team import as_sent
from varlib.api.validation import _path_reason, blanks_around
from varlib.errors import InvalidInputError
from varlib.scenario import SCENARIO_PATTERN, check_scenario_name
from varlib.versions import NAME_PATTERN, check_name


def test_one_pattern_for_both_kinds_of_name():
    # `is` alone would hold for two copies of the regex too (re.compile caches): the module must not write its own
    assert SCENARIO_PATTERN is NAME_PATTERN
    tree = ast.parse(Path(scenario.__file__).read_text())
    written = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "SCENARIO_PATTERN"
    ]
    assert [getattr(value, "id", None) for value in written] == ["NAME_PATTERN"]


@pytest.mark.parametrize(("check", "what"), [(check_name, "model name"), (check_scenario_name, "scenario name")])
@pytest.mark.parametrize("typed", [" rate-hold", "rate-hold ", "\trate-hold\n"])
def test_blanks_around_a_name_are_refused_with_the_name_to_use(check, what, typed):
    with pytest.raises(InvalidInputError) as refused:
        check(typed)
    assert str(refused.value) == f"{what} {typed!r} is not valid: it has blank characters around it; use 'rate-hold'"


@pytest.mark.parametrize(("check", "what"), [(check_name, "model name"), (check_scenario_name, "scenario name")])
def test_a_long_bad_name_is_shortened_and_escaped_alike(check, what):
    with pytest.raises(InvalidInputError) as refused:
        check("A" * 5000 + "\x1b[2J")
    message = str(refused.value)
    assert message.startswith(f"{what} 'AAAA") and len(message) < 300 and "\\x1b[2J'" in message, message


def test_the_scenario_refusal_keeps_its_field():
    with pytest.raises(InvalidInputError) as refused:
        check_scenario_name("Rate Hold")
    assert (refused.value.field, refused.value.value) == ("scenario", "Rate Hold")


def test_the_rest_blank_refusal_is_one_helper_for_paths_and_aliases():
    with pytest.raises(InvalidInputError) as refused:
        as_sent("champion ")
    assert str(refused.value) == blanks_around("alias", "champion ")
    scenario = _path_reason({"loc": ("path", "scenario"), "input": " rate-hold"})
    assert scenario == "scenario name ' rate-hold' is not valid: it has blank characters around it; send 'rate-hold'"


def test_a_compared_version_with_blanks_is_named_a_version():
    said = _path_reason({"loc": ("query", "versions", 0), "input": "0.0.1 "})
    assert said == "version '0.0.1 ' is not valid: it has blank characters around it; send '0.0.1'"
