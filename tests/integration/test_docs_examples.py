"""The examples of README.md and docs/LIBRARY.md run as written, in their order, on an empty store: a new user
copies them, so a renamed flag, a file that is not shipped or a version the store does not hold yet breaks here."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.support.cli_runner import STORELESS_ENV

PROJECT = Path(__file__).resolve().parents[2]


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
        if line.startswith(".venv/bin/varlib ") or " | .venv/bin/varlib " in line
    ]


def test_the_readme_cli_examples_run_in_order(tmp_path):
    commands = _cli_lines("## CLI") + _cli_lines("## VECM: cointegrated series")
    assert len(commands) > 25 and any(" | " in line for line in commands)  # the sections were found
    (tmp_path / "examples").symlink_to(PROJECT / "examples")  # the examples' paths, and reports written aside
    env = {**STORELESS_ENV, "VARLIB_STORE_DIR": str(tmp_path / "store"), "VARLIB_AUTHOR": "docs"}
    varlib = f"{shlex.quote(sys.executable)} -m varlib "  # this interpreter's, wherever its environment is
    for line in commands:  # by the shell, as a reader pastes them: pipes, quotes and comments included
        command = line.replace(".venv/bin/varlib ", varlib, 1)
        ran = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, cwd=tmp_path, env=env
        )
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
