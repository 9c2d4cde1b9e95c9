"""The command line: parse arguments into a question, ask it once, print the answer. Nothing else.

Imports are lazy so that ``neutral-timeline today`` starts fast: the validated catalog comes
from a disk cache, and pydantic, pendulum and the HTTP stack load only for commands that use them.

Help, argparse's own words and errors are in the language of ``--lang`` wherever it stands on
the command line (Indonesian by default), from the gettext catalogs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from neutral_timeline.errors import DataError, NeutralTimelineError, Problem, QueryError
from neutral_timeline.i18n import N_, NP_, gettext, ngettext, say

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

    return parse_date(value, flag) if value is not None else None


def _show(
    args: argparse.Namespace, question: Question, fmt: str | None = None, answered: Any = None, **options: Any
) -> int:
    """Ask ``question`` once (unless ``answered`` is its answer already) and print the answer: the
    terminal view, or a format of the table (``--json``, ``--format``) to standard output or ``--output``."""
    lang = _lang(args)
    chosen = fmt or ("json" if getattr(args, "json", False) else getattr(args, "format", None) or "text")
    with _source(args) as source:
        if chosen == "text" and not getattr(args, "output", None):
            from neutral_timeline.render import terminal, views

            result = answered if answered is not None else source.answer(question, lang)
            view = views.view(result, lang, details=options.get("details", False))
            terminal.console(no_color=bool(os.environ.get("NO_COLOR"))).print(view, crop=False)
            return EXIT_OK
        from neutral_timeline.render.formats import RenderOptions

        indent = 2 if chosen == "json" else None
        body = source.rendered(question, chosen, lang, RenderOptions(indent=indent, **options))
    if getattr(args, "output", None):
        _write(Path(args.output), body, "--svg" if fmt == "svg" else "--output")
        print(
            say(NP_("{path}: {n} byte", "{path}: {n} bytes", "n"), lang, path=args.output, n=len(body)), file=sys.stderr
        )
    else:
        sys.stdout.buffer.write(body + (b"\n" if chosen == "json" else b""))
    return EXIT_OK


def _write(path: Path, body: bytes, where: str) -> None:
    """Write ``body`` to ``path``, or a QueryError naming the option and why the file cannot be written."""
    try:
        path.write_bytes(body)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        problem = Problem.say(
            where,
            N_("cannot write '{path}': {reason}"),
            N_("a file path in an existing folder"),
            path=path,
            reason=reason,
        )
        raise QueryError([problem]) from None


def cmd_today(args: argparse.Namespace) -> int:
    from neutral_timeline.resolve.questions import SituationQuestion

    # No --date: "today" in the region's zone, decided by the local source or by the server.
    question = SituationQuestion(_date(args.date, "--date"), args.election, args.region, _date(args.as_of, "--as-of"))
    return _show(args, question, details=args.details)


def cmd_check(args: argparse.Namespace) -> int:
    from neutral_timeline.resolve.questions import CheckQuestion

    # "Bolehkah saya ...?": the words as typed (one or several arguments), on --date or today.
    text = " ".join(" ".join(args.text).split())
    question = CheckQuestion(text, _date(args.date, "--date"), args.election, args.region)
    return _show(args, question)


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
        args.phases,
    )
    return _show(args, question, "ics", public_url=args.base_url)


def cmd_regions(args: argparse.Namespace) -> int:
    from neutral_timeline.errors import NotFoundError
    from neutral_timeline.resolve.questions import RegionsQuestion

    question = RegionsQuestion(args.query, args.limit)
    with _source(args) as source:
        found = source.answer(question, _lang(args))
    if not found:  # refused like every name that is not found, not an empty table
        problem = Problem.say(
            "QUERY",
            N_("no province, regency or city matches '{value}'"),
            N_("a name or code, e.g. banjar, 'kab banjar', 63.03"),
            N_("try part of a name (e.g. pinang), or a province code such as 19 to list its regencies and cities"),
            value=args.query,
        )
        raise NotFoundError([problem])
    return _show(args, question, answered=found)


def cmd_validate(args: argparse.Namespace) -> int:
    from neutral_timeline.catalog.load import check
    from neutral_timeline.catalog.store import bundled_calendars

    lang = _lang(args)
    if args.directory and args.data_dir and Path(args.directory) != Path(args.data_dir):
        raise QueryError(
            [
                Problem.say(
                    "--data", N_("two folders given: '{a}' and '{b}'"), N_("one"), a=args.directory, b=args.data_dir
                )
            ]
        )
    chosen = args.data_dir or args.directory
    root = Path(chosen) if chosen else bundled_calendars()
    problems = check(root)
    for problem in problems:
        print(problem, file=sys.stderr)  # data errors are for maintainers: English
    if problems:
        many = NP_("{n} problem in {root}; nothing was loaded.", "{n} problems in {root}; nothing was loaded.", "n")
        print(say(many, lang, n=len(problems), root=root), file=sys.stderr)
        return EXIT_DATA
    print(say(N_("{root}: valid"), lang, root=root))
    stale = _stamp_warning(root)
    if stale is not None:
        print(say(N_("Warning: {problem}"), lang, problem=stale), file=sys.stderr)
    return EXIT_OK


def _stamp_warning(root: Path) -> Problem | None:
    """What is wrong with a valid folder's revision.toml (stale or absent: no Last-Modified is sent)."""
    from neutral_timeline.catalog import revision
    from neutral_timeline.catalog.folder import read_folder
    from neutral_timeline.catalog.load import read_stamp

    folder = read_folder(root)
    return revision.warning(read_stamp(folder)[0], folder)


