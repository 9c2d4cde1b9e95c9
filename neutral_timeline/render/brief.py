"""The short answer first: what applies today in about 60 lines (``today`` without ``--details``).

Phases with day N of M and the countdown; what is prohibited today, one item per activity area;
what changes in the next 14 days; where to report. Zones are named as Indonesians name them
(WIB, WITA, WIT) with the IANA id; URLs are printed whole on their own lines; no line ends in a
space, so the text pastes cleanly into a chat.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group, RenderableType
from rich.text import Text as RichText

from neutral_timeline.i18n import N_, countdown, label, long_date, say, short_date
from neutral_timeline.render.areas import by_area
from neutral_timeline.render.terminal import Indent
from neutral_timeline.resolve.answer import Change, Situation
from neutral_timeline.text import Lang

ZONES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
WORDS = {
    "zone": N_("Time zone {zone}"),
    "prohibited": N_("Prohibited today, by area"),
    "obligations": N_("Always applies"),
    "more": N_("Every rule with its window, basis, notes and sources:"),
    "ask": N_("May I …? Ask about one activity:"),
    "example": N_("nge-like postingan calon"),
}


def zone_name(zone: str) -> str:
    """'WIB (Asia/Jakarta)': the Indonesian name of the zone, then its IANA id."""
    short = ZONES.get(zone)
    return f"{short} ({zone})" if short else zone


def _w(key: str, lang: Lang, **values: object) -> str:
    return say(WORDS[key], lang, **values)


def bullets(rows: Iterable[RichText], indent: int = 2) -> RenderableType:
    """Bulleted items with a hanging indent (wrapped lines align with the text, not the bullet)."""
    return Group(*(Indent(row, indent, "• ") for row in rows))


def _changes(changes: Iterable[Change], lang: Lang) -> list[RichText]:
    """One item per day and kind of change: '25 September 2024 (today): comes into force — A; B'."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for change in changes:
        when = label("today", lang) if change.in_days == 0 else label("in_days", lang, n=change.in_days)
        key = (f"{short_date(change.date, lang)} ({when})", change.change)
        grouped.setdefault(key, [])
        if change.name.get(lang) not in grouped[key]:
            grouped[key].append(change.name.get(lang))
    rows = []
    for (when, kind), names in grouped.items():
        row = RichText(f"{when}: ", style="date")
        row.append(f"{label(kind, lang)} — ")
        row.append("; ".join(names), style="phase" if kind.startswith("phase") else "rule.title")
        rows.append(row)
    return rows


def brief(result: Situation, lang: Lang) -> RenderableType:
    head = RichText(f"{label('title', lang)} — ", style="heading")
    head.append(long_date(result.date, lang), style="date")
    parts: list[RenderableType] = [Indent(head, 0)]
    place = f"{label('region', lang)}: {result.region.name} ({result.region.code}) · " if result.region else ""
    parts.append(Indent(RichText(place + _w("zone", lang, zone=zone_name(result.zone)), "muted"), 0))
    for es in result.elections:
        line = RichText(es.name.get(lang), style="election")
        line.append(" — " + countdown(es.countdown.days, es.countdown.voting_day, lang))
        parts += [RichText(""), Indent(line, 0)]
        if es.own_schedule:  # the region votes on its own later schedule (a re-vote or re-election)
            own = RichText(label("local_schedule", lang, name=es.own_schedule.name.get(lang)), style="warn")
            own.append(f" ({label(es.own_schedule.kind, lang)})", style="muted")
            parts.append(Indent(own, 2))
        elif es.participation:
            parts.append(Indent(RichText(es.participation.note.get(lang), style="muted"), 2))
        rows = []
        for now in es.phases:
            row = RichText(now.phase.name.get(lang), style="phase")
            row.append(": " + label("day_of", lang, day=now.day, days=now.phase.days, left=now.days_left))
            rows.append(row)
        if rows:
            parts.append(bullets(rows))
        else:
            parts.append(Indent(RichText(label("no_phase", lang), style="muted"), 2))
    if result.message:
        parts += [RichText(""), Indent(RichText(result.message.get(lang), style="warn"), 0)]
    if result.announced:  # what comes next: what the law fixes about it, never a date (sources: --details)
        parts.append(RichText(f"\n{label('announced', lang)}", style="heading"))
        for item in result.announced:
            row = RichText(item.name.get(lang), style="election")
            row.append(f" ({label('announced_on', lang, date=short_date(item.announced, lang))})", style="muted")
            parts.append(bullets([row]))
            parts.append(bullets([RichText(fact.text.get(lang)) for fact in item.facts], indent=4))
    groups = by_area(result, lang)
    if groups:
        count = sum(len(rules) for _, rules in groups)
        parts.append(RichText(f"\n{_w('prohibited', lang)} ({count})", style="heading"))
        rows = []
        for area, rules in groups:
            row = RichText(f"{area}: ", style="rule.title")
            row.append("; ".join(r.title.get(lang) for r in rules))
            rows.append(row)
        parts.append(bullets(rows))
    duties = [r for r in result.rules if r.kind != "prohibition"]
    if duties:
        line = RichText(f"{_w('obligations', lang)}: ", style="heading")
        line.append("; ".join(r.title.get(lang) for r in duties))
        parts.append(Indent(line, 0))
    changes = [c for es in result.elections for c in es.upcoming]
    if result.elections:
        parts.append(RichText(f"\n{label('upcoming', lang)}", style="heading"))
        if changes:
            parts.append(bullets(_changes(sorted(changes, key=lambda c: c.date), lang)))
        else:
            parts.append(Indent(RichText(label("no_upcoming", lang), style="muted"), 2))
    if result.reporting:
        parts.append(RichText(f"\n{label('reporting', lang)}", style="heading"))
        rows = []
        for body in result.reporting:
            row = RichText(body.name.get(lang), style="rule.title")
            row.append(" (" + ", ".join(label(h, lang) for h in body.handles) + ")")
            rows.append(row)
        for row, body in zip(rows, result.reporting, strict=True):
            parts.append(bullets([row]))
            if body.url:
                parts.append(RichText(f"    {body.url}", style=f"link {body.url}", no_wrap=True, overflow="ignore"))
    parts.append(RichText(""))
    parts.append(Indent(RichText(_w("more", lang), style="muted"), 0))
    parts.append(RichText("  neutral-timeline today --details", no_wrap=True, overflow="ignore"))
    parts.append(Indent(RichText(_w("ask", lang), style="muted"), 0))
    example = f'  neutral-timeline check "{_w("example", lang)}"'
    parts.append(RichText(example, no_wrap=True, overflow="ignore"))
    return Group(*parts)
