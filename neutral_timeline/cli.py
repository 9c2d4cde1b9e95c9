"""The command line: parse arguments, ask the resolver, print with a renderer. Nothing else.

Imports are lazy so that ``neutral-timeline today`` starts fast: the validated catalog comes
from a disk cache, and pydantic, pendulum and the HTTP stack load only for commands that use them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from neutral_timeline.errors import DataError, NeutralTimelineError

if TYPE_CHECKING:
    from neutral_timeline.catalog.model import Catalog
    from neutral_timeline.text import Lang

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def _catalog(args: argparse.Namespace) -> Catalog:
    from neutral_timeline.catalog.store import load

    return load(Path(args.data) if args.data else None)


def _lang(args: argparse.Namespace) -> Lang:
    from neutral_timeline.query import parse_lang

    return parse_lang(args.lang, "--lang")


def _print(args: argparse.Namespace, value: Any, text: Callable[[], Any]) -> None:
    """``--json``: the JSON renderer; otherwise the rich renderable that ``text`` builds."""
    if args.json:
        from neutral_timeline.render.json import render

        sys.stdout.buffer.write(render(value, _lang(args)) + b"\n")
        return
    from neutral_timeline.render.terminal import console

    console(no_color=bool(os.environ.get("NO_COLOR"))).print(text())


def cmd_today(args: argparse.Namespace) -> int:
    from neutral_timeline.query import parse_date, today_in
    from neutral_timeline.resolve.situation import DEFAULT_ZONE, situation

    lang = _lang(args)
    day = parse_date(args.date, "--date") if args.date else today_in(DEFAULT_ZONE)
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else None
    catalog = _catalog(args)
    result = situation(catalog, day, args.election, as_of=as_of, zone=DEFAULT_ZONE)

    def text() -> Any:
        from neutral_timeline.render import terminal

        return terminal.situation(result, lang)

    _print(args, result, text)
    return EXIT_OK


def cmd_elections(args: argparse.Namespace) -> int:
    catalog = _catalog(args)
    lang = _lang(args)
    if args.json:
        from neutral_timeline.render.json import render
        from neutral_timeline.resolve.answer import Timeline
        from neutral_timeline.resolve.situation import timeline

        items = [timeline(catalog, e) for e in catalog.elections]
        sys.stdout.buffer.write(render(items, lang, list[Timeline]) + b"\n")
        return EXIT_OK
    from neutral_timeline.render import terminal

    _print(args, None, lambda: terminal.elections(catalog, lang))
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from neutral_timeline.catalog.files import TAGS
    from neutral_timeline.errors import unknown
    from neutral_timeline.resolve.index import governing_bases
    from neutral_timeline.resolve.situation import election

    catalog = _catalog(args)
    lang = _lang(args)
    found = election(catalog, args.election) if args.election else None
    if args.tag and args.tag not in TAGS:
        raise unknown("tag", args.tag, TAGS, where="--tag")
    ids = [
        rule.id
        for rule in catalog.rules.values()
        if (found is None or governing_bases(catalog, rule, found)) and (not args.tag or args.tag in rule.tags)
    ]
    if args.json:
        from neutral_timeline.catalog.model import Rule
        from neutral_timeline.render.json import render

        sys.stdout.buffer.write(render([catalog.rules[i] for i in ids], lang, list[Rule]) + b"\n")
        return EXIT_OK
    from neutral_timeline.render import terminal

    _print(args, None, lambda: terminal.rules_list(catalog, ids, lang))
    return EXIT_OK


def cmd_timeline(args: argparse.Namespace) -> int:
    from neutral_timeline.query import parse_date
    from neutral_timeline.resolve.situation import timeline

    lang = _lang(args)
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else None
    result = timeline(_catalog(args), args.election, as_of)

    def text() -> Any:
        from neutral_timeline.render import terminal

        return terminal.timeline(result, lang)

    _print(args, result, text)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from neutral_timeline.catalog.load import check
    from neutral_timeline.catalog.store import bundled_calendars

    root = Path(args.directory) if args.directory else bundled_calendars()
    problems = check(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {root}; nothing was loaded.", file=sys.stderr)
        return EXIT_DATA
    print(f"{root}: valid")
    return EXIT_OK


def _common(parser: argparse.ArgumentParser, json: bool = True) -> None:
    parser.add_argument("--lang", default="id", help="id (Bahasa Indonesia, default) or en")
    parser.add_argument("--data", metavar="DIR", help="a calendars/ folder (default: the bundled one)")
    if json:
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="neutral-timeline",
        description="Which election-neutrality rules bind Indonesian civil servants (ASN) on a date.",
    )
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    today = sub.add_parser("today", help="what applies today (or on --date)")
    today.add_argument("--date", help="YYYY-MM-DD (default: today in Asia/Jakarta)")
    today.add_argument("--election", help="an election id, e.g. pilkada-2024 (default: all in progress)")
    today.add_argument("--as-of", dest="as_of", help="use the schedule known on this date (YYYY-MM-DD)")
    _common(today)
    today.set_defaults(run=cmd_today)
    elections = sub.add_parser("elections", help="list the elections")
    _common(elections)
    elections.set_defaults(run=cmd_elections)
    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--election", help="only rules that govern this election")
    rules.add_argument("--tag", help="only rules with this activity tag, e.g. social-media")
    _common(rules)
    rules.set_defaults(run=cmd_rules)
    timeline = sub.add_parser("timeline", help="one election's phases and rule windows")
    timeline.add_argument("election", help="an election id, e.g. pilkada-2024")
    timeline.add_argument("--as-of", dest="as_of", help="use the schedule known on this date")
    _common(timeline)
    timeline.set_defaults(run=cmd_timeline)
    validate = sub.add_parser("validate", help="check a calendars/ folder; exit 1 on any problem")
    validate.add_argument("directory", nargs="?", help="default: the bundled calendars")
    validate.set_defaults(run=cmd_validate)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
        return code
    except DataError as exc:
        print(f"error: the calendars are invalid ({len(exc.problems)} problem(s)):", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_DATA
    except NeutralTimelineError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
