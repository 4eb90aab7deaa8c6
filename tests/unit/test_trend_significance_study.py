"""The trend study (`python -m studies.trend_significance`, quoted in docs/CORRECTNESS.md) gives the counts the
docs and its stored results give: the real slices only (the simulation takes longer and is seeded)."""

from __future__ import annotations

from pathlib import Path

from studies.trend_significance import real_slices

ROOT = Path(__file__).resolve().parents[2]


def test_the_study_counts_are_the_ones_documented():
    total, rows = real_slices()
    kept = sum(r["kept"] for r in rows)
    newey_west = [r for r in rows if r["hac p"] >= 0.05]
    assert (total, len(rows), kept, len(newey_west)) == (858, 91, 77, 7)
    assert sum(not r["kept"] for r in newey_west) == 3  # of the first study's 7, the ADF regression drops 3
    stored = (ROOT / "studies" / "results" / "trend_significance.md").read_text()
    assert stored.startswith(f"Bundled macro data, {total} slices: the old rule advised trend `ct` for {len(rows)};")
    docs = " ".join((ROOT / "docs" / "CORRECTNESS.md").read_text().split())
    assert f"of {total} slices, {len(rows)} were advised trend `ct`; {kept} keep it, and {len(rows) - kept} are" in docs
