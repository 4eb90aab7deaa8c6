"""A folder store on a disk that refuses writes (full, or a file-size limit): one `error:` line that says
what to do, nothing half-written left behind, and the next publish takes the version the failed one would
have (the failed write removes the folder it made, as S3 has no prefix without an object)."""

from __future__ import annotations

import json
import resource
import subprocess
import sys

from tests.reliability.conftest import PROJECT_DIR, CliRun, assert_clean_failure, clean_env, run_cli

LIMIT_BYTES = 4096  # below an artifact's size (about 12 KB): its write fails with EFBIG, as a full disk fails


def _run_limited(env: dict[str, str], *args: str) -> CliRun:
    """The CLI with every file it writes limited to LIMIT_BYTES (Python ignores SIGXFSZ: writes fail)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT_BYTES, LIMIT_BYTES))

    done = subprocess.run(
        [sys.executable, "-m", "varlib", *args],
        env=env, cwd=PROJECT_DIR, capture_output=True, text=True, timeout=120, preexec_fn=limit,
    )  # fmt: skip
    return CliRun(done.returncode, done.stdout, done.stderr, 0.0)


def test_a_refused_write_is_one_message_and_leaves_nothing_behind(tmp_path):
    store = tmp_path / "store"
    env = clean_env(VARLIB_STORE_DIR=str(store))
    train = ("train", "--lags", "2", "--holdout", "0", "--name", "var", "--publish")
    assert run_cli(env, *train).returncode == 0
    failed = _run_limited(env, *train)
    assert_clean_failure(failed, "cannot write var/0_0_2/model.json", "nothing was changed", "free space")
    assert not [path for path in store.rglob(".tmp-*")]
    listed = json.loads(run_cli(env, "list", "--name", "var", "--json").stdout)
    assert [row["version"] for row in listed] == ["0.0.1"]
    assert "published var 0.0.2" in run_cli(env, *train).stdout  # not 0.0.3: the failed one took no number
