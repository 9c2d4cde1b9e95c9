"""/docs in a real browser: Swagger UI renders every operation under the page policy, with no request elsewhere."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.api.conftest import MINI
from tests.serving import serving

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


@pytest.mark.slow
def test_swagger_ui_renders_offline_under_the_csp(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: browser tests use Debian's Chromium (`make browser` installs it)")
    from playwright.sync_api import sync_playwright

    with serving(MINI, tmp_path) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            problems: list[str] = []
            requested: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: requested.append(r.url))
            page.goto(url + "/docs")
            page.wait_for_selector(".opblock", timeout=20_000)
            spec = httpx.get(url + "/openapi.json").json()
            operations = sum(len(item) for item in spec["paths"].values())
            assert operations >= 25  # the query-style and the path-style addresses
            assert page.locator(".opblock").count() == operations  # every documented operation
            assert problems == []  # no Content-Security-Policy violation, no script error
            assert requested and all(r.startswith(url + "/") for r in requested)
        finally:
            browser.close()
