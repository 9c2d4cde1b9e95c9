"""Situations, timelines and lists as rich terminal output, Indonesian by default."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text as RichText
from rich.theme import Theme

if TYPE_CHECKING:
    from rich.table import Table

from neutral_timeline.i18n import countdown, label, long_date, short_date, span
from neutral_timeline.resolve.answer import (
    AnnouncedInfo,
    Citation,
    ElectionSituation,
    ElectionSummary,
    LocalInfo,
    RegionInfo,
    RuleInfo,
    RuleInForce,
    Situation,
    Timeline,
    WindowInfo,
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


def _table(expand: bool = False, show_lines: bool = False) -> Table:
    """A plain table; rich.table loads only for the views that use one (not `today`)."""
    from rich import box
    from rich.table import Table

    return Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=expand, show_lines=show_lines)


def console(no_color: bool = False, width: int | None = None) -> Console:
    """A console with our theme; rich itself honours NO_COLOR and COLUMNS."""
    return Console(theme=THEME, highlight=False, no_color=no_color or None, width=width, soft_wrap=False)


class Indent:
    """``renderable`` indented by ``n`` spaces, each line without trailing spaces (rich's Padding
    pads every line to the full width; pasted into a chat, those spaces are noise)."""

    def __init__(self, renderable: RenderableType, n: int, bullet: str = "") -> None:
        self.renderable, self.n, self.bullet = renderable, n, bullet  # bullet: "• ", a hanging indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = self.n + len(self.bullet)
        inner = options.update_width(max(1, options.max_width - width))
        for index, line in enumerate(console.render_lines(self.renderable, inner, pad=False)):
            while line and not line[-1].text.strip():  # trailing blank segments
                line.pop()
            if line:
                last = line[-1]
                line[-1] = Segment(last.text.rstrip(), last.style, last.control)
                yield Segment(" " * self.n + (self.bullet if index == 0 else " " * len(self.bullet)))
                yield from line
            yield Segment.line()


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
        if not self.urls:
            return RichText("")
        out = RichText(label("sources", lang) + "\n", style="heading")
        for index, url in enumerate(self.urls, start=1):
            out.append(f"[{index}] {url}\n", style="muted")
        return out


def cite(c: Citation, lang: Lang, notes: Footnotes, brief: bool = False) -> RichText:
    """'PP 94/2021 Pasal 5 huruf n [3]'; ``brief`` leaves out the locator (long lists of sources)."""
    text = RichText()
    text.append(
        c.short or c.instrument or "" if brief else f"{c.short or c.instrument or ''} {c.locator.get(lang)}".strip(),
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


class Interpretations:
    """Interpretation notes, each printed once and referred to by letter: many rules share one."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def mark(self, text: str) -> str:
        if text not in self.texts:
            self.texts.append(text)
        return chr(ord("A") + self.texts.index(text) % 26)

    def renderable(self, lang: Lang) -> RenderableType:
        out = RichText()
        for index, text in enumerate(self.texts):
            out.append(f"{label('interpretation', lang)} [{chr(ord('A') + index % 26)}] ", style="warn")
            out.append(text + "\n", style="muted")
        return out


def _window(window: WindowInfo, lang: Lang) -> str:
    when = span(window.start, window.end, lang)
    if window.opened_by_text:
        when += f" ({label('opened_by', lang)} {window.opened_by_text.get(lang)})"
    return when


def _rule_block(
    number: int,
    rule: RuleInForce,
    lang: Lang,
    notes: Footnotes,
    readings: Interpretations,
    details: bool,
    names: dict[str, str] | None = None,
) -> RenderableType:
    head = RichText(f"{number:>2}. ")
    head.append(rule.title.get(lang), style="rule.title")
    if not rule.verified:
        head.append(f" ({label('unverified', lang)})", style="warn")
    body = RichText(rule.summary.get(lang))
    body.append(f"\n{label('window', lang)}: ", style="heading")
    if len(rule.applies_through) > 1 and names:
        for index, through in enumerate(rule.applies_through):
            body.append("; " if index else "")
            body.append(f"{names.get(through.election, through.election)}: ", style="election")
            body.append(_window(through.window, lang), style="date")
    else:
        body.append(_window(rule.window, lang), style="date")
    body.append(f"\n{label('basis', lang)}: ", style="heading")
    for index, c in enumerate(rule.basis):
        body.append("; " if index else "")
        body.append_text(cite(c, lang, notes))
    if rule.interpretation:
        body.append(f"\n{label('interpretation', lang)} [{readings.mark(rule.interpretation.get(lang))}]", style="warn")
    if rule.sanction and details:
        body.append(f"\n{label('sanction', lang)}: ", style="heading")
        body.append(rule.sanction.text.get(lang))
        body.append(" (")
        body.append_text(cite(rule.sanction.source, lang, notes))
        body.append(")")
    return Group(Indent(head, 0), Indent(body, 4))


