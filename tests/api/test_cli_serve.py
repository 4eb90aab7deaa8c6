"""`python -m varlib serve`: argument errors are one line and exit 2 (the serving itself is exercised by
the API tests, which start the service through this command)."""

import pytest

from varlib.cli import main


@pytest.mark.parametrize(
    "args, named", [(["--port", "0"], "error: --port 0 "), (["--workers", "0"], "error: --workers 0 ")]
)
def test_serve_refuses_bad_arguments_in_one_line(args, named, capsys):
    assert main(["serve", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and named in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "believed"), [([], (False, None)), (["--trusted-proxies", "10.0.0.5"], (True, "10.0.0.5"))]
)
def test_forwarded_addresses_are_believed_only_from_named_proxies(args, believed, monkeypatch, tmp_path):
    import uvicorn

    from varlib.cli import serve

    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    ran: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: ran.update(kw))
    monkeypatch.setattr(serve, "check_port", lambda host, port: None)
    assert main(["serve", "--port", "8123", *args]) == 0
    # uvicorn's own default believes X-Forwarded-For from 127.0.0.1, where the service listens by default
    assert (ran["proxy_headers"], ran["forwarded_allow_ips"]) == believed


@pytest.mark.parametrize(
    ("name", "raw", "rule"),
    [
        ("VARLIB_OIDC_LEEWAY_SECONDS", "abc", "from 0 to 300"),
        ("VARLIB_OIDC_LEEWAY_SECONDS", "3600", "from 0 to 300"),
        ("VARLIB_OIDC_JWKS_SECONDS", "5m", "from 1 to 86400"),
    ],
)
def test_a_bad_sign_in_setting_is_one_line_naming_it(name, raw, rule, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    monkeypatch.setenv("VARLIB_OIDC_ISSUER", "http://127.0.0.1:9/dex")
    monkeypatch.setenv("VARLIB_OIDC_AUDIENCE", "varlib-dashboard")
    monkeypatch.setenv(name, raw)
    assert main(["serve", "--port", "8123"]) != 0
    err = capsys.readouterr().err
    assert err.startswith("error: ") and f"{name}={raw!r}" in err and rule in err and "Traceback" not in err


@pytest.mark.parametrize(("host", "url"), [("::1", "http://[::1]:8123"), ("127.0.0.1", "http://127.0.0.1:8123")])
def test_the_start_up_line_gives_an_address_a_browser_takes(host, url, monkeypatch, tmp_path, capsys):
    import uvicorn

    from varlib.cli import serve

    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: None)
    monkeypatch.setattr(serve, "check_port", lambda host, port: None)
    assert main(["serve", "--host", host, "--port", "8123"]) == 0
    assert f" on {url} (docs at /docs)" in capsys.readouterr().out


def test_trusting_every_proxy_is_served_with_a_warning(monkeypatch, tmp_path, capsys):
    """`*` is uvicorn's "believe every client": kept, but said on stderr, with what to give instead."""
    import uvicorn

    from varlib.cli import serve

    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    ran: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: ran.update(kw))
    monkeypatch.setattr(serve, "check_port", lambda host, port: None)
    assert main(["serve", "--port", "8123", "--trusted-proxies", " * "]) == 0
    assert (ran["proxy_headers"], ran["forwarded_allow_ips"]) == (True, "*")
    out, err = capsys.readouterr()
    assert out.startswith("serving ") and "warning" not in out
    assert err.startswith("warning: --trusted-proxies '*' believes X-Forwarded-For") and err.count("\n") == 1
    assert "any client can then forge the address" in err and "list the proxies' addresses instead" in err
    assert main(["serve", "--port", "8123", "--trusted-proxies", "10.0.0.5"]) == 0
    assert capsys.readouterr().err == ""  # named proxies: nothing to warn of


@pytest.mark.parametrize(
    ("given", "said"), [("10.0.0.5, 0.0.0.0/0", "0.0.0.0/0"), ("::/0", "::/0"), ("1.2.3.4/0", "0.0.0.0/0")]
)
def test_a_network_of_every_address_gets_the_same_warning(given, said, monkeypatch, tmp_path, capsys):
    """0.0.0.0/0 believes every IPv4 client as `*` does (uvicorn matches networks): the same word on stderr."""
    import uvicorn

    from varlib.cli import serve

    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: None)
    monkeypatch.setattr(serve, "check_port", lambda host, port: None)
    assert main(["serve", "--port", "8123", "--trusted-proxies", given]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"warning: --trusted-proxies '{said}' believes X-Forwarded-For") and err.count("\n") == 1
