"""Two people publish under one name at once: when the other's version changes the name's shape between
showing the Publish button and its click, the click publishes nothing, and the page shows the change and
proposes a major version, so a bump the person never chose is never applied."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from tests.app.test_pages import TRAIN, _button, _train
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result


def test_a_shape_change_published_meanwhile_stops_the_click_and_asks_for_major(seeded):
    at = open_app(page=TRAIN)
    at.text_input(key="train_name|macrodata").set_value("race").run()
    _train(at)
    assert "Publishes as **race 0.0.1**" in "\n".join(c.value for c in at.caption)
    # someone else publishes race first, with other variables
    other = load_dataset(variables=["realgdp", "realcons", "realinv"])
    publish_result(seeded, train_model(other, ModelSpec(variables=tuple(other.variables), lags=2)), "race", "patch")
    _button(at, "Publish").click().run()
    assert not at.exception and errors(at) == ""
    assert [str(e.version) for e in seeded.list_versions("race")] == ["0.0.1"]  # the click published nothing
    warned = next(w.value.replace("\\", "") for w in at.warning if "**race 0.0.1** has another shape" in w.value)
    assert "(variable removed: realinv)" in warned and "realgdp" not in warned  # only the change, not both lists
    assert at.radio(key="train_bump|race|major").value == "major"
    _button(at, "Publish").click().run()  # now chosen with the change in sight
    assert [str(e.version) for e in seeded.list_versions("race")] == ["1.0.0", "0.0.1"]