def cmd_revise(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from neutral_timeline.catalog.revise import revise
    from neutral_timeline.catalog.store import bundled_calendars

    lang = _lang(args)
    root = Path(args.calendars) if args.calendars else bundled_calendars()
    try:
        written, revised = revise(root, datetime.now(UTC))  # the one clock read: when the data changed
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        n = len(exc.problems)
        many = NP_("{n} problem in {root}; nothing was stamped.", "{n} problems in {root}; nothing was stamped.", "n")
        print(say(many, lang, n=n, root=root), file=sys.stderr)
        return EXIT_DATA
    stamp = revised.strftime("%Y-%m-%dT%H:%M:%SZ")
    if written:
        print(say(N_("{root}/revision.toml: revised {stamp} (the data's Last-Modified)"), lang, root=root, stamp=stamp))
    else:
        done = N_("{root}/revision.toml is current (revised {stamp}); nothing written")
        print(say(done, lang, root=root, stamp=stamp))
    return EXIT_OK


def _public_url(flag: str | None, default: str, default_where: str) -> str:
    """The origin every absolute link starts with: ``--public-url``, else $NEUTRAL_TIMELINE_PUBLIC_URL, else
    ``default``; a bad one is a QueryError naming where it came from (see api.settings)."""
    from neutral_timeline.api.settings import PUBLIC_URL_ENV, parse_public_url

    if flag:
        return parse_public_url(flag, "--public-url")
    if os.environ.get(PUBLIC_URL_ENV):
        return parse_public_url(os.environ[PUBLIC_URL_ENV], PUBLIC_URL_ENV)
    return parse_public_url(default, default_where)


def cmd_export(args: argparse.Namespace) -> int:
    from neutral_timeline import export
    from neutral_timeline.api.settings import DEFAULT_PUBLIC_URL

    lang = _lang(args)
    presets = export.parse_presets(args.presets)
    public = _public_url(args.public_url, DEFAULT_PUBLIC_URL, "--public-url")
    options = export.Options(public, presets, gzip_only=args.gzip_only)
    root = Path(args.directory)
    export.previous_manifest(root)  # refuse a wrong DIR before loading anything
    report = export.export(_catalog(args), root, options, args.jobs, args.quiet, lang)
    if not args.quiet:
        print(export.summary(report, root, lang), file=sys.stderr)
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

    from neutral_timeline.api.settings import ALLOWED_HOSTS_ENV, PUBLIC_URL_ENV, Settings, parse_hosts
    from neutral_timeline.catalog.store import SNAPSHOT_ENV, bundled_calendars, load, serving_snapshot

    # Every absolute link comes from this origin, never from a request's Host (see api.settings).
    if not 0 < args.port < 65536:
        what, expected = N_("{port} is not a TCP port"), N_("a whole number from 1 to 65535")
        raise QueryError([Problem.say("--port", what, expected, port=args.port)])
    host = f"[{args.host}]" if ":" in args.host else args.host
    # the default origin is made of --host and --port: a mistake there is theirs
    public = _public_url(args.public_url, f"http://{host}:{args.port}", "--host")
    hosts_text = args.allowed_hosts if args.allowed_hosts is not None else os.environ.get(ALLOWED_HOSTS_ENV, "")
    settings = Settings(public, parse_hosts(hosts_text, "--allowed-hosts"))
    root = Path(os.path.realpath(args.data)) if args.data else bundled_calendars()
    catalog = load(root)  # refuse invalid data before binding a port
    if not _port_free(args.host, args.port):
        busy = N_("error: port {port} is in use; choose another with --port")
        print(say(busy, _lang(args), port=args.port), file=sys.stderr)
        return EXIT_PORT
    os.environ[SNAPSHOT_ENV] = str(serving_snapshot(catalog))  # every worker serves this one version
    os.environ[PUBLIC_URL_ENV] = settings.public_url  # the workers read their settings from here
    os.environ[ALLOWED_HOSTS_ENV] = ",".join(settings.hosts)
    url, lang = settings.public_url, _lang(args)
    elections = say(NP_("{n} election", "{n} elections", "n"), lang, n=len(catalog.elections))
    rules = say(NP_("{n} rule", "{n} rules", "n"), lang, n=len(catalog.rules))
    lines = [
        say(
            N_("neutral-timeline serving {elections} and {rules} from {root}"),
            lang,
            elections=elections,
            rules=rules,
            root=root,
        )
    ]
    for name, path in (
        (N_("home page"), "/"),
        (N_("API docs"), "/docs"),
        (N_("today"), "/api/v1/today"),
        (N_("ICS feeds"), "/api/v1/feeds"),
    ):
        lines.append(f"  {gettext(lang)(name):<11} {url}{path}")
    hosts = say(N_("for hosts {hosts}"), lang, hosts=", ".join(settings.hosts))
    listening = gettext(lang)(N_("listening"))
    lines.append(f"  {listening:<11} http://{host}:{args.port} {hosts}")
    print("\n".join(lines), flush=True)
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
        server_header=False,  # which software answers is nobody's business (and one header less to cache)
    )
    return EXIT_OK


