"""An election's timeline as an SVG picture (phases, rule windows, today marker) for reports and slides.

Built with xml.etree.ElementTree: texts from the data are escaped by the serialiser, never pasted
into markup. Ids are stable (``phase-campaign``, ``rule-six-months-0``, ``today``) so that tests
and style sheets can find each shape.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from itertools import count

from neutral_timeline.i18n import label, months_abbr, short_date, span
from neutral_timeline.render.layout import Scale, State, scale_of, state
from neutral_timeline.resolve.answer import Timeline
from neutral_timeline.text import Lang

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH, LABELS, PAD = 1000, 330, 20
X0, X1 = LABELS + PAD, WIDTH - PAD
ROW, BAR, HEAD, SECTION = 24, 14, 116, 30
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
INK, MUTED, GRID, TODAY = "#1f2328", "#59636e", "#e4e8ec", "#cf222e"
PHASE: dict[State, tuple[str, str]] = {
    "past": ("#8c959f", "#8c959f"),
    "now": ("#0969da", "#0969da"),
    "future": ("#ffffff", "#8c959f"),
}
RULE: dict[State, tuple[str, str]] = {
    "past": ("#d0d7de", "#8c959f"),
    "now": ("#bc4c00", "#bc4c00"),
    "future": ("#ffffff", "#bc4c00"),
}
MAX_LABEL = 48


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _clip(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def _text(parent: ET.Element, x: float, y: float, value: str, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, "text", {"x": _n(x), "y": _n(y), **attrs})
    node.text = value
    return node


def _months(scale: Scale) -> list[date]:
    months = (scale.end.year - scale.start.year) * 12 + scale.end.month - scale.start.month + 1
    step = 1 if months <= 14 else 2 if months <= 28 else 3
    out, year, month = [], scale.start.year, scale.start.month
    for index in range(months + 1):
        first = date(year, month, 1)
        if index % step == 0 and scale.start < first <= scale.end:
            out.append(first)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _axis(svg: ET.Element, scale: Scale, lang: Lang, bottom: float) -> None:
    """Month lines and names; the year under the first month shown in each year."""
    axis = ET.SubElement(svg, "g", {"id": "axis", "font-size": "12", "fill": MUTED})
    year = 0
    for first in _months(scale):
        x = X0 + scale.at(first) * (X1 - X0)
        ET.SubElement(axis, "line", {"x1": _n(x), "x2": _n(x), "y1": _n(HEAD - 24), "y2": _n(bottom), "stroke": GRID})
        _text(axis, x + 3, HEAD - 26, months_abbr(lang)[first.month - 1])
        if first.year != year:
            year = first.year
            _text(axis, x + 3, HEAD - 12, str(year), **{"font-size": "11"})


def _row(
    group: ET.Element,
    ident: str,
    y: float,
    name: str,
    tip: str,
    left: float,
    width: float,
    kind: State,
    colors: dict[State, tuple[str, str]],
    open_ends: tuple[bool, bool],
) -> None:
    _text(group, LABELS, y + BAR - 2, _clip(name), **{"text-anchor": "end", "fill": INK})
    fill, stroke = colors[kind]
    x, w = X0 + left * (X1 - X0), max(width * (X1 - X0), 2)
    attrs = {
        "id": ident,
        "x": _n(x),
        "y": _n(y),
        "width": _n(w),
        "height": _n(BAR),
        "fill": fill,
        "stroke": stroke,
        "rx": "2",
    }
    rect = ET.SubElement(group, "rect", attrs)
    ET.SubElement(rect, "title").text = tip
    for is_open, edge, sign in ((open_ends[0], x, -1), (open_ends[1], x + w, 1)):
        if is_open:  # the span runs on beyond the picture
            tip_x, mid = edge + sign * 7, y + BAR / 2
            points = f"{_n(edge)},{_n(y)} {_n(tip_x)},{_n(mid)} {_n(edge)},{_n(y + BAR)}"
            ET.SubElement(group, "polygon", {"points": points, "fill": stroke})


def timeline(result: Timeline, lang: Lang, today: date | None = None) -> bytes:
    """The picture as UTF-8 XML; ``today`` draws the marker when it falls on the timeline."""
    scale = scale_of(result.phases)
    name = result.name.get(lang)
    height = HEAD + 2 * SECTION + (len(result.phases) + len(result.rules)) * ROW + 40
    svg = ET.Element(
        "svg", {"xmlns": SVG_NS, "width": str(WIDTH), "height": str(height), "viewBox": f"0 0 {WIDTH} {height}"}
    )
    svg.set("role", "img")
    svg.set("aria-labelledby", "svg-title svg-desc")
    svg.set("font-family", FONT)
    svg.set("font-size", "13")
    ET.SubElement(svg, "title", {"id": "svg-title"}).text = label("svg_title", lang, name=name)
    desc = ET.SubElement(svg, "desc", {"id": "svg-desc"})
    ET.SubElement(svg, "rect", {"width": str(WIDTH), "height": str(height), "fill": "#ffffff"})
    _text(svg, PAD, 34, name, **{"font-size": "20", "font-weight": "700", "fill": INK})
    schedule = (
        f"{label('schedule', lang)}: {result.revision.instrument.short} ({short_date(result.revision.enacted, lang)})"
    )
    _text(svg, PAD, 58, f"{schedule} · {span(scale.start, scale.end, lang)}", fill=MUTED)
    _axis(svg, scale, lang, height - 40)
    said = [
        f"{label('phase', lang)}: "
        + "; ".join(f"{p.name.get(lang)} {span(p.start, p.end, lang)}" for p in result.phases)
    ]

    y = HEAD + 6
    _text(svg, PAD, y + 14, label("all_phases", lang), **{"font-weight": "700", "fill": INK})
    phases = ET.SubElement(svg, "g", {"id": "phases"})
    y += SECTION
    for p in result.phases:
        left, width = scale.bar(p.start, p.end)
        tip = f"{p.name.get(lang)}: {span(p.start, p.end, lang)}"
        _row(
            phases,
            f"phase-{p.key}",
            y,
            p.name.get(lang),
            tip,
            left,
            width,
            state(p.start, p.end, today),
            PHASE,
            (False, False),
        )
        y += ROW

    _text(svg, PAD, y + 14, label("rule_windows", lang), **{"font-weight": "700", "fill": INK})
    rules = ET.SubElement(svg, "g", {"id": "rules"})
    y += SECTION
    serial: dict[str, count[int]] = {}
    windows = []
    for rs in result.rules:
        title = rs.rule.title.get(lang)
        left, width = scale.bar(rs.start, rs.end)
        ends = (rs.start is None or rs.start < scale.start, rs.end is None or rs.end > scale.end)
        ident = f"rule-{rs.rule.id}-{next(serial.setdefault(rs.rule.id, count()))}"
        tip = f"{title}: {span(rs.start, rs.end, lang)}"
        _row(rules, ident, y, title, tip, left, width, state(rs.start, rs.end, today), RULE, ends)
        windows.append(tip)
        y += ROW
    said.append(f"{label('rule_windows', lang)}: " + "; ".join(windows))

    middle = scale.middle(today) if today is not None else None
    if today is not None and middle is not None:
        x = X0 + middle * (X1 - X0)
        marker = ET.SubElement(svg, "g", {"id": "today-marker"})
        attrs = {
            "id": "today",
            "x1": _n(x),
            "x2": _n(x),
            "y1": _n(HEAD - 8),
            "y2": _n(y),
            "stroke": TODAY,
            "stroke-width": "2",
        }
        ET.SubElement(marker, "line", attrs)
        words = label("svg_today", lang, date=short_date(today, lang))
        anchor = "end" if x + 8 * len(words) > WIDTH - PAD else "start"  # ~8 px a bold character
        bold = {"fill": TODAY, "font-weight": "700", "text-anchor": anchor}
        _text(marker, x + (-5 if anchor == "end" else 5), HEAD - 42, words, **bold)
        said.append(words)
    elif today is not None:
        said.append(label("svg_outside", lang, date=short_date(today, lang)))
    _text(
        svg,
        PAD,
        height - 14,
        f"neutral-timeline · {label('data_version', lang)} {result.data_version}",
        **{"font-size": "11", "fill": MUTED},
    )
    desc.text = ". ".join(said) + "."
    out: bytes = ET.tostring(svg, encoding="utf-8", xml_declaration=True)
    return out
