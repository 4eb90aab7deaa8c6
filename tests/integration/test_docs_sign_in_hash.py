"""The sign-in example's password hashes: README.md made them with `htpasswd` alone and did not say where it comes
from (Debian's apache2-utils), so a machine without it could not follow the example. The section now names the
package, and its Python alternative runs as written and gives a hash that Dex's bcrypt accepts."""

from __future__ import annotations

import subprocess
import sys

import bcrypt

from tests.integration.test_docs_examples import PROJECT, _blocks

SECTION = "## Docker Compose"
PASSWORD = b"admin password"


def _hash_blocks() -> list[str]:
    return [block for block in _blocks("README.md", "bash", SECTION) if "VARLIB_DEX_ADMIN_HASH=" in block]


def _made_hash(block: str) -> str:
    """VARLIB_DEX_ADMIN_HASH as the block's `export` lines leave it, run by the shell as a reader pastes them."""
    exports = block[block.index("export VARLIB_DEX_ADMIN_HASH=") :].split("\ndocker ", 1)[0]
    script = exports.replace(".venv/bin/python ", f"{sys.executable} ") + '\nprintf %s "$VARLIB_DEX_ADMIN_HASH"'
    ran = subprocess.run(["bash", "-o", "pipefail", "-c", script], capture_output=True, text=True, cwd=PROJECT)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout


def test_the_section_says_where_htpasswd_comes_from():
    section = (PROJECT / "README.md").read_text(encoding="utf-8").split(f"\n{SECTION}\n", 1)[1].split("\n## ", 1)[0]
    assert any("htpasswd " in block for block in _hash_blocks()) and "apache2-utils" in section


def test_the_python_alternative_makes_a_hash_that_bcrypt_accepts():
    python = [block for block in _hash_blocks() if "htpasswd " not in block]
    assert python, "no way to make the hash without htpasswd"
    for block in python:
        made = _made_hash(block)
        assert made.startswith("$2") and bcrypt.checkpw(PASSWORD, made.encode()), made
