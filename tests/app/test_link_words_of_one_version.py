"""What a link's `latest` and aliases say when they stand for no version, or for one the link names otherwise too:
`version=latest` of a model whose only version is withdrawn read "which does not exist", and a Compare link naming
0.0.2 and @champion (moved to 0.0.2) said 0.0.2 was named twice, then wrote `versions=var:@champion` alone."""

from __future__ import annotations

import ui.store
from tests.app.conftest import open_app
from varlib.service import publish_result

COMPARE = "views/compare.py"


def _warnings(at) -> str:
    return "\n".join(w.value for w in at.warning)


def test_latest_of_a_model_whose_every_version_is_withdrawn_says_so(seeded):
    seeded.withdraw("var", "0.0.1", "wrong data")
    ui.store.refresh()
    at = open_app({"model": "var", "version": "latest"})
    said = _warnings(at)
    assert "which does not exist" not in said
    assert (
        "The link asked for version 'latest' of 'var', which stands for no version now: every version of 'var'" in said
    )
    assert "open a withdrawn one by its number (`version=0.0.1` in the link), or publish a new version." in said
    assert "has no version in use: its only usable version is withdrawn" in at.error[0].value
    compare = open_app({"model": "var", "version": "latest"}, page=COMPARE)  # it said nothing of the link
    assert "which stands for no version now: every version of 'var' is withdrawn" in _warnings(compare)


def test_a_compare_link_naming_a_version_and_an_alias_of_it_says_the_alias_points_there(seeded, macro_result):
    publish_result(seeded, macro_result, "var", "patch", "seed")  # 0.0.2
    seeded.set_alias("var", "champion", "0.0.2")
    at = open_app({"versions": "var:0.0.2,var:@champion"}, page=COMPARE)
    said = _warnings(at)
    assert "@champion now points at 0.0.2 (var:0.0.2 and var:@champion in the link). It is compared once" in said
    assert "each is compared once" not in said
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.2"]
    assert at.query_params["versions"] == "var:0.0.2,var:@champion"  # as the link named them, not @champion alone
    seeded.set_alias("var", "champion", "0.0.1")  # moved on: the page shows 0.0.2 still, by its number
    ui.store.refresh()
    at.run()
    assert at.query_params["versions"] == "var:0.0.2"


def test_a_compare_link_without_latest_says_nothing_of_latest(seeded):
    """A link naming no version, or an alias whose version is withdrawn, did not ask for `latest`: the page said it
    had (the alias's own refusal was followed by a second line about `latest`)."""
    seeded.set_alias("var", "champion", "0.0.1")
    seeded.withdraw("var", "0.0.1", "wrong data")
    ui.store.refresh()
    bare = open_app({"model": "var"}, page=COMPARE)
    assert "version 'latest'" not in _warnings(bare)
    aliased = open_app({"model": "var", "version": "@champion"}, page=COMPARE)
    said = _warnings(aliased)
    assert "version '@champion' of 'var', which does not open" in said
    assert "version 'latest'" not in said


def test_a_model_picked_after_such_a_link_is_not_said_to_be_the_links(seeded, macro_result):
    """The Forecast page kept the link's `latest` while no version was in use, and said the link had asked for
    `latest` of the next model picked when that one had no version in use either."""
    publish_result(seeded, macro_result, "growth", "patch", "seed")
    seeded.withdraw("var", "0.0.1", "wrong data")
    seeded.withdraw("growth", "0.0.1", "wrong data too")
    ui.store.refresh()
    at = open_app({"model": "var", "version": "latest"})
    assert "version 'latest' of 'var'" in _warnings(at)
    at.selectbox(key="fc_model").select("growth").run()
    assert "The link asked for" not in _warnings(at)
    assert "Model **growth** has no version in use" in at.error[0].value


def test_two_aliases_of_one_version_in_a_link_are_compared_apart_once_either_moves(seeded, macro_result):
    """It said "once @champion and @stable move on", though either moving is enough."""
    publish_result(seeded, macro_result, "var", "patch", "seed")  # 0.0.2
    seeded.set_alias("var", "champion", "0.0.2")
    seeded.set_alias("var", "stable", "0.0.2")
    at = open_app({"versions": "var:0.0.2,var:@champion,var:@stable"}, page=COMPARE)
    said = _warnings(at)
    assert "the address keeps each name, so the link compares them apart again once @champion or @stable moves on" in (
        said
    ), said


def test_a_compare_link_with_a_version_and_no_model_says_so(seeded):
    """`version=latest` without `model` (or `versions`) was dropped without a word: which model's is not said."""
    for version in ("latest", "0.0.1"):
        at = open_app({"version": version}, page=COMPARE)
        said = _warnings(at).replace("\\", "")
        assert f"The link asked for version {version} without a model: a Compare link names its model with it" in said
        assert f"(model=var&version={version}) or names versions as model:version pairs" in said
        assert "showing the default instead" in said
