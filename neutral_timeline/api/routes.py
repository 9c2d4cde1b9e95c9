"""Thin handlers: parse parameters into a canonical question, get its cached bytes, send them."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from neutral_timeline import __version__
from neutral_timeline.api.cache import Rendered
from neutral_timeline.api.responses import DATED_MAX_AGE, send, today_freshness
from neutral_timeline.api.service import Service
from neutral_timeline.api.settings import public_origin
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.regions import Region
from neutral_timeline.errors import NotFoundError, Problem
from neutral_timeline.i18n import N_, label
from neutral_timeline.query import parse_date, parse_lang, parse_reminders
from neutral_timeline.resolve import paths
from neutral_timeline.resolve.answer import (
    ElectionListItem,
    RegionDetail,
    RegionInfo,
    RuleInfo,
    Situation,
    Timeline,
    Vocabulary,
)
from neutral_timeline.resolve.check import CheckAnswer
from neutral_timeline.resolve.questions import (
    ActivitiesQuestion,
    CheckQuestion,
    ElectionsQuestion,
    FeedQuestion,
    Question,
    RegionQuestion,
    RegionsQuestion,
    RuleQuestion,
    RulesQuestion,
    SituationQuestion,
    TimelineQuestion,
    address,
)
from neutral_timeline.resolve.situation import DEFAULT_ZONE
from neutral_timeline.text import Lang

LangQ = Annotated[str, Query(description="Language of texts: `id` (Bahasa Indonesia) or `en`.", examples=["id"])]
DateQ = Annotated[
    str | None,
    Query(description="A local calendar day, YYYY-MM-DD. Default: today in Asia/Jakarta.", examples=["2024-11-27"]),
]
AsOfQ = Annotated[
    str | None,
    Query(
        description="Use the schedule revision known on this day (YYYY-MM-DD). Default: the latest revision.",
        examples=["2020-03-01"],
    ),
]

RegionQ = Annotated[
    str | None,
    Query(
        description="A region code or name (`63.03`, `Kabupaten Banjar`): 'today' in its time zone, its "
        "participation, its own circulars. An ambiguous name ('Banjar') is a 422 listing the candidates.",
        examples=["63.03"],
    ),
]

api = APIRouter(prefix="")
feeds = APIRouter()


def service(request: Request) -> Service:
    found: Service = request.app.state.service
    return found


def _json(
    request: Request, question: Question, lang: str, max_age: int = DATED_MAX_AGE, extra: dict[str, str] | None = None
) -> Response:
    exact = "lang" in request.path_params  # a path-style address: one path per answer
    rendered = service(request).rendered(question, "json", parse_lang(lang, exact=exact))
    return send(request, rendered, max_age=max_age, extra=extra, last_modified=_data_day(request, max_age))


def day_asked(value: str | None, zone: str) -> tuple[date, int, dict[str, str] | None]:
    """The day asked with DATED_MAX_AGE, or today in ``zone`` (the clock is read here, once) with a
    max-age that ends by the zone's next midnight and the ``Expires`` header saying so."""
    if value is not None:
        return parse_date(value, "date"), DATED_MAX_AGE, None
    return today_freshness(zone, datetime.now(UTC))


def _data_day(request: Request, max_age: int = DATED_MAX_AGE) -> datetime | None:
    """When the data last changed, for Last-Modified (None without a current revision stamp); None
    for a "today" answer, which changes at midnight."""
    return service(request).catalog.revised if max_age == DATED_MAX_AGE else None


def situation_question(
    request: Request, election: str | None, date: str | None, as_of: str | None, region: str | None
) -> tuple[SituationQuestion, int, dict[str, str] | None]:
    """The canonical question (region as its code, "today" as the region's local day), its max-age and
    extra headers (a "today" answer's ``Expires``)."""
    place = service(request).catalog.regions.find(region, "region") if region else None
    day, max_age, extra = day_asked(date, place.zone if place else DEFAULT_ZONE)
    question = SituationQuestion(day, election, place.code if place else None, _as_of(as_of))
    return question, max_age, extra


def _as_of(value: str | None) -> date | None:
    return parse_date(value, "as_of") if value else None


