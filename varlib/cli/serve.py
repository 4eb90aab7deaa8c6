"""`varlib serve`: the REST service under uvicorn, refused in one `error:` line when it cannot listen."""

from __future__ import annotations

import argparse
import errno
import socket

import varlib
from varlib import InvalidInputError, Settings, VarlibError


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn  # the service's dependency, not the CLI's

    if not 1 <= args.port <= 65535:
        raise InvalidInputError(f"port {args.port} must be from 1 to 65535", field="port", value=args.port)
    if not 1 <= args.workers <= 64:
        raise InvalidInputError(f"workers {args.workers} must be from 1 to 64", field="workers", value=args.workers)
    settings = Settings.from_env()  # a bad environment fails here in one line, not in every worker
    varlib.AuthSettings.from_env()  # so does a half-configured sign-in
    log_config = varlib.logging_config(args.log_format)  # else VARLIB_LOG_FORMAT
    check_port(args.host, args.port)  # before "serving ... on": uvicorn would say so in its log and exit 3
    print(
        f"serving {varlib.describe_store(settings)} on http://{args.host}:{args.port} (docs at /docs),"
        f" {args.workers} worker(s)"
    )
    uvicorn.run(
        "varlib.api:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=args.access_log,
        log_level="info",
        log_config=log_config,
    )
    return 0


def check_port(host: str, port: int) -> None:
    """Bind `host:port` as uvicorn will (its family rule, SO_REUSEADDR on, so a port left in TIME_WAIT by a
    stopped service is free) and let go; VarlibError (exit 1) when that is refused."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise VarlibError(f"port {port} on {host} is in use; pick another with --port") from None
        reason = exc.strerror or str(exc)
        raise VarlibError(f"cannot listen on {host} port {port}: {reason}; check --host and --port") from None
