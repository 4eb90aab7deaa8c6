"""The dashboard's server settings that its speed depends on (docs/BENCHMARKS.md): they are in
.streamlit/config.toml, which `make run` and the container image both serve with."""

import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def _config() -> dict:
    return tomllib.loads((PROJECT / ".streamlit" / "config.toml").read_text())


def test_no_full_garbage_collection_after_every_run():
    # Streamlit's collection after a run holds the interpreter lock for 140-170 ms in this server, and
    # the browser hears that the run is over only afterwards.
    assert _config()["runner"]["postScriptGC"] is False


def test_no_source_watching():
    assert _config()["server"]["fileWatcherType"] == "none"


def test_the_container_image_serves_the_same_settings():
    assert "COPY .streamlit/ .streamlit/" in (PROJECT / "Dockerfile").read_text().splitlines()
