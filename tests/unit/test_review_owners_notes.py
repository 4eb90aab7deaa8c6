"""The notes' limit has one owner (plain_text.MAX_NOTES, checked by check_notes): a version's notes, a scenario's
and the REST document all read it."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

import varlib
from varlib import plain_text
from varlib.api.schemas import ScenarioRequest
from varlib.artifact import build_artifact
from varlib.errors import InvalidInputError
from varlib.plain_text import MAX_NOTES, check_notes
from varlib.scenario import Scenario
from varlib.scenario_forecast import make_scenario
from varlib.versions import Version

LIBRARY = Path(varlib.__file__).parent


def test_check_notes_refuses_notes_over_the_limit_in_the_librarys_words():
    assert check_notes("n" * MAX_NOTES) == "n" * MAX_NOTES
    with pytest.raises(InvalidInputError, match=rf"^notes are {MAX_NOTES + 1} characters; keep them to at most 2000$"):
        check_notes("n" * (MAX_NOTES + 1))


def test_no_other_module_sets_a_notes_limit_of_its_own():
    owners = [
        path.relative_to(LIBRARY).as_posix()
        for path in LIBRARY.rglob("*.py")
        for node in ast.parse(path.read_text()).body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "MAX_NOTES" for t in node.targets)
    ]
    assert owners == ["plain_text.py"]


def test_a_version_and_a_scenario_are_held_to_the_one_limit(macro_result, monkeypatch):
    monkeypatch.setattr(plain_text, "MAX_NOTES", 10)
    with pytest.raises(InvalidInputError, match=r"^notes are 11 characters; keep them to at most 10$"):
        build_artifact(macro_result, "var", "t", notes="n" * 11)
    published = replace(build_artifact(macro_result, "var", "t"), version=Version(0, 0, 1))
    with pytest.raises(InvalidInputError, match=r"^notes are 11 characters; keep them to at most 10$"):
        make_scenario(published, "long", 2, notes="n" * 11)


def test_the_rest_document_quotes_the_librarys_limit():
    notes = ScenarioRequest.model_json_schema()["properties"]["notes"]
    assert Scenario.MAX_NOTES == MAX_NOTES == notes["maxLength"]
    assert f"at most {MAX_NOTES} characters" in notes["description"]