def rules_list_in_force(
    rules: Iterable[RuleInForce],
    lang: Lang,
    notes: Footnotes,
    readings: Interpretations,
    details: bool,
    names: dict[str, str] | None = None,
) -> RenderableType:
    blocks = (_rule_block(n, r, lang, notes, readings, details, names) for n, r in enumerate(rules, start=1))
    return Group(*blocks)


def _countdown(es: ElectionSituation, lang: Lang) -> str:
    return countdown(es.countdown.days, es.countdown.voting_day, lang)


def election_block(
    es: ElectionSituation, lang: Lang, notes: Footnotes, readings: Interpretations, details: bool = False
) -> RenderableType:
    parts: list[RenderableType] = []
    head = RichText(es.name.get(lang), style="election")
    rev = es.revision
    head.append(f"  {label('schedule', lang)}: {rev.instrument.short} ({short_date(rev.enacted, lang)})", style="muted")
    if not rev.latest:
        head.append(f" — {label('superseded', lang)}", style="warn")
    parts += [head, RichText(_countdown(es, lang))]
    if es.own_schedule:
        own = RichText(label("local_schedule", lang, name=es.own_schedule.name.get(lang)), style="warn")
        own.append(f" ({label(es.own_schedule.kind, lang)})", style="muted")
        parts.append(own)
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


def voting_again(items: Iterable[LocalInfo], lang: Lang, notes: Footnotes) -> RenderableType:
    """The regions voting again on their own schedule on the date asked, and when."""
    parts: list[RenderableType] = [RichText("\n" + label("voting_again", lang), style="heading")]
    for item in items:
        line = RichText("  • ")
        line.append(item.name.get(lang), style="election")
        line.append(f" ({label(item.kind, lang)}): ", style="muted")
        line.append(", ".join(r.name for r in item.regions))
        line.append(" — " + label("local_voting_day", lang, date=short_date(item.voting_day, lang)), style="date")
        line.append(" ")
        line.append_text(cite(item.source, lang, notes, brief=True))
        parts.append(line)
    return Group(*parts)


def announced(items: Iterable[AnnouncedInfo], lang: Lang, notes: Footnotes) -> RenderableType:
    """The elections announced ahead, with what is known and its sources, and no dates."""
    parts: list[RenderableType] = [RichText("\n" + label("announced", lang), style="heading")]
    for item in items:
        head = RichText("  • ")
        head.append(item.name.get(lang), style="election")
        head.append(f" ({label('announced_on', lang, date=short_date(item.announced, lang))}) ", style="muted")
        head.append_text(cite(item.source, lang, notes, brief=True))
        parts.append(head)
        for fact in item.facts:
            line = RichText("    – " + fact.text.get(lang) + " ")
            line.append_text(cite(fact.source, lang, notes, brief=True))
            parts.append(line)
        parts.append(RichText("    " + label("no_date", lang), style="warn"))
    return Group(*parts)


def situation(result: Situation, lang: Lang, details: bool = False) -> RenderableType:
    """The answer to "what applies today"; ``details`` adds each rule's sanction."""
    notes, readings = Footnotes(), Interpretations()
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
        parts += [RichText(""), election_block(es, lang, notes, readings, details)]
    if result.message:
        parts += [RichText(""), RichText(result.message.get(lang), style="warn")]
    if result.local and not any(es.local for es in result.elections):
        parts.append(voting_again(result.local, lang, notes))
    if result.announced:
        parts.append(announced(result.announced, lang, notes))
    heading = label("rules", lang) if result.elections else label("always_rules", lang)
    if result.rules or result.covered:  # outside the coverage with no rule held: nothing to list
        parts.append(RichText(f"\n{heading} ({len(result.rules)})", style="heading"))
    if result.rules:
        names = {es.id: es.name.get(lang) for es in result.elections}
        parts.append(rules_list_in_force(result.rules, lang, notes, readings, details, names))
    elif result.covered:
        parts.append(RichText("  " + label("no_rules", lang)))
    if result.reporting:
        parts.append(RichText(f"\n{label('reporting', lang)}", style="heading"))
        for body in result.reporting:
            line = RichText("  • ")
            line.append(body.name.get(lang), style="rule.title")
            line.append(" (" + ", ".join(label(h, lang) for h in body.handles) + ") ")
            line.append_text(cite(body.source, lang, notes, brief=True))
            if body.url:
                line.append(f"\n    {body.url}", style="muted")
            parts.append(line)
    parts += [RichText(""), readings.renderable(lang), notes.renderable(lang)]
    return Group(*parts)


