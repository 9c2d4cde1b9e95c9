"""Host pages that embed the widget, and reading what a widget shows, for the browser tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Frame, Page

DATE = "2028-10-03"
HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>{title}</title></head>'


def article(body: str, title: str = "Election news") -> str:
    """A plain news page around ``body``, with the landmarks and heading a real article has."""
    return (
        HEAD.format(title=title)
        + f"<body><main><h1>{title}</h1><p>An article about the election.</p>{body}<p>More text.</p></main></body></html>"
    )


def element(site: str, lang: str = "en", date: str = DATE, election: str = "testvote-2028", theme: str = "auto") -> str:
    fallback = f'<noscript><iframe src="{site}/widget/{election}?lang={lang}&amp;date={date}" title="widget" width="100%" height="640"></iframe></noscript>'
    return (
        f'<script src="{site}/static/widget.js" defer></script>'
        f'<neutral-timeline election="{election}" lang="{lang}" date="{date}" theme="{theme}">{fallback}</neutral-timeline>'
    )


# What the widget shows, read the same way from the iframe page and from the web component's shadow root
# (Playwright's CSS selectors pierce open shadow roots).
def shown(where: Page | Frame) -> dict[str, Any]:
    def texts(selector: str) -> list[str]:
        return [t.strip() for t in where.locator(selector).all_text_contents()]

    return {
        "title": texts(".nt-title"),
        "count": texts(".nt-count"),
        "now": texts(".nt-now-name"),
        "rules": texts(".nt-rule-name"),
        "areas": texts(".nt-area"),
        "notes": texts(".nt-note"),
        "note_texts": texts(".nt-notes li"),
        "details": texts(".nt-more summary"),
        "unverified": len(texts(".nt-unverified")),
        "sources": texts(".nt-src a"),
        "changes": texts(".nt-changes li"),
        "phases": texts(".nt-item-name"),
        "segments": [s.get_attribute("class") for s in where.locator(".nt-seg").all()],
    }


# The today marker's middle and the current phase segment's edges, in CSS pixels.
MARKER = """root => {
  const line = root.querySelector('.nt-today').getBoundingClientRect();
  const now = [...root.querySelectorAll('.nt-seg.is-now')].map(r => r.getBoundingClientRect());
  return {x: line.left + line.width / 2, now: now.map(r => [r.left, r.right])};
}"""
