"""Pages and pictures beside the JSON API: home page, widget page, oEmbed, static assets, timeline SVG.

Thin handlers: parse parameters, ask the resolver, render, send. HTML is not part of the JSON
API, so it gets no CORS; only the widget page may be framed by other sites.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from neutral_timeline.api.cache import Rendered
from neutral_timeline.api.errors import status_of
from neutral_timeline.api.responses import HTML, JSON, send
from neutral_timeline.api.routes import code_of, day_asked, feed_items, service
from neutral_timeline.api.settings import public_origin
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.regions import Region
from neutral_timeline.errors import NeutralTimelineError, NotFoundError, Problem, UnsupportedError
from neutral_timeline.i18n import N_, label
from neutral_timeline.query import parse_date, parse_lang
from neutral_timeline.render import html
from neutral_timeline.render.formats import RenderOptions
from neutral_timeline.render.widget_options import WidgetOptions
from neutral_timeline.resolve import paths
from neutral_timeline.resolve.answering import answer
from neutral_timeline.resolve.questions import CheckQuestion, ElectionsQuestion, SituationQuestion, TimelineQuestion
from neutral_timeline.resolve.situation import DEFAULT_ZONE
from neutral_timeline.resolve.situation import election as find_election
from neutral_timeline.text import Lang
from neutral_timeline.widget import assets, embed

SELF = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"
SECURITY = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"}
WIDGET_HEADERS = {**SECURITY, "Content-Security-Policy": SELF + "; frame-ancestors *"}
PAGE_HEADERS = {
    **SECURITY,
    "Content-Security-Policy": SELF + "; frame-ancestors 'self'",
    "X-Frame-Options": "SAMEORIGIN",
}
SVG_HEADERS = {**SECURITY, "Content-Security-Policy": "default-src 'none'"}
ASSET_HEADERS = {**SECURITY, "Cross-Origin-Resource-Policy": "cross-origin"}
YEAR, DAY = 31536000, 86400

LangQ = Annotated[str, Query(description="Language of texts: `id` (Bahasa Indonesia) or `en`.")]
DateQ = Annotated[str | None, Query(description="A day, YYYY-MM-DD. Default: today in Asia/Jakarta.")]

pages = APIRouter()


def _base(request: Request) -> str:
    """The configured public origin: links never come from the request's Host (see api.settings)."""
    return public_origin(request.app)


Fresh = tuple[date, int, dict[str, str] | None]  # the day, the answer's max-age and its extra headers


def _day(value: str | None, zone: str = DEFAULT_ZONE) -> Fresh:
    """The day asked, or today in ``zone`` (a "today" page is cached briefly, never past midnight)."""
    return day_asked(value or None, zone)


def _region(catalog: Catalog, value: str | None) -> Region | None:
    return catalog.regions.find(value, "region") if value else None


def _title(catalog: Catalog, options: WidgetOptions) -> str:
    """ "Netralitas ASN: Pilkada Serentak 2024 — Kabupaten Banjar": the widget's name everywhere."""
    name = find_election(catalog, options.election).name.get(options.lang)
    region = _region(catalog, options.region)
    return label("widget_title", options.lang, name=name + (f" — {region.name}" if region else ""))


def _home_url(base: str, lang: Lang) -> str:
    return base + "/" + ("?lang=en" if lang == "en" else "")


def _lang_or_default(value: str) -> Lang:
    try:
        return parse_lang(value)
    except NeutralTimelineError:
        return "id"


def _html(
    request: Request,
    lang: str,
    headers: dict[str, str],
    build: Callable[[], tuple[Rendered, int, dict[str, str] | None]],
    script: bool = False,
) -> Response:
    """Send the page ``build`` renders, or the same mistake as a friendly HTML page (never JSON, never a 500)."""
    try:
        rendered, max_age, fresh = build()
    except NeutralTimelineError as exc:
        status = status_of(exc)
        chosen, base = _lang_or_default(lang), _base(request)
        script_url = assets.url(base, "embed.js") if script else None
        page = html.Page(base, assets.url(base, "widget.css"), script_url, urls={"home": _home_url(base, chosen)})
        body = html.error(status, exc.problems, chosen, page)
        return Response(body, status_code=status, media_type=HTML, headers={**headers, "Cache-Control": "no-store"})
    return send(request, rendered, max_age=max_age, cors=False, extra={**headers, **(fresh or {})})


