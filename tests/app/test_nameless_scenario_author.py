"""A scenario saved with a token that carried no name claim: the Forecast page's note and the report say its author
is known only by an id, and `scenario list` shows `id CiQw…`, as the alias notices and tables do
(varlib.Actor.known_as, in_a_cell), not the provider's opaque subject read as a name."""

from __future__ import annotations

from tests.app.conftest import open_app
from varlib import Actor, make_scenario
from varlib.cli import main

SUBJECT = "CiQwOGE4Njg0Yi1kYjg4LTRiNzMtOTBhOS0zY2QxNjYxZjU0NjYSBWxvY2Fs"
NAMELESS = Actor.from_claims({"sub": SUBJECT, "iss": "http://issuer.test"}, via="dashboard")
AS_ID = f"an account known only by its id {SUBJECT}"


def test_a_nameless_authors_scenario_says_it_is_known_by_an_id(seeded, tmp_path, capsys):
    artifact = seeded.load("var", "0.0.1")
    seeded.save_scenario(make_scenario(artifact, "dip", 4, conditions={"realgdp": [13000.0]}), NAMELESS)
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4, "scenario": "dip"})
    said = " ".join(i.value for i in at.info if "Saved scenario" in i.value)
    assert f"by **{AS_ID}**" in said
    assert main(["scenario", "list", "--name", "var", "0.0.1"]) == 0
    listed = capsys.readouterr().out
    assert "id CiQwOGE4Njg…" in listed and SUBJECT not in listed
    report = tmp_path / "report.html"
    assert main(["report", "--name", "var", "0.0.1", "--scenario", "dip", "--out", str(report)]) == 0
    assert f"Saved by {AS_ID} on " in report.read_text()
