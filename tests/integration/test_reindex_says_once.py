"""`varlib reindex` says a withdrawal it restored once, on stdout: the library's log line said it a second time
on stderr (a warning that Python's last-resort handler printed)."""

from __future__ import annotations

import os
import subprocess
import sys

from varlib import Registry, Settings, publish_result


def test_a_restored_withdrawal_is_said_once(tmp_path, macro_result):
    registry = Registry.from_settings(Settings(store_dir=tmp_path, author="t"))
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    registry.withdraw("var", "0.0.2", "bad file")
    (tmp_path / "models" / "var" / "_withdrawn" / "0_0_2.json").unlink()  # by hand: the trail still says it
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "VARLIB_"))}
    done = subprocess.run(
        [sys.executable, "-m", "varlib", "reindex", "--name", "var"],
        env={**env, "VARLIB_STORE_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "restored the withdrawal of var 0.0.2 from the audit trail (bad file)" in done.stdout
    assert "withdrawal" not in done.stderr
