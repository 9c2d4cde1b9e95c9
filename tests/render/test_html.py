"""HTML rendering: source links, the widget bar, and escaping of every text from the data."""

from __future__ import annotations

from datetime import date

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.render import html
from neutral_timeline.resolve.answer import Citation
from neutral_timeline.resolve.situation import situation, timeline
from neutral_timeline.text import Text


def test_source_links_are_http_only_and_numbered_per_host() -> None:
    cite = Citation(
        None, "PP 94/2021", None, Text("Pasal 5", "Pasal 5"), True,
        ("https://www.example.org/a", "https://example.org/b", "https://www.example.org/a", "ftp://x.org/c", "https://jdih.go.id/d"),
    )  # fmt: skip
    assert html.links(cite) == [
        ("https://www.example.org/a", "example.org"),
        ("https://example.org/b", "example.org (2)"),
        ("https://jdih.go.id/d", "jdih.go.id"),
    ]


def test_bar_puts_today_inside_the_current_phase(mini: Catalog) -> None:
    bar = html.bar(timeline(mini, "testvote-2028"), date(2028, 10, 3))
    assert bar.today_x is not None
    ((_, x, width, _),) = [s for row in bar.rows for s in row if s[0].state == "now"]
    assert x <= bar.today_x <= x + width
    assert html.bar(timeline(mini, "testvote-2028"), date(2030, 1, 1)).today_x is None


def test_widget_escapes_texts_from_the_data(mini: Catalog) -> None:
    result = situation(mini, date(2028, 10, 3), "testvote-2028")
    page = html.Page("https://h", "https://h/static/widget.css", urls={"home": "https://h/"})
    title = html.Words("en")("widget_title", name='<img src=x onerror="alert(1)">')
    body = html.widget(result, timeline(mini, "testvote-2028"), "en", "dark", title, page).decode()
    assert "<img" not in body and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in body
    assert '<body class="nt nt-page" data-theme="dark">' in body


def test_words_use_the_cli_wording() -> None:
    w = html.Words("id")
    assert w.text(Text("satu", "one")) == "satu" and w.text(None) == ""
    assert w.long(date(2024, 11, 27)) == "Rabu, 27 November 2024"
    assert w.span(date(2024, 9, 25), date(2024, 11, 23)) == "25 September 2024 – 23 November 2024"
