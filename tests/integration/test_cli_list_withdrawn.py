"""`varlib list` printed `ok` in the status column of a withdrawn version, beside its reason in the `withdrawn`
column: the status says `withdrawn` now, as the Models page's does (`withdrawn: <reason>`), and a damaged version
withdrawn too still has its trouble said under the table."""

from __future__ import annotations

from tests.integration.test_damaged_listings import overwrite
from varlib.cli import main


def _listed(capsys, *flags: str) -> tuple[int, dict[str, list[str]], list[str]]:
    """The exit code, each of the two rows of the table by its version, split at its spaces (`cli_var_store`
    publishes no notes), and the lines under the table."""
    code = main(["list", "--name", "var", *flags])
    header, *lines = capsys.readouterr().out.splitlines()
    assert header.split()[:2] == ["version", "status"]
    return code, {line.split()[0]: line.split()[1:] for line in lines[:2]}, lines[2:]


def test_a_withdrawn_versions_status_says_withdrawn(cli_var_store, capsys):
    cli_var_store.withdraw("var", "0.0.1", "wrong data file")
    code, rows, under = _listed(capsys)
    assert code == 0 and rows["0.0.1"][0] == "withdrawn" and rows["0.0.1"][-3:] == ["wrong", "data", "file"]
    assert rows["0.0.2"][0] == "ok" and under == []  # not `0.0.1 ok` under the table either


def test_a_damaged_version_withdrawn_too_has_its_trouble_said_under_the_table(cli_var_store, capsys):
    cli_var_store.withdraw("var", "0.0.1", "wrong data file")
    overwrite(cli_var_store, "var/0_0_1/model.json", b'{"x":1}')
    code, rows, under = _listed(capsys, "--verify")  # the listing's cards say ok; the check reads the object
    assert code == 1 and rows["0.0.1"][0] == "withdrawn"
    assert under == ["0.0.1 not a varlib model (var/0_0_1/model.json): the 'format' field is missing or wrong"]
