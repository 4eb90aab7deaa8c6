"""Import rules: no streamlit, socket or pickle in varlib; minio in store/minio_* only, its privates in the adapter."""

import re
import subprocess
import sys
from pathlib import Path

VARLIB = Path(__file__).resolve().parents[2] / "varlib"


def test_importing_varlib_does_not_import_streamlit():
    code = "import sys, varlib, varlib.cli, varlib.api; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


ADAPTER = "store/minio_adapter.py"


def modules() -> dict[str, str]:
    return {p.relative_to(VARLIB).as_posix(): p.read_text() for p in VARLIB.rglob("*.py")}


def test_only_the_minio_backend_and_its_helpers_import_minio():
    importers = {name for name, text in modules().items() if re.search(r"^\s*(from|import)\s+minio\b", text, re.M)}
    assert importers == {"store/minio_store.py", "store/minio_errors.py", "store/presigned_get.py", ADAPTER}


def private_sdk_uses(text: str) -> list[str]:
    """Private members of the SDK's client used in `text`: any private attribute of a `client`, or any private name
    that the Minio class or its instances define, whatever the object is called."""
    from minio import Minio

    instance = Minio("127.0.0.1:9", secure=False)
    names = {n for n in [*dir(Minio), *vars(instance)] if n.startswith("_") and not n.startswith("__")}
    alternatives = "|".join(sorted(map(re.escape, names)))
    pattern = re.compile(rf"\bclient\._[A-Za-z]\w*|\.(?:{alternatives})\b")
    return pattern.findall(text)


def test_only_the_adapter_uses_private_members_of_the_sdk():
    users = {name: found for name, text in modules().items() if (found := private_sdk_uses(text))}
    assert set(users) == {ADAPTER}, users  # the adapter's own use proves the check can see one


def test_nothing_outside_varlib_uses_private_members_of_the_sdk():
    """Tests, benchmarks, studies and scripts reach the SDK's privates through the adapter too (this file's own
    examples aside)."""
    project = VARLIB.parent
    users = {
        path.relative_to(project).as_posix(): found
        for folder in ("tests", "bench", "studies", "scripts")
        for path in (project / folder).rglob("*.py")
        if path != Path(__file__).resolve() and (found := private_sdk_uses(path.read_text()))
    }
    assert users == {}, users


def test_the_check_sees_private_sdk_members_in_any_spelling():
    """The adapter's own uses, its client named otherwise (no private member is written out in this file)."""
    adapter = modules()[ADAPTER]
    for spelling in ("self.client.", "minio_client.", "store.client."):
        assert private_sdk_uses(adapter.replace("client.", spelling)), spelling
    assert not private_sdk_uses("self._bucket_known = True")


def test_no_module_opens_raw_sockets():
    importers = {
        name
        for name, text in modules().items()
        if re.search(r"^\s*(import\s+([\w.]+\s*,\s*)*socket\b|from\s+socket\s+import)", text, re.M)
    }
    assert importers == set()


def test_no_module_unpickles_except_the_trusted_legacy_import():
    loaders = {
        p.relative_to(VARLIB).as_posix()
        for p in VARLIB.rglob("*.py")
        if re.search(r"pickle\.loads?\(|Unpickler\(", p.read_text())
    }
    assert loaders <= {"legacy.py"}
