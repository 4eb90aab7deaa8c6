"""The CLI run for tests, in this process (`run_in_process`) or as `python -m varlib` (`run_process`), each
answering a `subprocess.CompletedProcess`. In this process a call skips the interpreter's start and the imports
(about 1.7 s a call) and is given what a new process would be: `env` alone as the environment, `cwd`, argv, an
empty standard input (or `input`), stdout and stderr as pipes give them, Python's own warning filters and no
logging configured, and none of the module-level state an earlier call left. `run` picks: a command that cannot
run here as it would there (`serve`, an interpreter setting in PYTHON*) runs as a process."""

from __future__ import annotations

import contextlib
import io
import locale
import logging
import os
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator, Mapping, Sequence
from unittest import mock

import varlib
from varlib.catalog.audit_listing import forget_densities
from varlib.cli import main
from varlib.identity import login_name

MAIN = os.path.join(os.path.dirname(varlib.__file__), "__main__.py")  # a `python -m` run's sys.argv[0]
PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the CLI's working directory
# This environment less every setting that names a store (read once, at import): each call names its own
STORELESS_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "VARLIB_"))}
Completed = subprocess.CompletedProcess[str]
IN_A_PROCESS = ("serve",)  # binds ports and runs a server until stopped: no call to return from
# The filters of an interpreter started without -W or PYTHONWARNINGS (`warnings.filters`), in their order: pytest's
# own (pyproject's `error::...`, its recording) would turn a warning the shell sees into an exception or hide it.
DEFAULT_FILTERS = (
    ("default", DeprecationWarning, "__main__"),
    ("ignore", DeprecationWarning, ""),
    ("ignore", PendingDeprecationWarning, ""),
    ("ignore", ImportWarning, ""),
    ("ignore", ResourceWarning, ""),
)


def run(
    args: Sequence[str], env: Mapping[str, str], cwd: str | os.PathLike, timeout: float, input: str | None = None
) -> Completed:
    """`varlib *args` in this process where it runs here as in a new one, else as a process."""
    interpreter = [k for k in env if k.startswith("PYTHON") and env[k] != os.environ.get(k)]  # read at start only
    if (args and args[0] in IN_A_PROCESS) or interpreter:
        return run_process(args, env, cwd, timeout, input)
    return run_in_process(args, env, cwd, timeout, input)


def one_line_error(result: Completed) -> Completed:
    """The result, once a failure is seen to be one `error:` line on stderr and no traceback."""
    if result.returncode:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
        assert "Traceback" not in result.stderr
    return result


def run_process(
    args: Sequence[str], env: Mapping[str, str], cwd: str | os.PathLike, timeout: float, input: str | None = None
) -> Completed:
    """`python -m varlib *args` in a new interpreter: exit code, stdout and stderr as the shell sees them."""
    return subprocess.run(
        [sys.executable, "-m", "varlib", *args],
        input=input,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=dict(env),
        timeout=timeout,
    )


