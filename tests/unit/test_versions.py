"""Versions parse strictly, sort numerically and bump like semver; names are checked."""

import pytest

from varlib.errors import InvalidInputError
from varlib.versions import Version, check_name, name_from, parse_key_version, parse_version


def test_both_spellings_parse():
    assert parse_version("0.0.3") == parse_version("0_0_3") == Version(0, 0, 3)
    assert Version(0, 0, 3).key == "0_0_3" and str(Version(0, 0, 3)) == "0.0.3"


def test_numeric_order():
    assert sorted([Version(0, 0, 10), Version(0, 0, 9), Version(0, 1, 0)]) == [
        Version(0, 0, 9),
        Version(0, 0, 10),
        Version(0, 1, 0),
    ]


@pytest.mark.parametrize("text", ["1.2", "1.2.3.4", "01.2.3", "1_2.3", "../1.2.3", "1.2.3/", "v1.2.3", "", "latest"])
def test_malformed_versions_are_refused(text):
    with pytest.raises(InvalidInputError, match="is not valid"):
        parse_version(text)


def test_key_folders_outside_the_pattern_are_none():
    assert parse_key_version("0_0_1") == Version(0, 0, 1)
    assert parse_key_version("0.0.1") is None and parse_key_version("x") is None
    assert parse_key_version("0_0_1\n") is None


def test_bumps():
    base = Version(1, 2, 3)
    assert [base.bump(b) for b in ("patch", "minor", "major")] == [Version(1, 2, 4), Version(1, 3, 0), Version(2, 0, 0)]
    with pytest.raises(InvalidInputError, match="bump 'huge'"):
        base.bump("huge")


@pytest.mark.parametrize("name", ["", "Var", "../var", "a/b", "-var", "x" * 64, "var model", "var\n"])
def test_bad_names_are_refused(name):  # "var\n": a pattern's `$` matches before a final newline, so names match whole
    with pytest.raises(InvalidInputError, match="model name"):
        check_name(name)


@pytest.mark.parametrize(
    "file, name",
    [
        ("Café Über.csv", "cafe-uber"),
        ("Ünïcode Daten (2).csv", "unicode-daten-2"),
        ("Straße.CSV", "strasse"),
        ("ﬁnal Ångström.tsv", "final-angstrom"),
        ("GDP Quarterly.csv", "gdp-quarterly"),
        ("日本.csv", "data-cf2abf0c"),  # no Latin letter: a stable name of its own, not one shared by every such file
    ],
)
def test_a_default_name_keeps_accented_letters_without_their_accents(file, name):
    assert name_from(file) == name