@api.get("/api/v1/health", summary="Health and data version")
def health(request: Request) -> Response:
    catalog = service(request).catalog
    status = {
        "status": "ok",
        "version": __version__,
        "data_version": catalog.content_hash[:16],
        "elections": len(catalog.elections),
        "rules": len(catalog.rules),
    }
    return send(request, Rendered.of(json.dumps(status).encode(), "application/json"), max_age=60)


@api.get(
    ElectionsQuestion.PATH,
    summary="All elections: those with a schedule, then those announced with none (status)",
    response_model=tuple[ElectionListItem, ...],
)
def elections(request: Request, lang: LangQ = "id") -> Response:
    return _json(request, ElectionsQuestion(), lang)


@api.get(SituationQuestion.PATH, summary="What applies today in every election in progress", response_model=Situation)
def today(
    request: Request, lang: LangQ = "id", date: DateQ = None, as_of: AsOfQ = None, region: RegionQ = None
) -> Response:
    question, max_age, extra = situation_question(request, None, date, as_of, region)
    return _json(request, question, lang, max_age, extra)


def check_question(
    request: Request, q: str, election: str | None, date: str | None, region: str | None
) -> tuple[CheckQuestion, int, dict[str, str] | None]:
    """The canonical check (spacing collapsed, region as its code, "today" in its zone), its max-age and extra headers."""
    situation, max_age, extra = situation_question(request, election, date, None, region)
    return CheckQuestion(" ".join(q.split()), situation.day, election, situation.region), max_age, extra


@api.get(
    CheckQuestion.PATH, summary="May I ...? Whether an activity is prohibited on a date", response_model=CheckAnswer
)
def check(
    request: Request,
    q: Annotated[
        str, Query(description="The activity in everyday words, e.g. `nge-like postingan calon`.", min_length=1)
    ],
    lang: LangQ = "id",
    date: DateQ = None,
    election: Annotated[str | None, Query(description="Only this election (default: all in progress).")] = None,
    region: RegionQ = None,
) -> Response:
    question, max_age, extra = check_question(request, q, election, date, region)
    return _json(request, question, lang, max_age, extra)


@api.get("/api/v1/elections/{election}", summary="One election: its schedule and rule windows", response_model=Timeline)
@api.get(TimelineQuestion.PATH, summary="One election's timeline (for widgets)", response_model=Timeline)
def election_timeline(
    request: Request, election: str, lang: LangQ = "id", as_of: AsOfQ = None, region: RegionQ = None
) -> Response:
    code = service(request).catalog.regions.find(region, "region").code if region else None
    return _json(request, TimelineQuestion(election, _as_of(as_of), code), lang)


@api.get(SituationQuestion.ELECTION_PATH, summary="What applies on a date for one election", response_model=Situation)
def election_situation(
    request: Request,
    election: str,
    lang: LangQ = "id",
    date: DateQ = None,
    as_of: AsOfQ = None,
    region: RegionQ = None,
) -> Response:
    question, max_age, extra = situation_question(request, election, date, as_of, region)
    return _json(request, question, lang, max_age, extra)


@api.get(
    RegionsQuestion.PATH,
    summary="Find provinces, regencies and cities by name or code",
    response_model=tuple[RegionInfo, ...],
)
def regions(
    request: Request,
    q: Annotated[str, Query(description="A name or code, e.g. `banjar`, `kab banjar`, `63.03`.", min_length=1)],
    limit: Annotated[int, Query(ge=1, le=100, description="At most this many.")] = 10,
) -> Response:
    return _json(request, RegionsQuestion(q, limit), "id")


@api.get(
    paths.REGION,
    summary="One region by its code (path-style address)",
    response_model=RegionDetail,
)
def region_path(request: Request, code: str) -> Response:
    return _json(request, RegionQuestion(code_of(request, code, "code")), "id")


@api.get(
    RegionQuestion.PATH, summary="One region: its province, time zone and participation", response_model=RegionDetail
)
def region_by_code(request: Request, code: str) -> Response:
    return _json(request, RegionQuestion(code), "id")


