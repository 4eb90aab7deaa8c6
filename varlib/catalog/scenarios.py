"""Saved scenarios in the store: one immutable, checksummed object per scenario, beside its version.

`<name>/_scenarios/<M_m_p>/<scenario>.json` is created once (create-if-absent): saving a name that
is taken is refused and nothing is overwritten, so a link to a scenario opens the same numbers while it is saved.
The folder is a helper folder (catalog.layout), so listings of versions never see it. Saving needs
write access to the store and, on the dashboard and the REST service, a role that may save scenarios
(varlib.roles); each save appends an audit record. An admin may delete one (`delete_scenario`, recorded as
`scenario.delete`): the one object the product ever deletes, as a scenario is no model and a wrong or damaged one
would otherwise keep its name taken for good; its name is then free again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

import orjson

from ..artifact import Artifact
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
from .scenario_cache import SavedScenarios
from .withdrawals import Withdrawal

MAX_SCENARIO_BYTES = 4 * 1024 * 1024  # 400 steps x 20 variables of conditions fit many times over
SCENARIO_CACHE = 4096


class ScenarioShelf:
    """Saved scenarios of one store (mixed into Registry)."""

    store: Store
    author: str

    def __init__(self) -> None:
        self._scenarios = SavedScenarios(SCENARIO_CACHE)  # served while the store holds them as read

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
                etag = self.store.create(key, _encode(saved))
        except ObjectExistsError as exc:
            raise ObjectExistsError(
                f"scenario {scenario.scenario!r} of {scenario.name} {scenario.version} already exists; saved"
                " scenarios never change: choose another name",
                key=key,
                field="scenario",
                value=scenario.scenario,
            ) from exc
        self._scenarios.put(key, etag, saved)
        then = f"`varlib reindex --name {scenario.name}` records it in the audit trail"
        with done_but(f"{named} is saved", "recording it in the audit trail", then, "scenario", scenario.scenario):
            self._record("scenario.save", scenario.name, actor, str(scenario.version), scenario=scenario.scenario)
        return saved

    def delete_scenario(self, name: str, version: str | Version, scenario: str, actor: Actor | None = None) -> Scenario:
        """Remove a saved scenario (`latest` and aliases resolved first), a damaged one too, and record
        `scenario.delete`; returns what was deleted (a damaged one: its name and why). NotFoundError naming the
        model, version and scenario when it is not saved. Allowed on a withdrawn version: deleting is clean-up,
        not a new use of it."""
        self.ensure_writable("deleting a scenario")
        concrete = self.resolve(check_name(name), version)
        label = check_scenario_name(scenario)
        actor = actor or Actor.local(self.author)
        key = scenario_key(name, concrete, label)
        self._scenarios.forget(key)  # read from the store: another process may have deleted it already
        try:
            deleted = self.scenario(name, concrete, label)  # NotFoundError: the refusal names the saved ones
        except CorruptArtifactError as exc:  # unreadable, foreign or oversized: deleting is what it needs
            deleted = Scenario(name, concrete, label, 0, 0.0, damaged=str(exc))
        named = f"scenario {label!r} of {name} {concrete}"
        look = (
            f"`varlib scenario list {concrete} --name {name}` shows whether it is still there; if so, delete it again"
        )
        try:
            with may_be_done(f"the deletion of {named}", look, "scenario", label):
                self.store.delete(key)
        except NotFoundError:  # deleted by someone else since it was read: this call deleted nothing
            raise NotFoundError(
                f"{name} {concrete} has no scenario {label!r}: it was deleted meanwhile",
                key=key,
                field="scenario",
                value=label,
            ) from None
        finally:
            self._scenarios.forget(key)
        # no repair can restore this record (the object that said who saved it is gone, and nothing says who
        # deleted it): a failure says so, where other changes point at `varlib reindex`
        then = (
            "note the deletion where the team keeps such notes: `varlib reindex` cannot restore its record, as"
            " nothing stored says who deleted it"
        )
        with done_but(f"{named} is deleted", "recording it in the audit trail", then, "scenario", label):
            self._record("scenario.delete", name, actor, str(concrete), scenario=label)
        return deleted

    def scenario(self, name: str, version: str | Version, scenario: str) -> Scenario:
        """One saved scenario (`latest` and aliases resolved first); NotFoundError naming the saved ones."""
        concrete = self.resolve(check_name(name), version)
        label = check_scenario_name(scenario)
        key = scenario_key(name, concrete, label)
        try:
            return self._open(name, concrete, label)
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

    def scenario_still_saved(self, name: str, version: Version, label: str, ask: bool = True) -> bool:
        """Whether a scenario this process keeps is still saved as it was read (catalog.scenario_cache); with
        `ask=False`, only whether the store confirmed it in the last second (no store call)."""
        key = scenario_key(name, version, label)
        if not ask:
            return self._scenarios.seen_lately(key)
        return self._scenarios.get(self.store, key) is not None

    def _open(self, name: str, version: Version, label: str, etag: str | None = None) -> Scenario:
        """The scenario at its key: the one kept while still saved as read (`etag`: as a listing gave it), else
        read from the store (NotFoundError when absent, CorruptArtifactError when it cannot be opened)."""
        key = scenario_key(name, version, label)
        hit = self._scenarios.get(self.store, key, etag)
        if hit is not None:
            return hit
        stored = self.store.get(key, MAX_SCENARIO_BYTES)
        found = _decode(stored.data, key, name, version, label)
        self._scenarios.put(key, stored.etag, found)
        return found

    def scenarios(self, name: str, version: str | Version) -> list[Scenario]:
        """Every saved scenario of a version, by name. A damaged object is listed too, as a scenario with only
        its name and `damaged` saying why (its name stays taken until an admin deletes it: `delete_scenario`);
        whoever opens scenarios skips those."""
        concrete = self.resolve(check_name(name), version)
        found = []
        for info in self.store.list(helper_prefix(name, f"{SCENARIO_FOLDER}/{concrete.key}")):
            label = info.key.rsplit("/", 1)[-1].removesuffix(".json")
            try:
                found.append(self._open(name, concrete, check_scenario_name(label), info.etag))
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
            f"scenario {label!r} of {name} {version} ({key}) cannot be opened: {why}; saved scenarios are never"
            f" overwritten: an admin can delete it (`varlib scenario delete {label} {version} --name {name}`), which"
            " frees its name, or restore the object from a backup; or save it again under another name",
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
