"""Every dashboard helper module imports: a name taken from another module that no longer holds it fails here
at once (ruff does not look, mypy checks the library only), not only in the page that happens to import it."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "ui"


@pytest.mark.parametrize("module", sorted(path.stem for path in UI.glob("*.py") if path.stem != "__init__"))
def test_the_module_imports(module):
    importlib.import_module(f"ui.{module}")
