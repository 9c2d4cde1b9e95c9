"""Keyboard, screen reader and safety checks in Chromium: every link by Tab, axe-core, inert hostile text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

from tests.widget.conftest import HOSTILE_TITLE, Opener, Visit
from tests.widget.pages import DATE, article, element

if TYPE_CHECKING:
    from playwright.sync_api import Page

# Number every focusable thing, in the document and in open shadow roots, in document order.
MARK = """() => {
  const found = [];
  const walk = root => root.querySelectorAll('*').forEach(el => {
    if (el.matches('a[href], summary, select, button, input:not([type=hidden])')) found.push(el);
    if (el.shadowRoot) walk(el.shadowRoot);
  });
  walk(document);
  found.forEach((el, i) => el.setAttribute('data-k', i));
  return found.length;
}"""
ACTIVE = """() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a && a.getAttribute('data-k') !== null ? Number(a.getAttribute('data-k')) : null;
}"""


CLOSED_SUMMARY = """() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return !!a && a.tagName === 'SUMMARY' && !a.parentElement.open;
}"""


def tab_through(page: Page, extra: int = 0) -> tuple[int, list[int]]:
    """How many focusable things there are, and the order Tab reached them in (first visits).

    Like a keyboard user, it opens every closed "Details" it lands on with Enter.
    """
    total = page.evaluate(MARK)
    seen: list[int] = []
    for _ in range(total + extra + 2):
        page.keyboard.press("Tab")
        k = page.evaluate(ACTIVE)
        if k is not None and k not in seen:
            seen.append(k)
        if page.evaluate(CLOSED_SUMMARY):
            page.keyboard.press("Enter")
    return total, seen


def pages(visit: Visit, site: str) -> dict[str, str]:
    return {
        "widget": f"{site}/widget/testvote-2028?date={DATE}&lang=en",
        "home": f"{site}/?date={DATE}",
        "element": visit.host_page("/a11y", article(element(site, "en"))),
    }


@pytest.mark.parametrize("name", ["widget", "home", "element"])
def test_tab_reaches_every_link_in_order(visit: Visit, site: str, name: str) -> None:
    page = visit.page()
    page.goto(pages(visit, site)[name])
    page.wait_for_load_state("networkidle")
    if name == "element":
        page.locator("neutral-timeline .nt-title").wait_for()
    total, seen = tab_through(page, extra=40 if name == "home" else 0)  # the home page's preview has links too
    assert total > 3
    assert seen == list(range(total))


def serious(page: Page, iframes: bool) -> list[str]:
    result = Axe().run(page, options={"resultTypes": ["violations"], "iframes": iframes})
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in result.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["widget", "home", "element"])
def test_axe_finds_nothing_serious(visits: Opener, site: str, name: str, scheme: Literal["light", "dark"]) -> None:
    visit = visits(scheme=scheme, width=320 if scheme == "dark" else 1024)
    page = visit.page()
    page.goto(pages(visit, site)[name])
    page.wait_for_load_state("networkidle")
    if name == "element":
        page.locator("neutral-timeline .nt-title").wait_for()
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert serious(page, iframes=False) == []


@pytest.mark.parametrize("name", ["widget", "home", "element"])
def test_hostile_text_stays_text(visit: Visit, site: str, name: str) -> None:
    page = visit.page()
    page.goto(pages(visit, site)[name])
    page.wait_for_load_state("networkidle")
    if page.locator("details.nt-more-rules").count():  # the iframe page: every rule one click away
        page.locator("details.nt-more-rules > summary").click()
    page.locator(".nt-rule-name", has_text="Title <b>bold</b>" if name != "home" else "Judul <b>tebal</b>").wait_for()
    titles = page.locator(".nt-rule-name").all_text_contents()
    assert (HOSTILE_TITLE["id"] if name == "home" else HOSTILE_TITLE["en"]) in titles
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".nt-rule-title b, .nt-summary img, .nt-note img, .nt-cite script").count() == 0
    hostile = page.locator(".nt-src a[href*='onmouseover']").first
    assert unquote(hostile.get_attribute("href") or "") == 'https://example.org/a"onmouseover="window.__pwned=5'
    assert hostile.get_attribute("onmouseover") is None
    hostile.hover()
    assert page.evaluate("window.__pwned") is None
    assert not [url for url in visit.requests if url.endswith("/x")]