def _common(parser: argparse.ArgumentParser, _: Callable[[str], str], json: bool = True) -> None:
    parser.add_argument("--lang", default="id", help=_("id (Bahasa Indonesia, default) or en"))
    parser.add_argument("--data", metavar="DIR", help=_("a calendars/ folder (default: the bundled one)"))
    parser.add_argument("--server", metavar="URL", help=_("ask a neutral-timeline server instead of local data"))
    if json:
        parser.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))


def parser(lang: Lang = "id") -> argparse.ArgumentParser:
    """The command line's parser with every help text in ``lang`` (argparse's own words too)."""
    _ = gettext(lang)
    with _argparse_in(lang):
        return _parser(_)


MAX_JOBS = 8  # export's processes: more than this only adds memory (export.export caps what it starts)


def _jobs(_: Callable[[str], str]) -> Callable[[str], int]:
    """``--jobs``: a whole number from 1 to MAX_JOBS, refused by argparse (usage, exit 2) otherwise."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = 0
        if not 1 <= number <= MAX_JOBS:
            raise argparse.ArgumentTypeError(
                _("'{value}' is not a whole number from 1 to {most}; leave --jobs out for one per core").format(
                    value=value, most=MAX_JOBS
                )
            )
        return number

    return parse


def _parser(_: Callable[[str], str]) -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="neutral-timeline",
        description=_("Which election-neutrality rules bind Indonesian civil servants (ASN) on a date."),
    )
    top.add_argument("--lang", dest="top_lang", metavar="LANG", help=_("id (Bahasa Indonesia, default) or en"))
    sub = top.add_subparsers(dest="command", required=True, metavar=_("COMMAND"))
    today = sub.add_parser("today", help=_("what applies today (or on --date)"))
    today.add_argument("--date", help=_("YYYY-MM-DD (default: today in Asia/Jakarta)"))
    today.add_argument("--election", help=_("an election id, e.g. pilkada-2024 (default: all in progress)"))
    today.add_argument("--as-of", dest="as_of", help=_("use the schedule known on this date (YYYY-MM-DD)"))
    today.add_argument("--details", action="store_true", help=_("also show each rule's sanction"))
    today.add_argument(
        "--region", help=_("a region code or name, e.g. 63.03 or 'Kabupaten Banjar': its time zone, its circulars")
    )
    _common(today, _)
    today.set_defaults(run=cmd_today)
    check = sub.add_parser("check", help=_("may I ...? whether an activity is prohibited today (or on --date)"))
    check.add_argument("text", nargs="+", help=_("the activity in your own words, e.g. 'like a candidate's post'"))
    check.add_argument("--date", help=_("YYYY-MM-DD (default: today in Asia/Jakarta)"))
    check.add_argument("--election", help=_("an election id, e.g. pilkada-2024 (default: all in progress)"))
    check.add_argument(
        "--region", help=_("a region code or name, e.g. 63.03 or 'Kabupaten Banjar': its time zone, its circulars")
    )
    _common(check, _)
    check.set_defaults(run=cmd_check)
    elections = sub.add_parser("elections", help=_("list the elections"))
    _common(elections, _)
    elections.set_defaults(run=cmd_elections)
    rules = sub.add_parser("rules", help=_("list the rules"))
    rules.add_argument("--election", help=_("only rules that govern this election"))
    rules.add_argument("--tag", help=_("only rules with this activity tag, e.g. social-media"))
    _common(rules, _)
    rules.set_defaults(run=cmd_rules)
    timeline = sub.add_parser("timeline", help=_("one election's phases and rule windows"))
    timeline.add_argument("election", help=_("an election id, e.g. pilkada-2024"))
    timeline.add_argument("--as-of", dest="as_of", help=_("use the schedule known on this date"))
    timeline.add_argument("--svg", metavar="FILE", help=_("write the timeline as an SVG picture to FILE"))
    timeline.add_argument("--date", help=_("the picture's today marker, YYYY-MM-DD (default: today in Asia/Jakarta)"))
    _common(timeline, _)
    timeline.set_defaults(run=cmd_timeline)
    ics = sub.add_parser("ics", help=_("an ICS calendar feed of one election, or all"))
    ics.add_argument("election", help=_("an election id, e.g. pilkada-2024, or all"))
    ics.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE (default: standard output)"))
    ics.add_argument("--lang", default="id", help=_("id (Bahasa Indonesia, default) or en"))
    ics.add_argument(
        "--reminders",
        default="standard",
        help=_("reminders: standard (7d,1d), minimal (1d), none, or days such as 7d,1d (default standard)"),
    )
    ics.add_argument(
        "--reminder-events",
        dest="reminder_events",
        action="store_true",
        help=_("reminders as separate events instead of alarms (for Google Calendar)"),
    )
    ics.add_argument(
        "--phases", choices=("key", "all"), default="key", help=_("key: the phases ASN plan around (default); all")
    )
    ics.add_argument("--as-of", dest="as_of", help=_("use the schedule known on this date (YYYY-MM-DD)"))
    ics.add_argument("--region", help=_("a region code or name: its circulars, participation and time zone"))
    ics.add_argument(
        "--base-url", dest="base_url", metavar="URL", help=_("where the feed is served, for SOURCE and URL")
    )
    ics.add_argument("--data", metavar="DIR", help=_("a calendars/ folder (default: the bundled one)"))
    ics.add_argument("--server", metavar="URL", help=_("fetch the feed from a neutral-timeline server instead"))
    ics.set_defaults(run=cmd_ics)
    serve = sub.add_parser("serve", help=_("run the HTTP service (JSON API, ICS feeds, widget)"))
    serve.add_argument("--host", default="127.0.0.1", help=_("address to bind (default 127.0.0.1)"))
    serve.add_argument("--port", type=int, default=8000, help=_("port (default 8000)"))
    serve.add_argument("--workers", type=int, default=1, help=_("worker processes (default 1)"))
    serve.add_argument("--log-level", dest="log_level", default="info", help=_("uvicorn log level"))
    serve.add_argument("--data", metavar="DIR", help=_("a calendars/ folder (default: the bundled one)"))
    serve.add_argument(
        "--public-url",
        dest="public_url",
        metavar="URL",
        help=_(
            "the origin every link is built from, e.g. https://netral.example.go.id "
            "(default: $NEUTRAL_TIMELINE_PUBLIC_URL, else http://HOST:PORT)"
        ),
    )
    serve.add_argument(
        "--allowed-hosts",
        dest="allowed_hosts",
        metavar="HOSTS",
        help=_(
            "comma-separated Host header values answered, *.example.org allowed "
            "(default: $NEUTRAL_TIMELINE_ALLOWED_HOSTS, else the public URL's host, 127.0.0.1 and localhost)"
        ),
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        dest="forwarded_allow_ips",
        metavar="IPS",
        help=_("comma-separated proxy addresses whose X-Forwarded-* headers are trusted (default: none)"),
    )
    serve.add_argument("--lang", default="id", help=_("id (Bahasa Indonesia, default) or en"))
    serve.set_defaults(run=cmd_serve)
    out = sub.add_parser(
        "export", help=_("write every answer that does not depend on today into DIR, for a static host")
    )
    out.add_argument("directory", metavar="DIR", help=_("a new or empty directory, or one an earlier export wrote"))
    out.add_argument(
        "--public-url",
        dest="public_url",
        metavar="URL",
        help=_(
            "the origin the files will be served from (default: $NEUTRAL_TIMELINE_PUBLIC_URL, else http://127.0.0.1:8000)"
        ),
    )
    out.add_argument(
        "--presets",
        default=",".join(("standard", "minimal", "standard-events")),
        help=_("reminder presets of the feeds (default standard,minimal,standard-events)"),
    )
    out.add_argument(
        "--jobs",
        type=_jobs(_),
        default=None,
        help=_("processes rendering feeds, 1 to {most} (default: one per core, at most {most})").format(most=MAX_JOBS),
    )
    out.add_argument("--quiet", action="store_true", help=_("no progress bar and no summary"))
    out.add_argument(
        "--gzip-only",
        dest="gzip_only",
        action="store_true",
        help=_("write compressed bodies only as .gz, for nginx with gzip_static always and gunzip on"),
    )
    out.add_argument("--lang", default="id", help=_("id (Bahasa Indonesia, default) or en"))
    out.add_argument("--data", metavar="DIR", help=_("a calendars/ folder (default: the bundled one)"))
    out.set_defaults(run=cmd_export)
    regions = sub.add_parser("regions", help=_("find provinces, regencies and cities by name or code"))
    regions.add_argument("query", help=_("a name or code, e.g. banjar, 'kab banjar', 63.03"))
    regions.add_argument("--limit", type=int, default=10, help=_("at most this many (default 10)"))
    _common(regions, _)
    regions.set_defaults(run=cmd_regions)
    validate = sub.add_parser("validate", help=_("check a calendars/ folder; exit 1 on any problem"))
    validate.add_argument("directory", nargs="?", help=_("default: the bundled calendars"))
    validate.add_argument(
        "--data",
        "--calendars",
        dest="data_dir",
        metavar="DIR",
        help=_("the same folder, as the other commands take it"),
    )
    validate.add_argument("--lang", default="id", help=_("id (Bahasa Indonesia, default) or en"))
    validate.set_defaults(run=cmd_validate)
    revise = sub.add_parser(
        "revise", help=_("after editing calendars/: stamp revision.toml with now, the data's Last-Modified")
    )
    revise.add_argument(
        "--calendars", "--data", dest="calendars", metavar="DIR", help=_("default: the bundled calendars")
    )
    revise.add_argument("--lang", default="id", help=_("id (Bahasa Indonesia, default) or en"))
    revise.set_defaults(run=cmd_revise)
    return top


# argparse's own words that users see: msgids of its gettext domain, translated in our catalogs
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    NP_("expected %s argument", "expected %s arguments", "n"),
)


@contextmanager
def _argparse_in(lang: Lang) -> Iterator[None]:
    """argparse says its words through its module's ``_`` and ``ngettext``: ours while parsing."""
    saved = getattr(argparse, "_"), getattr(argparse, "ngettext")  # noqa: B009
    setattr(argparse, "_", gettext(lang))  # noqa: B010
    setattr(argparse, "ngettext", ngettext(lang))  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


def _last_lang(argv: Sequence[str]) -> str | None:
    value = None
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
    return value


def argv_lang(argv: Sequence[str]) -> Lang:
    """The language of ``--lang`` anywhere on the command line (the last one wins, as in argparse);
    Indonesian without one, or with a value that is no language (the command then refuses it)."""
    return "en" if (_last_lang(argv) or "").strip().lower() == "en" else "id"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = argv_lang(argv)
    with _argparse_in(lang):
        args = parser(lang).parse_args(argv)
    if args.top_lang is not None:  # `neutral-timeline --lang en today`: the command's language too
        args.lang = _last_lang(argv)
    try:
        code: int = args.run(args)
        return code
    except DataError as exc:
        invalid = NP_(
            "error: the calendars are invalid ({n} problem):", "error: the calendars are invalid ({n} problems):", "n"
        )
        print(say(invalid, lang, n=len(exc.problems)), file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)  # data errors are for maintainers: English
        return EXIT_DATA
    except NeutralTimelineError as exc:
        for problem in exc.problems:
            print(say(N_("error: {problem}"), lang, problem=problem.text(lang)), file=sys.stderr)
        return EXIT_USAGE
