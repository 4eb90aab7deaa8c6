"""Suite 8, secrets and TLS: no credential in the repo or in any message; TLS with a private CA works."""

from __future__ import annotations

import math
import re
import secrets
import string
import subprocess
import time
from collections import Counter

import pytest

from tests.reliability.conftest import PROJECT_DIR, assert_clean_failure, clean_env, run_cli
from tests.support.figures import record
from varlib import Registry
from varlib.config import Settings
from varlib.errors import AccessDeniedError, StoreUnavailableError
from varlib.service import forecast_version
from varlib.store import describe

# Built from pieces so that this file does not match its own patterns.
DEFAULT_CREDENTIAL = "minio" + "admin"
PATTERNS = {
    "MinIO default credential": re.compile(
        r"(?<![.\w])" + DEFAULT_CREDENTIAL + r"\b"
    ),  # not MinioAdmin, minio.minioadmin
    "AWS access key id": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "private key": re.compile("-----BEGIN [A-Z ]*PRIVATE " + "KEY-----"),
}
# A literal value given to a secret-looking name: KEY = "value", "KEY": "value" (code), or KEY: value and
# KEY=value as a whole line (env files, YAML). Attribute expressions such as `server.secret_key` are not literals.
ASSIGNED = re.compile(
    r"(?i)(secret|password|passwd|token|access[_-]?key)[A-Za-z_]*[\"']?\s*[:=]\s*"
    r"(?:[\"']([A-Za-z0-9/+_\-.]{16,})[\"']|([A-Za-z0-9/+_\-.]{16,})\s*$)"
)
DOC_SUFFIXES = (".md", ".rst", ".txt")


def _entropy(text: str) -> float:
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())


def _key_like(match: re.Match, line: str) -> bool:
    """Random-looking (letters and digits, high entropy) and not an ${interpolation}."""
    value = match.group(2) or match.group(3)
    return (
        "${" not in line
        and _entropy(value) >= 3.5
        and any(c.isdigit() for c in value)
        and any(c.isalpha() for c in value)
        and "." not in value.strip(".")
    )


def _repo_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return sorted({f for f in listed if (PROJECT_DIR / f).is_file()})


def test_no_credentials_in_the_repository():
    findings, scanned = [], 0
    for name in _repo_files():
        if name.startswith("docs/") or name.endswith(DOC_SUFFIXES):
            continue  # documentation may name the defaults in order to warn against them
        try:
            text = (PROJECT_DIR / name).read_text()
        except (UnicodeDecodeError, OSError):
            continue  # binary files
        scanned += 1
        for line_no, line in enumerate(text.splitlines(), 1):
            for label, pattern in PATTERNS.items():
                if pattern.search(line):
                    findings.append(f"{name}:{line_no}: {label}")
            for match in ASSIGNED.finditer(line):
                if _key_like(match, line):
                    findings.append(f"{name}:{line_no}: a literal, key-like value for {match.group(1)!r}")
    assert findings == [], "\n".join(findings)
    record("secrets", "repository scan", files_scanned=scanned, findings=len(findings))


def _generated_key() -> str:
    """A key-like value built at run time (a literal here would trip the repository scan). Fixed,
    not random: a random hex string falls under the entropy threshold now and then."""
    return "".join(string.ascii_letters[i * 7 % 52] + str(i % 10) for i in range(16))


def test_the_scan_would_catch_a_planted_credential():
    """The patterns are live: a key-like assignment and the MinIO default are both caught."""
    fake = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY"
    for line in (
        f'MINIO_SECRET_KEY = "{fake}"',
        f"  MINIO_SECRET_KEY: {fake}",
        f"MINIO_ROOT_PASSWORD={fake}",
        f'{{"secret_key": "{_generated_key()}"}}',
    ):
        assert any(_key_like(m, line) for m in ASSIGNED.finditer(line)), line
    for line in (
        "MINIO_SECRET_KEY: ${MINIO_ROOT_PASSWORD:?set it}",
        "secret_key=server.secret_key",
        'env = {"MINIO_SECRET_KEY": "wrong-secret-value"}',
        "access_key=minio.access_key,",
    ):
        assert not any(_key_like(m, line) for m in ASSIGNED.finditer(line)), line
    assert PATTERNS["MinIO default credential"].search(f"MINIO_ROOT_USER={DEFAULT_CREDENTIAL}")
    assert not PATTERNS["MinIO default credential"].search("from minio.minioadmin import MinioAdmin")


