"""The CLI as scripts use it: settings refused at start by name, an unknown model or a missing store an error
(not an empty answer on stdout), `serve` refusing a blank host, a proxy that is no address or closed reads
without a provider, output on a non-UTF-8 stdout degraded instead of a traceback, and Ctrl-C exiting 130 without
a half-told publish."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.integration.test_cli_arguments import run, store  # noqa: F401 (a fixture)
from tests.support.cli_runner import PROJECT, STORELESS_ENV
from varlib import InvalidInputError, Registry, Settings, cli
from varlib.cli import commands, serve
from varlib.identity import login_name


@pytest.mark.usefixtures("store")
@pytest.mark.parametrize("raw", ["inf", "1e23", "86401", "-inf", "nan"])
def test_a_store_timeout_past_a_day_or_not_finite_is_refused_at_start_by_name(raw, monkeypatch, capsys):
    with pytest.raises(InvalidInputError, match=f"VARLIB_STORE_TIMEOUT='{raw}' is not a number of seconds above 0"):
        Settings.from_env({"VARLIB_STORE_TIMEOUT": raw})
    monkeypatch.setenv("VARLIB_STORE_TIMEOUT", raw)
    code, out, err = run(capsys, "list", "--name", "var")
    assert code == 2 and out == "" and "at most 86400" in err
    assert Settings.from_env({"VARLIB_STORE_TIMEOUT": "86400"}).timeout_s == 86400  # a day is still taken


@pytest.mark.usefixtures("store")
def test_reindex_of_a_model_the_store_does_not_hold_is_an_error_naming_those_it_holds(capsys):
    code, out, err = run(capsys, "reindex", "--name", "nosuch")
    assert code == 1 and out == ""
    assert err.startswith("error: model 'nosuch' does not exist in ") and "its models: var" in err
    assert run(capsys, "reindex", "--name", "var")[0] == 0


def test_models_keeps_stdout_for_names_and_fails_on_a_missing_store(tmp_path, monkeypatch, capsys):
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "typo"))
    code, out, err = run(capsys, "models")
    assert code == 1 and out == "" and err.startswith("error: no models: the folder ") and "does not exist" in err
    code, out, err = run(capsys, "models", "--json")
    assert code == 1 and out == "" and "does not exist" in err  # no `[]` to read as "no models"
    (tmp_path / "typo" / "models").mkdir(parents=True)  # there but empty: nothing to list is no failure
    for argv, stdout in ((["models"], ""), (["models", "--json"], "[]")):
        code, out, err = run(capsys, *argv)
        assert code == 0 and out.strip() == stdout and err.startswith("note: no models in local folder")


@pytest.fixture
def served(monkeypatch, tmp_path):
    """`varlib serve` up to uvicorn, which only records what it was asked for (no port is bound)."""
    import uvicorn

    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    asked: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: asked.update(options))
    monkeypatch.setattr(serve, "check_port", lambda host, port: None)
    return asked


@pytest.mark.parametrize("host", ["", "  "])
def test_serve_refuses_a_blank_host(host, served, capsys):
    code, out, err = run(capsys, "serve", "--host", host)
    assert code == 2 and out == "" and not served
    assert (
        err
        == f"error: --host {host!r} is blank: give an address, e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (all)\n"
    )


def test_serve_refuses_a_trusted_proxy_that_is_no_address_or_network(served, capsys):
    code, _, err = run(capsys, "serve", "--trusted-proxies", "10.0.0.5,abc")
    assert code == 2 and not served
    assert err.startswith("error: --trusted-proxies entry 'abc' is not an IP address or network: use e.g. 10.0.0.5")
    assert run(capsys, "serve", "--trusted-proxies", " 10.0.0.5, 10.1.0.7/16,::1")[0] == 0
    assert served["forwarded_allow_ips"] == "10.0.0.5,10.1.0.0/16,::1" and served["proxy_headers"]
    assert run(capsys, "serve")[0] == 0 and served["forwarded_allow_ips"] is None and not served["proxy_headers"]


def test_a_log_format_variable_is_refused_by_its_name(served, monkeypatch, capsys):
    monkeypatch.setenv("VARLIB_LOG_FORMAT", "xml")
    code, _, err = run(capsys, "serve")
    assert code == 2 and not served
    assert err == "error: VARLIB_LOG_FORMAT='xml' is not a log format: use one of text, json\n"


def test_serve_refuses_closed_reads_without_a_provider_before_serving(served, monkeypatch, capsys):
    monkeypatch.delenv("VARLIB_OIDC_ISSUER", raising=False)
    monkeypatch.setenv("VARLIB_API_OPEN_READS", "0")
    code, out, err = run(capsys, "serve")
    assert code == 2 and out == "" and not served
    assert (
        err.startswith("error: VARLIB_API_OPEN_READS=0 makes REST reads need a signed-in viewer")
        and err.count("\n") == 1
    )


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_author_is_unset_as_an_empty_one_is(blank):
    assert Settings.from_env({"VARLIB_AUTHOR": blank}).author == login_name()


@pytest.mark.usefixtures("store")
def test_a_stdout_that_is_not_utf8_degrades_instead_of_a_traceback(tmp_path):
    env = {**STORELESS_ENV, "VARLIB_STORE_DIR": str(tmp_path / "store"), "PYTHONIOENCODING": "cp1252"}
    for argv in (["history", "--name", "var", "--limit", "3"], ["list", "--name", "var"]):
        done = subprocess.run(
            [sys.executable, "-m", "varlib", *argv], capture_output=True, env=env, cwd=PROJECT, timeout=60
        )
        assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr
        if argv[0] == "history":
            assert b"none ? 0.0.1" in done.stdout  # the arrow of `latest`, which cp1252 cannot hold, as `?`


@pytest.mark.usefixtures("store")
def test_an_interrupt_exits_130(monkeypatch, capsys):
    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setitem(cli.RUN, "list", interrupted)
    assert run(capsys, "list") == (130, "", "error: interrupted\n")  # 128 + SIGINT, as the shell reports it


def test_an_interrupt_during_trains_slow_checks_publishes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))

    def interrupted(result):
        raise KeyboardInterrupt

    monkeypatch.setattr(commands.varlib, "trained_advice", interrupted)
    code, out, err = run(capsys, "train", "--name", "var", "--lags", "2", "--publish", "--json")
    assert code == 130 and err.endswith("error: interrupted\n")
    # a script that retries must not publish the model twice: the interrupt came before the publish
    assert Registry.from_settings(Settings(store_dir=tmp_path / "store")).list_names() == []
