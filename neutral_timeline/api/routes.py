"""Thin handlers: parse parameters, ask the service for bytes, send them with validators."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from neutral_timeline import __version__
from neutral_timeline.api.responses import DATED_MAX_AGE, ICS, JSON, TODAY_MAX_AGE, send
from neutral_timeline.api.service import Service
from neutral_timeline.api.settings import public_origin
from neutral_timeline.query import parse_date, parse_lang, today_in
from neutral_timeline.render.ics import FEED_PATH
from neutral_timeline.resolve.answer import ElectionSummary, RegionInfo, RuleInfo, Situation, Timeline
from neutral_timeline.resolve.situation import DEFAULT_ZONE

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

api = APIRouter(prefix="/api/v1")


def service(request: Request) -> Service:
    found: Service = request.app.state.service
    return found


def _day(value: str | None, zone: str) -> tuple[object, int]:
    """The date asked, or today in ``zone`` (a "today" answer is cached briefly)."""
    if value is None:
        return today_in(zone), TODAY_MAX_AGE
    return parse_date(value, "date"), DATED_MAX_AGE


def _region(request: Request, value: str | None) -> tuple[str | None, str]:
    """The region's code and zone (Asia/Jakarta without one)."""
    if not value:
        return None, DEFAULT_ZONE
    region = service(request).catalog.regions.find(value, "region")
    return region.code, region.zone


def _as_of(value: str | None) -> object:
    return parse_date(value, "as_of") if value else None


@api.get("/health", summary="Health and data version")
def health(request: Request) -> Response:
    catalog = service(request).catalog
    status = {
        "status": "ok",
        "version": __version__,
        "data_version": catalog.content_hash[:16],
        "elections": len(catalog.elections),
        "rules": len(catalog.rules),
    }
    return send(request, json.dumps(status).encode(), JSON, max_age=60)


@api.get("/elections", summary="All elections", response_model=tuple[ElectionSummary, ...])
def elections(request: Request, lang: LangQ = "id") -> Response:
    return send(request, service(request).json("elections", parse_lang(lang)), JSON)


@api.get("/today", summary="What applies today in every election in progress", response_model=Situation)
def today(
    request: Request, lang: LangQ = "id", date: DateQ = None, as_of: AsOfQ = None, region: RegionQ = None
) -> Response:
    code, zone = _region(request, region)
    day, max_age = _day(date, zone)
    body = service(request).json("today", parse_lang(lang), day, _as_of(as_of), code)
    return send(request, body, JSON, max_age=max_age)


@api.get("/elections/{election}", summary="One election: its schedule and rule windows", response_model=Timeline)
@api.get("/elections/{election}/timeline", summary="One election's timeline (for widgets)", response_model=Timeline)
def election_timeline(request: Request, election: str, lang: LangQ = "id", as_of: AsOfQ = None) -> Response:
    return send(request, service(request).json("timeline", parse_lang(lang), election, _as_of(as_of)), JSON)


@api.get(
    "/elections/{election}/situation",
    summary="What applies on a date for one election",
    response_model=Situation,
)
def election_situation(
    request: Request,
    election: str,
    lang: LangQ = "id",
    date: DateQ = None,
    as_of: AsOfQ = None,
    region: RegionQ = None,
) -> Response:
    code, zone = _region(request, region)
    day, max_age = _day(date, zone)
    body = service(request).json("situation", parse_lang(lang), election, day, _as_of(as_of), code)
    return send(request, body, JSON, max_age=max_age)


@api.get(
    "/regions", summary="Find provinces, regencies and cities by name or code", response_model=tuple[RegionInfo, ...]
)
def regions(
    request: Request,
    q: Annotated[str, Query(description="A name or code, e.g. `banjar`, `kab banjar`, `63.03`.", min_length=1)],
    limit: Annotated[int, Query(ge=1, le=100, description="At most this many.")] = 10,
) -> Response:
    return send(request, service(request).json("regions", "id", q, limit), JSON)


@api.get("/regions/{code}", summary="One region: its province and time zone", response_model=RegionInfo)
def region_by_code(request: Request, code: str) -> Response:
    return send(request, service(request).json("region", "id", code), JSON)


@api.get("/rules", summary="Rules, optionally for one election or activity tag", response_model=tuple[RuleInfo, ...])
def rules(
    request: Request,
    lang: LangQ = "id",
    election: Annotated[str | None, Query(description="Only rules that govern this election.")] = None,
    tag: Annotated[str | None, Query(description="Only rules with this activity tag, e.g. social-media.")] = None,
) -> Response:
    return send(request, service(request).json("rules", parse_lang(lang), election, tag), JSON)


@api.get("/rules/{rule}", summary="One rule with every legal basis over time", response_model=RuleInfo)
def rule(request: Request, rule: str, lang: LangQ = "id") -> Response:
    return send(request, service(request).json("rule", parse_lang(lang), rule), JSON)


feeds = APIRouter()


@feeds.get(FEED_PATH, summary="ICS calendar feed: one election, or `all`", response_class=Response)
def ics_feed(
    request: Request,
    name: str,
    lang: LangQ = "id",
    reminders: Annotated[str, Query(description="Days before each event for reminders, e.g. `7d,1d`.")] = "7d,1d",
    reminder_events: Annotated[
        bool, Query(description="Also add separate reminder events (Google Calendar ignores VALARM).")
    ] = False,
    as_of: AsOfQ = None,
    region: RegionQ = None,
    download: Annotated[bool, Query(description="Send as an attachment.")] = False,
) -> Response:
    from neutral_timeline.render.ics import parse_reminders

    base = public_origin(request.app)
    code, _ = _region(request, region)
    body = service(request).ics(
        None if name == "all" else name,
        parse_lang(lang),
        parse_reminders(reminders),
        reminder_events,
        _as_of(as_of),
        base,
        code,
    )
    extra = {"Content-Disposition": f'attachment; filename="{name}.ics"'} if download else None
    return send(request, body, ICS, extra=extra)


def feed_links(base_url: str, name: str, lang: str) -> dict[str, str]:
    """Subscribe (webcal), Google Calendar "add by URL", and plain download links for one feed."""
    from urllib.parse import quote

    https = base_url + FEED_PATH.format(name=name) + ("" if lang == "id" else f"?lang={lang}")
    webcal = "webcal://" + https.split("://", 1)[1]
    return {
        "ics": https,
        "webcal": webcal,
        "google": "https://calendar.google.com/calendar/render?cid=" + quote(webcal, safe=""),
        "download": https + ("&" if "?" in https else "?") + "download=true",
    }


@api.get("/feeds", summary="Calendar feeds with subscribe, Google and download links")
def feed_list(request: Request, lang: LangQ = "id") -> Response:
    chosen = parse_lang(lang)
    base = public_origin(request.app)
    catalog = service(request).catalog
    items = [{"id": "all", "name": {"id": "Semua pemilihan", "en": "All elections"}[chosen]}]
    items += [{"id": e.id, "name": e.name.get(chosen)} for e in catalog.elections.values()]
    body = json.dumps([{**item, "links": feed_links(base, item["id"], chosen)} for item in items], ensure_ascii=False)
    return send(request, body.encode(), JSON)
