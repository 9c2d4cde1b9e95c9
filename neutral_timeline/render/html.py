"""Situations and timelines as HTML pages (Jinja2, autoescaped): the widget, the home page, errors.

Templates get the resolver's answer objects and a ``Words`` helper bound to one language; every
word comes from the gettext catalogs through i18n.label and every date from i18n.short_date/long_date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from neutral_timeline.errors import Problem
from neutral_timeline.i18n import countdown, label, long_date, short_date, span
from neutral_timeline.render.layout import WHOLE, Segment, lanes, scale_of, state
from neutral_timeline.render.widget_options import WidgetOptions
from neutral_timeline.resolve.answer import Change, Citation, ElectionSituation, RuleInForce, Situation, Timeline
from neutral_timeline.text import Lang, Text

TEMPLATES = Path(__file__).parent / "templates"
BAR_WIDTH, LANE, GAP, TOP = 1000, 10, 4, 6  # the widget's timeline bar, in SVG user units


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class Words:
    """The template's view of i18n: ``w('rules')``, ``w.text(rule.title)``, ``w.date(d)``."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def text(self, value: Text | None) -> str:
        return value.get(self.lang) if value is not None else ""

    def date(self, day: date) -> str:
        return short_date(day, self.lang)

    def long(self, day: dt.date) -> str:
        return long_date(day, self.lang)

    def span(self, start: dt.date | None, end: dt.date | None) -> str:
        return span(start, end, self.lang)

    def countdown(self, es: ElectionSituation) -> str:
        return countdown(es.countdown.days, es.countdown.voting_day, self.lang)

    def notes(self, rules: Iterable[RuleInForce]) -> list[str]:
        """Each distinct interpretation note once, in order: the widget numbers them instead of repeating."""
        return list(dict.fromkeys(self.text(r.interpretation) for r in rules if r.interpretation))

    def problem(self, problem: Problem) -> str:
        return problem.text(self.lang)

    def when(self, change: Change) -> str:
        return label("today", self.lang) if change.in_days == 0 else label("in_days", self.lang, n=change.in_days)


def links(citation: Citation) -> list[tuple[str, str]]:
    """(URL, link text) for each distinct http(s) source of a citation: its host, numbered when repeated."""
    out: list[tuple[str, str]] = []
    hosts: dict[str, int] = {}
    for url in dict.fromkeys(citation.urls):
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.hostname:
            host = parts.hostname.removeprefix("www.")
            hosts[host] = n = hosts.get(host, 0) + 1
            out.append((url, host if n == 1 else f"{host} ({n})"))
    return out


@dataclass(frozen=True)
class Bar:
    """The widget's timeline: lanes of phase segments in SVG units, a today marker, the ends."""

    start: date
    end: date
    height: int
    rows: list[list[tuple[Segment, float, float, int]]]  # segment, x, width, y
    today_x: float | None


def bar(timeline: Timeline, day: date) -> Bar:
    scale = scale_of(timeline.phases)
    rows = [
        [(s, round(s.left * BAR_WIDTH, 2), round(max(s.width * BAR_WIDTH, 3), 2), TOP + i * (LANE + GAP)) for s in row]
        for i, row in enumerate(lanes(timeline.phases, scale, day))
    ]
    middle = scale.middle(day)
    today = round(middle * BAR_WIDTH, 2) if middle is not None else None
    return Bar(scale.start, scale.end, TOP + max(len(rows), 1) * (LANE + GAP), rows, today)


@dataclass(frozen=True)
class Page:
    """Addresses a page links to; all absolute, built by the route from the request's base URL."""

    base: str
    css: str
    script: str | None = None
    canonical: str | None = None
    oembed: str | None = None
    extra_css: tuple[str, ...] = ()
    other_lang: str | None = None
    urls: dict[str, str] = field(default_factory=dict)


def _render(template: str, lang: Lang, **context: Any) -> bytes:
    words = Words(lang)
    return (
        environment()
        .get_template(template)
        .render(lang=lang, w=words, links=links, state=state, **context)
        .encode("utf-8")
    )


def widget(
    situation: Situation,
    timeline: Timeline,
    lang: Lang,
    theme: str,
    title: str,
    page: Page,
    check: Any = None,
    check_hidden: Sequence[tuple[str, str]] = (),
) -> bytes:
    """One election on one day, for an iframe, short first: phases, countdown, what is prohibited by area
    (every rule expandable), what changes next, and the "Bolehkah saya ...?" box (``check``: its answer)."""
    from neutral_timeline.render.areas import by_area
    from neutral_timeline.render.check import words_for

    (es,) = situation.elections
    current = [now for now in es.phases if now.phase.key != WHOLE] or list(es.phases)
    return _render(
        "widget.html",
        lang,
        groups=by_area(situation, lang),
        check=check,
        check_hidden=check_hidden,
        cw=words_for(lang),
        es=es,
        situation=situation,
        timeline=timeline,
        current=current,
        bar=bar(timeline, situation.date),
        theme=theme,
        page=page,
        title=title,
    )


@dataclass(frozen=True)
class Feed:
    """A calendar feed and its subscribe links, for the home page."""

    id: str
    name: str
    links: dict[str, str]


@dataclass(frozen=True)
class Embed:
    """The home page's embed chooser: what is chosen, the snippets, and the preview's address."""

    chosen: WidgetOptions
    title: str
    snippets: dict[str, str]
    preview: str
    page_url: str
    oembed_url: str
    choices: Sequence[tuple[str, str]]  # (id, name) of every election


def home(
    situation: Situation,
    timelines: Iterable[Timeline],
    feeds: Sequence[Feed],
    embed: Embed,
    lang: Lang,
    page: Page,
    check: Any = None,
) -> bytes:
    """What applies today in every election in progress, the activity check (``check``: its answer
    when one was asked), calendar feeds, embedding, and the API."""
    from neutral_timeline.render.check import words_for

    found = {t.id: t for t in timelines}
    bars = {t.id: bar(t, situation.date) for t in found.values()}
    title = label("home_title", lang)
    context = {"situation": situation, "timelines": found, "bars": bars, "feeds": feeds, "embed": embed}
    context |= {"check": check, "cw": words_for(lang)}
    return _render("home.html", lang, page=page, title=title, **context)


def error(status: int, problems: Sequence[Problem], lang: Lang, page: Page) -> bytes:
    return _render("error.html", lang, status=status, problems=problems, page=page, title=label("error_title", lang))


def snippets(
    page_url: str, script_url: str, oembed_url: str, element: dict[str, str | None], title: str
) -> dict[str, str]:
    """Copy-paste HTML for the three ways to embed, rendered by a template so every value is escaped."""
    context = {
        "page_url": page_url,
        "script_url": script_url,
        "oembed_url": oembed_url,
        "element": element,
        "title": title,
    }
    module = environment().get_template("snippets.html").make_module(context)
    return {name: str(getattr(module, name)()).strip() for name in ("iframe", "script", "oembed")}


def oembed_markup(page_url: str, title: str, secret: str, width: int, height: int) -> str:
    """The oEmbed ``html``: a blockquote fallback and a sandboxed iframe, the form WordPress keeps."""
    template = environment().get_template("oembed.html")
    return template.render(page_url=page_url, title=title, secret=secret, width=width, height=height).strip()
