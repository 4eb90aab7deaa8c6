"""Public words and JSON helpers no other test calls: `escape_controls`, `order_words`, `other_holdout_order`,
`score_notes`, `to_json_safe`, `is_alias` and `is_latest`, each through `import varlib` against docs/LIBRARY.md."""

from __future__ import annotations

import json
import math
import unicodedata

import numpy as np
import pandas as pd
import pytest

import varlib

# Written out here rather than imported, so a character dropped from the library's own set shows up.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2Jcleared", "\\x1b[2Jcleared"),  # an ESC sequence would clear the screen
        ("one\ntwo", "one\\ntwo"),  # a newline would fake an output line
        ("a\rb\tc", "a\\rb\\tc"),
        ("\u202eevil", "\\u202eevil"),  # a right-to-left override reorders what a reader sees
        ("\x00\x7f\x85", "\\x00\\x7f\\x85"),  # NUL, DEL and a C1 control (NEL)
        ("\u2028\u2029", "\\u2028\\u2029"),  # line and paragraph separators start a new line in many viewers
    ],
)
def test_escape_controls_shows_each_control_as_an_escape(text, shown):
    assert varlib.escape_controls(text) == shown


@pytest.mark.parametrize("text", ["plain words", "Café Über", "👩\u200d💻 team", ""])
def test_escape_controls_leaves_plain_text_and_other_format_characters_alone(text):
    assert varlib.escape_controls(text) == text  # the zero-width joiner of an emoji is ordinary text


def test_escape_controls_leaves_no_character_a_terminal_acts_on():
    every = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029])) + BIDI
    shown = varlib.escape_controls(f"<{every}>")
    assert not [c for c in shown if unicodedata.category(c) in ("Cc", "Zl", "Zp") or c in BIDI]
    assert shown.startswith("<") and shown.endswith(">")
    assert shown.count("\\") == len(every)  # one escape per control character, none merged or dropped


def test_escape_controls_takes_any_value_as_its_text():
    assert varlib.escape_controls(42) == "42"
    assert varlib.escape_controls(None) == "None"


@pytest.mark.parametrize(
    ("kind", "k_ar", "words"),
    [("var", 4, "VAR(4)"), ("var", 1, "VAR(1)"), ("vecm", 3, "VECM of VAR order 3")],
)
def test_order_words_counts_the_order_as_its_kind_does(kind, k_ar, words):
    assert varlib.order_words(kind, k_ar) == words


@pytest.mark.parametrize(
    ("kind", "k_ar", "scored", "words"),
    [
        ("var", 4, 9, "VAR(9)"),  # the holdout's own search chose another order: that order is named
        ("vecm", 3, 2, "VECM of VAR order 2"),
        ("var", 4, 4, None),  # the same order: nothing to say
        ("var", 4, None, None),  # no holdout order recorded
        ("var", None, 4, None),  # no order of the version to compare with
    ],
)
def test_other_holdout_order_names_only_another_order(kind, k_ar, scored, words):
    assert varlib.other_holdout_order(kind, k_ar, scored) == words


def test_score_notes_say_nothing_when_every_mape_is_there_and_no_exog():
    assert varlib.score_notes([1.2, 3.4]) == []
    assert varlib.score_notes([]) == []


@pytest.mark.parametrize("mapes", [[1.2, None], [float("nan"), 2.0], pd.Series([1.0, None]), np.array([np.nan])])
def test_score_notes_say_why_a_mape_is_missing(mapes):
    notes = varlib.score_notes(mapes)
    assert len(notes) == 1
    assert "MAPE" in notes[0] and "5%" in notes[0]  # the docs' rule: a scored value under 5% of its largest


def test_score_notes_add_the_exog_note_of_a_varx_after_the_mape_note():
    only_exog = varlib.score_notes([1.0, 2.0], exog=("realint",))
    assert only_exog == [varlib.exog_note(("realint",))]
    assert "realint" in only_exog[0] and "observed" in only_exog[0]
    both = varlib.score_notes([None, 2.0], exog=("realint", "tbilrate"))
    assert len(both) == 2
    assert "MAPE" in both[0]
    assert both[1] == varlib.exog_note(("realint", "tbilrate"))
    assert "realint" in both[1] and "tbilrate" in both[1]


def test_to_json_safe_turns_numpy_into_python_and_non_finite_into_null():
    value = {
        1: np.float64(1.5),
        "pair": (np.int64(2), np.nan),
        "grid": np.array([[1.0, np.inf], [-np.inf, 2.0]]),
        "flag": np.bool_(True),
        "small": np.float32("nan"),
        "text": "kept",
        "none": None,
    }
    safe = varlib.to_json_safe(value)
    assert safe == {
        "1": 1.5,
        "pair": [2, None],
        "grid": [[1.0, None], [None, 2.0]],
        "flag": True,
        "small": None,
        "text": "kept",
        "none": None,
    }
    assert type(safe["pair"][0]) is int and type(safe["1"]) is float and type(safe["flag"]) is bool
    json.dumps(safe, allow_nan=False)  # the promise: the stdlib writes it without NaN
    assert math.isnan(value["pair"][1])  # a copy: the input keeps its NaN


@pytest.mark.parametrize(("value", "safe"), [(np.float64(np.inf), None), (float("-inf"), None), (np.int32(7), 7)])
def test_to_json_safe_converts_a_bare_scalar(value, safe):
    assert varlib.to_json_safe(value) == safe


def test_to_json_matches_to_json_safe():
    assert json.loads(varlib.to_json({"x": np.array([np.nan, 1.0])})) == {"x": [None, 1.0]}


@pytest.mark.parametrize("text", ["latest", " latest ", varlib.LATEST])
def test_is_latest_takes_latest_in_lower_case(text):
    assert varlib.is_latest(text)


@pytest.mark.parametrize("text", ["LATEST", "Latest", "@latest", "0.0.1", "latest1", "", None])
def test_is_latest_refuses_anything_else(text):
    assert not varlib.is_latest(text)  # the REST paths and the CLI refuse `LATEST`, so the library does too


@pytest.mark.parametrize("text", ["@champion", " @champion ", "@latest"])
def test_is_alias_is_true_for_an_at_reference(text):
    assert varlib.is_alias(text)


@pytest.mark.parametrize("text", ["champion", "latest", "0.0.3", "0_0_3", varlib.Version(0, 0, 3)])
def test_is_alias_is_false_for_names_versions_and_latest(text):
    assert not varlib.is_alias(text)


def test_an_alias_reference_is_never_latest():
    for text in ("@champion", "latest", "0.0.1"):
        assert not (varlib.is_alias(text) and varlib.is_latest(text))
