"""Saved scenarios in the store: one immutable, checksummed object per scenario, beside its version.

`<name>/_scenarios/<M_m_p>/<scenario>.json` is created once (create-if-absent): saving a name that
is taken is refused and nothing is overwritten, so a link to a scenario always opens the same numbers.
The folder is a helper folder (catalog.layout), so listings of versions never see it. Saving needs
write access to the store and, on the dashboard and the REST service, a role that may save scenarios
(varlib.roles); each save appends an audit record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

import orjson

from ..artifact import Artifact
from ..cache import BoundedCache
from ..errors import CorruptArtifactError, InvalidInputError, NotFoundError, ObjectExistsError, WithdrawnError
from ..identity import Actor
from ..plain_text import check_notes
from ..scenario import FORMAT, Scenario, check_new_scenario_name, check_scenario_name
from ..store import Store
from ..versions import Version, check_name, parse_key_version
from ..wording import and_list
from . import audit
from .cut_off import done_but, may_be_done
from .layout import SCENARIO_FOLDER, helper_prefix, scenario_key
from .withdrawals import Withdrawal

MAX_SCENARIO_BYTES = 4 * 1024 * 1024  # 400 steps x 20 variables of conditions fit many times over
SCENARIO_CACHE = 4096


class ScenarioShelf:
    """Saved scenarios of one store (mixed into Registry)."""

    store: Store
    author: str

    def __init__(self) -> None:
        self._scenarios: BoundedCache[Scenario] = BoundedCache(SCENARIO_CACHE)  # immutable records only

    # Implemented by Registry.
    def resolve(self, name: str, version: str | Version) -> Version:
        raise NotImplementedError

    def load(self, name: str, version: str | Version = "latest", *, cached: bool = True) -> Artifact:
        raise NotImplementedError

    def ensure_writable(self, action: str = "publishing") -> None:
        raise NotImplementedError

    def withdrawal(self, name: str, version: Version) -> Withdrawal | None:
        raise NotImplementedError  # Governance's

    def _record(
        self,
        action: str,
        name: str,
        actor: Actor,
        version: str | None,
        alias: str | None = None,
        previous: Version | None = None,
        reason: str = "",
        revision: int | None = None,
        scenario: str | None = None,
    ) -> None:
        raise NotImplementedError  # Governance's: one audit record

    def save_scenario(self, scenario: Scenario, actor: Actor | None = None) -> Scenario:
        """Store a scenario (varlib.scenario.make_scenario) once; ObjectExistsError if its name is taken."""
        self.ensure_writable("saving a scenario")
        # checked here, where REST, CLI and dashboard saves all pass; new lines and tabs lay notes out
        check_notes(scenario.notes)
        check_new_scenario_name(scenario.scenario)
        actor = actor or Actor.local(self.author)
        # the version must exist and verify, in the store: one deleted behind the product's back may still be cached
        self.load(scenario.name, scenario.version, cached=False)
        withdrawal = self.withdrawal(scenario.name, scenario.version)
        if withdrawal is not None:  # as an alias cannot point at it: a new link to it would be a new use
            raise WithdrawnError(
                f"{scenario.name} {scenario.version} was withdrawn ({withdrawal.reason}); a scenario cannot be saved"
                " on it: save it on a version in use (its saved scenarios still open)",
                field="version",
                value=str(scenario.version),
            )
        saved = replace(scenario, created_at=audit.now(), actor=actor)
        key = scenario_key(scenario.name, scenario.version, scenario.scenario)
        named = f"scenario {scenario.scenario!r} of {scenario.name} {scenario.version}"
        try:
            show = f"varlib scenario show {scenario.scenario} {scenario.version} --name {scenario.name}"
            look = f"open it (`{show}`); if it is not there, save it again"
            with may_be_done(named, look, "scenario", scenario.scenario):
                self.store.create(key, _encode(saved))
        except ObjectExistsError as exc:
            raise ObjectExistsError(
                f"scenario {scenario.scenario!r} of {scenario.name} {scenario.version} already exists; saved"
                " scenarios never change: choose another name",
                key=key,
                field="scenario",
                value=scenario.scenario,
            ) from exc
        self._scenarios.put(key, saved)
        then = f"`varlib reindex --name {scenario.name}` records it in the audit trail"
        with done_but(f"{named} is saved", "recording it in the audit trail", then, "scenario", scenario.scenario):
            self._record("scenario.save", scenario.name, actor, str(scenario.version), scenario=scenario.scenario)
        return saved

    def scenario(self, name: str, version: str | Version, scenario: str) -> Scenario:
        """One saved scenario (`latest` and aliases resolved first); NotFoundError naming the saved ones."""
        concrete = self.resolve(check_name(name), version)
        label = check_scenario_name(scenario)
        key = scenario_key(name, concrete, label)
        hit = self._scenarios.get(key)
        if hit is not None:
            return hit
        try:
            stored = self.store.get(key, MAX_SCENARIO_BYTES)
        except NotFoundError:
            listed = self.scenarios(name, concrete)
            saved = [s.scenario for s in listed if not s.damaged]
            damaged = [s.scenario for s in listed if s.damaged]
            also = f" (damaged: {', '.join(damaged)})" if damaged else ""
            elsewhere = self.versions_with_scenario(name, label)
            if elsewhere:  # a scenario belongs to one version: a newer one published since does not have it
                also += f"; {label!r} is saved on {name} {and_list(map(str, elsewhere))}: open it on that version"
            raise NotFoundError(
                f"{name} {concrete} has no scenario {label!r}; saved: {', '.join(saved) or 'none'}{also}",
                key=key,
                field="scenario",
                value=label,
            ) from None
        found = _decode(stored.data, key, name, concrete, label)
        self._scenarios.put(key, found)
        return found

    def scenarios(self, name: str, version: str | Version) -> list[Scenario]:
        """Every saved scenario of a version, by name. A damaged object is listed too, as a scenario with only
        its name and `damaged` saying why (its name stays taken: a save under it is refused); whoever opens
        scenarios skips those."""
        concrete = self.resolve(check_name(name), version)
        found = []
        for info in self.store.list(helper_prefix(name, f"{SCENARIO_FOLDER}/{concrete.key}")):
            label = info.key.rsplit("/", 1)[-1].removesuffix(".json")
            try:
                found.append(self.scenario(name, concrete, label))
            except CorruptArtifactError as exc:  # unreadable, foreign, or over MAX_SCENARIO_BYTES
                found.append(Scenario(name, concrete, label, 0, 0.0, damaged=str(exc)))
            except (NotFoundError, InvalidInputError):
                continue  # gone meanwhile, or a name outside the rule: no scenario can be saved or opened so
        return sorted(found, key=lambda item: item.scenario)

    def versions_with_scenario(self, name: str, label: str) -> list[Version]:
        """The versions of `name` that hold a scenario called `label`, newest first (one listing of them all)."""
        found = set()
        for info in self.store.list(helper_prefix(name, SCENARIO_FOLDER)):
            folder, _, file = info.key.rpartition("/")
            version = parse_key_version(folder.rsplit("/", 1)[-1])
            if file == f"{label}.json" and version is not None:
                found.add(version)
        return sorted(found, reverse=True)


def _encode(scenario: Scenario) -> bytes:
    body = scenario.stored_dict()
    body["checksum"] = "sha256:" + _digest(body)
    return orjson.dumps(body, option=orjson.OPT_SORT_KEYS)


def _decode(data: bytes, key: str, name: str, version: Version, label: str) -> Scenario:
    def damaged(why: str) -> CorruptArtifactError:
        return CorruptArtifactError(
            f"scenario {label!r} of {name} {version} ({key}) cannot be opened: {why}; its name stays taken, as saved"
            " scenarios are never overwritten: save it again under another name, or ask an admin to restore the"
            " object from a backup",
            key=key,
        )

    try:
        body = orjson.loads(data)
    except orjson.JSONDecodeError:
        raise damaged("it is not JSON") from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise damaged("it is not a saved scenario")
    claimed = body.pop("checksum", None)
    try:
        intact = claimed == "sha256:" + _digest(body)
    except (TypeError, ValueError):
        intact = False
    if not intact:
        raise damaged("its content does not match its checksum (changed since it was saved)")
    stored = (body.get("name"), body.get("version"), body.get("scenario"))
    if stored != (name, str(version), label):  # a copy moved to another key: it describes another scenario
        raise damaged(f"it is {stored[0]} {stored[1]}'s scenario {stored[2]!r}, copied or moved here")
    try:
        return Scenario.from_dict(body, version)
    except (AttributeError, KeyError, TypeError, ValueError, InvalidInputError):
        raise damaged("its fields are not a scenario's") from None


def _digest(body: dict) -> str:
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(text.encode()).hexdigest()
