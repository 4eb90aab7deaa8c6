"""The package as users get it: a real (non-editable) install into a fresh environment, used from elsewhere.

The project is copied (bytecode and tests included, as in a used checkout), built into a wheel with
`pip wheel --no-build-isolation`, and that wheel is installed with `--no-deps` into a new virtual
environment. The dependencies come from this test environment through a `.pth` line, so nothing is
downloaded and the test stays fast; the new environment's own site-packages comes first, so `varlib`
can only come from the wheel.
"""

from __future__ import annotations

import compileall
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
# What a build never needs: version control, environments, tools, stores and build leftovers.
_NOT_COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".tools",
    "local-store",
    ".minio-data",
    "test-artifacts",
    ".hypothesis",
    ".pytest_cache",
    "build",
    "dist",
    "*.egg-info",
)
PROBE = "_packaging_probe.json"  # a data file added under varlib/: proves data files ship
SUBCOMMANDS = ("train", "list", "show", "forecast", "serve")


@dataclass(frozen=True)
class Installed:
    venv: Path
    wheel: Path
    workdir: Path  # an unrelated working directory, not the source tree

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    def run(self, *args: str | Path) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "VARLIB_", "PYTHON"))}
        result = subprocess.run(
            [str(a) for a in args], cwd=self.workdir, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, f"{args} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
        return result

    def python_prints(self, code: str) -> str:
        return self.run(self.python, "-c", code).stdout.strip()


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    source = tmp_path_factory.mktemp("source") / "project"
    shutil.copytree(PROJECT, source, ignore=_NOT_COPIED)
    compileall.compile_dir(source / "varlib", quiet=1)  # stray bytecode, as a used checkout has
    assert any((source / "varlib").rglob("*.pyc"))
    (source / "varlib" / PROBE).write_text("{}\n")

    venv = tmp_path_factory.mktemp("env") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    site = next((venv / "lib").glob("python3*/site-packages"))
    ours = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (site / "_test_dependencies.pth").write_text("".join(f"{path}\n" for path in ours))

    workdir = tmp_path_factory.mktemp("elsewhere")
    env = Installed(venv, Path(), workdir)
    dist = tmp_path_factory.mktemp("dist")
    pip = (env.python, "-m", "pip", "--disable-pip-version-check", "--no-input")
    env.run(*pip, "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index", "-w", dist, source)
    (wheel,) = dist.glob("varlib-*.whl")
    env.run(*pip, "install", "-q", "--no-deps", "--no-index", wheel)
    return Installed(venv, wheel, workdir)


def test_console_script_runs_the_cli(installed):
    result = installed.run(installed.venv / "bin" / "varlib", "--help")
    for command in SUBCOMMANDS:
        assert command in result.stdout, result.stdout


def test_varlib_imports_from_the_new_environment(installed):
    where = Path(installed.python_prints("import varlib; print(varlib.__file__)")).resolve()
    assert where.is_relative_to(installed.venv.resolve()), where
    assert "site-packages" in where.parts
    assert not where.is_relative_to(PROJECT), where


def test_bundled_macro_data_loads(installed):
    rows = int(installed.python_prints("import varlib; print(len(varlib.load_dataset().frame))"))
    assert rows > 100


def test_default_store_is_the_working_directorys_local_store(installed):
    store = Path(installed.python_prints("from varlib.config import Settings; print(Settings.from_env({}).store_dir)"))
    assert store == installed.workdir / "local-store"
    assert "site-packages" not in store.parts


def test_wheel_holds_the_package_and_its_data_only(installed):
    import varlib

    assert installed.wheel.name.startswith(f"varlib-{varlib.__version__}-")
    names = zipfile.ZipFile(installed.wheel).namelist()
    assert {name.split("/")[0] for name in names} == {"varlib", f"varlib-{varlib.__version__}.dist-info"}
    assert f"varlib/{PROBE}" in names
    assert (
        "varlib/cli/__init__.py" in names
        and "varlib/catalog/registry.py" in names
        and "varlib/store/__init__.py" in names
    )
    assert not [name for name in names if name.endswith((".pyc", ".pyo")) or "__pycache__" in name]
    tests = [name for name in names if "tests" in name.split("/") or Path(name).name.startswith(("test_", "conftest"))]
    assert not tests
    entry_points = zipfile.ZipFile(installed.wheel).read(f"varlib-{varlib.__version__}.dist-info/entry_points.txt")
    assert "varlib = varlib.cli:main" in entry_points.decode()
