"""`varlib` (or `python -m varlib`): train, list, show, forecast, compare and analyse versions from the shell.

Exit codes: 0 success, 2 bad input, 1 any other failure, 130 interrupted (Ctrl-C); a failure prints one
`error: ...` line on stderr (the result's warnings, said below it on success, left out) and no traceback. The
codes are a table here, not attributes of the exceptions.
Output cut off by its reader (`varlib ... | head`) ends quietly with 141, as a Unix tool killed by SIGPIPE does.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from collections.abc import Callable, Sequence

from varlib import ConflictError, InvalidInputError, VarlibError

from . import analysis, commands, compare, models, scenario_delete, scenarios, serve, team, upkeep
from .files import DEVICE_FAILURES
from .output import say_held, to_stderr
from .parser import build_parser, parse
from .stdin import refuse_two_readers
from .usage import said_as_options

# 128 + SIGPIPE: what the shell reports for `cat` or `grep` when the reader of a pipe exits early, so a
# script with `set -o pipefail` treats varlib like any other tool, and 0 would claim the output was delivered.
READER_GONE = 141
INTERRUPTED = 130  # 128 + SIGINT: Ctrl-C, which a script must tell from a failure (a retry may be wrong)
# Most specific first; any other VarlibError exits 1. A refused shape is the caller's to fix, like bad input.
EXIT_CODES: tuple[tuple[type[VarlibError], int], ...] = ((InvalidInputError, 2), (ConflictError, 2))
RUN: dict[str, Callable] = {
    "train": commands.run_train,
    "models": models.run_models,
    "list": commands.run_list,
    "reindex": upkeep.run_reindex,
    "show": commands.run_show,
    "forecast": scenarios.run_forecast,
    "serve": serve.run_serve,
    "import-legacy": upkeep.run_import_legacy,
    "diagnose": analysis.run_diagnose,
    "report": analysis.run_report,
    "backtest": analysis.run_backtest,
    "compare": compare.run_compare,
    "alias": team.run_alias,
    "withdraw": team.run_withdraw,
    "history": team.run_history,
    "scenario": scenario_delete.or_else(scenarios.run_scenario),
}


def exit_code(exc: VarlibError) -> int:
    """The exit code of an expected failure: 2 for bad input or a refused shape, 1 for everything else."""
    return next((code for kind, code in EXIT_CODES if isinstance(exc, kind)), 1)


def main(argv: Sequence[str] | None = None) -> int:
    _replace_unencodable()
    say_held(said=False)  # nothing left from an earlier call in the same process (tests, a caller's loop)
    args = None  # a refusal of the arguments themselves has no typed numbers to name
    try:
        args = parse(argv)
        refuse_two_readers(args)  # before any of them is read
        code = RUN[args.command](args) or 0
        if sys.stdout is None:  # started with stdout closed (`>&-`): print wrote nothing, which is no success
            print("error: the output could not be written: stdout is closed", file=sys.stderr)
            return 1
        sys.stdout.flush()  # a reader that went away is found here, not in the interpreter's flush at exit
        say_held()  # the command's warnings, below its output; any failure above drops them for its `error:` line
        return code
    except BrokenPipeError:
        _drop_stdout()
        say_held()  # about the output its reader did take: `| head` is no failure
        return READER_GONE
    except OSError as exc:  # output to a full disk (`> /dev/full`) or a failing device: one line, not a traceback
        if exc.errno not in DEVICE_FAILURES:
            raise
        _drop_stdout()
        print(f"error: the output could not be written: {exc.strerror}", file=sys.stderr)
        return 1
    except VarlibError as exc:  # the library's words for an input said as the option it was given as
        to_stderr(f"error: {said_as_options(exc, getattr(args, 'typed', None))}")
        return exit_code(exc)
    except KeyboardInterrupt:
        to_stderr("error: interrupted")
        return INTERRUPTED


def _replace_unencodable() -> None:
    """A stdout or stderr that is not UTF-8 (PYTHONIOENCODING=cp1252, a Windows console) writes `?` for what it
    cannot encode (the `→` of `history`), instead of ending the command in a UnicodeEncodeError traceback."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "ascii"
        with contextlib.suppress(LookupError):
            encoding = codecs.lookup(encoding).name
        # stderr already backslash-escapes by default: only a strict stream is changed
        if encoding != "utf-8" and getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):  # a detached or closed stream: left as it is
                stream.reconfigure(errors="replace")


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush of what is still buffered cannot raise
    the same error again as an "Exception ignored" message (the recipe of Python's `signal` docs)."""
    with contextlib.suppress(OSError, ValueError):  # stdout is no file (captured in tests): nothing to flush
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


__all__ = ["EXIT_CODES", "INTERRUPTED", "READER_GONE", "build_parser", "exit_code", "main"]