def timeline(result: Timeline, lang: Lang) -> RenderableType:
    notes = Footnotes()
    head = RichText(result.name.get(lang), style="election")
    head.append(
        f"  {label('schedule', lang)}: {result.revision.instrument.short} ({short_date(result.revision.enacted, lang)})",
        style="muted",
    )
    phases = _table(expand=True)
    for column in ("phases", "window", "basis"):
        phases.add_column(label(column, lang))
    for p in result.phases:
        phases.add_row(
            RichText(p.name.get(lang), style="phase"),
            RichText(span(p.start, p.end, lang), style="date"),
            cite(p.source, lang, notes),
        )
    rules = _table(expand=True)
    for column in ("rule", "window", "basis"):
        rules.add_column(label(column, lang))
    for rs in result.rules:
        basis = RichText()
        for number, stretch in enumerate(rs.bases or ()):
            basis.append("\n" if number else "")
            if len(rs.bases) > 1:  # the basis changed within the window: say over which days each applies
                basis.append(span(stretch.start, stretch.end, lang) + ": ", style="date")
            for index, c in enumerate(stretch.basis):
                basis.append("; " if index else "")
                basis.append_text(cite(c, lang, notes))
        title = RichText(rs.rule.title.get(lang), style="rule.title")
        if not rs.rule.verified:
            title.append(f" ({label('unverified', lang)})", style="warn")
        rules.add_row(
            title,
            RichText(span(rs.start, rs.end, lang), style="date"),
            basis,
        )
    return Group(head, phases, rules, notes.renderable(lang))


def elections(listed: Iterable[ElectionSummary | AnnouncedInfo], lang: Lang) -> RenderableType:
    """The elections with a schedule as a table, the regions voting again on their own, then the
    elections announced with no schedule (what is known, with sources, and no date)."""
    listed = tuple(listed)
    items = [e for e in listed if isinstance(e, ElectionSummary)]
    ahead = [e for e in listed if isinstance(e, AnnouncedInfo)]
    table = _table()
    for column in ("election", "kind", "voting_day", "schedule"):
        table.add_column(label(column, lang))
    table.add_column("id", style="muted")
    for e in items:
        schedule = f"{e.revision.instrument.short} ({label('n_revisions', lang, n=len(e.revisions))})"
        table.add_row(e.name.get(lang), e.kind, short_date(e.voting_day, lang), schedule, e.id)
    found = [s for e in items for s in e.local]
    if not found and not ahead:
        return table
    notes = Footnotes()
    parts: list[RenderableType] = [table]
    if found:
        parts.append(voting_again(found, lang, notes))
    if ahead:
        parts.append(announced(ahead, lang, notes))
    return Group(*parts, notes.renderable(lang))


def _areas(rule: RuleInfo, lang: Lang) -> str:
    """The rule's activity areas by name (activities.toml), else each tag in the reader's words."""
    if len(rule.areas) == len(rule.tags):
        return ", ".join(area.get(lang) for area in rule.areas)
    from neutral_timeline.render.ics_text import tag_name

    return ", ".join(tag_name(tag, lang) for tag in rule.tags)


def rules_list(items: Iterable[RuleInfo], lang: Lang) -> RenderableType:
    notes = Footnotes()
    table = _table(show_lines=True, expand=True)
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
        table.add_row(what, _areas(rule, lang), basis)
    return Group(table, notes.renderable(lang))


def regions(items: Iterable[RegionInfo], lang: Lang) -> RenderableType:
    table = _table()
    for column in ("region_code", "region", "province", "zone"):
        table.add_column(label(column, lang))
    for r in items:
        table.add_row(r.code, r.name, r.province_name, r.zone)
    return table


def view(value: object, lang: Lang, details: bool = False) -> RenderableType:
    """The terminal view of any answer: a situation, a timeline, or a list (or one item) of
    elections, rules or regions."""
    if isinstance(value, Situation):
        return situation(value, lang, details=details)
    if isinstance(value, Timeline):
        return timeline(value, lang)
    items = tuple(value) if isinstance(value, tuple) else (value,)
    if all(isinstance(item, ElectionSummary | AnnouncedInfo) for item in items):
        return elections(items, lang)
    if all(isinstance(item, RuleInfo) for item in items):
        return rules_list(items, lang)
    if all(isinstance(item, RegionInfo) for item in items):
        return regions(items, lang)
    raise TypeError(f"no terminal view of {type(value).__name__}")


def plain(renderable: RenderableType, width: int = 100) -> str:
    """The view as plain text at a fixed width, without colour: what the text format serves."""
    out = Console(theme=THEME, highlight=False, no_color=True, width=width, soft_wrap=False, record=True)
    with out.capture() as captured:
        out.print(renderable, crop=False)  # a URL printed whole (no_wrap) may run past the width
    return captured.get()