@pytest.mark.minio
def test_secrets_never_appear_in_errors_or_output(minio, macro_artifact, tmp_path, capsys, caplog):
    wrong = "S3cr3t-" + secrets.token_hex(12)
    checked = 0
    bad = Settings(minio_endpoint=minio.endpoint, access_key=minio.access_key, secret_key=wrong, bucket="models")
    assert wrong not in describe(bad) and wrong not in repr(bad) and wrong not in repr(bad.cache_key())
    for call in (lambda r: r.list_versions("var"), lambda r: r.publish(macro_artifact), lambda r: r.check()):
        with pytest.raises(AccessDeniedError) as caught:
            call(Registry.from_settings(bad))
        assert "refused the credentials" in str(caught.value) and wrong not in str(caught.value)
        assert wrong not in repr(caught.value.__cause__)  # the S3 error underneath neither
        checked += 1
    down = Settings(minio_endpoint="127.0.0.1:9", access_key="someone", secret_key=wrong, bucket="models", timeout_s=1)
    with pytest.raises(StoreUnavailableError) as caught:
        Registry.from_settings(down).list_versions("var")
    assert wrong not in str(caught.value)
    checked += 1
    env = clean_env(**{**minio.env("models"), "MINIO_SECRET_KEY": wrong})
    for args in (["forecast", "--json"],):
        run = run_cli(env, *args)
        assert_clean_failure(run, "MINIO_SECRET_KEY")
        assert wrong not in run.stdout + run.stderr
        checked += 1
    assert wrong not in caplog.text and wrong not in "".join(capsys.readouterr())
    record("secrets", "wrong secret and unreachable server", messages_checked=checked, secrets_found_in_messages=0)


@pytest.mark.minio
def test_tls_with_a_private_certificate_authority(tls_minio, macro_artifact):
    server, files = tls_minio
    settings = Settings(
        minio_endpoint=server.endpoint,
        minio_secure=True,
        ca_bundle=str(files.ca_cert),
        access_key=server.access_key,
        secret_key=server.secret_key,
        bucket="models",
    )
    assert describe(settings).startswith("MinIO https://")
    registry = Registry.from_settings(settings)
    published = registry.publish(macro_artifact)
    assert [e.label for e in registry.list_versions("var")] == [str(published.version)]
    assert forecast_version(registry, "var", "latest", steps=3, cached=False).steps == 3

    # the same from the environment, in a real process, both spellings of "use TLS"
    base = {**server.env("models"), "MINIO_CA_BUNDLE": str(files.ca_cert)}
    for env in ({**base, "MINIO_SECURE": "1"}, {**base, "MINIO_ENDPOINT": f"https://{server.endpoint}"}):
        run = run_cli(clean_env(**env), "list")
        assert run.returncode == 0 and str(published.version) in run.stdout, run.stderr

    # without the CA bundle the certificate is not trusted: a clear, fast refusal, no fallback to plain HTTP
    untrusted = Settings(
        minio_endpoint=server.endpoint,
        minio_secure=True,
        access_key=server.access_key,
        secret_key=server.secret_key,
        bucket="models",
    )
    started = time.monotonic()
    with pytest.raises(StoreUnavailableError) as caught:
        Registry.from_settings(untrusted).list_versions("var")
    seconds = time.monotonic() - started
    message = str(caught.value)
    assert server.endpoint in message and "certificate" in message.lower() and "MINIO_CA_BUNDLE" in message, message
    plain = Settings(
        minio_endpoint=server.endpoint, access_key=server.access_key, secret_key=server.secret_key, bucket="models"
    )
    with pytest.raises(StoreUnavailableError) as caught:
        Registry.from_settings(plain).list_versions("var")
    assert server.endpoint in str(caught.value)
    print("plain HTTP to a TLS server:", caught.value)
    record(
        "secrets",
        "TLS with a private CA (MINIO_SECURE=1, MINIO_CA_BUNDLE)",
        publishes=1,
        cli_runs=2,
        untrusted_refused_in_s=round(seconds, 3),
        plain_http_refused=1,
    )
