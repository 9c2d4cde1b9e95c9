"""What WordPress does to a third-party oEmbed, re-implemented for tests (not WordPress's code).

wp_filter_oembed_result (wp-includes/embed.php) keeps only a blockquote with links and one
iframe with a few attributes, appends its own ``#?secret=`` to the iframe's src, hides the
iframe until the page answers, and sandboxes it with ``allow-scripts`` only. wp-embed.js in the
host page then resizes the iframe on ``{message: "height", value, secret}`` (200-1000 px).
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

ALLOWED: dict[str, set[str]] = {
    "a": {"href"},
    "blockquote": set(),
    "iframe": {"src", "width", "height", "frameborder", "marginwidth", "marginheight", "scrolling", "title"},
}
SECRET = "Wp5ecret42"  # wp_generate_password(10, false): ten letters and digits


class Kses(HTMLParser):
    """Keeps allowed tags and attributes, drops every other tag (its text stays, as text)."""

    def __init__(self, allowed: dict[str, set[str]]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed: dict[str, set[str]] = allowed
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.allowed:
            kept = "".join(f' {k}="{escape(v or "")}"' for k, v in attrs if k in self.allowed[tag])
            self.out.append(f"<{tag}{kept}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.allowed:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))


def kses(html: str, allowed: dict[str, set[str]]) -> str:
    parser = Kses(allowed)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def filter_oembed(html: str, secret: str = SECRET) -> str:
    """The HTML a WordPress post ends up with for an untrusted provider's ``rich`` answer."""
    html = kses(html, ALLOWED)
    content = re.search(r"(<blockquote>.*?</blockquote>)?.*(<iframe.*?></iframe>)", html, re.S)
    assert content is not None, "WordPress drops an embed without an iframe"
    quote, html = content[1], (content[1] or "") + content[2]
    src = re.search(r""" src=(['"])(.*?)\1""", html)
    if src:
        q = src[1]
        html = html.replace(src[0], f" src={q}{src[2]}#?secret={secret}{q} data-secret={q}{secret}{q}")
        html = html.replace("<blockquote", f'<blockquote data-secret="{secret}"')
    html = kses(html, {**ALLOWED, "blockquote": {"data-secret"}, "iframe": ALLOWED["iframe"] | {"data-secret"}})
    if quote:
        html = html.replace("<iframe", '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"')
        html = html.replace("<blockquote", '<blockquote class="wp-embedded-content"')
    return re.sub(
        "<iframe", '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"', html, flags=re.I
    )


# The host side of the protocol, as wp-embed.js behaves; it also keeps every message for the test.
HOST_SCRIPT = """<script>
window.__messages = [];
window.addEventListener('message', function (e) {
  var d = e.data;
  if (!d || !(d.secret || d.message || d.value) || /[^a-zA-Z0-9]/.test(d.secret)) return;
  window.__messages.push(d);
  document.querySelectorAll('blockquote[data-secret="' + d.secret + '"]').forEach(function (b) { b.style.display = 'none'; });
  document.querySelectorAll('iframe[data-secret="' + d.secret + '"]').forEach(function (f) {
    if (e.source !== f.contentWindow) return;
    f.removeAttribute('style');
    if (d.message === 'height') f.height = Math.max(200, Math.min(1000, parseInt(d.value, 10)));
  });
});
</script>"""
