"""Situations, timelines and lists as rich terminal output, Indonesian by default."""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text as RichText
from rich.theme import Theme

from neutral_timeline.i18n import label, long_date, short_date, span
from neutral_timeline.resolve.answer import (
    Citation,
    ElectionSituation,
    ElectionSummary,
    RegionInfo,
    RuleInfo,
    RuleInForce,
    Situation,
    Timeline,
)
from neutral_timeline.text import Lang

THEME = Theme(
    {
        "heading": "bold",
        "election": "bold cyan",
        "phase": "green",
        "rule.title": "bold",
        "muted": "dim",
        "warn": "yellow",
        "basis": "magenta",
        "date": "cyan",
    }
)


def console(no_color: bool = False, width: int | None = None) -> Console:
    """A console with our theme; rich itself honours NO_COLOR and COLUMNS."""
    return Console(theme=THEME, highlight=False, no_color=no_color or None, width=width, soft_wrap=False)


MAX_URLS = 2  # per citation in the terminal; --json and the API carry every URL


class Footnotes:
    """Numbers each distinct URL once so that every source shows as [n] and a list at the end."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def mark(self, urls: Iterable[str]) -> str:
        numbers = []
        for url in urls:
            if url not in self.urls:
                self.urls.append(url)
            numbers.append(self.urls.index(url) + 1)
        return "".join(f"[{n}]" for n in numbers)

    def renderable(self, lang: Lang) -> RenderableType:
        out = RichText(label("sources", lang) + "\n", style="heading")
        for index, url in enumerate(self.urls, start=1):
            out.append(f"[{index}] {url}\n", style="muted")
        return out


def cite(c: Citation, lang: Lang, notes: Footnotes, brief: bool = False) -> RichText:
    """'PP 94/2021 Pasal 5 huruf n [3]'; ``brief`` leaves out the locator (long lists of sources)."""
    text = RichText()
    text.append(
        c.short or c.instrument or "" if brief else f"{c.short or c.instrument or ''} {c.locator}".strip(),
        style="basis",
    )
    if c.region:
        text.append(f" ({label('regional', lang)} {c.region})", style="muted")
    marks = notes.mark(c.urls[:MAX_URLS])
    if marks:
        text.append(" " + marks, style="muted")
    if not c.verified:
        text.append(f" ({label('unverified', lang)})", style="warn")
    return text


def _rule_row(rule: RuleInForce, lang: Lang, notes: Footnotes) -> tuple[RichText, RichText, RichText]:
    what = RichText(rule.title.get(lang), style="rule.title")
    what.append("\n" + rule.summary.get(lang))
    if rule.interpretation:
        what.append(f"\n{label('interpretation', lang)}: ", style="warn")
        what.append(rule.interpretation.get(lang), style="muted")
    if rule.sanction:
        what.append(f"\n{label('sanction', lang)}: ", style="heading")
        what.append(rule.sanction.text.get(lang))
        what.append(" (")
        what.append_text(cite(rule.sanction.source, lang, notes))
        what.append(")")
    window = RichText(span(rule.window.start, rule.window.end, lang), style="date")
    if rule.window.opened_by_text:
        window.append(f"\n{label('opened_by', lang)} {rule.window.opened_by_text.get(lang)}", style="muted")
    basis = RichText()
    for index, c in enumerate(rule.basis):
        if index:
            basis.append("\n")
        basis.append_text(cite(c, lang, notes))
    return what, window, basis


def rules_table(rules: Iterable[RuleInForce], lang: Lang, notes: Footnotes) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True, pad_edge=False)
    table.add_column(label("rule", lang), ratio=5)
    table.add_column(label("window", lang), ratio=2)
    table.add_column(label("basis", lang), ratio=2)
    for rule in rules:
        table.add_row(*_rule_row(rule, lang, notes))
    return table


def _countdown(es: ElectionSituation, lang: Lang) -> str:
    days, when = es.countdown.days, short_date(es.countdown.voting_day, lang)
    if days > 0:
        return label("countdown_future", lang, days=days, date=when)
    if days == 0:
        return label("countdown_today", lang)
    return label("countdown_past", lang, days=-days, date=when)


def election_block(es: ElectionSituation, lang: Lang, notes: Footnotes) -> RenderableType:
    parts: list[RenderableType] = []
    head = RichText(es.name.get(lang), style="election")
    rev = es.revision
    head.append(f"  {label('schedule', lang)}: {rev.instrument.short} ({short_date(rev.enacted, lang)})", style="muted")
    if not rev.latest:
        head.append(f" — {label('superseded', lang)}", style="warn")
    parts += [head, RichText(_countdown(es, lang))]
    if es.participation:
        style = "phase" if es.participation.status == "takes_part" else "warn"
        note = RichText(es.participation.note.get(lang), style=style)
        note.append(" ")
        note.append_text(cite(es.participation.source, lang, notes, brief=True))
        parts.append(note)
    if not es.in_progress:
        parts.append(RichText(label("not_in_progress", lang), style="warn"))
    parts.append(RichText("\n" + label("phases", lang), style="heading"))
    if not es.phases:
        parts.append(RichText("  " + label("no_phase", lang), style="muted"))
    for now in es.phases:
        line = RichText("  • ")
        line.append(now.phase.name.get(lang), style="phase")
        line.append(f"  {span(now.phase.start, now.phase.end, lang)}", style="date")
        line.append("  " + label("day_of", lang, day=now.day, days=now.phase.days, left=now.days_left), style="muted")
        line.append("  ")
        line.append_text(cite(now.phase.source, lang, notes))
        parts.append(line)
    parts.append(RichText(f"\n{label('rules', lang)} ({len(es.rules)})", style="heading"))
    parts.append(rules_table(es.rules, lang, notes) if es.rules else RichText("  " + label("no_rules", lang)))
    parts.append(RichText(label("upcoming", lang), style="heading"))
    if not es.upcoming:
        parts.append(RichText("  " + label("no_upcoming", lang), style="muted"))
    for change in es.upcoming:
        when = label("today", lang) if change.in_days == 0 else label("in_days", lang, n=change.in_days)
        line = RichText(f"  • {short_date(change.date, lang)} ({when}): ", style="date")
        line.append(f"{label(change.change, lang)} — ")
        line.append(change.name.get(lang), style="phase" if change.change.startswith("phase") else "rule.title")
        parts.append(line)
    return Group(*parts)


def situation(result: Situation, lang: Lang) -> RenderableType:
    notes = Footnotes()
    head = RichText(f"{label('title', lang)} — ", style="heading")
    head.append(long_date(result.date, lang), style="date")
    if result.region:
        head.append(f"\n{label('region', lang)}: {result.region.name} ({result.region.code})", style="election")
    head.append(f" ({label('zone', lang)} {result.zone})", style="muted")
    if result.as_of:
        head.append(
            f"\n{label('schedule', lang)} {label('as_of', lang)} {short_date(result.as_of, lang)}", style="muted"
        )
    parts: list[RenderableType] = [head]
    for es in result.elections:
        parts += [RichText(""), election_block(es, lang, notes)]
    if result.message:
        parts += [RichText(""), RichText(result.message.get(lang), style="warn")]
    if result.always:
        parts.append(RichText(f"\n{label('always_rules', lang)}", style="heading"))
        parts.append(rules_table(result.always, lang, notes))
    parts.append(notes.renderable(lang))
    return Group(*parts)


def timeline(result: Timeline, lang: Lang) -> RenderableType:
    notes = Footnotes()
    head = RichText(result.name.get(lang), style="election")
    head.append(
        f"  {label('schedule', lang)}: {result.revision.instrument.short} ({short_date(result.revision.enacted, lang)})",
        style="muted",
    )
    phases = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    for column in ("phases", "window", "basis"):
        phases.add_column(label(column, lang))
    for p in result.phases:
        phases.add_row(
            RichText(p.name.get(lang), style="phase"),
            RichText(span(p.start, p.end, lang), style="date"),
            cite(p.source, lang, notes),
        )
    rules = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    for column in ("rule", "window", "basis"):
        rules.add_column(label(column, lang))
    for rs in result.rules:
        basis = RichText()
        for index, c in enumerate(rs.rule.basis):
            basis.append("\n" if index else "")
            basis.append_text(cite(c, lang, notes))
        rules.add_row(
            RichText(rs.rule.title.get(lang), style="rule.title"),
            RichText(span(rs.start, rs.end, lang), style="date"),
            basis,
        )
    return Group(head, phases, rules, notes.renderable(lang))


def elections(items: Iterable[ElectionSummary], lang: Lang) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("election", "kind", "voting_day", "schedule"):
        table.add_column(label(column, lang))
    table.add_column("id", style="muted")
    for e in items:
        schedule = f"{e.revision.instrument.short} ({len(e.revisions)} {label('revisions', lang).lower()})"
        table.add_row(e.name.get(lang), e.kind, short_date(e.voting_day, lang), schedule, e.id)
    return table


def rules_list(items: Iterable[RuleInfo], lang: Lang) -> RenderableType:
    notes = Footnotes()
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True, pad_edge=False)
    for column in ("rule", "tags", "basis"):
        table.add_column(label(column, lang))
    for rule in items:
        what = RichText(rule.title.get(lang), style="rule.title")
        what.append(f"  {rule.id}", style="muted")
        what.append("\n" + rule.summary.get(lang))
        basis = RichText()
        for index, c in enumerate(rule.basis):
            basis.append("\n" if index else "")
            basis.append_text(cite(c, lang, notes))
        table.add_row(what, ", ".join(rule.tags), basis)
    return Group(table, notes.renderable(lang))


def regions(items: Iterable[RegionInfo], lang: Lang) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("region_code", "region", "province", "zone"):
        table.add_column(label(column, lang))
    for r in items:
        table.add_row(r.code, r.name, r.province_name, r.zone)
    return table
