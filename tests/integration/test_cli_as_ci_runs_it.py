"""The CLI scripted as a CI job runs it: an empty setting (an unset variable expanded) is refused, not read as the
working directory's store, by the REST service's start too; a read-only refusal names no value that was not given;
train's publish options without --publish are refused; a range refusal names the option and the value as typed
(`--alpha 0.00001`, not the `1e-05` Python writes)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.api.conftest import CLEAN_ENV, PROJECT

EMPTY_STORE = (
    "error: VARLIB_STORE_DIR is set but empty: give a folder, or unset it to use local-store/ in the working"
    " directory\n"
)


@pytest.mark.parametrize("argv", [["models"], ["train", "--lags", "1", "--holdout", "0", "--publish"]])
def test_an_empty_store_folder_is_refused_not_the_working_directory(local_cli, monkeypatch, tmp_path, argv):
    work = tmp_path / "work"  # the working directory, apart from the fixture's store
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("VARLIB_STORE_DIR", "")
    assert local_cli(*argv) == (2, "", EMPTY_STORE)
    assert list(work.iterdir()) == []  # nothing published into ./local-store


def test_the_rest_service_refuses_to_start_with_an_empty_store_folder(tmp_path):
    env = {**CLEAN_ENV, "VARLIB_STORE_DIR": ""}
    done = subprocess.run(
        [sys.executable, "-m", "varlib", "serve", "--port", "12341"],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(PROJECT)},
        capture_output=True,
        text=True,
        timeout=30,  # a service that started would be ended here, and the test fail
    )
    assert (done.returncode, done.stdout, done.stderr) == (2, "", EMPTY_STORE)


@pytest.mark.parametrize("raw", ["yes", "true", "on"])
def test_a_read_only_refusal_names_no_value_that_was_not_given(cli_var_store, local_cli, monkeypatch, raw):
    monkeypatch.setenv("VARLIB_READ_ONLY", raw)
    assert local_cli("alias", "set", "--name", "var", "champion", "0.0.1") == (
        1,
        "",
        "error: not allowed: this store is read-only (VARLIB_READ_ONLY is on); moving an alias needs write access\n",
    )


@pytest.mark.parametrize("option", [["--bump", "minor"], ["--notes", "first model"], ["--notes", ""]])
def test_a_publish_option_without_publish_is_refused(local_cli, option):
    assert local_cli("train", "--name", "var", "--lags", "1", *option) == (
        2,
        "",
        f"error: argument {option[0]}: not allowed without --publish: add --publish, or leave it out"
        " (see `varlib train --help`)\n",
    )


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["forecast", "--name", "var", "--steps", "0"], "--steps 0 must be a whole number from 1 to 400"),
        (["forecast", "--name", "var", "--alpha", "2"], "--alpha 2 must be between 0.0001 and 0.5"),
        (["forecast", "--name", "var", "--alpha", "0.75"], "--alpha 0.75 must be between 0.0001 and 0.5"),
        (["scenario", "save", "dip", "--name", "var", "--steps", "401"], "--steps 401 must be a whole number"),
        (["train", "--holdout", "2"], "--holdout 2 must be a fraction from 0 to 0.5"),
        (["train", "--lags", "-1"], "--lags -1 must be a whole number from 1 to 100"),
        (["train", "--max-lags", "0"], "--max-lags 0 must be a whole number from 1 to 100"),
        (["train", "--model", "vecm", "--coint-rank", "5"], "--coint-rank 5 must be a whole number from 1 to 1"),
        (["backtest", "--name", "var", "--origins", "0"], "--origins 0 must be a whole number from 1 to 200"),
        (["backtest", "--name", "var", "--horizon", "0"], "--horizon 0 must be a whole number from 1 to 40"),
        (["diagnose", "--name", "var", "--irf-periods", "0"], "--irf-periods 0 must be a whole number from 1"),
        (["diagnose", "--name", "var", "--arch-lags", "0"], "--arch-lags 0 must be a whole number from 1"),
        (["diagnose", "--name", "var", "--whiteness-lags", "1"], "--whiteness-lags 1 must be a whole number above"),
        # as typed, not as Python writes the number argparse made of it (1e-05, 2.0, 1000)
        (["forecast", "--name", "var", "--alpha", "0.00001"], "--alpha 0.00001 must be between 0.0001 and 0.5"),
        (["forecast", "--name", "var", "--alpha", "0.60"], "--alpha 0.60 must be between"),
        (["scenario", "save", "dip", "--name", "var", "--steps", "1_000"], "--steps 1_000 must be a whole number"),
        (["compare", "--name", "var", "0.0.1", "0.0.2", "--level", "0.00001"], "--level 0.00001 must be a percent"),
        (["train", "--holdout", "0.60"], "--holdout 0.60 must be a fraction from 0 to 0.5"),
        (["train", "--holdout", "2.0"], "--holdout 2.0 must be a fraction from 0 to 0.5"),
        (["train", "--lags", "000"], "--lags 000 must be a whole number from 1 to 100"),
        (["backtest", "--name", "var", "--origins", "00"], "--origins 00 must be a whole number from 1 to 200"),
        (["history", "--name", "var", "--limit", "00"], "--limit 00 must be a whole number of at least 1"),
        (["serve", "--port", "070000"], "--port 070000 must be from 1 to 65535"),
    ],
)
def test_a_range_refusal_names_the_option_and_the_value_as_typed(cli_var_store, local_cli, argv, said):
    code, out, err = local_cli(*argv)
    assert (code, out) == (2, "") and err.startswith(f"error: {said}"), err
