"""Models, Train & publish, onboarding and failures, each through the entrypoint."""

from __future__ import annotations

import math
import socket
from urllib.parse import urljoin

import pytest

from tests.app.conftest import charts, errors, open_app
from varlib import Registry
from varlib.errors import AccessDeniedError, StoreUnavailableError
from varlib.service import publish_result

FORECAST, MODELS, TRAIN = "views/forecast.py", "views/models.py", "views/train.py"


def _button(at, prefix: str):
    return next(b for b in at.button if b.label.startswith(prefix))


def _labels(at) -> list[str]:
    return [b.label for b in at.button]


def test_empty_store_onboarding_publishes_a_first_model(registry):
    at = open_app()
    assert "no models yet" in "\n".join(s.value for s in at.subheader)
    _button(at, "Train and publish a first model").click().run()
    assert not at.exception and errors(at) == ""
    assert [e.label for e in registry.list_versions("var")] == ["0.0.1"]
    assert len(charts(at)) == 2 and at.selectbox(key="fc_version").value == "latest"


def test_models_page_lists_versions_newest_first_and_refreshes(seeded, macro_result, store_dir):
    at = open_app(page=MODELS)
    assert at.dataframe[0].value["version"].tolist() == ["0.0.1"]
    publish_result(seeded, macro_result, "var", "minor", "published elsewhere")
    (store_dir / "models" / "var" / "0_0_9").mkdir()
    (store_dir / "models" / "var" / "0_0_9" / "model.json").write_text('{"format": "varlib/var-model", "trunc')
    _button(at, "Refresh").click().run()
    table = at.dataframe[0].value
    assert table["version"].tolist() == ["0.1.0", "0.0.9", "0.0.1"]
    assert table["status"].tolist()[::2] == ["ok", "ok"] and "not valid JSON" in table["status"].iloc[1]
    assert table["notes"].tolist()[::2] == ["published elsewhere", "seed"]
    assert "cannot be used" in "\n".join(w.value for w in at.warning)
    assert at.selectbox(key="models_version|var").value == "0.0.1"  # the detail keeps what was picked
    at.selectbox(key="models_version|var").set_value("0.1.0").run()
    assert any(m.value.startswith("**Spec**") for m in at.markdown) and errors(at) == "" and not at.json
    link = at.get("page_link")[0].proto  # to the Forecast page, at the root whatever page resolves the href
    assert urljoin("http://host/models", f"{link.page}?{link.query_string}") == "http://host/?model=var&version=0.1.0"
    # broken version: its reason and what the listing knows of the object; never an exception
    at.selectbox(key="models_version|var").set_value("0.0.9").run()
    assert not at.exception and "not valid JSON" in errors(at)
    assert any(m.value.startswith("**Object**") and "0\\_0\\_9/model.json" in m.value for m in at.markdown)


def test_corrupt_version_on_the_forecast_page_is_explained_and_latest_still_works(seeded, store_dir):
    folder = store_dir / "models" / "var" / "0_0_2"
    folder.mkdir()
    (folder / "model.json").write_bytes(b"garbage")
    at = open_app({"model": "var", "version": "0.0.2"})
    assert "not usable (not valid JSON" in "\n".join(w.value for w in at.warning)
    assert at.selectbox(key="fc_version").value == "latest" and len(charts(at)) == 2


