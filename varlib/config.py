"""Settings: the one place that reads the environment. Secrets never appear in a repr or a cache key."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .errors import InvalidInputError
from .identity import login_name
from .plain_text import check_plain

STORE_DIR_NAME = "local-store"  # under the working directory unless VARLIB_STORE_DIR says otherwise
DEFAULT_BUCKET = "models"
DEFAULT_MAX_ARTIFACT_BYTES = 16 * 1024 * 1024
_BUCKET_PATTERN = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")  # S3's bucket naming rules
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
YES_NO = "1 or 0 (also true/false, yes/no, on/off)"
READ_ONLY_SAID = "VARLIB_READ_ONLY is on"  # how a refusal names the setting: `=1` was wrong for `yes` or `true`
# A per-process key: cache keys carry an HMAC of the secret (so a rotated secret gets a new
# client) that is worthless outside this process.
_CACHE_KEY_SALT = secrets.token_bytes(16)
# The longest VARLIB_STORE_TIMEOUT: a day. Beyond it (or inf) the HTTP client's deadline overflows the
# platform's time_t and every MinIO request would crash instead of waiting.
MAX_TIMEOUT_S = 86400.0


def default_store_dir() -> Path:
    """`local-store/` in the current working directory (never inside the installed package)."""
    return Path.cwd() / STORE_DIR_NAME


@dataclass(frozen=True)
class Settings:
    """Where models live and how to reach them. Build with `Settings.from_env()`."""

    store_dir: Path = field(default_factory=default_store_dir)
    minio_endpoint: str | None = None  # host:port; set means "use MinIO"
    minio_secure: bool = False
    access_key: str | None = None
    secret_key: str | None = field(default=None, repr=False)
    bucket: str = DEFAULT_BUCKET
    ca_bundle: str | None = None
    read_only: bool = False
    author: str = "unknown"
    max_artifact_bytes: int = DEFAULT_MAX_ARTIFACT_BYTES
    timeout_s: float = 5.0
    refresh_s: int = 15  # how often an open dashboard page looks for new versions

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read VARLIB_* and MINIO_* variables; MINIO_ENDPOINT selects MinIO over the local folder."""
        env = os.environ if env is None else env
        endpoint, secure = _parse_endpoint(
            given(env, "MINIO_ENDPOINT", "host:port", "the local store folder (VARLIB_STORE_DIR)"),
            yes_no_setting("MINIO_SECURE", env, False),
        )
        store_dir = given(env, "VARLIB_STORE_DIR", "a folder", f"{STORE_DIR_NAME}/ in the working directory")
        return cls(
            store_dir=Path(store_dir or default_store_dir()).expanduser().absolute(),
            minio_endpoint=endpoint,
            minio_secure=secure,
            access_key=env.get("MINIO_ACCESS_KEY") or None,  # empty keys are no keys (README): anonymous reads
            secret_key=env.get("MINIO_SECRET_KEY") or None,
            bucket=_parse_bucket(
                given(env, "MINIO_BUCKET", "a bucket name", f"the default bucket, {DEFAULT_BUCKET}") or DEFAULT_BUCKET
            ),
            ca_bundle=given(env, "MINIO_CA_BUNDLE", "a CA file", "the system's CAs"),
            read_only=yes_no_setting("VARLIB_READ_ONLY", env, False),
            author=_parse_author(env.get("VARLIB_AUTHOR", "")) or login_name(),
            max_artifact_bytes=whole_number_setting("VARLIB_MAX_ARTIFACT_BYTES", env, DEFAULT_MAX_ARTIFACT_BYTES),
            timeout_s=_parse_float("VARLIB_STORE_TIMEOUT", env, 5.0, MAX_TIMEOUT_S),
            refresh_s=whole_number_setting("VARLIB_REFRESH_SECONDS", env, 15),
        )

    @property
    def uses_minio(self) -> bool:
        return self.minio_endpoint is not None

    @property
    def anonymous(self) -> bool:
        """No credentials: MinIO requests go unsigned (a public-read bucket can still be browsed)."""
        return not (self.access_key and self.secret_key)

    def cache_key(self) -> tuple:
        """A hashable key for caches keyed by settings: every field, the secret only as a salted HMAC."""
        secret = self.secret_key or ""
        digest = hmac.new(_CACHE_KEY_SALT, secret.encode(), hashlib.sha256).hexdigest() if secret else ""
        return (
            str(self.store_dir),
            self.minio_endpoint,
            self.minio_secure,
            self.access_key,
            digest,
            self.bucket,
            self.ca_bundle,
            self.read_only,
            self.author,
            self.max_artifact_bytes,
            self.timeout_s,
            self.refresh_s,
        )


