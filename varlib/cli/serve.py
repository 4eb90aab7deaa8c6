"""`varlib serve`: the REST service under uvicorn, refused in one `error:` line when it cannot listen."""

from __future__ import annotations

import argparse
import errno
import ipaddress
import logging
import sys

import varlib
from varlib import InvalidInputError, Settings, VarlibError, counted

EVERY_PROXY = (  # `*`, or a network of every address (0.0.0.0/0, ::/0), which uvicorn takes alike
    "--trusted-proxies '{}' believes X-Forwarded-For and X-Forwarded-Proto from every client, not only from a"
    " reverse proxy: any client can then forge the address the audit trail and the access log record for it;"
    " list the proxies' addresses instead (e.g. --trusted-proxies 10.0.0.5 or 10.0.0.0/24)"
)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn  # the service's dependency, not the CLI's

    if not args.host.strip():  # uvicorn would bind every interface for "", which README promises only for 0.0.0.0
        raise InvalidInputError(
            f"--host {args.host!r} is blank: give an address, e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (all)",
            field="host",
            value=args.host,
        )
    proxies = check_proxies(args.trusted_proxies)
    if not 1 <= args.port <= 65535:
        raise InvalidInputError(f"--port {args.port} must be from 1 to 65535", field="port", value=args.port)
    if not 1 <= args.workers <= 64:
        raise InvalidInputError(f"--workers {args.workers} must be from 1 to 64", field="workers", value=args.workers)
    settings = Settings.from_env()  # a bad environment fails here in one line, not in every worker
    varlib.AuthSettings.from_env()  # so does a half-configured sign-in
    log_config = varlib.logging_config(args.log_format)  # else VARLIB_LOG_FORMAT
    check_port(args.host, args.port)  # before "serving ... on": uvicorn would say so in its log and exit 3
    host = f"[{args.host}]" if ":" in args.host else args.host  # an IPv6 address is bracketed in a URL (RFC 3986)
    # accepted, as uvicorn takes it, but never without a word: it undoes what the option is for
    for every in (p for p in (proxies or "").split(",") if p == "*" or p.endswith("/0")):
        print(f"warning: {EVERY_PROXY.format(every)}", file=sys.stderr)
    print(
        f"serving {varlib.describe_store(settings)} on http://{host}:{args.port} (docs at /docs),"
        f" {counted(args.workers, 'worker')}"
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
        # uvicorn believes X-Forwarded-For from 127.0.0.1 by default: every local client could then choose the
        # address the audit trail records. Only proxies named here are believed.
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies,
    )
    return 0


def check_proxies(given: str | None) -> str | None:
    """--trusted-proxies as uvicorn should take it: every comma-separated entry an IP address or network, written
    as `ipaddress` writes it (10.0.0.7/24 is the network 10.0.0.0/24), or `*` alone (uvicorn's "trust every
    client"). Anything else is refused by name: uvicorn keeps it as a literal that never matches, without a word."""
    if not given or given.strip() == "*":
        return given.strip() if given else None
    trusted = []
    for entry in filter(None, (part.strip() for part in given.split(","))):
        try:
            trusted.append(
                str(ipaddress.ip_network(entry, strict=False) if "/" in entry else ipaddress.ip_address(entry))
            )
        except ValueError:
            raise InvalidInputError(
                f"--trusted-proxies entry {entry!r} is not an IP address or network:"
                " use e.g. 10.0.0.5 or 10.0.0.0/24, comma-separated",
                field="trusted_proxies",
                value=entry,
            ) from None
    return ",".join(trusted) or None


def check_port(host: str, port: int) -> None:
    """Bind `host:port` through uvicorn's own `Config.bind_socket` (its address family, SO_REUSEADDR, so a port
    left in TIME_WAIT by a stopped service is free) and let go; VarlibError (exit 1) when that is refused.
    uvicorn logs the refusal and exits 3, so its log record is caught here for the reason."""
    import uvicorn  # the service's dependency, not the CLI's

    log = logging.getLogger("uvicorn.error")
    caught = _Caught()
    propagates, log.propagate = log.propagate, False  # neither the refusal nor "running on" reaches stderr
    log.addHandler(caught)
    try:
        uvicorn.Config("varlib.api:create_app", host=host, port=port, log_config=None).bind_socket().close()
    except SystemExit:
        refused = caught.error
        if isinstance(refused, OSError) and refused.errno == errno.EADDRINUSE:
            raise VarlibError(f"port {port} on {host} is in use; pick another with --port") from None
        reason = getattr(refused, "strerror", None) or str(refused)
        raise VarlibError(f"cannot listen on {host} port {port}: {reason}; check --host and --port") from None
    finally:
        log.removeHandler(caught)
        log.propagate = propagates


class _Caught(logging.Handler):
    """Keeps what uvicorn logged as an error (the OSError of a refused bind)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.error: object = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.error = record.msg
