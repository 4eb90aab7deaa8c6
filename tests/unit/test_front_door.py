"""The public surface: the dashboard, the CLI and the REST service reach the library only through
`import varlib`; the surface is documented; modules stay small enough to read in one sitting."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import varlib

PROJECT = Path(__file__).resolve().parents[2]
LIBRARY_DOC = PROJECT / "docs" / "LIBRARY.md"


def _imports(path: Path) -> list[tuple[str, int]]:
    """(module, relative level) of every import statement in a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, 0) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.module or "", node.level))
    return found


def _dashboard_files() -> list[Path]:
    return [PROJECT / "app.py", *sorted((PROJECT / "views").glob("*.py")), *sorted((PROJECT / "ui").glob("*.py"))]


@pytest.mark.parametrize("path", _dashboard_files(), ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_the_dashboard_imports_only_the_public_surface(path):
    inner = [module for module, level in _imports(path) if level == 0 and module.startswith("varlib.")]
    assert inner == [], f"{path.name} imports {inner}; use `from varlib import ...` (add the name to varlib.__all__)"


@pytest.mark.parametrize("path", sorted((PROJECT / "views").glob("*.py")), ids=lambda p: p.name)
def test_pages_import_only_ui_the_public_surface_and_display_packages(path):
    allowed = {"__future__", "streamlit", "pandas", "numpy", "datetime", "ui", "varlib"}
    roots = {module.split(".")[0] for module, level in _imports(path) if level == 0}
    assert roots <= allowed, f"{path.name} imports {sorted(roots - allowed)}"


@pytest.mark.parametrize("package", ["cli", "api"])
def test_the_cli_and_the_rest_service_use_the_public_surface(package):
    for path in sorted((PROJECT / "varlib" / package).glob("*.py")):
        for module, level in _imports(path):
            assert level <= 1, f"{path.name} reaches into the library with a relative import of {module!r}"
            assert level == 1 or not module.startswith("varlib."), (
                f"{path.name} imports {module}; use `from varlib import ...`"
            )


def test_every_public_name_exists_and_is_documented():
    documented = LIBRARY_DOC.read_text()
    missing = [name for name in varlib.__all__ if not hasattr(varlib, name)]
    assert missing == []
    undocumented = [name for name in varlib.__all__ if f"`{name}`" not in documented]
    assert undocumented == [], f"docs/LIBRARY.md does not describe {undocumented}"


def test_every_name_the_library_doc_lists_can_be_imported():
    """The other way round: a name in the first column of a table of docs/LIBRARY.md that `import varlib` does
    not give would send a reader to an ImportError, and one left out of `__all__` is missing from `help(varlib)`
    and `from varlib import *`."""
    rows = [line.split("|")[1] for line in LIBRARY_DOC.read_text().splitlines() if line.startswith("| `")]
    listed = {name for cell in rows for name in re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)`", cell)}
    assert len(listed) > 150  # the tables were found
    assert sorted(name for name in listed if not hasattr(varlib, name)) == []
    assert sorted(listed - set(varlib.__all__)) == []


def test_no_module_of_the_product_is_longer_than_300_lines():
    folders = ("varlib", "ui", "views", "bench", "studies", "scripts")
    files = [PROJECT / "app.py", *(p for folder in folders for p in (PROJECT / folder).rglob("*.py"))]
    long = {p.relative_to(PROJECT).as_posix(): n for p in files if (n := len(p.read_text().splitlines())) > 300}
    assert long == {}


def test_every_module_says_what_it_is_for():
    silent = [
        p.relative_to(PROJECT).as_posix()
        for p in [*(PROJECT / "varlib").rglob("*.py"), *_dashboard_files()]
        if ast.get_docstring(ast.parse(p.read_text())) is None
    ]
    assert silent == []
