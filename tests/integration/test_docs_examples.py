"""The examples of README.md and docs/LIBRARY.md run as written, in their order, on an empty store: a new user
copies them, so a renamed flag, a file that is not shipped or a version the store does not hold yet breaks here.
Bash reads every CLI line (its quotes and comments); a line that pipes or redirects runs in bash, the others run in
the test process (tests.support.cli_runner: a new interpreter's start and imports cost about 1.7 s a command)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.support import cli_runner
from tests.support.cli_runner import STORELESS_ENV

PROJECT = Path(__file__).resolve().parents[2]
VARLIB = ".venv/bin/varlib "
SHELL_ONLY = ("|", "<", ">", "$", "`")  # a pipe, a redirection, an expansion: what only a shell run does as written


def _blocks(document: str, language: str, after: str) -> list[str]:
    """The code blocks of `language` in the section headed `after` (up to the next heading of its level)."""
    text = (PROJECT / document).read_text(encoding="utf-8")
    level = after.split(" ")[0]
    section = text.split(f"\n{after}\n", 1)[1].split(f"\n{level} ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", section, re.S)


def _cli_lines(section: str) -> list[str]:
    """Each line of a section's shell blocks that runs `.venv/bin/varlib`, alone or at the end of a pipe."""
    return [
        line
        for block in _blocks("README.md", "bash", section)
        for line in block.splitlines()
        if line.startswith(VARLIB) or f" | {VARLIB}" in line
    ]


def _arguments(lines: list[str], cwd: Path, env: dict) -> list[list[str]]:
    """The arguments bash gives `varlib` on each line (quotes, escapes and comments as a reader's shell reads
    them), from one bash run in `cwd`: each line's program replaced by a function that prints its arguments."""
    script = "args() { printf '%s\\0' \"$@\"; printf '\\1\\0'; }\n"
    script += "\n".join(line.replace(VARLIB, "args ", 1) for line in lines)
    read = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=cwd, env=env)
    assert read.returncode == 0 and not read.stderr, read.stderr  # an unbalanced quote, a missing file
    runs = [run.split("\0")[:-1] for run in read.stdout.split("\1\0")[:-1]]  # a line's words end in \0, a line in \1
    assert len(runs) == len(lines), (len(runs), len(lines))
    return runs


def test_the_readme_cli_examples_run_in_order(tmp_path):
    commands = _cli_lines("## CLI") + _cli_lines("## VECM: cointegrated series")
    assert len(commands) > 25 and any(" | " in line for line in commands)  # the sections were found
    (tmp_path / "examples").symlink_to(PROJECT / "examples")  # the examples' paths, and reports written aside
    env = {**STORELESS_ENV, "VARLIB_STORE_DIR": str(tmp_path / "store"), "VARLIB_AUTHOR": "docs"}
    varlib = f"{shlex.quote(sys.executable)} -m varlib "  # this interpreter's, wherever its environment is
    in_bash = [any(mark in line.split(" #", 1)[0] for mark in SHELL_ONLY) for line in commands]
    assert any(in_bash) and not all(in_bash)
    arguments = _arguments(commands, tmp_path, env)
    for line, by_bash, args in zip(commands, in_bash, arguments, strict=True):
        if by_bash:  # as a reader pastes it: the pipe or redirection is part of the example
            command = line.replace(VARLIB, varlib, 1)
            ran = subprocess.run(
                ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, cwd=tmp_path, env=env
            )
        else:
            ran = cli_runner.run(args, env, tmp_path, timeout=120)
        assert ran.returncode == 0, f"{line}: {ran.stderr[-600:]}"
        assert "Traceback" not in ran.stderr


def test_the_library_examples_run_in_order(tmp_path):
    text = (PROJECT / "docs/LIBRARY.md").read_text(encoding="utf-8")
    program = "\n".join(re.findall(r"```python\n(.*?)```", text, re.S))
    assert "publish_result" in program and "make_scenario" in program
    env = {**STORELESS_ENV, "VARLIB_STORE_DIR": str(tmp_path / "store"), "VARLIB_AUTHOR": "docs"}
    ran = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert ran.returncode == 0, ran.stderr[-1500:]
    assert '"scenario": null' in ran.stdout and "withdraw 0.0.2 Analyst One" in ran.stdout
