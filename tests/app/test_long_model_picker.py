"""The Forecast page's Model picker (320 px) cuts a long model name, in the box and in its list: names alike but
for their end (up to 63 characters) read the same there, so the picker's help gives the chosen one whole."""

from __future__ import annotations

from tests.app.conftest import open_app
from tests.support.models import publish_varx
from ui.forecast_link import KEYS

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
