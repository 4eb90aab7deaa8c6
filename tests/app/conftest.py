"""AppTest fixtures: a temporary local store per test, clean Streamlit caches, the app's entrypoint."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import streamlit as st
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

import ui.auth
from tests.support.models import publish_varx
from ui import diagnostics_report
from varlib import Actor, ModelSpec, Registry, load_dataset, make_scenario, train_model
from varlib.catalog import scenario_cache
from varlib.config import Settings
from varlib.service import publish_result

ADMIN = Actor("Ada Admin", "ada", "http://issuer.test", "dashboard")  # signed in where a test needs an admin
APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 30
_ENV = (
    "MINIO_ENDPOINT",
    "MINIO_ACCESS_KEY",
    "MINIO_SECRET_KEY",
    "MINIO_BUCKET",
    "MINIO_SECURE",
    "MINIO_CA_BUNDLE",
    "VARLIB_READ_ONLY",
    "VARLIB_STORE_TIMEOUT",
    "VARLIB_MAX_ARTIFACT_BYTES",
)


def _clear_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def store_dir(tmp_path, monkeypatch) -> Path:
    """An empty local store the app reads through VARLIB_STORE_DIR."""
    for name in _ENV:
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "store"
    monkeypatch.setenv("VARLIB_STORE_DIR", str(folder))
    monkeypatch.setenv("VARLIB_AUTHOR", "tester")
    _clear_caches()
    yield folder
    _clear_caches()


@pytest.fixture
def registry(store_dir) -> Registry:
    """A second Registry on the same folder: the test's view, separate from the app's cached one."""
    return Registry.from_settings(Settings.from_env())


@pytest.fixture
def seeded(registry, macro_result) -> Registry:
    """The store with one published model, var 0.0.1."""
    publish_result(registry, macro_result, "var", "patch", "seed")
    return registry


@pytest.fixture
def held(seeded, monkeypatch):
    """var 0.0.1 with the scenarios `hold` (4 steps) and `keep` (6); the registry's second of trust in a kept
    scenario has always passed, so what the test sees does not hang on the clock."""
    artifact = seeded.load("var", "0.0.1")
    seeded.save_scenario(make_scenario(artifact, "hold", 4), ADMIN)
    seeded.save_scenario(make_scenario(artifact, "keep", 6), ADMIN)
    monkeypatch.setattr(scenario_cache, "SCENARIO_FRESH_S", 0.0)
    monkeypatch.setattr(ui.auth, "current", lambda: ui.auth.SignIn(True, ADMIN, "admin"))
    monkeypatch.setattr(ui.auth, "_provider_problem", lambda: None)
    return seeded


@pytest.fixture
def three_versions(seeded) -> Registry:
    """var 0.0.1 (the seed), 0.0.2 (one lag) and 0.0.3 (two lags)."""
    dataset = load_dataset()
    for lags in (1, 2):
        publish_result(seeded, train_model(dataset, ModelSpec(variables=tuple(dataset.variables), lags=lags)), "var")
    return seeded


@pytest.fixture
def varx(registry):
    """The store with a VARX, varx 0.0.1 (realgdp and realcons given realint, 2 lags, no holdout): its artifact and
    the dataset it was trained on."""
    return publish_varx(registry)


def open_app(query: dict | None = None, page: str | None = None) -> AppTest:
    """Run the entrypoint on `page` (default: the Forecast page), optionally with query parameters."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if query:
        at.query_params.update({k: str(v) for k, v in query.items()})
    if page:  # opened directly on that page, as a link to it does
        at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def visit(at: AppTest, page: str) -> AppTest:
    """Open `page` from the sidebar (a sidebar link carries no query parameters); the run raised nothing."""
    at.switch_page(page)
    at.query_params.clear()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def charts(at: AppTest) -> list[dict]:
    """The plotly figures on the page, as dicts."""
    return [json.loads(element.proto.spec) for element in at.get("plotly_chart")]


def trace(figure: dict, name: str) -> dict:
    """The trace called `name` (exactly, else the first whose name starts with it)."""
    names = [t.get("name", "") for t in figure["data"]]
    position = names.index(name) if name in names else next(i for i, n in enumerate(names) if n.startswith(name))
    return figure["data"][position]


def errors(at: AppTest) -> str:
    """The errors' text as people read it: markdown's escapes (`VARLIB\\_READ\\_ONLY`, ui.literal) taken off."""
    return re.sub(r"\\(.)", r"\1", "\n".join(e.value for e in at.error))


def warnings(at: AppTest) -> str:
    """The warnings' text as people read it, as `errors` reads the errors."""
    return re.sub(r"\\(.)", r"\1", "\n".join(w.value for w in at.warning))


def values(trace_: dict, axis: str) -> list | np.ndarray:
    """A trace's x or y values; plotly sends numeric arrays as base64 typed arrays."""
    raw = trace_.get(axis, [])
    if isinstance(raw, dict) and "bdata" in raw:
        return np.frombuffer(base64.b64decode(raw["bdata"]), dtype=np.dtype(raw["dtype"])).reshape(raw.get("shape", -1))
    return raw


def displayed(element) -> pd.DataFrame | None:
    """The cells a styled table shows, as text (what the browser draws, not the numbers behind it); None
    for a table without a Styler."""
    raw = element.proto.arrow_data.styler.display_values
    return dataframe_util.convert_arrow_bytes_to_pandas_df(raw).astype(str) if raw else None


def version_columns(element) -> list[str]:
    """The Compare table's version columns, in the order drawn (its first column holds the row names)."""
    columns = list(element.value.columns)
    assert columns[0] == "", columns  # the row names' column, headed by nothing
    return columns[1:]


def version_cells(element) -> pd.DataFrame:
    """The Compare table's cells of its versions, by row name (without the column that draws the row names)."""
    return element.value[version_columns(element)]


def formats_of(cells) -> set[str]:
    """The number formats a column's cells are printed in: `e` (scientific) or `.<decimals>`."""
    found = set()
    for cell in cells:
        text = str(cell).strip()
        if not re.fullmatch(r"-?[\d,]+(\.\d+)?(e[+-]\d+)?", text):
            continue  # text, a dash, an empty cell
        found.add("e" if "e" in text else f".{len(text.split('.')[1]) if '.' in text else 0}")
    return found


class _Downloads:
    """Streamlit in the report module, except that a download's file is built at once and kept, as a
    click in a browser would build it (AppTest cannot click a download)."""

    def __init__(self, real) -> None:
        self._real, self.files, self.names = real, {}, {}

    def __getattr__(self, name):
        return getattr(self._real, name)

    def download_button(self, label, data, *args, **kwargs):
        if not kwargs.get("disabled"):  # a greyed-out button cannot be clicked
            self.files[label] = data() if callable(data) else data
            self.names[label] = args[0] if args else kwargs.get("file_name")
        return self._real.download_button(label, data, *args, **kwargs)


@pytest.fixture
def downloads(monkeypatch):
    """The report module's downloads, built and kept (see _Downloads)."""
    spy = _Downloads(diagnostics_report.st)
    monkeypatch.setattr(diagnostics_report, "st", spy)
    return spy


def sign_in_screen(metadata_url: str) -> AppTest:
    """The app with sign-in configured against `metadata_url`, run once, as nobody signed in sees it."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.secrets["auth"] = {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "varlib-dashboard",
        "client_secret": "y" * 16,
        "server_metadata_url": metadata_url,
    }
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
