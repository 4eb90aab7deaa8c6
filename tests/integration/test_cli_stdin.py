"""Standard input as the CLI's CSVs: `--lags-csv -`, `--exog-csv -` and `--conditions-csv -` read it as `--csv -`
does (a forecast equal to the file's, messages naming standard input, never a file called `-`), two options given
`-` in one command refused before either is read, empty standard input refused; and a store that does not exist
answering `models --json` and `list --json` alike: nothing on stdout, exit 1."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys

import pytest

from tests.integration.test_cli_arguments import run
from tests.support.cli_runner import PROJECT, STORELESS_ENV
from varlib import ModelSpec, Registry, Settings, load_dataset, publish_result, train_model

EXOG = "step,realint\n1,1.0\n2,1.5\n3,2.0\n4,2.0\n"
CONDITIONS = "date,realgdp\n2010-01-01,12900.0\n2010-07-01,13000.0\n"
LAGS = "realgdp,realcons\n12800.0,9100.0\n12850.0,9150.0\n12900.0,9200.0\n"  # one row more than it needs, no dates
FILES = {"--lags-csv": LAGS, "--exog-csv": EXOG, "--conditions-csv": CONDITIONS}
WHAT = {"--lags-csv": "lag inputs", "--exog-csv": "exogenous values", "--conditions-csv": "conditions"}


@pytest.fixture(scope="module")
def varx_result():
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    return train_model(dataset, ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2))


@pytest.fixture
def varx(tmp_path, monkeypatch, varx_result):
    """A local store holding the VARX `varx` 0.0.1, the CLI pointed at it, and the three CSVs as files."""
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    publish_result(Registry.from_settings(Settings(store_dir=tmp_path / "store")), varx_result, "varx")
    for option, text in FILES.items():
        (tmp_path / f"{option[2:]}.csv").write_text(text)
    return tmp_path


def _stdin(monkeypatch, text: str | bytes) -> io.TextIOWrapper:
    stream = io.TextIOWrapper(io.BytesIO(text.encode() if isinstance(text, str) else text))
    monkeypatch.setattr(sys, "stdin", stream)
    return stream


def _files(where, option: str | None) -> list[str]:
    """The three CSV options, each naming its file, but for `option`, given as `-`."""
    return [word for each in FILES for word in (each, "-" if each == option else str(where / f"{each[2:]}.csv"))]


def _forecast(where, option: str | None) -> list[str]:
    """`forecast` of varx with all three CSVs as files, but for `option`, given as `-`."""
    return ["forecast", "--name", "varx", "0.0.1", "--steps", "4", "--json", *_files(where, option)]


@pytest.mark.parametrize("option", list(FILES))
def test_each_csv_option_reads_standard_input_as_its_file(option, varx, monkeypatch, capsys):
    code, from_files, said = run(capsys, *_forecast(varx, None))
    assert code == 0, said
    _stdin(monkeypatch, FILES[option])
    code, piped, err = run(capsys, *_forecast(varx, option))
    assert code == 0, err
    assert json.loads(piped) == json.loads(from_files)
    if option == "--lags-csv":  # its notes name where the rows came from
        assert "note: standard input has 3 rows; the forecast starts from its last 2\n" in err
        assert "note: standard input has no dates" in err
    assert "note: - " not in err and "'-'" not in err


@pytest.mark.parametrize("option", list(FILES))
def test_a_bad_csv_on_standard_input_is_named_as_standard_input(option, varx, monkeypatch, capsys):
    _stdin(monkeypatch, gzip.compress(FILES[option].encode()))  # `cat file.csv.gz |`, not `zcat`
    assert run(capsys, *_forecast(varx, option)) == (
        2,
        "",
        "error: 'standard input' is compressed (gzip), not a CSV: decompress it and give the CSV inside\n",
    )


def test_lag_inputs_on_standard_input_without_the_model_s_columns_name_it(varx, monkeypatch, capsys):
    _stdin(monkeypatch, "price,volume\n1,2\n3,4\n")
    code, out, err = run(capsys, *_forecast(varx, "--lags-csv"))
    assert (code, out) == (2, "")
    assert err.startswith("error: CSV 'standard input' lacks the columns realgdp, realcons; it needs a header with")


@pytest.mark.parametrize(
    "given",
    [
        ["--lags-csv", "--exog-csv"],
        ["--exog-csv", "--conditions-csv"],
        ["--lags-csv", "--exog-csv", "--conditions-csv"],
    ],
)
@pytest.mark.parametrize("command", [["forecast"], ["scenario", "save", "dip"]])
def test_two_options_given_a_dash_are_refused_naming_them_before_either_reads(
    given, command, varx, monkeypatch, capsys
):
    stream = _stdin(monkeypatch, EXOG)
    argv = [*command, "--name", "varx", "--steps", "4"]
    for option in FILES:
        argv += [option, "-" if option in given else str(varx / f"{option[2:]}.csv")]
    named = f"{given[0]} and {given[1]}" if len(given) == 2 else f"{given[0]}, {given[1]} and {given[2]}"
    assert run(capsys, *argv) == (
        2,
        "",
        f"error: {named} are each given - (standard input), which only one option can read: give the others a file"
        " path (`<(...)` for another command's output)\n",
    )
    assert stream.buffer.tell() == 0  # nothing was read
    assert run(capsys, "scenario", "list", "--name", "varx", "--json")[1] == "[]\n"  # nothing saved


@pytest.mark.parametrize("text", ["", "\n \n"])
@pytest.mark.parametrize("option", list(FILES))
def test_empty_standard_input_is_refused_saying_what_to_pipe_in(text, option, varx, monkeypatch, capsys):
    _stdin(monkeypatch, text)
    assert run(capsys, *_forecast(varx, option)) == (
        2,
        "",
        f"error: standard input (-) is empty: pipe or redirect the {WHAT[option]} into it (`< file.csv`), or give"
        " the file's path in place of -\n",
    )


def test_train_csv_dash_on_empty_standard_input_is_refused_as_the_others_are(varx, monkeypatch, capsys):
    _stdin(monkeypatch, "")
    code, out, err = run(capsys, "train", "--csv", "-", "--name", "piped", "--publish")
    assert (code, out) == (2, "") and err.startswith("error: standard input (-) is empty: pipe or redirect the CSV")


def test_a_scenario_saved_from_standard_input_holds_the_file(varx, monkeypatch, capsys):
    _stdin(monkeypatch, CONDITIONS)
    argv = ["scenario", "save", "dip", "0.0.1", "--name", "varx", "--steps", "4", *_files(varx, "--conditions-csv")]
    assert run(capsys, *argv)[0] == 0
    code, saved, err = run(capsys, "forecast", "--name", "varx", "0.0.1", "--scenario", "dip", "--json")
    assert code == 0, err
    from_files = json.loads(run(capsys, *_forecast(varx, None))[1])
    assert (
        json.loads(saved)["mean"] == from_files["mean"] and json.loads(saved)["conditions"] == from_files["conditions"]
    )


def test_a_real_pipe_reads_as_a_file(varx):
    """The shell's `< lags.csv`, through a process of its own."""
    env = {**STORELESS_ENV, "VARLIB_STORE_DIR": str(varx / "store")}
    argv = [sys.executable, "-m", "varlib", "forecast", "--name", "varx", "0.0.1", "--steps", "4", "--json"]
    argv += ["--exog-csv", "-", "--conditions-csv", str(varx / "conditions-csv.csv")]
    piped = subprocess.run(argv, input=EXOG, capture_output=True, text=True, env=env, cwd=PROJECT, timeout=120)
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["exog"] == {"realint": [1.0, 1.5, 2.0, 2.0]}


@pytest.mark.parametrize("argv", [["models", "--json"], ["list", "--json"], ["list", "--name", "var", "--json"]])
def test_a_store_that_does_not_exist_prints_no_json_and_exits_1(argv, tmp_path):
    """`[]` with exit 1 would read as "no models" to a script that reads stdout: a failure prints nothing there,
    for `models` as for `list`, and says why on stderr."""
    env = {**STORELESS_ENV, "VARLIB_STORE_DIR": str(tmp_path / "typo")}
    done = subprocess.run(
        [sys.executable, "-m", "varlib", *argv], capture_output=True, text=True, env=env, cwd=PROJECT, timeout=120
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith("error: ") and "does not exist" in done.stderr and done.stderr.count("\n") == 1
    assert not (tmp_path / "typo").exists()
