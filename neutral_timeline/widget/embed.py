"""The widget's addresses and its oEmbed answer: options <-> URL, the WordPress secret, sizes.

WordPress embeds a third-party page like this (wp-includes/embed.php, wp_filter_oembed_result):
it keeps only ``<blockquote><a href></a></blockquote>`` and an ``<iframe>`` with src, width,
height, title and frameborder, appends ``#?secret=XXXXXXXXXX`` (10 letters or digits) to the
src, and adds ``class="wp-embedded-content" sandbox="allow-scripts" security="restricted"``.
The framed page then posts ``{message: "height", value, secret}`` to its parent, which resizes
the iframe (clamped to 200-1000 px) and hides the blockquote (wp-embed.js).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from neutral_timeline.errors import NotFoundError, Problem, QueryError
from neutral_timeline.i18n import N_
from neutral_timeline.query import parse_date, parse_lang
from neutral_timeline.render.widget_options import DEFAULT_THEME, THEMES, WidgetOptions
from neutral_timeline.text import DEFAULT_LANG, Lang

WIDTH, HEIGHT = 600, 640  # what an embed asks for when the consumer sets no maximum
MIN_HEIGHT = 200  # WordPress never makes an embed shorter
SECRET_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
WIDGET_PATH = re.compile(r"/widget/(?P<election>[a-z0-9]+(?:-[a-z0-9]+)*)/?$")


def parse_theme(value: str, param: str = "theme") -> str:
    if value in THEMES:
        return value
    raise QueryError([Problem.say(param, N_("'{value}' is not a theme"), N_("auto, light or dark"), value=value)])


def page_url(base: str, options: WidgetOptions) -> str:
    return f"{base}/widget/{quote(options.election, safe='')}{options.query()}"


def oembed_url(base: str, options: WidgetOptions) -> str:
    return f"{base}/oembed?" + urlencode({"url": page_url(base, options), "format": "json"})


def svg_url(base: str, election: str, lang: Lang) -> str:
    return f"{base}/elections/{quote(election, safe='')}/timeline.svg" + (
        "" if lang == DEFAULT_LANG else f"?lang={lang}"
    )


def not_a_widget(url: str) -> NotFoundError:
    return NotFoundError(
        [
            Problem.say(
                "url",
                N_("'{url}' is not the address of a widget page"),
                N_("an http(s) URL like {example}"),
                url=url,
                example="https://example.org/widget/pilkada-2024?lang=en",
            )
        ]
    )


def options_from_url(url: str) -> WidgetOptions:
    """A widget page's URL back into options (the oEmbed ``url``); NotFoundError when it is none."""
    parts = urlsplit(url)
    found = WIDGET_PATH.search(parts.path)
    if parts.scheme not in ("http", "https") or not parts.netloc or found is None:
        raise not_a_widget(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    return WidgetOptions(
        election=found["election"],
        lang=parse_lang(query.get("lang", DEFAULT_LANG), "url: lang"),
        theme=parse_theme(query.get("theme", DEFAULT_THEME), "url: theme"),
        date=parse_date(query["date"], "url: date") if "date" in query else None,
        region=query.get("region") or None,
    )


def secret(url: str) -> str:
    """Ten letters and digits derived from the URL: stable (cacheable) and the form WordPress expects."""
    number = int.from_bytes(hashlib.sha256(url.encode()).digest()[:8], "big")
    out = []
    for _ in range(10):
        number, digit = divmod(number, len(SECRET_ALPHABET))
        out.append(SECRET_ALPHABET[digit])
    return "".join(out)


def size(maxwidth: int | None, maxheight: int | None) -> tuple[int, int]:
    """The embed's size: our defaults, never above what the consumer allows (oEmbed 1.0, 2.2)."""
    width = WIDTH if maxwidth is None else max(1, min(WIDTH, maxwidth))
    height = HEIGHT if maxheight is None else max(1, min(HEIGHT, maxheight))
    return width, height


def oembed(base: str, options: WidgetOptions, title: str, html: str, width: int, height: int) -> dict[str, Any]:
    """The oEmbed 1.0 ``rich`` answer; ``html`` comes from render.html.oembed_markup."""
    return {
        "version": "1.0",
        "type": "rich",
        "provider_name": "neutral-timeline",
        "provider_url": base + "/",
        "title": title,
        "html": html,
        "width": width,
        "height": height,
        "cache_age": 3600,
    }
