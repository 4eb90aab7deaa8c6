"""A Compare link naming `version=` beside `versions=` (`?versions=var:0.0.1,var:0.0.2&version=0.0.3`): the page
compared the `versions` and dropped `version` without a word; it says once that `versions` was used."""

from __future__ import annotations

import pytest

from tests.app.conftest import open_app, warnings

COMPARE = "views/compare.py"


@pytest.mark.parametrize(
    "query",
    [
        {"versions": "var:0.0.1,var:0.0.2", "version": "0.0.3"},
        {"versions": "var:0.0.1,var:0.0.2", "model": "var", "version": "0.0.3"},
        {"versions": "0.0.1,0.0.2", "model": "var", "version": "0_0_3"},
    ],
)
def test_a_version_beside_versions_is_said_left_out(three_versions, query):
    at = open_app(query, page=COMPARE)
    said = warnings(at)
    assert not at.exception
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1", "var 0.0.2"]
    assert said.count(f"version={query['version']}") == 1, said
    assert "versions= decides what is compared" in said


def test_a_version_beside_versions_that_name_it_too_is_not_said(three_versions):
    at = open_app({"versions": "var:0.0.1,var:0.0.3", "version": "0.0.3"}, page=COMPARE)
    assert "version=" not in warnings(at)
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1", "var 0.0.3"]


def test_the_notice_is_said_once(three_versions):
    at = open_app({"versions": "var:0.0.1,var:0.0.2", "version": "0.0.3"}, page=COMPARE)
    assert "version=0.0.3" in warnings(at)
    at.run()
    assert "version=0.0.3" not in warnings(at)
