"""`varlib serve` on a port another program holds: one `error:` line and exit 1, before "serving ... on"."""

from __future__ import annotations

import socket

from tests.integration.test_cli import cli


def test_serve_on_a_port_in_use_says_so_in_one_line(tmp_path):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        result = cli({"VARLIB_STORE_DIR": str(tmp_path / "store")}, "serve", "--port", str(port), timeout=30)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"error: port {port} on 127.0.0.1 is in use; pick another with --port\n"
