"""The in-process CLI runner (tests/support/cli_runner.py) gives a command what a new process would: the same
answers as `python -m varlib`, its own environment and working directory, warnings and log records on stderr, an
exit code for SystemExit, and the caller's process as it was afterwards."""

from __future__ import annotations

import logging
import os
import sys
import warnings

import pytest

import varlib.cli
from tests.integration.test_cli import cli, cli_process
from tests.support import cli_runner
from tests.support.cli_runner import PROJECT


def test_in_process_answers_as_a_process(tmp_path):
    env = {"VARLIB_STORE_DIR": str(tmp_path / "store")}
    assert cli(env, "train", "--name", "var", "--lags", "2", "--holdout", "0", "--publish").returncode == 0
    for args in (["--help"], ["frobnicate"], ["show", "0.0.1", "--json"], ["forecast", "0.0.9"], ["list"]):
        here, there = cli(env, *args), cli_process(env, *args)
        assert (here.returncode, here.stdout, here.stderr) == (there.returncode, there.stdout, there.stderr), args


def test_each_call_has_its_own_environment_and_leaves_the_callers(tmp_path):
    before = (dict(os.environ), os.getcwd(), sys.stdout, sys.stderr, sys.stdin, sys.argv)
    one, two = ({"VARLIB_STORE_DIR": str(tmp_path / name), "VARLIB_AUTHOR": name} for name in ("one", "two"))
    for env in (one, two):
        assert cli(env, "train", "--name", "var", "--lags", "2", "--holdout", "0", "--publish").returncode == 0
    assert '"author": "one"' in cli(one, "show", "latest", "--json").stdout
    assert '"author": "two"' in cli(two, "show", "latest", "--json").stdout
    assert (dict(os.environ), os.getcwd(), sys.stdout, sys.stderr, sys.stdin, sys.argv) == before


@pytest.fixture
def command(monkeypatch):
    """`varlib list` made to run the function given to the fixture's answer instead."""

    def replace(run):
        monkeypatch.setitem(varlib.cli.RUN, "list", lambda args: run())

    return replace


def test_warnings_and_log_records_reach_stderr_as_in_a_new_process(command, monkeypatch):
    def run():
        assert dict(os.environ) == {"VARLIB_STORE_DIR": "given"}  # the caller's VARLIB_AUTHOR is not inherited
        assert os.getcwd() == PROJECT and sys.stdin.read() == "" and sys.argv[0].endswith("__main__.py")
        warnings.warn("said on stderr", UserWarning, stacklevel=1)  # pytest's filters would record it
        warnings.warn("never said", DeprecationWarning, stacklevel=1)  # ignored outside __main__
        logging.getLogger("varlib.catalog").warning("logged on stderr")  # no handler: logging's last resort
        logging.getLogger("varlib.audit").info("not at INFO")
        print("→ out")
        return 0

    command(run)
    monkeypatch.setenv("VARLIB_AUTHOR", "the caller")
    # a handler as a service test's logging configuration leaves one, which a new process would not have
    monkeypatch.setattr(logging.getLogger("varlib"), "handlers", [logging.NullHandler()])
    result = cli_runner.run_in_process(["list"], {"VARLIB_STORE_DIR": "given"}, PROJECT, 60)
    assert result.returncode == 0 and result.stdout == "→ out\n"
    assert "UserWarning: said on stderr" in result.stderr and "logged on stderr\n" in result.stderr
    assert "never said" not in result.stderr and "not at INFO" not in result.stderr


@pytest.mark.parametrize("code, exit_code, stderr", [(None, 0, ""), (3, 3, ""), ("stopped", 1, "stopped\n")])
def test_system_exit_is_the_exit_code(command, code, exit_code, stderr):
    def run():
        raise SystemExit(code)

    command(run)
    result = cli_runner.run_in_process(["list"], {}, PROJECT, 60)
    assert (result.returncode, result.stderr) == (exit_code, stderr)


def test_serve_and_interpreter_settings_run_as_a_process(monkeypatch):
    ran = []
    monkeypatch.setattr(cli_runner, "run_process", lambda *args: ran.append(args[0]) or "process")
    monkeypatch.setattr(cli_runner, "run_in_process", lambda *args: "here")
    assert cli_runner.run(("serve",), {}, PROJECT, 60) == "process"
    assert cli_runner.run(("list",), {"PYTHONIOENCODING": "cp1252"}, PROJECT, 60) == "process"
    same = {k: v for k, v in os.environ.items() if k.startswith("PYTHON")}  # the settings this interpreter has
    assert cli_runner.run(("list",), same, PROJECT, 60) == "here"
    assert ran == [("serve",), ("list",)]