ENDPOINT_FORMS = "use host:port or https://host:port, e.g. 127.0.0.1:9100"


def given(env: Mapping[str, str], name: str, give: str, unset_means: str) -> str | None:
    """The value of `name` as set, or None when unset. Set but empty (or blank) is refused by name: in a script or a
    CI job an unset variable expanded into an empty one (`VARLIB_STORE_DIR=$DIR`) would otherwise pass for the
    default without a word, and a publish would go to the working directory's store. The one rule for every
    setting, except those README says are unset when empty (VARLIB_AUTHOR, the MinIO keys)."""
    raw = env.get(name)
    if raw is None:
        return None
    if not raw.strip():
        raise InvalidInputError(
            f"{name} is set but empty: give {give}, or unset it to use {unset_means}", field=name, value=raw
        )
    return raw


def _parse_endpoint(raw: str | None, secure: bool) -> tuple[str | None, bool]:
    if raw is None:
        return None, secure
    raw = raw.strip()
    if "://" in raw:
        parts = urlsplit(raw)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
            raise InvalidInputError(f"MINIO_ENDPOINT {raw!r} is not valid: {ENDPOINT_FORMS}")
        return parts.netloc, secure or parts.scheme == "https"
    if "/" in raw:
        raise InvalidInputError(f"MINIO_ENDPOINT {raw!r} is not valid: {ENDPOINT_FORMS}")
    return raw, secure


def _parse_bucket(raw: str) -> str:
    if not _BUCKET_PATTERN.fullmatch(raw) or ".." in raw:
        raise InvalidInputError(
            f"MINIO_BUCKET={raw!r} is not a valid bucket name: use 3-63 lower-case letters, digits, '.' or '-',"
            " starting and ending with a letter or digit (default 'models')"
        )
    return raw


def _parse_author(raw: str) -> str:
    """VARLIB_AUTHOR as it is recorded (in new versions and the audit trail, which the CLI, the dashboard and the
    service show): a newline in it would fake a line of `varlib history`, so a control character is refused."""

    hint = "set it to a plain name: it is recorded as the author of new versions and in the audit trail"
    checked = check_plain(raw, "VARLIB_AUTHOR has", "VARLIB_AUTHOR", hint=hint)
    return checked if checked.strip() else ""  # blank is unset, as empty is: the login name is recorded instead


def _parse_bool(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise InvalidInputError(f"{name}={raw!r} is not a yes/no value: use {YES_NO}", field=name, value=raw)


def yes_no_setting(name: str, env: Mapping[str, str], default: bool) -> bool:
    """A yes/no environment variable (1/0, true/false, yes/no, on/off), or `default` when unset; any other value,
    empty included, is refused by name, so a typo never flips a setting without a word."""
    raw = given(env, name, YES_NO, "its default, " + ("1" if default else "0"))
    return default if raw is None else _parse_bool(name, raw)


def whole_number_setting(
    name: str, env: Mapping[str, str], default: int, lowest: int = 1, highest: int | None = None
) -> int:
    """A whole-number environment variable from `lowest` to `highest` (no bound above when None), or `default` when
    unset; refused by name (empty too)."""
    raw = (given(env, name, "a whole number", f"its default, {default}") or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = lowest - 1
    if value < lowest or (highest is not None and value > highest):
        rule = (
            f"a whole number from {lowest} to {highest}"
            if highest is not None
            else "a positive whole number"
            if lowest == 1
            else f"a whole number of at least {lowest}"
        )
        raise InvalidInputError(f"{name}={raw!r} is not {rule}")
    return value


def _parse_float(name: str, env: Mapping[str, str], default: float, highest: float) -> float:
    """Seconds above 0 and at most `highest`: nan and inf are refused here by name, at start, not per request."""
    raw = given(env, name, "a number of seconds", f"its default, {default:g}")
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not 0 < value <= highest:  # False for nan and inf alike
        raise InvalidInputError(f"{name}={raw!r} is not a number of seconds above 0 and at most {highest:g}")
    return value
