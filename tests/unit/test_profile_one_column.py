"""A file of one column (its separator is not a comma, semicolon or tab) is profiled with a reason for the Train
page, not a crash: the preview dropped every row for want of a column of numbers and then read the first date."""

from __future__ import annotations

import pytest

from varlib import InvalidInputError, load_dataset, profile_csv


@pytest.mark.parametrize("separator", [" ", "|"])
def test_another_separator_is_named(separator):
    text = "\n".join(
        separator.join(row)
        for row in [["date", "sales", "orders"], *[[f"2010-0{m}-01", "1", "2"] for m in range(1, 4)]]
    )
    profile, _ = profile_csv(text.encode(), "shop.csv")
    assert any(
        p.startswith("'shop.csv' reads as one column") and "commas, semicolons or tabs" in p for p in profile.problems
    )


@pytest.mark.parametrize("separator", [" ", "|"])
def test_training_on_it_says_the_same(separator):
    text = "\n".join(
        separator.join(row)
        for row in [["date", "sales", "orders"], *[[f"2010-0{m}-01", "1", "2"] for m in range(1, 4)]]
    )
    with pytest.raises(InvalidInputError, match=r"^'shop.csv' reads as one column \('date"):
        load_dataset(text.encode(), csv_name="shop.csv")  # as the preview says it: not "got no variables"
