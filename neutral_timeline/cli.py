"""The command line: parse arguments into a question, ask it once, print the answer. Nothing else.

Imports are lazy so that ``neutral-timeline today`` starts fast: the validated catalog comes
from a disk cache, and pydantic, pendulum and the HTTP stack load only for commands that use them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from neutral_timeline.errors import DataError, NeutralTimelineError

if TYPE_CHECKING:
    from datetime import date

    from neutral_timeline.catalog.model import Catalog
    from neutral_timeline.client import Client
    from neutral_timeline.local import Local
    from neutral_timeline.resolve.questions import Question
    from neutral_timeline.text import Lang

    Source = Local | Client

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_PORT = 0, 1, 2, 3


def _catalog(args: argparse.Namespace) -> Catalog:
    from neutral_timeline.catalog.store import load

    return load(Path(args.data) if args.data else None)


def _source(args: argparse.Namespace) -> Source:
    """Where answers come from, chosen once: a server (``--server``) or the local catalog."""
    if getattr(args, "server", None):
        from neutral_timeline.client import Client

        return Client(args.server)
    from neutral_timeline.local import Local

    return Local(_catalog(args))


def _lang(args: argparse.Namespace) -> Lang:
    from neutral_timeline.query import parse_lang

    return parse_lang(args.lang, "--lang")


def _date(value: str | None, flag: str) -> date | None:
    from neutral_timeline.query import parse_date

    return parse_date(value, flag) if value else None


def _show(args: argparse.Namespace, question: Question, fmt: str | None = None, **options: Any) -> int:
    """Ask ``question`` once and print the answer: the terminal view, or a format of the table
    (``--json``, ``--format``) to standard output or ``--output``."""
    lang = _lang(args)
    chosen = fmt or ("json" if getattr(args, "json", False) else getattr(args, "format", None) or "text")
    with _source(args) as source:
        if chosen == "text" and not getattr(args, "output", None):
            from neutral_timeline.render import terminal

            result = source.answer(question, lang)
            view = terminal.view(result, lang, details=options.get("details", False))
            terminal.console(no_color=bool(os.environ.get("NO_COLOR"))).print(view)
            return EXIT_OK
        from neutral_timeline.render.formats import RenderOptions

        indent = 2 if chosen == "json" else None
        body = source.rendered(question, chosen, lang, RenderOptions(indent=indent, **options))
    if getattr(args, "output", None):
        Path(args.output).write_bytes(body)
        print(f"{args.output}: {len(body)} bytes", file=sys.stderr)
    else:
        sys.stdout.buffer.write(body + (b"\n" if chosen == "json" else b""))
    return EXIT_OK


def cmd_today(args: argparse.Namespace) -> int:
    from neutral_timeline.resolve.questions import SituationQuestion

    # No --date: "today" in the region's zone, decided by the local source or by the server.
    question = SituationQuestion(_date(args.date, "--date"), args.election, args.region, _date(args.as_of, "--as-of"))
    return _show(args, question, details=args.details)


def cmd_elections(args: argparse.Namespace) -> int:
    from neutral_timeline.resolve.questions import ElectionsQuestion

    return _show(args, ElectionsQuestion())


def cmd_rules(args: argparse.Namespace) -> int:
    from neutral_timeline.resolve.questions import RulesQuestion

    return _show(args, RulesQuestion(args.election, args.tag))


def cmd_timeline(args: argparse.Namespace) -> int:
    from neutral_timeline.query import today_in
    from neutral_timeline.resolve.questions import TimelineQuestion

    question = TimelineQuestion(args.election, _date(args.as_of, "--as-of"))
    if args.svg:  # the picture's today marker: --date, else today in Asia/Jakarta
        args.output = args.svg
        return _show(args, question, "svg", today=_date(args.date, "--date") or today_in("Asia/Jakarta"))
    return _show(args, question)


def cmd_ics(args: argparse.Namespace) -> int:
    from neutral_timeline.query import parse_reminders
    from neutral_timeline.resolve.questions import FeedQuestion

    question = FeedQuestion(
        None if args.election == "all" else args.election,
        args.region,
        _date(args.as_of, "--as-of"),
        parse_reminders(args.reminders, "--reminders"),
        args.reminder_events,
    )
    return _show(args, question, "ics", public_url=args.base_url)


def cmd_regions(args: argparse.Namespace) -> int:
    from neutral_timeline.resolve.questions import RegionsQuestion

    return _show(args, RegionsQuestion(args.query, args.limit))


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


def _port_free(host: str, port: int) -> bool:
    """Whether ``host:port`` can be bound now (as uvicorn will, with SO_REUSEADDR)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from neutral_timeline.api.settings import ALLOWED_HOSTS_ENV, PUBLIC_URL_ENV, Settings, parse_hosts, parse_public_url
    from neutral_timeline.catalog.store import SNAPSHOT_ENV, bundled_calendars, load, serving_snapshot

    # Every absolute link comes from this origin, never from a request's Host (see api.settings).
    if args.public_url:
        public, where = args.public_url, "--public-url"
    else:
        public, where = os.environ.get(PUBLIC_URL_ENV) or "", PUBLIC_URL_ENV
    host = f"[{args.host}]" if ":" in args.host else args.host
    public = parse_public_url(public or f"http://{host}:{args.port}", where)
    hosts_text = args.allowed_hosts if args.allowed_hosts is not None else os.environ.get(ALLOWED_HOSTS_ENV, "")
    settings = Settings(public, parse_hosts(hosts_text, "--allowed-hosts"))
    root = Path(os.path.realpath(args.data)) if args.data else bundled_calendars()
    catalog = load(root)  # refuse invalid data before binding a port
    if not _port_free(args.host, args.port):
        print(f"error: port {args.port} is in use; choose another with --port", file=sys.stderr)
        return EXIT_PORT
    os.environ[SNAPSHOT_ENV] = str(serving_snapshot(catalog))  # every worker serves this one version
    os.environ[PUBLIC_URL_ENV] = settings.public_url  # the workers read their settings from here
    os.environ[ALLOWED_HOSTS_ENV] = ",".join(settings.hosts)
    url = settings.public_url
    print(
        f"neutral-timeline serving {len(catalog.elections)} elections and {len(catalog.rules)} rules from {root}\n"
        f"  home page   {url}/\n  API docs    {url}/docs\n  today       {url}/api/v1/today\n"
        f"  ICS feeds   {url}/api/v1/feeds\n  listening   http://{host}:{args.port} for hosts {', '.join(settings.hosts)}",
        flush=True,
    )
    proxies = [ip.strip() for ip in (args.forwarded_allow_ips or "").split(",") if ip.strip()]
    uvicorn.run(
        "neutral_timeline.api.app:create_service",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        # X-Forwarded-For/-Proto only from the proxies named; links never depend on them anyway.
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
    )
    return EXIT_OK


