"""WordPress's own code embedding our widget page: Debian's ``wordpress`` package, unpacked and never
installed, run by php-cli through tests/wordpress/oembed_check.php (``make wordpress`` sets both up).

WordPress discovers our oEmbed link, fetches our JSON over HTTP and runs its ``oembed_dataparse``
filters (wp_filter_oembed_result: kses, the sandbox, its own ``#?secret=``); the HTML it returns is
what a post shows. ``post`` puts that HTML in a page with WordPress's wp-embed.min.js, which resizes
the iframe when the framed page answers ``{message: "height", value, secret}`` with that secret.
Without the tools these tests skip, unless $NEUTRAL_TIMELINE_REQUIRE_PARSERS is set (``make test``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.widget.pages import article

ROOT = Path(__file__).parents[2]
WORDPRESS = ROOT / ".parsers" / "wordpress" / "usr" / "share" / "wordpress"
DRIVER = ROOT / "tests" / "wordpress" / "oembed_check.php"
HOST_JS = WORDPRESS / "wp-includes" / "js" / "wp-embed.min.js"
HOST_JS_PATH = "/wp-includes/js/wp-embed.min.js"  # where a WordPress site serves it
REQUIRED = bool(os.environ.get("NEUTRAL_TIMELINE_REQUIRE_PARSERS"))
CONTENT_WIDTH = 400  # the theme's $content_width: WordPress asks for maxwidth=400

# Watches the messages the host window receives (it changes nothing): registered before wp-embed.js,
# so it sees each one just before WordPress's own listener does.
RECORDER = """<script>window.__messages = []; window.addEventListener('message', function (e) {
  var frame = document.querySelector('iframe.wp-embedded-content');
  window.__messages.push({data: e.data, fromFrame: !!frame && e.source === frame.contentWindow});
});</script>"""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, list[dict[str, str]]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.setdefault(tag, []).append({k: v or "" for k, v in attrs})


@dataclass(frozen=True)
class Embed:
    """What WordPress made of a link to our widget page."""

    wordpress: str
    php: str
    provider: Any  # False: not one of WordPress's trusted providers, so its sanitiser runs
    endpoint: str | None  # the oEmbed URL discovered in the page's <link> tags
    data: dict[str, Any]  # our oEmbed answer as WordPress fetched it
    html: str  # what a post shows
    hooks: dict[str, list[str]]  # the hooks that fired, with the WordPress functions hooked to them

    def tags(self, name: str) -> list[dict[str, str]]:
        parser = _Tags()
        parser.feed(self.html)
        parser.close()
        return parser.found.get(name, [])

    @property
    def secret(self) -> str:
        return self.tags("iframe")[0]["data-secret"]


def require() -> str:
    """php's path, or a skip (a failure under ``make test``) saying what is missing."""
    php = shutil.which("php")
    if php is None or not HOST_JS.exists():
        missing = "php-cli" if php is None else f"WordPress in {WORDPRESS.relative_to(ROOT)}"
        if REQUIRED:
            pytest.fail(f"{missing} is not installed: run `make wordpress`")
        pytest.skip(f"{missing} is not installed (`make wordpress`)")
    return php


def embed(url: str) -> Embed:
    """Runs WordPress's embedding of ``url``, as a post with the URL on a line of its own does."""
    php = require()
    env = {**os.environ, "CONTENT_WIDTH": str(CONTENT_WIDTH)}
    run = subprocess.run(
        [php, str(DRIVER), str(WORDPRESS), url], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert run.returncode == 0, run.stderr or run.stdout
    got = json.loads(run.stdout)
    assert got["html"], f"WordPress did not embed {url}: {got}"
    return Embed(got["wordpress"], got["php"], got["provider"], got["endpoint"], got["data"], got["html"], got["hooks"])


def host_js() -> str:
    return HOST_JS.read_text(encoding="utf-8")


def post(html: str, version: str) -> str:
    """A post as a WordPress theme prints it: the embed in the content, wp-embed.js in the footer."""
    return article(html + RECORDER + f'<script src="{HOST_JS_PATH}?ver={version}" id="wp-embed-js"></script>')
