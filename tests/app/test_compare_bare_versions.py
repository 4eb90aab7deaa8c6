"""A Compare link naming versions without their model (`versions=0.0.1`) on a store of several models: the page said
the store did not have version 0.0.1, which both models have; it says which model is not named and how to name it,
as it does for `version=` without `model=` (tests/app/test_link_words_of_one_version.py)."""

from __future__ import annotations

import pytest

import ui.store
from tests.app.conftest import open_app, warnings
from varlib.service import publish_result

COMPARE = "views/compare.py"


@pytest.fixture
def two_models(seeded, macro_result):
    """var 0.0.1 and growth 0.0.1."""
    publish_result(seeded, macro_result, "growth", "patch", "other model")
    ui.store.refresh()
    return seeded


@pytest.mark.parametrize("versions", ["0.0.1", "0_0_1", "latest", "0.0.1,0.0.2"])
def test_versions_without_a_model_on_a_store_of_several_say_so(two_models, versions):
    at = open_app({"versions": versions}, page=COMPARE)
    said = warnings(at)
    assert not at.exception and "which the store does not have" not in said
    first = versions.split(",")[0]  # named as the link wrote it
    assert f"without a model: a Compare link names each with its model (versions=growth:{first},...)" in said
    assert f"or names the model once (model=growth&versions={first},...)" in said


def test_a_version_the_store_lacks_is_still_said_so(two_models):
    at = open_app({"versions": "var:0.0.9"}, page=COMPARE)
    assert "version '0.0.9' of 'var', which the store does not have" in warnings(at)


def test_versions_without_a_model_are_that_models_with_model_named(two_models):
    at = open_app({"model": "growth", "versions": "0.0.1"}, page=COMPARE)
    assert "without a model" not in warnings(at)
    assert at.multiselect(key="cmp_versions").value == ["growth 0.0.1"]


def test_the_example_names_a_model_that_has_the_version(two_models, macro_result):
    """The example took the store's first model (`growth`, which has no 0.0.2) however the version was numbered, so a
    link written after it named a version the store does not have; beside versions that are compared, the rest is
    left out, not the default shown."""
    publish_result(two_models, macro_result, "var", "patch", "second")
    ui.store.refresh()
    at = open_app({"versions": "var:0.0.1,0.0.2,growth:0.0.1"}, page=COMPARE)
    said = warnings(at)
    assert "version 0.0.2 without a model: a Compare link names each with its model (versions=var:0.0.2,...)" in said
    assert "(model=var&versions=0.0.2,...); left out." in said
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1", "growth 0.0.1"]


def test_a_version_beside_bare_versions_is_shown_with_a_model_that_has_it(two_models, macro_result):
    """`version=` beside `versions` that name no model: the example took the first label for a model
    (`versions=0.0.1:0.0.2`); it names the model that has the version."""
    publish_result(two_models, macro_result, "var", "patch", "second")
    ui.store.refresh()
    at = open_app({"versions": "0.0.1", "version": "0.0.2"}, page=COMPARE)
    said = warnings(at)
    assert not at.exception
    assert "add it to versions, as in versions=var:0.0.2,...)" in said, said
    # none of the versions named is compared (the default is): the notice does not say they are
    assert "versions= decides what is compared" in said and "the versions it names are compared" not in said
