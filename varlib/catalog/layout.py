"""Where things live in a bucket: `<name>/<M_m_p>/model.json` per version, plus per-name helpers.

var/0_0_3/model.json        a published version (immutable)
var/0_0_1/model.pkl         a legacy pickle of the original service (listed, never loaded)
var/latest.json             a copy of the newest model.json (catalog.pointer)
var/_index/0_0_0.json       card index shard of versions 0.0.0-0.0.999 (catalog.index)
var/_aliases/champion.json  an alias: a named pointer moved by compare-and-swap (catalog.aliases)
var/_withdrawn/0_0_2.json   a withdrawal record, immutable (catalog.withdrawals)
var/_audit/20261129T081530.123456Z-3f9a1c2b.json   one audit record, immutable (catalog.audit)
var/_scenarios/0_0_3/rate-hold.json   a saved scenario of version 0.0.3, immutable (catalog.scenarios)

Every folder under `<name>/` whose name starts with `_` holds helpers, never versions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..versions import Version, parse_key_version

if TYPE_CHECKING:
    from ..store import Store

MODEL_FILE = "model.json"
LEGACY_FILE = "model.pkl"
POINTER_FILE = "latest.json"
INDEX_FOLDER = "_index"
HELPER_PREFIX = "_"  # `_index`, `_aliases`, `_withdrawn`, `_audit`, `_scenarios` and any later helper folder
ALIAS_FOLDER = "_aliases"
WITHDRAWN_FOLDER = "_withdrawn"
AUDIT_FOLDER = "_audit"
SCENARIO_FOLDER = "_scenarios"


def model_key(name: str, version: Version) -> str:
    """The key of a version's artifact, e.g. `var/0_0_3/model.json`."""
    return f"{name}/{version.key}/{MODEL_FILE}"


def legacy_key(name: str, version: Version) -> str:
    return f"{name}/{version.key}/{LEGACY_FILE}"


def pointer_key(name: str) -> str:
    return f"{name}/{POINTER_FILE}"


def index_prefix(name: str) -> str:
    return f"{name}/{INDEX_FOLDER}/"


def is_helper_folder(folder: str) -> bool:
    """A folder of helpers under `<name>/` (never listed as a version, never a stray)."""
    return folder.startswith(HELPER_PREFIX)


def alias_key(name: str, alias: str) -> str:
    return f"{name}/{ALIAS_FOLDER}/{alias}.json"


def withdrawal_key(name: str, version: Version) -> str:
    return f"{name}/{WITHDRAWN_FOLDER}/{version.key}.json"


def scenario_key(name: str, version: Version, scenario: str) -> str:
    return f"{name}/{SCENARIO_FOLDER}/{version.key}/{scenario}.json"


def helper_prefix(name: str, folder: str) -> str:
    return f"{name}/{folder}/"


@dataclass(frozen=True, slots=True)
class KeyRole:
    """What a listed key under `<name>/` is: "model", "legacy", "helper" (pointer, index) or "stray"."""

    role: str
    version: Version | None


def classify_key(name: str, key: str) -> KeyRole:
    """The role of `key` in the layout of model `name`."""
    parts = key.split("/")
    if (len(parts) == 2 and parts[1] == POINTER_FILE) or (len(parts) > 2 and is_helper_folder(parts[1])):
        return KeyRole("helper", None)
    version = parse_key_version(parts[1]) if len(parts) == 3 else None
    if version is not None and parts[2] == MODEL_FILE:
        return KeyRole("model", version)
    if version is not None and parts[2] == LEGACY_FILE:
        return KeyRole("legacy", version)
    return KeyRole("stray", version)


def is_model_key(key: str) -> bool:
    return key.endswith("/" + MODEL_FILE) and key.count("/") == 2


def listed_etag(store: Store, key: str) -> str | None:
    """The ETag of the object at `key` as its folder lists it (None if it is gone): for an object too large to
    read, which a compare-and-swap must still be able to replace."""
    folder = key.rsplit("/", 1)[0] + "/"
    return next((info.etag for info in store.children(folder)[1] if info.key == key), None)
