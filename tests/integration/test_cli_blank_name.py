"""`--name ""` (an unset shell variable in `--name "$MODEL"`) is a bad model name, exit 2 naming it, for every
command: never read as no name, which would act on the store's only model (a withdrawal and an alias move
included) or train under the data's name."""

from __future__ import annotations

import pytest

from varlib.cli import main

REFUSAL = "error: model name '' is not valid: use 1-63 lower-case letters"


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["show", "latest"],
        ["forecast", "0.0.1", "--steps", "2"],
        ["history"],
        ["alias", "set", "champion", "0.0.1"],
        ["withdraw", "0.0.2", "--reason", "x"],
        ["scenario", "list"],
        ["reindex"],
        ["train", "--lags", "1", "--holdout", "0"],
        ["train", "--csv", "-"],
        ["import-legacy", "0_0_1", "--trust"],
    ],
)
def test_a_blank_name_is_refused_and_changes_nothing(cli_var_store, capsys, argv):
    code = main([*argv, "--name", ""])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(REFUSAL) and err.count("\n") == 1
    assert cli_var_store.withdrawals("var") == {} and cli_var_store.aliases("var") == []
    assert [entry.label for entry in cli_var_store.list_versions("var")] == ["0.0.2", "0.0.1"]
