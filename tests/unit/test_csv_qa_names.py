"""A file name without Latin letters gave every such dataset the model name `model` (`---.csv`, `日本.csv`,
`ВВП.csv`), so unrelated datasets published as versions of one model and `latest` switched between them: the
very thing the file-name default exists to prevent. Such a name now ends in hex digits of the file's name,
stable for that name and distinct from any other's (QA)."""

from __future__ import annotations

import unicodedata

import pytest

from varlib.versions import NAME_PATTERN, name_from

NON_LATIN = [
    "---.csv",
    "___.csv",
    "日本.csv",
    "中国.csv",
    "ВВП.csv",
    "ИПЦ.csv",
    "ВВП 2020.csv",
    "ИПЦ 2020.csv",
    "Й.csv",
    "И.csv",
]


def test_names_without_latin_letters_are_valid_and_distinct():
    names = [name_from(file) for file in NON_LATIN]
    assert all(NAME_PATTERN.fullmatch(name) for name in names), names
    assert len(set(names)) == len(names), names
    assert "model" not in names


@pytest.mark.parametrize("file", NON_LATIN)
def test_the_name_is_stable_for_one_file_name(file):
    assert name_from(file) == name_from(file)
    assert name_from(unicodedata.normalize("NFD", file)) == name_from(file)  # as macOS may store the name
    assert name_from(file.upper()) == name_from(file)  # as `GDP.csv` and `gdp.csv` are both `gdp`


def test_the_latin_part_is_kept_and_the_rest_told_apart():
    assert name_from("ВВП 2020.csv").startswith("2020-") and name_from("日本.csv").startswith("data-")


@pytest.mark.parametrize(
    "file, name",
    [("Øresund.csv", "oresund"), ("Łódź.csv", "lodz"), ("Cafe Uber.csv", "cafe-uber"), ("GDP.csv", "gdp")],
)
def test_latin_names_keep_their_plain_form(file, name):
    assert name_from(file) == name
