"""The address bar carries the lag inputs the Forecast page uses when a rerun's query string is older than the
page's last write: a lag CSV replaced by one of the same values (the uploader's removal of the old file writes the
address without them, and the new file's run was asked for before the browser showed that write), or a quick
second click back to the first value. The browser's address is the last one the app sent it (`sent`)."""

from __future__ import annotations

import pytest
from streamlit.runtime.state.query_params import QueryParams

from tests.app.conftest import open_app

ROWS = ("2009Q1,12925.41,9209.2", "2009Q2,12901.504,9189", "2009Q3,12990.341,9256", "2009Q4,13100,9300")
GOOD = "\n".join(["date,realgdp,realcons", *ROWS, ""]).encode()
# the same values, `;`-separated with decimal commas
SEMICOLON = GOOD.replace(b",", b";").replace(b".", b",")
CARRIED = "the page's link carries them"


@pytest.fixture
def sent(monkeypatch) -> list[dict[str, str]]:
    """Every address the app sent the browser, in order: the address bar shows the last."""
    addresses: list[dict[str, str]] = []
    send = QueryParams._send_query_param_msg

    def spy(self) -> None:
        addresses.append(self.to_dict())
        send(self)

    monkeypatch.setattr(QueryParams, "_send_query_param_msg", spy)
    return addresses


def _rerun_from(at, address: dict[str, str]) -> None:
    """A rerun the browser asked for while its address bar still showed `address`."""
    at.query_params.clear()
    at.query_params.update(address)
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def test_a_lag_csv_replaced_by_one_of_the_same_values_keeps_them_in_the_address(seeded, sent):
    at = open_app({"model": "var"})
    at.file_uploader[0].set_value(("lags_good.csv", GOOD, "text/csv")).run()
    with_lags = dict(at.query_params)
    assert "lags" in with_lags and sent[-1] == with_lags
    at.file_uploader[0].set_value(None).run()  # the uploader's removal of the old file: a run of its own
    assert "lags" not in sent[-1]
    at.file_uploader[0].set_value(("lags_semicolon.csv", SEMICOLON, "text/csv"))
    _rerun_from(at, with_lags)  # the new file's run, asked for before the browser showed the removal's write
    assert any(CARRIED in caption.value for caption in at.caption)
    assert sent[-1] == with_lags, "the address bar lost the lag inputs the page forecasts from"


def test_a_quick_second_click_back_to_the_first_steps_is_written(seeded, sent):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 6})
    older = dict(at.query_params)
    at.number_input(key="fc_steps").set_value(10).run()
    assert sent[-1]["steps"] == "10"
    at.number_input(key="fc_steps").set_value(6)  # the second click, whose rerun still carries steps=6
    _rerun_from(at, older)
    assert at.number_input(key="fc_steps").value == 6
    assert sent[-1] == older, "the address bar kept 10 steps while the page shows 6"
