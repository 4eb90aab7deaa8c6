"""Suite 4, races: 16 processes x 5 publishes: 80 distinct versions, all loadable, none overwritten."""

from __future__ import annotations

from tests.reliability.workers import FORK, publish_batch, read_lines
from tests.support.figures import record
from varlib import Registry
from varlib.versions import Version

PROCESSES = 16
PUBLISHES = 5


def test_sixteen_publishers_race(store_settings, macro_artifact, tmp_path):
    backend = "minio" if store_settings.uses_minio else "local"
    acks = tmp_path / "acks.jsonl"
    barrier = FORK.Barrier(PROCESSES)
    racers = [
        FORK.Process(target=publish_batch, args=(store_settings, macro_artifact, w, PUBLISHES, barrier, acks))
        for w in range(PROCESSES)
    ]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(240)
    assert [r.exitcode for r in racers] == [0] * PROCESSES

    total = PROCESSES * PUBLISHES
    registry = Registry.from_settings(store_settings)
    entries = registry.list_versions("var")
    assert [e.label for e in entries] == [f"0.0.{n}" for n in range(total, 0, -1)]
    assert all(e.ok for e in entries)
    acknowledged = {row["version"]: row["notes"] for row in read_lines(acks)}
    assert len(acknowledged) == total  # 80 acknowledgements, 80 different versions
    stored = {}
    for entry in entries:
        artifact = registry.load("var", entry.label, cached=False)
        stored[entry.label] = artifact.notes
    # each version holds exactly what its publisher was told it published: none overwritten
    assert stored == acknowledged
    assert sorted(stored.values()) == sorted(
        f"worker {w} publish {i}" for w in range(PROCESSES) for i in range(PUBLISHES)
    )
    assert registry.resolve("var", "latest") == Version(0, 0, total)
    record(
        "races",
        backend,
        processes=PROCESSES,
        publishes_each=PUBLISHES,
        requests_made=total,
        versions_checked=len(entries),
        distinct_versions=len(set(stored)),
        overwritten=sum(stored[v] != n for v, n in acknowledged.items()),
        data_lost=total - len(stored),
    )
