"""`python -m varlib serve`: argument errors are one line and exit 2 (the serving itself is exercised by
the API tests, which start the service through this command)."""

import pytest

from varlib.cli import main


@pytest.mark.parametrize("args, named", [(["--port", "0"], "port 0"), (["--workers", "0"], "workers 0")])
def test_serve_refuses_bad_arguments_in_one_line(args, named, capsys):
    assert main(["serve", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and named in err and len(err.strip().splitlines()) == 1