@api.get(
    RulesQuestion.PATH,
    summary="Rules, optionally for one election or activity tag",
    response_model=tuple[RuleInfo, ...],
)
def rules(
    request: Request,
    lang: LangQ = "id",
    election: Annotated[str | None, Query(description="Only rules that govern this election.")] = None,
    tag: Annotated[str | None, Query(description="Only rules with this activity tag, e.g. social-media.")] = None,
) -> Response:
    return _json(request, RulesQuestion(election, tag), lang)


@api.get(RuleQuestion.PATH, summary="One rule with every legal basis over time", response_model=RuleInfo)
def rule(request: Request, rule: str, lang: LangQ = "id") -> Response:
    return _json(request, RuleQuestion(rule), lang)


@api.get(
    ActivitiesQuestion.PATH,
    summary="The activity check's vocabulary: areas and activities with their words",
    response_model=Vocabulary,
)
def activities(request: Request, lang: LangQ = "id") -> Response:
    return _json(request, ActivitiesQuestion(), lang)


# Path-style addresses (resolve/paths.py): the same questions without a query string, for static hosts.


def code_of(request: Request, value: str, where: str) -> str:
    """A region's own Kemendagri code (never a name: one path per answer), or a 404 saying so."""
    found = service(request).catalog.regions.get(value)
    if found is None or found.code != value:
        expected = N_("a Kemendagri region code such as 63.03")
        raise NotFoundError([Problem.say(where, N_("unknown region code '{value}'"), expected, value=value)])
    return found.code


def _area(request: Request, value: str) -> str | None:
    """``nasional`` (None) or a region's code."""
    if value == paths.NATIONAL:
        return None
    if service(request).catalog.regions.get(value) is None:
        expected = N_("nasional or a Kemendagri region code such as 63.03")
        raise NotFoundError([Problem.say("area", N_("unknown area '{value}'"), expected, value=value)])
    return code_of(request, value, "area")


@api.get(
    paths.ELECTIONS,
    summary="All elections (path-style address)",
    response_model=tuple[ElectionListItem, ...],
)
def elections_path(request: Request, lang: str) -> Response:
    return _json(request, ElectionsQuestion(), lang)


@api.get(
    paths.TIMELINE,
    summary="One election's timeline (path-style address)",
    response_model=Timeline,
)
def timeline_path(request: Request, lang: str, election: str) -> Response:
    return _json(request, TimelineQuestion(election), lang)


@api.get(
    paths.REGIONAL_TIMELINE,
    summary="One election's timeline in a region (path-style)",
    response_model=Timeline,
)
def regional_timeline_path(request: Request, lang: str, election: str, region: str) -> Response:
    return _json(request, TimelineQuestion(election, None, code_of(request, region, "region")), lang)


@api.get(paths.RULES, summary="Every rule (path-style address)", response_model=tuple[RuleInfo, ...])
def rules_path(request: Request, lang: str) -> Response:
    return _json(request, RulesQuestion(), lang)


@api.get(
    paths.ELECTION_RULES,
    summary="The rules of one election (path-style)",
    response_model=tuple[RuleInfo, ...],
)
def election_rules_path(request: Request, lang: str, election: str) -> Response:
    return _json(request, RulesQuestion(election), lang)


@api.get(paths.RULE, summary="One rule (path-style address)", response_model=RuleInfo)
def rule_path(request: Request, lang: str, rule: str) -> Response:
    return _json(request, RuleQuestion(rule), lang)


@api.get(paths.ACTIVITIES, summary="The activity check's vocabulary (path-style address)")
def activities_path(request: Request, lang: str) -> Response:
    return _json(request, ActivitiesQuestion(), lang)


@feeds.get(paths.FEED, summary="ICS calendar feed (path-style address)", response_class=Response)
def ics_feed_path(
    request: Request,
    lang: str,
    area: str,
    preset: str,
    name: str,
    download: Annotated[bool, Query(description="Send as an attachment.")] = False,
) -> Response:
    chosen = parse_lang(lang, exact=True)
    found = paths.FEED_PRESETS.get(preset)
    if found is None:
        expected = N_("one of: {known}")
        problem = Problem.say(
            "preset",
            N_("unknown reminder preset '{value}'"),
            expected,
            value=preset,
            known=", ".join(paths.FEED_PRESETS),
        )
        raise NotFoundError([problem])
    question = FeedQuestion(None if name == "all" else name, _area(request, area), None, found[0], found[1])
    extra = {"Content-Disposition": f'attachment; filename="{name}.ics"'} if download else None
    rendered = service(request).rendered(question, "ics", chosen)
    return send(request, rendered, extra=extra, last_modified=_data_day(request))


