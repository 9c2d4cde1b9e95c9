"""The form of each documented query parameter (``FORMS``), the words its errors expect (``EXPECTED``),
and which name means what on which path: one table that the OpenAPI document shows, ``openapi.ParamCheck``
enforces, and ``errors`` names when a required parameter is left out.
"""

from __future__ import annotations

from typing import Any

from neutral_timeline.i18n import N_

DATE = r"^\d{4}-\d{2}-\d{2}$"
LANG = "^(?:[iI][dD]|[eE][nN])$"  # id or en, in any case (EN is en)
DAYS = r"0?(?:[0-8]?[0-9]|90)d"  # 0-90 days, as render.ics.check_reminders allows
FORMS: dict[str, dict[str, Any]] = {
    "lang": {"type": "string", "pattern": LANG, "default": "id"},
    "widget_lang": {"type": "string", "pattern": LANG},
    "date": {"type": "string", "format": "date", "pattern": DATE},
    "as_of": {"type": "string", "format": "date", "pattern": DATE},
    "reminders": {
        "type": "string",
        "pattern": f"^(?:standard|minimal|none|{DAYS}(?:,{DAYS}){{0,4}})?$",
        "default": "standard",
    },
    "phases": {"type": "string", "enum": ["key", "all"], "default": "key"},
    "theme": {"type": "string", "enum": ["auto", "light", "dark"], "default": "auto"},
    "format": {"type": "string", "enum": ["json"], "default": "json"},
    # A code or a name: some letter or digit, and no longer than any name (a long one costs a fuzzy search).
    "region": {"type": "string", "pattern": "[0-9A-Za-z]", "maxLength": 100},
    "q": {"type": "string", "minLength": 1, "maxLength": 100},  # /api/v1/regions: a region's name or code
    "check_q": {"type": "string", "minLength": 1, "maxLength": 100},  # /api/v1/check: an activity
}
# A name that means something else on one path: its entry in FORMS and EXPECTED there.
ON_PATH: dict[tuple[str, str], str] = {("/api/v1/check", "q"): "check_q"}
EXPECTED = {  # the error message's "expected", in the words the routes' own checks use (msgids: i18n)
    "lang": N_("id or en"),
    "widget_lang": N_("id or en"),
    "date": N_("YYYY-MM-DD, e.g. 2024-11-27"),
    "as_of": N_("YYYY-MM-DD, e.g. 2024-11-27"),
    "reminders": N_("standard, minimal, none, or up to 5 day counts from 0 to 90 separated by commas, e.g. 7d,1d"),
    "phases": N_("key or all"),
    "theme": N_("auto, light or dark"),
    "region": N_("a Kemendagri code such as 63.03 or a name such as 'Kabupaten Banjar', at most 100 characters"),
    "q": N_("1 to 100 characters of a name or code, e.g. banjar or 63.03"),
    "check_q": N_("an activity in everyday words, 1 to 100 characters, e.g. nge-like postingan calon"),
}


def entry(path: str, name: str) -> str:
    """The key of a query parameter's form in FORMS and EXPECTED on ``path``."""
    return ON_PATH.get((path, name), name)
