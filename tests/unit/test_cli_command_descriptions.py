"""Each command's own --help says what it does, in the words the list of commands shows for it: argparse shows a
subcommand's help only in that list, so `varlib history --help` never said the trail holds saved scenarios."""

from __future__ import annotations

from varlib.cli.parser import build_parser


def _commands(parser, path=()):
    """Every (sub)command parser under `parser`, with its path of command names."""
    for name, sub in parser.commands.choices.items() if parser.commands else ():
        yield (*path, name), sub
        yield from _commands(sub, (*path, name))


def test_every_command_help_opens_with_what_it_does():
    found = dict(_commands(build_parser()))
    assert {("history",), ("train",), ("alias", "set"), ("scenario", "save")} <= set(found)
    assert [path for path, sub in found.items() if not sub.description] == []
    assert "saved scenarios" in found[("history",)].format_help()
