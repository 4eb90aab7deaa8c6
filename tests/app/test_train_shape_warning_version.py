"""The Train page's warning of another shape names the version it compared the trained model with, as the CLI's and
REST's refusal do, so a person knows which published version a major bump would break from: the newest one, or,
when the newest folder holds no readable model, the newest intact version."""

from __future__ import annotations

import pytest

from tests.app.conftest import errors, open_app
from tests.app.test_pages import TRAIN, _train
from tests.integration.test_damaged_listings import overwrite
from varlib.service import publish_result


def _newer_of_one_shape(registry, result) -> None:
    publish_result(registry, result, "var", "minor", "same shape")  # var 0.1.0, newer than the seed's 0.0.1


def _newest_damaged(registry, result) -> None:
    overwrite(registry, "var/0_0_2/model.json", b"{")  # behind the product's back: `latest` stays on 0.0.1


@pytest.mark.parametrize("arrange, compared", [(_newer_of_one_shape, "0.1.0"), (_newest_damaged, "0.0.1")])
def test_the_shape_warning_names_the_version_compared(seeded, macro_result, arrange, compared):
    arrange(seeded, macro_result)
    at = open_app(page=TRAIN)
    at.text_input(key="train_name|macrodata").set_value("var")
    at.selectbox(key="train_transform").set_value("diff")
    _train(at)
    assert errors(at) == ""
    warned = [w.value.replace("\\", "") for w in at.warning if "another shape" in w.value]
    assert warned and warned[0].startswith(
        f"**var {compared}** has another shape than this model (transform none -> diff)."
    ), warned
    assert at.radio(key="train_bump|var|major").value == "major"
