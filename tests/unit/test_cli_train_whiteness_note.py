"""`varlib train` prints a whiteness check that passed on fewer than the LM test's 5 lagged residuals, or that was
not tested at all, as a note (`whiteness: note: ...`), as the dashboard shows it: `ok` read as an all-clear."""

from __future__ import annotations

import pytest

from varlib.cli import main

DIFFERENCED = ("--vars", "realgdp,realcons,realinv,realgovt,m1", "--transform", "diff", "--lags", "8")


@pytest.fixture
def store(tmp_path, monkeypatch):
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))


@pytest.mark.parametrize(
    ("start", "verdict"),
    [("1994-07-01", "No evidence of residual autocorrelation at lag 1"), ("1994-10-01", "Not tested")],
)
def test_a_partial_or_untested_whiteness_check_prints_as_a_note(store, capsys, start, verdict):
    assert main(["train", *DIFFERENCED, "--start", start, "--holdout", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    whiteness = next(line for line in lines if line.startswith("whiteness:"))
    assert whiteness.startswith(f"whiteness: note: {verdict}"), whiteness
    assert any(line.startswith("normality: ok: ") for line in lines)  # a full pass still reads ok


def test_a_whiteness_check_on_five_lagged_residuals_still_reads_ok(store, capsys):
    assert main(["train", "--transform", "diff", "--lags", "4", "--holdout", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert next(line for line in lines if line.startswith("whiteness:")).startswith("whiteness: ok: "), lines
