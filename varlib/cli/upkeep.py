"""The store's upkeep: `varlib reindex` (the card index, `latest` and the trail made whole again) and `varlib
import-legacy` (an original pickle converted into a safe version)."""

from __future__ import annotations

import argparse

import varlib
from varlib import counted

from .commands import registry_from_env
from .models import model_name, require_model
from .output import plain, print_json, to_stderr


def run_reindex(args: argparse.Namespace) -> int:
    registry = registry_from_env()
    name = model_name(registry, args.name)
    if args.name:  # an unknown name (or the wrong VARLIB_STORE_DIR) is an error, not "0 versions indexed"
        require_model(registry, name)
    done = registry.reindex(name, varlib.Actor.local(registry.author, via="cli"))  # a move of `latest` is recorded
    print(f"indexed the cards of {counted(done.indexed, 'version')} of {name!r} in {registry.description}")
    for entry in done.legacy:
        print(f"{name} {entry.label} not indexed: {entry.status}")
    for entry in done.damaged:
        to_stderr(f"error: {name} {entry.label} not indexed: {entry.status}")
    if done.moved_off is not None:
        where = f"to {done.latest}" if done.latest else "and no usable version is left for it"
        print(f"`latest` moved off {done.moved_off}, which does not load, {where}")
    for withdrawal in done.restored:  # the trail's record of it outlived the store's: `latest` stays off it
        why = plain(withdrawal.reason)  # stored text: a control character must not drive the terminal
        print(f"restored the withdrawal of {name} {withdrawal.version} from the audit trail ({why})")
    restored = registry.restore_trail(name)
    if restored:
        changes = ", ".join(" ".join(filter(None, (r.action, r.version, r.alias and f"@{r.alias}"))) for r in restored)
        print(
            f"restored {counted(len(restored), 'audit record')} of changes the trail lacked (cut off before their"
            f" record was written, or made by a varlib older than the audit trail): {changes}"
        )
    # 1 when a version is damaged though all else was done: a script must learn from the code that the store
    # holds a version that no longer loads (as `fsck` exits non-zero for what it could not fix). A legacy pickle
    # is no damage (never loaded here, kept after `import-legacy` converts it): named on stdout, code 0.
    return 1 if done.damaged else 0


def run_import_legacy(args: argparse.Namespace) -> int:
    done = varlib.import_legacy(registry_from_env(), args.version, args.name, trust=args.trust, bump=args.bump)
    if args.json:
        print_json(done.to_dict())
        return 0
    print(
        f"imported {done.source_key} (sha256 {done.source_sha256}) as {done.artifact.name}"
        f" {done.artifact.version}: VAR({done.artifact.k_ar}) on {', '.join(done.artifact.variables)};"
        f" forecasts match the pickle's to {done.max_relative_difference:.1e} relative; dates: {done.dates};"
        " the pickle is untouched"
    )
    return 0