@pages.get("/widget/{election_id}", include_in_schema=False)
def widget(
    request: Request,
    election_id: str,
    lang: LangQ = "id",
    theme: str = "auto",
    date: DateQ = None,
    region: Annotated[str | None, Query(description="A region code or name, e.g. 63.03.")] = None,
    q: str | None = None,
) -> Response:
    def build() -> tuple[Rendered, int, dict[str, str] | None]:
        catalog, base = service(request).catalog, _base(request)
        place = _region(catalog, region)
        day, max_age, fresh = _day(date, place.zone if place else DEFAULT_ZONE)
        code = place.code if place else None
        options = WidgetOptions(election_id, parse_lang(lang), embed.parse_theme(theme), day if date else None, code)
        answers = service(request)
        asked = " ".join((q or "").split())[:100]  # the "Bolehkah saya ...?" box: a plain GET form to this page
        hidden: list[tuple[str, str]] = [("lang", options.lang)] if options.lang != "id" else []
        hidden += [("theme", options.theme)] if options.theme != "auto" else []
        hidden += ([("date", day.isoformat())] if date else []) + ([("region", code)] if code else [])

        def render() -> bytes:
            result = answers.answer(SituationQuestion(day, election_id, code))
            plan = answers.answer(TimelineQuestion(election_id, region=code))
            checked = answers.answer(CheckQuestion(asked, day, election_id, code)) if asked else None
            return html.widget(result, plan, options.lang, options.theme, title, page, checked, hidden)

        page = html.Page(
            base,
            css=assets.url(base, "widget.css"),
            script=assets.url(base, "embed.js"),
            canonical=embed.page_url(base, options),
            oembed=embed.oembed_url(base, options),
            urls={"home": _home_url(base, options.lang), "check": f"{base}/widget/{election_id}"},
        )
        title = _title(catalog, options)
        return answers.page(("widget", options, day, asked), HTML, render), max_age, fresh

    return _html(request, lang, WIDGET_HEADERS, build, script=True)


def _chooser(catalog: Catalog, base: str, options: WidgetOptions, day: date | None, lang: Lang) -> html.Embed:
    """The home page's embed section: snippets for ``options`` and a preview (on ``day`` when fixed)."""
    title = _title(catalog, options)
    page_url, oembed = embed.page_url(base, options), embed.oembed_url(base, options)
    element = {"election": options.election, "lang": options.lang, "theme": options.theme, "region": options.region}
    snippets = html.snippets(page_url, f"{base}/static/widget.js", oembed, element, title)
    preview = embed.page_url(base, replace(options, date=day)) if day else page_url
    listed = answer(catalog, ElectionsQuestion())
    names = [(s.id, s.name.get(lang)) for s in listed if s.status == "scheduled"]  # announced ones have no widget
    return html.Embed(options, title, snippets, preview, page_url, oembed, names)


def _home_page(catalog: Catalog, base: str, lang: Lang, dated: bool = False) -> html.Page:
    urls = {"home": _home_url(base, lang), "home_form": base + "/"}
    if dated:  # the check box keeps the date asked
        urls["check_date"] = "1"
    for e in catalog.elections:
        urls[f"widget:{e}"] = f"{base}/?election={e}" + ("&lang=en" if lang == "en" else "") + "#embed"
        urls[f"svg:{e}"] = embed.svg_url(base, e, lang)
    other = _home_url(base, "id" if lang == "en" else "en")
    css = assets.url(base, "widget.css"), assets.url(base, "site.css")
    return html.Page(base, css[0], extra_css=css[1:], other_lang=other, urls=urls)


@pages.get("/", include_in_schema=False)
def home(
    request: Request,
    lang: LangQ = "id",
    date: DateQ = None,
    election: str | None = None,
    widget_lang: str | None = None,
    theme: str = "auto",
    region: str | None = None,
    q: str | None = None,
) -> Response:
    def build() -> tuple[Rendered, int, dict[str, str] | None]:
        answers, base = service(request), _base(request)
        catalog = answers.catalog
        place = _region(catalog, region)  # the answer is the region's (feed events link here with it)
        chosen, (day, max_age, fresh) = parse_lang(lang), _day(date, place.zone if place else DEFAULT_ZONE)
        asked = " ".join((q or "").split())[:100]  # the "Bolehkah saya ...?" box: a plain GET form
        result = answers.answer(SituationQuestion(day, None, place.code if place else None))
        scheduled = [e for e in answers.answer(ElectionsQuestion()) if e.status == "scheduled"]
        latest = scheduled[-1].id  # the embed section's default when none is running (announced ones have no schedule)
        picked = election or (result.elections[0].id if result.elections else latest)
        widget_lang_ = parse_lang(widget_lang or chosen, "widget_lang")
        options = WidgetOptions(picked, widget_lang_, embed.parse_theme(theme), region=place.code if place else None)

        def render() -> bytes:
            feeds = [html.Feed(f["id"], f["name"], f["links"]) for f in feed_items(catalog, base, chosen, place)]
            timelines = [answers.answer(TimelineQuestion(es.id)) for es in result.elections]
            chooser = _chooser(catalog, base, options, day if date else None, chosen)
            checked = answers.answer(CheckQuestion(asked, day)) if asked else None
            page = _home_page(catalog, base, chosen, dated=date is not None)
            return html.home(result, timelines, feeds, chooser, chosen, page, checked)

        return answers.page(("home", chosen, day, date is None, options, asked), HTML, render), max_age, fresh

    return _html(request, lang, PAGE_HEADERS, build)


