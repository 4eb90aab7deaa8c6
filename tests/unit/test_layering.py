"""The dependency direction holds: varlib never imports streamlit; only one module imports minio; no pickle."""

import re
import subprocess
import sys
from pathlib import Path

VARLIB = Path(__file__).resolve().parents[2] / "varlib"


def test_importing_varlib_does_not_import_streamlit():
    code = "import sys, varlib, varlib.cli, varlib.api; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_only_the_minio_backend_imports_minio():
    importers = {p.relative_to(VARLIB).as_posix() for p in VARLIB.rglob("*.py")
                 if re.search(r"^\s*(from|import)\s+minio\b", p.read_text(), re.M)}
    assert importers == {"store/minio_store.py"}


def test_no_module_unpickles_except_the_trusted_legacy_import():
    loaders = {p.relative_to(VARLIB).as_posix() for p in VARLIB.rglob("*.py")
               if re.search(r"pickle\.loads?\(|Unpickler\(", p.read_text())}
    assert loaders <= {"legacy.py"}
