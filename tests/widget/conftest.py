"""A real server over the mini catalog plus one rule whose texts try to inject markup, and Debian's Chromium.

The browser is /usr/bin/chromium driven by Playwright (never a downloaded browser); browser tests
skip, saying why, only when that file is missing (`make browser` installs it).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

import pytest

from tests.serving import serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, ViewportSize

ROOT = Path(__file__).parents[2]
MINI = ROOT / "tests" / "data" / "mini"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Every text field a surface shows, trying to become markup; the unverified basis is on purpose too.
HOSTILE_RULE = """\
kind = "prohibition"
title = { id = '<script>window.__pwned = 1</script>Judul <b>tebal</b>', en = '<script>window.__pwned = 1</script>Title <b>bold</b>' }
summary = { id = '<img src=x onerror="window.__pwned = 2">Ringkasan', en = '<img src=x onerror="window.__pwned = 2">Summary' }
binds = ["asn"]
tags = ["social-media"]
interpretation = { id = '<img src=x onerror="window.__pwned = 3">Tafsiran', en = '<img src=x onerror="window.__pwned = 3">Reading' }

[[basis]]
instrument = "law-new"
locator = 'Pasal 9 <script>window.__pwned = 4</script>'
verified = false
urls = ['https://example.org/a"onmouseover="window.__pwned=5']

[[windows]]
from = "campaign.start"
until = "campaign.end"
"""
HOSTILE_TITLE = {
    "en": "<script>window.__pwned = 1</script>Title <b>bold</b>",
    "id": "<script>window.__pwned = 1</script>Judul <b>tebal</b>",
}


@pytest.fixture(scope="session")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "calendars"
    shutil.copytree(MINI, root)
    (root / "rules" / "hostile-text.toml").write_text(HOSTILE_RULE, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def site(hostile_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`neutral-timeline serve` on a free loopback port over the hostile copy of the mini catalog."""
    with serving(hostile_data, tmp_path_factory.mktemp("cache")) as url:
        yield url


@pytest.fixture(scope="session")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`neutral-timeline serve` over the bundled data, as deployed."""
    from neutral_timeline.catalog.store import bundled_calendars

    with serving(bundled_calendars(), tmp_path_factory.mktemp("bundled-cache")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium per test module: Playwright's sync API keeps an event loop running while it is open,
    which async tests elsewhere (anyio) cannot share, so it never outlives a module of browser tests."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: browser tests use Debian's Chromium (`make browser` installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@dataclass
class Host:
    """A second origin on loopback that serves the pages embedding the widget, as news sites would."""

    url: str
    pages: dict[str, str]


@pytest.fixture(scope="session")
def host() -> Iterator[Host]:
    pages: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            body = pages.get(path)
            self.send_response(200 if body is not None else 404)
            kind = "text/javascript" if path.endswith(".js") else "text/html"
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.end_headers()
            self.wfile.write((body or "not found").encode())

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Host(f"http://127.0.0.1:{server.server_address[1]}", pages)
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    """One browser context: every request and console error it saw, and host pages served for HOST."""

    context: BrowserContext
    site: str
    host: Host
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def hosts(self) -> dict[str, str]:
        return self.host.pages

    def page(self) -> Page:
        page = self.context.new_page()
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        return page

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def host_page(self, path: str, body: str) -> str:
        """Publish ``body`` at ``path`` on the embedding site (another origin) and return its URL."""
        self.hosts[path] = body
        return self.host.url + path

    def foreign(self) -> list[str]:
        """Requests to anything but the test server and the embedding site."""
        allowed = {urlsplit(self.site).netloc, urlsplit(self.host.url).netloc}
        return [url for url in self.requests if urlsplit(url).netloc not in allowed]


Opener = Callable[..., Visit]


@pytest.fixture()
def visits(browser: Browser, site: str, host: Host) -> Iterator[Opener]:
    """Opens fresh contexts (default: light, 1024 px, scripts on); afterwards none may have left the test server."""
    opened: list[Visit] = []

    def open_context(width: int = 1024, scheme: Literal["light", "dark"] = "light", js: bool = True) -> Visit:
        viewport: ViewportSize = {"width": width, "height": 900}
        context = browser.new_context(viewport=viewport, color_scheme=scheme, java_script_enabled=js)
        found = Visit(context, site, host)
        context.on("request", lambda r: found.requests.append(r.url))
        opened.append(found)
        return found

    yield open_context
    for found in opened:
        found.context.close()
    for found in opened:
        assert found.foreign() == [], "requests left the test server"


@pytest.fixture()
def visit(visits: Opener) -> Visit:
    return visits()