@pages.get("/oembed", tags=["embed"], summary="oEmbed 1.0 (type rich) for a widget page URL")
def oembed(
    request: Request,
    url: Annotated[str, Query(description="A widget page, e.g. https://host/widget/pilkada-2024?lang=en")],
    format: Annotated[str, Query(description="Only `json` is offered (501 otherwise).")] = "json",
    maxwidth: Annotated[int | None, Query(ge=1, description="The largest width the consumer allows.")] = None,
    maxheight: Annotated[int | None, Query(ge=1, description="The largest height the consumer allows.")] = None,
) -> Response:
    if format != "json":
        raise UnsupportedError([Problem.say("format", N_("'{value}' is not offered"), "json", value=format)])
    options, base, catalog = embed.options_from_url(url), _base(request), service(request).catalog
    if urlsplit(url).netloc.lower() != urlsplit(base).netloc.lower():  # only this site's widget pages
        raise embed.not_a_widget(url)
    place = _region(catalog, options.region)
    options = replace(options, region=place.code if place else None)
    title = _title(catalog, options)
    page_url = embed.page_url(base, options)
    width, height = embed.size(maxwidth, maxheight)
    markup = html.oembed_markup(page_url, title, embed.secret(page_url), width, height)
    answer = embed.oembed(base, options, title, markup, width, height)
    return send(request, Rendered.of(json.dumps(answer, ensure_ascii=False).encode(), JSON))


@pages.get("/static/{name}", include_in_schema=False)
def static(request: Request, name: str, v: str | None = None) -> Response:
    found = assets.asset(name)
    if found is None:
        raise NotFoundError(
            [
                Problem.say(
                    "static", N_("no file '{name}'"), N_("one of: {names}"), name=name, names=", ".join(assets.NAMES)
                )
            ]
        )
    forever = v == found.version  # a versioned URL never changes its bytes
    extra = {**ASSET_HEADERS, **({"Cache-Control": f"public, max-age={YEAR}, immutable"} if forever else {})}
    return send(request, Rendered.of(found.body, found.media_type), max_age=DAY, cors=False, extra=extra)


@pages.get(
    "/elections/{election_id}/timeline.svg",
    tags=["embed"],
    summary="An election's timeline as an SVG picture, with a today marker",
    response_class=Response,
)
def timeline_svg(
    request: Request,
    election_id: str,
    lang: LangQ = "id",
    as_of: DateQ = None,
    date: DateQ = None,
    region: Annotated[str | None, Query(description="A region code or name: adds its local schedules.")] = None,
) -> Response:
    place = _region(service(request).catalog, region)
    day, max_age, fresh = _day(date, place.zone if place else DEFAULT_ZONE)
    code = place.code if place else None
    question = TimelineQuestion(election_id, parse_date(as_of, "as_of") if as_of else None, code)
    rendered = service(request).rendered(question, "svg", parse_lang(lang), RenderOptions(today=day))
    return send(request, rendered, max_age=max_age, cors=False, extra={**SVG_HEADERS, **(fresh or {})})


def _svg_path(request: Request, election_id: str, lang: str, region: str | None) -> Response:
    """A path-style timeline picture (resolve/paths.py): dated, so without a today marker."""
    code = code_of(request, region, "region") if region is not None else None
    question = TimelineQuestion(election_id, None, code)
    rendered = service(request).rendered(question, "svg", parse_lang(lang, exact=True), RenderOptions(today=None))
    return send(request, rendered, cors=False, extra=SVG_HEADERS, last_modified=service(request).catalog.data_revised)


@pages.get(
    paths.SVG,
    tags=["embed"],
    summary="An election's timeline as an SVG picture, no today marker",
)
def timeline_svg_path(request: Request, election_id: str, lang: str) -> Response:
    return _svg_path(request, election_id, lang, None)


@pages.get(
    paths.REGIONAL_SVG,
    tags=["embed"],
    summary="A region's timeline as an SVG picture, no today marker",
)
def regional_timeline_svg_path(request: Request, election_id: str, lang: str, region: str) -> Response:
    return _svg_path(request, election_id, lang, region)