def run_in_process(
    args: Sequence[str], env: Mapping[str, str], cwd: str | os.PathLike, timeout: float, input: str | None = None
) -> Completed:
    """`varlib.cli.main(args)` here, as `python -m varlib *args` would run it. A SystemExit is its exit code (an
    argparse refusal's 2); any other exception propagates, as the traceback a process would print fails the test.
    A call slower than `timeout` raises subprocess.TimeoutExpired after it, as a process's run would (killed)."""
    argv = [str(arg) for arg in args]
    command = [sys.executable, "-m", "varlib", *argv]
    # the child's stdio encoding (UTF-8 mode, else the locale's) and what subprocess.run decodes with (the same)
    encoding = "utf-8" if sys.flags.utf8_mode or env.get("PYTHONUTF8") == "1" else locale.getencoding()
    stdin = io.TextIOWrapper(io.BytesIO((input or "").encode(encoding)), encoding=encoding)
    out, err = io.BytesIO(), io.BytesIO()
    unbuffered = bool(env.get("PYTHONUNBUFFERED"))
    stdout = io.TextIOWrapper(out, encoding=encoding, errors="strict", write_through=unbuffered)
    stderr = io.TextIOWrapper(err, encoding=encoding, errors="backslashreplace", line_buffering=True)
    streams = {"stdin": stdin, "stdout": stdout, "stderr": stderr, "__stdin__": stdin, "__stdout__": stdout}
    zone = env.get("TZ") != os.environ.get("TZ")  # the C library reads TZ at start (and at tzset) only
    start = time.monotonic()
    try:
        with (
            mock.patch.dict(os.environ, env, clear=True),
            contextlib.chdir(cwd),
            mock.patch.object(sys, "argv", [MAIN, *argv]),
            mock.patch.multiple(sys, **streams),  # __stdout__ too: the terminal size read for tables and help
            _fresh_warnings(),
            _fresh_logging(),
        ):
            if zone:
                time.tzset()
            _forget_process_state()
            try:
                code = main(argv)
            except SystemExit as exc:
                code = _exit_code(exc.code, stderr)
            stdout.flush()  # the interpreter's flush at exit
            stderr.flush()
    finally:
        if zone:
            time.tzset()  # the caller's zone back
        _forget_process_state()  # nor does the caller keep what the call's environment gave
    elapsed = time.monotonic() - start
    result = subprocess.CompletedProcess(command, code, _text(out, encoding), _text(err, encoding))
    if elapsed > timeout:
        raise subprocess.TimeoutExpired(command, timeout, result.stdout, result.stderr)
    return result


def _forget_process_state() -> None:
    """What the library keeps for the life of a process and a new one would start without."""
    login_name.cache_clear()  # USER and LOGNAME are read once
    forget_densities()  # where the audit trail's pages start listing


def _exit_code(code: object, stderr: io.TextIOWrapper) -> int:
    """The interpreter's exit status for SystemExit(code): None 0, an int itself, anything else printed and 1."""
    if code is None or isinstance(code, int):
        return code or 0
    print(code, file=stderr)
    return 1


def _text(raw: io.BytesIO, encoding: str) -> str:
    """As subprocess.run(text=True) returns a pipe's bytes: decoded strictly, newlines made `\\n`."""
    return raw.getvalue().decode(encoding).replace("\r\n", "\n").replace("\r", "\n")


@contextlib.contextmanager
def _fresh_warnings() -> Iterator[None]:
    """A new interpreter's filters, and a shown warning written to stderr (the current one, captured)."""

    def show(message, category, filename, lineno, file=None, line=None) -> None:
        with contextlib.suppress(OSError):
            (file or sys.stderr).write(warnings.formatwarning(message, category, filename, lineno, line))

    with warnings.catch_warnings():  # restores filters and showwarning; entering it forgets warnings said once
        warnings.resetwarnings()
        for action, category, module in DEFAULT_FILTERS:
            warnings.filterwarnings(action, category=category, module=module, append=True)
        warnings.showwarning = show  # pytest records them instead, where the test would never see them
        yield


@contextlib.contextmanager
def _fresh_logging() -> Iterator[None]:
    """Logging as a new process has it: no handler on the root or varlib's loggers (pytest's capture, a service
    test's configuration), root at WARNING, so a warning reaches stderr through logging's last resort."""
    manager = logging.root.manager
    ours = [logging.root]
    ours += [
        logger
        for name, logger in manager.loggerDict.items()
        if isinstance(logger, logging.Logger) and (name == "varlib" or name.startswith("varlib."))
    ]
    saved = [(logger, logger.handlers, logger.level, logger.propagate, logger.disabled) for logger in ours]
    disabled = manager.disable
    try:
        logging.disable(logging.NOTSET)
        for logger in ours:
            logger.handlers = []
            logger.propagate, logger.disabled = True, False
            logger.setLevel(logging.WARNING if logger is logging.root else logging.NOTSET)
        yield
    finally:
        for logger, handlers, level, propagate, was_disabled in saved:
            logger.handlers, logger.propagate, logger.disabled = handlers, propagate, was_disabled
            logger.setLevel(level)
        logging.disable(disabled)
