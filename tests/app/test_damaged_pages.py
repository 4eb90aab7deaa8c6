"""Damaged team records on the dashboard: a damaged alias and audit record stay in the Models page's tables with
their reason (the alias is not offered as a version), and a damaged scenario is named on the Forecast page but
never offered for opening, from the picker or a link."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from tests.integration.test_damaged_listings import overwrite
from varlib import make_scenario, publish_result

MODELS = "views/models.py"


def _text(at) -> str:
    return "\n".join(x.value for x in [*at.markdown, *at.caption, *at.info, *at.warning])


def test_the_models_page_lists_a_damaged_alias_and_audit_record_with_their_reasons(seeded):
    seeded.set_alias("var", "champion", "0.0.1")
    overwrite(seeded, "var/_aliases/race.json", b'{"x":1}')
    publish = seeded.history("var")[-1]
    overwrite(seeded, publish.key, b"{}")
    at = open_app(page=MODELS)
    at.session_state["history_open|var"] = True
    at.run()
    assert not at.exception and errors(at) == ""
    frames = [frame.value for frame in at.dataframe]
    aliases = next(f for f in frames if "alias" in f.columns and "moves" in f.columns)
    assert aliases["alias"].tolist() == ["@champion", "@race"]
    assert aliases["version"].tolist() == ["0.0.1", "⚠ damaged"]
    assert list(aliases.columns) == ["alias", "version", "moves", "moved by", "at"]  # the reason, whole, below it
    assert [w.value for w in at.warning if "@race" in w.value and "set it again" in w.value] != []
    trail = next(f for f in frames if "action" in f.columns)
    assert trail["action"].tolist() == ["alias.set", "⚠ damaged"]
    assert "cannot be rebuilt" in trail["reason"].tolist()[1]
    forecast = open_app({"model": "var"})
    options = forecast.selectbox(key="fc_version").options
    assert [o for o in options if o.startswith("@")] == ["@champion (0.0.1)"]  # @race cannot be opened


def test_a_damaged_scenario_is_named_but_not_offered(seeded):
    seeded.save_scenario(make_scenario(seeded.load("var", "0.0.1"), "dip", 4, conditions={"realgdp": [1e4]}))
    overwrite(seeded, "var/_scenarios/0_0_1/gdp-dip.json", b"{")
    at = open_app({"model": "var", "version": "0.0.1"})
    assert not at.exception and errors(at) == ""
    assert at.selectbox(key="fc_scenario").options == ["none: edit a new scenario", "dip"]
    assert "Not offered, as they cannot be read: gdp-dip" in _text(at)
    linked = open_app({"model": "var", "version": "0.0.1", "scenario": "gdp-dip"})
    assert linked.selectbox(key="fc_scenario").value == ""
    assert "The link asked for a scenario that cannot be opened: scenario 'gdp-dip'" in _text(linked)


def test_an_alias_of_a_version_deleted_by_hand_says_whose_version_went(seeded, macro_result, store_dir):
    publish_result(seeded, macro_result, "var", "patch", "second")
    seeded.set_alias("var", "champion", "0.0.1")
    (store_dir / "models" / "var" / "0_0_1" / "model.json").unlink()
    for page in (None, "views/backtest.py"):  # the Forecast page, and the pickers of the other pages
        at = open_app({"model": "var", "version": "@champion"}, page=page)
        said = errors(at)
        assert "@champion points at var 0.0.1, which is no longer in the store" in said, (page, said)
        assert "move it" in said


def test_an_admin_deletes_a_damaged_alias_from_the_models_page(seeded):
    seeded.set_alias("var", "champion", "0.0.1")
    overwrite(seeded, "var/_aliases/race.json", b'{"x":1}')
    at = open_app(page=MODELS)
    at.session_state["admin_open|var"] = True
    at.run()
    picker = at.selectbox(key="alias_delete|var")
    assert "@race (damaged)" in picker.options
    picker.select("@race")
    next(b for b in at.button if b.label == "Delete alias").click().run()
    assert not at.exception and errors(at) == ""
    assert [s.value for s in at.success] == ["@race is deleted (its object was damaged); the history keeps its moves."]
    assert [a.alias for a in seeded.aliases("var")] == ["champion"]
