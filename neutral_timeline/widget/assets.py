"""The widget's static files, read once per process, with a content version for cache busting.

``widget.js`` is served with the interface words and date names of the gettext catalogs
(i18n.py) and the text of widget.css filled in, so that the web component needs no second
request and every word still comes from the catalogs. A plural goes as one form per CLDR plural
category, which the script picks with the browser's ``Intl.PluralRules``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from neutral_timeline.i18n import LABELS, Plural, months, translate, weekdays
from neutral_timeline.render.areas import OTHER
from neutral_timeline.render.check import WORDS as CHECK_WORDS
from neutral_timeline.text import LANGS

STATIC = Path(__file__).parent / "static"
MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
NAMES = tuple(sorted(p.name for p in STATIC.iterdir() if p.suffix in MEDIA_TYPES))

# The words widget.js uses; a test checks that every key it asks for is here.
WIDGET_LABELS = (
    "title", "phases", "no_phase", "day_of", "rules", "no_rules", "window", "basis", "interpretation",
    "unverified", "upcoming", "no_upcoming", "countdown_future", "countdown_today", "countdown_past",
    "today", "in_days", "phase_start", "phase_end", "rule_start", "rule_end", "not_in_progress",
    "all_phases", "now_running", "source", "loading", "load_failed", "more", "data_version", "widget_title",
    "since", "until", "always", "today_marker", "past_phase", "future_phase", "region", "zone", "regional",
    "all_sources", "details", "notes", "note_ref", "reporting",
)  # fmt: skip
# The check box's words (render.check), as the widget page's "Bolehkah saya ...?" form says them.
CHECK_LABELS = (
    "box_title", "box_submit", "box_hint", "example", "understood", "area", "prohibited", "depends", "negated",
    "not_recorded", "not_understood", "rules", "rules_if", "closest", "principle", "by_area",
)  # fmt: skip
LABELS_SLOT = "/*@labels@*/null"
CSS_SLOT = '/*@css@*/""'


@dataclass(frozen=True)
class Asset:
    """A static file as served: bytes, media type and validators."""

    body: bytes
    media_type: str
    version: str  # the first hex digits of the body's hash: ?v=<version> URLs never change


def _word(key: str, lang: str) -> str | dict[str, object]:
    msg = LABELS[key]
    if not isinstance(msg, Plural):
        return translate(msg, lang)  # the script fills in the values
    from babel import Locale  # the server's start only: CLDR's plural categories

    rule = Locale.parse(lang).plural_form
    samples: dict[str, int] = {}
    for n in range(200):  # the first number of each category chooses the catalog's form for it
        samples.setdefault(rule(n), n)
    forms = {category: translate(msg, lang, {msg.count: n}) for category, n in sorted(samples.items())}
    return {"count": msg.count, "forms": forms}


def words() -> dict[str, dict[str, object]]:
    return {
        lang: {
            "locale": lang,
            "labels": {key: _word(key, lang) for key in WIDGET_LABELS},
            "check": {key: translate(CHECK_WORDS[key], lang) for key in CHECK_LABELS},
            "months": list(months(lang)),
            "weekdays": list(weekdays(lang)),
            "other": translate(OTHER, lang),  # the area of a prohibition without a named one (render.areas)
        }
        for lang in LANGS
    }


@cache
def asset(name: str) -> Asset | None:
    """The named file as served, or None for a name that is not a static asset."""
    if name not in NAMES:
        return None
    path = STATIC / name
    text = path.read_text(encoding="utf-8")
    if name == "widget.js":
        css = (STATIC / "widget.css").read_text(encoding="utf-8")
        text = text.replace(LABELS_SLOT, json.dumps(words(), ensure_ascii=False), 1)
        text = text.replace(CSS_SLOT, json.dumps(css, ensure_ascii=False), 1)
    body = text.encode("utf-8")
    return Asset(body, MEDIA_TYPES[path.suffix], hashlib.sha256(body).hexdigest()[:12])


def url(base: str, name: str) -> str:
    """A versioned URL for our own pages (cached for a year); embed snippets use the bare one."""
    found = asset(name)
    return f"{base}/static/{name}" + (f"?v={found.version}" if found else "")
