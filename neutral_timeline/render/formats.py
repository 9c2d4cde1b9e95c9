"""The output formats: one table from a format's name to its renderer, media type and extension.

Shared by the CLI's output options (``--format``, ``--json``) and the HTTP routes, so that
``neutral-timeline timeline X --format svg`` and ``/elections/X/timeline.svg`` render the same way.
Every renderer takes an answer (a record from ``resolve/answer.py`` or ``resolve/feed.py``),
a language and ``RenderOptions`` and returns bytes; none calls the resolver.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from neutral_timeline.errors import Problem, QueryError
from neutral_timeline.i18n import N_
from neutral_timeline.text import Lang


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a renderer may need beyond the answer: never anything taken from a request."""

    kind: Any = None  # the answer's type, for JSON (a tuple of records cannot name it)
    public_url: str | None = None  # the configured public origin, for absolute links (ICS SOURCE)
    today: date | None = None  # the SVG's today marker
    details: bool = False  # terminal: full rules with notes and sources
    indent: int | None = None  # JSON: None for HTTP (compact), 2 for the CLI


def _json(value: Any, lang: Lang, options: RenderOptions) -> bytes:
    from neutral_timeline.render import json

    return json.render(value, lang, options.kind, indent=options.indent)


def _text(value: Any, lang: Lang, options: RenderOptions) -> bytes:
    from neutral_timeline.render import terminal, views

    return terminal.plain(views.view(value, lang, details=options.details)).encode()


def _ics(value: Any, lang: Lang, options: RenderOptions) -> bytes:
    from neutral_timeline.render import ics

    return ics.render(value, lang, options.public_url)


def _svg(value: Any, lang: Lang, options: RenderOptions) -> bytes:
    from neutral_timeline.render import svg

    return svg.timeline(value, lang, options.today)


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    media_type: str
    extension: str
    render: Callable[[Any, Lang, RenderOptions], bytes]
    answers: tuple[str, ...] = ()  # names of the answer types it can render; empty: every one


FORMATS: dict[str, Format] = {
    "json": Format("json", "application/json", ".json", _json),
    "text": Format("text", "text/plain; charset=utf-8", ".txt", _text),
    "ics": Format("ics", "text/calendar; charset=utf-8", ".ics", _ics, ("Feed",)),
    "svg": Format("svg", "image/svg+xml", ".svg", _svg, ("Timeline",)),
}


def format_for(name: str, value: Any, param: str = "format") -> Format:
    """The format called ``name`` if it can render ``value``, else QueryError saying which can."""
    found = FORMATS.get(name)
    kind = type(value).__name__
    if found is None or (found.answers and kind not in found.answers):
        usable = [f.name for f in FORMATS.values() if not f.answers or kind in f.answers]
        what = N_("'{name}' cannot show this answer")
        raise QueryError([Problem.say(param, what, N_("one of: {names}"), name=name, names=", ".join(usable))])
    return found


def render(name: str, value: Any, lang: Lang, options: RenderOptions | None = None) -> bytes:
    """``value`` in the format called ``name``."""
    return format_for(name, value).render(value, lang, options or RenderOptions())