@feeds.get(FeedQuestion.PATH, summary="ICS calendar feed: one election, or `all`", response_class=Response)
def ics_feed(
    request: Request,
    name: str,
    lang: LangQ = "id",
    reminders: Annotated[
        str,
        Query(
            description="Reminders: `standard` (7 and 1 days before, 07:00), `minimal` (1 day before), `none`, "
            "or days before each event, e.g. `7d,1d`."
        ),
    ] = "standard",
    reminder_events: Annotated[
        bool,
        Query(description="Reminders as separate events instead of alarms (Google Calendar ignores VALARM)."),
    ] = False,
    phases: Annotated[
        str, Query(description="`key`: the phases an ASN plans around; `all`: every phase of the schedule.")
    ] = "key",
    as_of: AsOfQ = None,
    region: RegionQ = None,
    download: Annotated[bool, Query(description="Send as an attachment.")] = False,
) -> Response:
    place = service(request).catalog.regions.find(region, "region") if region else None
    question = FeedQuestion(
        None if name == "all" else name,
        place.code if place else None,
        _as_of(as_of),
        parse_reminders(reminders),
        reminder_events,
        phases,
    )
    extra = {"Content-Disposition": f'attachment; filename="{name}.ics"'} if download else None
    rendered = service(request).rendered(question, "ics", parse_lang(lang))
    return send(request, rendered, extra=extra, last_modified=_data_day(request))


def feed_path(question: FeedQuestion, lang: str) -> str:
    """The address a subscriber keeps: path-style (it works on the app and on a static host alike)."""
    return paths.path(question, lang) or address(question, lang=lang)


def feed_links(public_url: str, name: str, lang: str, region: str | None = None, title: str = "") -> dict[str, str]:
    """Subscribe (webcal), Google Calendar "add by URL", Outlook "add from web" and plain download
    links for one feed (optionally one region's), from the configured public origin.

    Google's link subscribes to the ``reminder_events=true`` variant: Google ignores VALARM in
    subscriptions, and that variant carries its reminders as events instead (never both).
    """
    from urllib.parse import quote, urlencode

    election = None if name == "all" else name
    origin = public_url.rstrip("/")
    https = origin + feed_path(FeedQuestion(election, region), lang)
    webcal = "webcal://" + https.split("://", 1)[1]
    for_google = (
        "webcal://"
        + (origin + feed_path(FeedQuestion(election, region, reminder_events=True), lang)).split("://", 1)[1]
    )
    outlook = urlencode({"url": https, "name": title or name})
    return {
        "ics": https,
        "webcal": webcal,
        "google": "https://calendar.google.com/calendar/render?cid=" + quote(for_google, safe=""),
        "outlook": "https://outlook.live.com/calendar/0/addfromweb?" + outlook,
        "download": https + ("&" if "?" in https else "?") + "download=true",
    }


def feed_items(catalog: Catalog, public_url: str, lang: Lang, region: Region | None = None) -> list[dict[str, Any]]:
    """Every feed (all elections, then each) with its links, for one language and optionally one region."""
    items: list[dict[str, Any]] = [{"id": "all", "name": label("feed_all", lang)}]
    items += [{"id": e.id, "name": e.name.get(lang)} for e in catalog.elections.values()]
    code = region.code if region else None
    for item in items:
        if region is not None:
            item["name"] = f"{item['name']} — {region.name}"
        item["links"] = feed_links(public_url, item["id"], lang, code, item["name"])
    return items


@api.get("/api/v1/feeds", summary="Calendar feeds with subscribe, Google, Outlook and download links")
def feed_list(request: Request, lang: LangQ = "id", region: RegionQ = None) -> Response:
    chosen = parse_lang(lang)
    catalog = service(request).catalog
    place = catalog.regions.find(region, "region") if region else None
    items = feed_items(catalog, public_origin(request.app), chosen, place)
    body = json.dumps(items, ensure_ascii=False)
    return send(request, Rendered.of(body.encode(), "application/json"), last_modified=_data_day(request))