def _train(at):
    _button(at, "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    assert at.status[0].proto.state == 2 or "Trained VAR" in at.status[0].proto.label  # complete


def test_train_shows_results_and_publish_creates_a_version_linked_to_forecast(seeded):
    at = open_app(page=TRAIN)
    assert at.text_input(key="train_name|macrodata").value == "macrodata"  # the default name comes from the data
    at.text_input(key="train_name|macrodata").set_value("var")
    at.selectbox(key="train_transform").set_value("diff")
    at.radio(key="train_how").set_value("chosen by a criterion")
    at.number_input(key="train_max_lags").set_value(6)
    _train(at)
    assert "Trained VAR(" in at.status[0].proto.label
    assert any(m.value.startswith("**Stability.**") for m in [*at.success, *at.warning])  # adequacy, before publishing
    selection = at.dataframe[0].value
    assert len(selection) == 6 and (selection["chosen"] == "✓").sum() == 1  # lags 1..6
    metrics = next(m.value for m in at.markdown if m.value.startswith("| variable |")).splitlines()
    assert [row.split(" | ")[0] for row in metrics[2:]] == ["| realgdp", "| realcons"]
    assert all(float(row.split(" | ")[1]) > 0 for row in metrics[2:])  # RMSE
    assert [f["layout"]["title"]["text"] for f in charts(at)] == ["realgdp: holdout", "realcons: holdout"]
    assert {f["layout"]["xaxis"]["hoverformat"] for f in charts(at)} == {"%YQ%q"}  # quarters hover as 2009Q3
    # var 0.0.1 is in levels: the page names the change and proposes a major version
    assert "transform none -> diff" in "\n".join(w.value.replace("\\", "") for w in at.warning)  # shown unescaped
    assert at.radio(key="train_bump|var|major").value == "major"
    at.radio(key="train_bump|var|major").set_value("patch").run()  # refused by the name guard: not offered
    assert _button(at, "Publish").disabled and "keeps its shape, which this model changes: choose **major**" in (
        "\n".join(c.value for c in at.caption)
    )
    at.radio(key="train_bump|var|major").set_value("major").run()
    assert not _button(at, "Publish").disabled
    at.text_input(key="train_notes").set_value("diff model")
    _button(at, "Publish").click().run()
    assert not at.exception and errors(at) == ""
    entries = seeded.list_versions("var")
    assert [e.label for e in entries] == ["1.0.0", "0.0.1"]
    assert entries[0].card.notes == "diff model" and entries[0].card.transform == "diff"
    link = at.get("page_link")[0].proto
    # Forecast is the default page, so its address is the root: the href (the browser's `page?query`) resolves
    # to /?model=var&version=1.0.0 from this page too, not to /train?... (a new tab, a copied link)
    assert link.query_string == "model=var&version=1.0.0" and link.page_script_hash
    assert urljoin("http://host/train", f"{link.page}?{link.query_string}") == "http://host/?model=var&version=1.0.0"
    # the new version is visible on the Models page at once (publishing refreshed the lists)
    at.switch_page(MODELS).run()
    assert at.dataframe[0].value["version"].tolist()[0] == "1.0.0"


def test_publish_takes_the_name_typed_now_and_never_a_result_of_other_data(seeded):
    """The name can change after Train (the result does not depend on it); the data or a setting cannot."""
    at = open_app(page=TRAIN)
    _train(at)
    at.text_input(key="train_name|macrodata").set_value("gdp-new").run()
    assert "Publishes as **gdp-new 0.0.1**" in "\n".join(c.value for c in at.caption)
    at.text_input(key="train_name|macrodata").set_value("Bad Name").run()
    assert "Model name 'Bad Name' is not valid" in errors(at) and not [b for b in at.button if b.label == "Publish"]
    at.text_input(key="train_name|macrodata").set_value("gdp-new").run()
    _button(at, "Publish").click().run()
    assert [e.label for e in seeded.list_versions("gdp-new")] == ["0.0.1"] and not seeded.list_versions("macrodata")
    at.multiselect(key="train_macro_vars").set_value(["realgdp", "realcons", "realinv"]).run()
    _train(at)
    assert "changed after these results were trained" not in "\n".join(w.value for w in at.warning)
    at.multiselect(key="train_macro_vars").set_value(["realgdp", "realinv"]).run()  # other data than trained
    assert "changed after these results were trained" in "\n".join(w.value for w in at.warning)
    assert not [b for b in at.button if b.label == "Publish"]
    at.multiselect(key="train_macro_vars").set_value(["realgdp", "realcons", "realinv"]).run()  # as trained
    assert [b.label for b in at.button if b.label == "Publish"] == ["Publish"]


def test_train_on_uploaded_csv_with_date_range(seeded):
    # values with nothing periodic in them: a pattern repeating every few rows is a calendar column, refused
    values = [(d * 1.5 + 3 * math.sin(1.3 * d), 5 * math.cos(0.7 * d) + d, math.sin(2.1 * d)) for d in range(1, 32)]
    rows = ["day,a,b,c"] + [f"2020-01-{d:02d},{a:.4f},{b:.4f},{c:.4f}" for d, (a, b, c) in enumerate(values, start=1)]
    at = open_app(page=TRAIN)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("mine.csv", "\n".join(rows).encode(), "text/csv")).run()
    assert at.selectbox[-1].value == "day" or "day" in [s.value for s in at.selectbox]
    assert at.multiselect[0].value == ["a", "b", "c"]  # every numeric column, as `varlib train --csv`
    at.radio(key="train_how").set_value("fixed")
    at.checkbox(key="train_limit").check().run()
    import datetime as dt

    at.date_input(key="train_start").set_value(dt.date(2020, 1, 3))
    _train(at)
    assert "29 rows of a, b" in "\n".join(m.value for m in at.markdown)


def test_bad_training_csv_is_explained(seeded):
    at = open_app(page=TRAIN)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    csv = b"date,a,b\n2020-01-01,1,2\n2020-01-02,x,3\n" + b"".join(b"2020-02-%02d,1,2\n" % d for d in range(1, 20))
    at.file_uploader(key="train_csv").set_value(("bad.csv", csv, "text/csv")).run()
    assert not at.exception
    problems = "\n".join(w.value for w in at.warning)
    # listed before Train with the cell's date; a is never offered until that cell is fixed
    assert "column a holds numbers but for 'x' in row 2 (2020-01-02): fix that cell" in problems
    assert "irregularly spaced (for example 2020-01-02 then 2020-02-01)" in problems
    # b alone can be a variable: said with what to do, and no picker of one column is offered
    assert "**bad.csv** has one column that can be a variable, b" in problems.replace("\\", "")
    assert "Fix a column the warnings above name, or add another numeric column" in problems
    assert not at.multiselect and _button(at, "Train").disabled
    assert not any(label.startswith("Publish") for label in _labels(at))