def _common(parser: argparse.ArgumentParser, json: bool = True) -> None:
    parser.add_argument("--lang", default="id", help="id (Bahasa Indonesia, default) or en")
    parser.add_argument("--data", metavar="DIR", help="a calendars/ folder (default: the bundled one)")
    parser.add_argument("--server", metavar="URL", help="ask a neutral-timeline server instead of local data")
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
    today.add_argument("--details", action="store_true", help="also show each rule's sanction")
    today.add_argument(
        "--region", help="a region code or name, e.g. 63.03 or 'Kabupaten Banjar': its time zone, its circulars"
    )
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
    timeline.add_argument("--svg", metavar="FILE", help="write the timeline as an SVG picture to FILE")
    timeline.add_argument("--date", help="the picture's today marker, YYYY-MM-DD (default: today in Asia/Jakarta)")
    _common(timeline)
    timeline.set_defaults(run=cmd_timeline)
    ics = sub.add_parser("ics", help="an ICS calendar feed of one election, or all")
    ics.add_argument("election", help="an election id, e.g. pilkada-2024, or all")
    ics.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    ics.add_argument("--lang", default="id", help="id (Bahasa Indonesia, default) or en")
    ics.add_argument(
        "--reminders", default="7d,1d", help="reminder days before each event (default 7d,1d; '' for none)"
    )
    ics.add_argument(
        "--reminder-events",
        dest="reminder_events",
        action="store_true",
        help="also add reminder events (for Google Calendar)",
    )
    ics.add_argument("--as-of", dest="as_of", help="use the schedule known on this date (YYYY-MM-DD)")
    ics.add_argument("--region", help="a region code or name: its circulars, participation and time zone")
    ics.add_argument("--base-url", dest="base_url", metavar="URL", help="where the feed is served, for SOURCE and URL")
    ics.add_argument("--data", metavar="DIR", help="a calendars/ folder (default: the bundled one)")
    ics.add_argument("--server", metavar="URL", help="fetch the feed from a neutral-timeline server instead")
    ics.set_defaults(run=cmd_ics)
    serve = sub.add_parser("serve", help="run the HTTP service (JSON API, ICS feeds, widget)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    serve.add_argument("--log-level", dest="log_level", default="info", help="uvicorn log level")
    serve.add_argument("--data", metavar="DIR", help="a calendars/ folder (default: the bundled one)")
    serve.add_argument(
        "--public-url",
        dest="public_url",
        metavar="URL",
        help="the origin every link is built from, e.g. https://netral.example.go.id "
        "(default: $NEUTRAL_TIMELINE_PUBLIC_URL, else http://HOST:PORT)",
    )
    serve.add_argument(
        "--allowed-hosts",
        dest="allowed_hosts",
        metavar="HOSTS",
        help="comma-separated Host header values answered, *.example.org allowed "
        "(default: $NEUTRAL_TIMELINE_ALLOWED_HOSTS, else the public URL's host, 127.0.0.1 and localhost)",
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        dest="forwarded_allow_ips",
        metavar="IPS",
        help="comma-separated proxy addresses whose X-Forwarded-* headers are trusted (default: none)",
    )
    serve.set_defaults(run=cmd_serve)
    regions = sub.add_parser("regions", help="find provinces, regencies and cities by name or code")
    regions.add_argument("query", help="a name or code, e.g. banjar, 'kab banjar', 63.03")
    regions.add_argument("--limit", type=int, default=10, help="at most this many (default 10)")
    _common(regions)
    regions.set_defaults(run=cmd_regions)
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
