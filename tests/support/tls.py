"""A throwaway certificate authority and a server certificate for 127.0.0.1, made with the openssl CLI."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TlsFiles:
    ca_cert: Path  # give this to clients (MINIO_CA_BUNDLE)
    certs_dir: Path  # give this to `minio server --certs-dir`: public.crt + private.key


def openssl_available() -> bool:
    return shutil.which("openssl") is not None


def make_certificates(folder: Path, host: str = "127.0.0.1") -> TlsFiles:
    """A CA, and a certificate for `host` (IP SAN) signed by it, laid out as MinIO expects."""
    folder.mkdir(parents=True, exist_ok=True)
    certs = folder / "certs"
    certs.mkdir(exist_ok=True)
    ca_key, ca_cert = folder / "ca.key", folder / "ca.crt"
    key, csr, cert = certs / "private.key", folder / "server.csr", certs / "public.crt"
    ext = folder / "server.ext"
    ext.write_text(
        f"subjectAltName=IP:{host}\nbasicConstraints=CA:FALSE\n"
        "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
    )
    _run(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        ca_key,
        "-out",
        ca_cert,
        "-days",
        "2",
        "-subj",
        "/CN=varlib test CA",
    )
    _run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", f"/CN={host}")
    _run(
        "x509",
        "-req",
        "-in",
        csr,
        "-CA",
        ca_cert,
        "-CAkey",
        ca_key,
        "-CAcreateserial",
        "-out",
        cert,
        "-days",
        "2",
        "-extfile",
        ext,
    )
    return TlsFiles(ca_cert, certs)


def _run(*args) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True, timeout=60)
