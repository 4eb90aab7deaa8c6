"""Log output for the service: plain lines (the default) or one JSON object per line (`VARLIB_LOG_FORMAT=json`).

JSON lines carry `time`, `level`, `logger`, `message`, and, for the audit trail's records (publishes,
alias moves, withdrawals), an `audit` object with the action, versions and the actor's identity.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from typing import Any

from .config import given
from .errors import InvalidInputError

FORMATS = ("text", "json")
_TEXT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class TextFormatter(logging.Formatter):
    """Plain lines, one per record: control characters in the message (a display name or a reason holding a
    line break, from a sign-in provider or a request) are written escaped, so no record can forge another line.
    A traceback still follows on its own lines."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = "".join(c if c.isprintable() or c == "\t" else repr(c)[1:-1] for c in record.message)
        return super().formatMessage(record)


class JsonFormatter(logging.Formatter):
    """One JSON object per record (stdlib logging only)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        audit = getattr(record, "audit", None)
        if audit is not None:
            entry["audit"] = audit
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def check_log_format(value: str | None) -> str:
    fmt = (value or "text").strip().lower()
    if fmt not in FORMATS:
        # named by its variable, as every VARLIB_* refusal is: `--log-format` has argparse's choices
        raise InvalidInputError(
            f"VARLIB_LOG_FORMAT={value!r} is not a log format: use one of {', '.join(FORMATS)}", field="log_format"
        )
    return fmt


def logging_config(fmt: str | None = None) -> dict[str, Any]:
    """A `logging.config.dictConfig` for uvicorn and varlib's own loggers (the audit trail at INFO);
    the format is `fmt`, else VARLIB_LOG_FORMAT, else text."""
    fmt = check_log_format(fmt or given(os.environ, "VARLIB_LOG_FORMAT", "json or text", "text"))
    text = {"()": "varlib.logs.TextFormatter", "fmt": _TEXT}
    formatter = {"()": "varlib.logs.JsonFormatter"} if fmt == "json" else text
    handler = {"class": "logging.StreamHandler", "formatter": "main", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"main": formatter},
        "handlers": {"main": handler},
        "loggers": {
            "uvicorn": {"handlers": ["main"], "level": "INFO", "propagate": False},
            "uvicorn.access": {"handlers": ["main"], "level": "INFO", "propagate": False},
            "varlib": {"handlers": ["main"], "level": "INFO", "propagate": False},
        },
    }