def test_read_only_store_offers_no_publish_button(seeded, monkeypatch):
    monkeypatch.setenv("VARLIB_READ_ONLY", "1")
    at = open_app()
    # AppTest drops the sidebar on reruns when pages live in pages/, so check it on the first run
    assert "read-only" in "\n".join(m.value for m in at.sidebar.markdown)
    at.switch_page(TRAIN).run()
    _train(at)
    assert not any(label.startswith("Publish") for label in _labels(at))
    assert "read-only" in "\n".join(i.value for i in at.info)


def test_read_only_empty_store_has_no_onboarding_button(registry, monkeypatch):
    monkeypatch.setenv("VARLIB_READ_ONLY", "1")
    at = open_app()
    assert "read-only" in "\n".join(i.value for i in at.info)
    assert not any(label.startswith("Train and publish") for label in _labels(at))


def test_refused_write_says_why_and_keeps_publish_for_another_attempt(seeded, monkeypatch):
    def refuse(self, artifact, bump="patch", actor=None):
        raise AccessDeniedError("not allowed: MinIO denied access to 'var/0_0_2/model.json'")

    monkeypatch.setattr(Registry, "publish", refuse)
    at = open_app(page=TRAIN)
    _train(at)
    _button(at, "Publish").click().run()
    assert not at.exception and "Access denied" in errors(at)
    at.run()  # the refusal may be lifted meanwhile: Publish asks the store again (test_train_publish_refused)
    assert "refused the last publish" in "\n".join(w.value for w in at.warning)
    _button(at, "Publish").click().run()
    assert not at.exception and "Access denied" in errors(at)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("page", [None, MODELS])
def test_unreachable_minio_shows_an_error_not_an_exception(store_dir, monkeypatch, page):
    monkeypatch.setenv("MINIO_ENDPOINT", f"127.0.0.1:{_closed_port()}")
    monkeypatch.setenv("MINIO_ACCESS_KEY", "nobody")
    monkeypatch.setenv("MINIO_SECRET_KEY", "nothing-here")
    monkeypatch.setenv("VARLIB_STORE_TIMEOUT", "0.5")
    at = open_app()
    assert "unreachable" in "\n".join(m.value for m in at.sidebar.markdown)
    if page:
        at.switch_page(page).run()
    assert not at.exception
    assert "cannot be reached" in errors(at) and "unreachable" in errors(at)
    at.switch_page(TRAIN).run()  # the rest of the app keeps working
    assert not at.exception and any(label == "Train" for label in _labels(at))


@pytest.mark.parametrize(
    "failure, title",
    [
        (StoreUnavailableError("MinIO at 127.0.0.1:9 is unreachable (connection refused)"), "cannot be reached"),
        (AccessDeniedError("MinIO at 127.0.0.1:9 refused the credentials (InvalidAccessKeyId)"), "Access denied"),
    ],
)
def test_store_failure_is_explained_and_recovers_without_restart(seeded, monkeypatch, failure, title):
    original = Registry.list_names
    monkeypatch.setattr(Registry, "list_names", lambda self: (_ for _ in ()).throw(failure))
    at = open_app()
    assert not at.exception
    assert title in errors(at) and str(failure) in errors(at) and charts(at) == []
    monkeypatch.setattr(Registry, "list_names", original)
    at.run()
    assert errors(at) == "" and len(charts(at)) == 2


@pytest.mark.parametrize(
    ("name", "raw", "said"),
    [
        ("VARLIB_READ_ONLY", "maybe", "VARLIB_READ_ONLY='maybe' is not a yes/no value"),
        ("VARLIB_STORE_DIR", "", "VARLIB_STORE_DIR is set but empty: give a folder, or unset it"),
    ],
)
def test_bad_environment_is_explained(store_dir, monkeypatch, name, raw, said):
    monkeypatch.setenv(name, raw)
    at = open_app()
    assert not at.exception and said in errors(at)


def test_legacy_pickle_is_listed_with_its_reason_and_never_loaded(seeded, store_dir):
    folder = store_dir / "models" / "var" / "0_0_5"
    folder.mkdir()
    (folder / "model.pkl").write_bytes(b"\x80\x04not really a pickle")
    at = open_app(page=MODELS)
    table = at.dataframe[0].value
    assert table["version"].tolist() == ["0.0.5", "0.0.1"]
    assert "legacy pickle, not loaded" in table["status"].iloc[0]
    at.selectbox(key="models_version|var").set_value("0.0.5").run()
    assert not at.exception and "import-legacy" in errors(at)
    at.switch_page(FORECAST).run()
    assert at.selectbox(key="fc_version").options == ["latest (0.0.1)", "0.0.1"]  # the pickle is not offered
    assert len(charts(at)) == 2
