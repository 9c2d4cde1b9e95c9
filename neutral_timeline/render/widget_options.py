"""What one embedded widget shows: the options shared by the widget page, its snippets and oEmbed.

Below both the HTML renderer (which shows them on the home page's chooser) and the widget
surface (which parses them from URLs), so that the renderer never imports a surface.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from neutral_timeline.text import DEFAULT_LANG, Lang

THEMES = ("auto", "light", "dark")
DEFAULT_THEME = "auto"


@dataclass(frozen=True)
class WidgetOptions:
    """What one embedded widget shows: an election, optionally for a region, in a language and theme.

    ``date`` fixes the day (tests, previews); without it the widget shows today in the region's zone.
    """

    election: str
    lang: Lang = DEFAULT_LANG
    theme: str = DEFAULT_THEME
    date: date | None = None
    region: str | None = None  # a Kemendagri code, as the catalog's region registry resolved it

    def query(self) -> str:
        """Only the options that differ from the defaults, so that URLs stay short and canonical."""
        params: dict[str, str] = {}
        if self.lang != DEFAULT_LANG:
            params["lang"] = self.lang
        if self.theme != DEFAULT_THEME:
            params["theme"] = self.theme
        if self.region is not None:
            params["region"] = self.region
        if self.date is not None:
            params["date"] = self.date.isoformat()
        return ("?" + urlencode(params)) if params else ""
