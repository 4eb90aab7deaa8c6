"""The service's plain log lines: one line per record, whatever a sign-in provider's display name or a
request's text holds (a line break in a name cannot forge a second audit line); tracebacks keep theirs."""

from __future__ import annotations

import io
import logging

import pytest

from varlib import Actor, Registry, Settings, publish_result
from varlib.logs import TextFormatter, logging_config


@pytest.fixture
def text_log():
    """varlib's records formatted as the service's text configuration formats them, into a buffer."""
    spec = logging_config("text")["formatters"]["main"]
    formatter = {**spec}.pop("()")
    assert formatter == "varlib.logs.TextFormatter"
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(TextFormatter(fmt=spec["fmt"]))
    logger = logging.getLogger("varlib")
    saved = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def read() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield read
    logger.removeHandler(handler)
    logger.setLevel(saved)


def test_an_audit_line_stays_one_line_whatever_the_name_holds(text_log, tmp_path, macro_result):
    registry = Registry.from_settings(Settings(store_dir=tmp_path / "store", author="t"))
    publish_result(registry, macro_result, "var")
    text_log()  # the publish's own line
    forger = Actor("<script>x</script>\nFAKE LOG publish var 9.9.9 by Ada via cli", "sub", "http://issuer", "rest")
    registry.set_alias("var", "prod", "0.0.1", forger)
    lines = text_log().splitlines()
    assert len(lines) == 1 and "alias.set var @prod -> 0.0.1 by <script>x</script>\\nFAKE LOG" in lines[0]


def test_a_traceback_keeps_its_lines(text_log):
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("varlib.test").exception("failed with\ttab and\r\nbreak")
    lines = text_log().splitlines()
    assert "failed with\ttab and\\r\\nbreak" in lines[0] and lines[1] == "Traceback (most recent call last):"
