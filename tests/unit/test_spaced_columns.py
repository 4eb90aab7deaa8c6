"""A text file whose columns are aligned by spaces (a FRED .txt download) is refused as such, naming its last row,
instead of reading as one column and being refused for having no variables."""

from __future__ import annotations

import pytest

from varlib.data import load_csv
from varlib.errors import InvalidInputError


def test_columns_aligned_by_spaces_are_refused_as_such():
    """A FRED .txt download (`DATE          GDPC1     PCECC96`) read as one column: it was refused as "a VAR needs
    at least 2 variables; got none", which does not say what is wrong with the file."""
    rows = "".join(
        f"{1989 + n // 4}-{3 * (n % 4) + 1:02d}-01    {7806.6 + n:.3f}    {5159.3 + n:.1f}\n" for n in range(40)
    )
    text = "Title:               Real GDP\n\nDATE          GDPC1     PCECC96\n" + rows
    with pytest.raises(InvalidInputError) as refused:
        load_csv(text.encode(), name="fred.txt")
    assert str(refused.value).startswith(
        "'fred.txt' separates its values by spaces ('1998-10-01    7845.600    5198.3'"
    )
    assert "save it as CSV, with commas, semicolons or tabs between the values" in str(refused.value)
