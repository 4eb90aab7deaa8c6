"""The Forecast page's Model picker (320 px) cut a long model name, in the box and in its list: names alike but
for their end (up to 63 characters) read the same there. The picker's help gives the chosen one whole, and the
pickers of the Forecast, Diagnostics and Backtest pages show a long name by its start and end."""

from __future__ import annotations

import pytest

from tests.app.conftest import open_app
from tests.support.models import publish_varx
from ui.forecast_link import KEYS
from ui.version_pick import PICKER_CHARS

ONE = "quarterly-us-macro-consumption-and-output-model_alpha-one"  # 57 characters
TWO = ONE.replace("one", "two")


def test_the_picker_names_a_long_model_whole(registry):
    for name in (ONE, TWO, "varx"):
        publish_varx(registry, name)
    at = open_app({"model": TWO, "version": "0.0.1"})
    picker = at.selectbox(key=KEYS["model"])
    assert picker.value == TWO
    assert picker.help == r"The whole name: quarterly-us-macro-consumption-and-output-model\_alpha-two"  # as typed
    picker.set_value("varx").run()
    assert not at.exception
    assert not at.selectbox(key=KEYS["model"]).help  # a short name is shown whole: nothing to add


@pytest.mark.parametrize(
    ("page", "key", "chars"),
    [
        (None, KEYS["model"], PICKER_CHARS["fc"]),
        ("views/diagnostics.py", "dg_model", PICKER_CHARS["dg"]),
        ("views/backtest.py", "bt_model", PICKER_CHARS["bt"]),
    ],
)
def test_the_pickers_list_tells_long_names_apart_by_their_end(registry, page, key, chars):
    """Cut at the picker's edge, `...-alpha-one` and `...-alpha-two` read the same in its list: each is shown by
    its start and end within what the picker shows, and the value stays the name."""
    for name in (ONE, TWO, "varx"):
        publish_varx(registry, name)
    at = open_app({"model": TWO, "version": "0.0.1"}, page=page)
    picker = at.selectbox(key=key)
    labels = dict(zip(picker.options, [ONE, TWO, "varx"], strict=True))  # the store lists them in this order
    assert picker.value == TWO and at.query_params["model"] == TWO  # URL state: the name
    assert len(labels) == 3 and all(len(label) <= chars for label in labels), labels
    one, two = (next(label for label, name in labels.items() if name == n) for n in (ONE, TWO))
    assert one.startswith(ONE[:8]) and one.endswith("one") and two.endswith("two"), labels
    assert "varx" in labels  # a short name is shown whole
    assert picker.help and TWO.replace("_", r"\_") in picker.help  # the chosen one whole
    picker.set_value(ONE).run()
    assert not at.exception and at.selectbox(key=key).value == ONE


def _typed(picker, text: str):
    """What the browser sends when `text` is typed into the picker's search and taken as it is (no label matched)."""
    picker.options.append(text)  # as a new option: AppTest sends only a value it finds among the labels
    return picker.set_value(text)


@pytest.mark.parametrize(
    ("page", "key"), [(None, KEYS["model"]), ("views/diagnostics.py", "dg_model"), ("views/backtest.py", "bt_model")]
)
def test_a_long_name_is_found_by_a_part_its_shortened_label_leaves_out(registry, page, key):
    """The search of a picker reads only its labels: the middle of a long name, cut out of its label, found none."""
    for name in (ONE, TWO, "varx"):
        publish_varx(registry, name)
    at = open_app({"model": TWO, "version": "0.0.1"}, page=page)
    assert "consumption" not in " ".join(at.selectbox(key=key).options)  # cut out of the labels
    _typed(at.selectbox(key=key), "CONSUMPTION-and-output-model_alpha-one").run()
    assert not at.exception and at.selectbox(key=key).value == ONE
    assert not at.warning


def test_typed_text_that_names_no_single_model_keeps_the_model_and_says_why(registry):
    for name in (ONE, TWO, "varx"):
        publish_varx(registry, name)
    at = open_app({"model": TWO, "version": "0.0.1"})
    _typed(at.selectbox(key=KEYS["model"]), "consumption").run()
    assert not at.exception and at.selectbox(key=KEYS["model"]).value == TWO
    assert any("'consumption' is part of 2 models' names" in w.value and "type more" in w.value for w in at.warning)
    _typed(at.selectbox(key=KEYS["model"]), "gdp-nowcast").run()
    assert at.selectbox(key=KEYS["model"]).value == TWO
    assert [w.value for w in at.warning] == ["No model's name holds 'gdp-nowcast': pick one from the list."]
