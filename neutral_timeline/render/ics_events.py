"""The events of an ICS feed before any iCalendar syntax: phases, rule groups, their history.

Pure: reads the resolver's per-revision ``Plan`` (phases and rule segments) and never recomputes
a window. An *occurrence* is one event on one schedule revision, named by a language-free
``stem`` that stays the same when a later revision moves it, so that SEQUENCE can count moves.

- ``phase.<key>``: the phase, all days of it.
- ``rules-start.<h>`` / ``rules-end.<h>``: one-day events on the first and on the last day in
  force of a group of rules that share one window (the same first and last day on this
  schedule). ``<h>`` hashes the window as the data states it (``campaign.start`` ..
  ``campaign.end``), not its dates, so the UID survives a schedule revision that moves it.
  Rules in force at all times get none, and a window open on one side no event on that side.
  Where a rule's bases leave a gap inside its window, the days it is in force count.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from hashlib import sha256
from typing import Literal

from neutral_timeline.catalog.model import Catalog, Election, Revision
from neutral_timeline.i18n import days as days_text
from neutral_timeline.i18n import label, short_date, span
from neutral_timeline.record import Record, record
from neutral_timeline.resolve.answer import Citation, PhaseSpan, RevisionInfo, RuleInForce
from neutral_timeline.resolve.index import NATIONAL, Segment, plan, runs
from neutral_timeline.text import Lang, Text

Kind = Literal["phase", "rules-start", "rules-end"]

WORDS: dict[str, Text] = {
    "rules-start.one": Text("Mulai berlaku: {title}", "Comes into force: {title}"),
    "rules-start.many": Text("Mulai berlaku: {n} aturan netralitas ASN", "{n} ASN neutrality rules come into force"),
    "rules-end.one": Text("Hari terakhir berlaku: {title}", "Last day in force: {title}"),
    "rules-end.many": Text("Hari terakhir berlaku: {n} aturan netralitas ASN", "Last day in force: {n} ASN neutrality rules"),
    "rules-start.lead": Text("Aturan netralitas ASN yang mulai berlaku pada {date} ({election}):", "ASN neutrality rules that come into force on {date} ({election}):"),
    "rules-end.lead": Text("Aturan netralitas ASN yang hari terakhir berlakunya {date} ({election}):", "ASN neutrality rules whose last day in force is {date} ({election}):"),
    "schedule": Text("Jadwal: {short} (ditetapkan {date})", "Schedule: {short} (enacted {date})"),
    "closed_by": Text("ditutup oleh", "closed by"),
    "phase": Text("Tahapan pemilihan", "Election phase"),
    "rules": Text("Netralitas ASN", "ASN neutrality"),
}  # fmt: skip


def word(key: str, lang: Lang, **values: object) -> str:
    return WORDS[key].get(lang).format(**values)


@record
class Occurrence(Record):
    """One event on one schedule revision; ``end`` is the last day (inclusive)."""

    stem: str
    kind: Kind
    start: date
    end: date
    phase: PhaseSpan | None = None
    rules: tuple[RuleInForce, ...] = ()  # each as it stands on the event's day

    @property
    def dates(self) -> tuple[date, date]:
        return self.start, self.end


@record
class _Run(Record):
    """One rule in force without a break: its first and last segment."""

    first: Segment
    last: Segment

    @property
    def start(self) -> date | None:
        """The first day in force; None where the window is open (a basis coming into force is no event)."""
        return None if self.first.rule.window.start is None else self.first.start

    @property
    def end(self) -> date | None:
        return None if self.last.rule.window.end is None else self.last.end

    def identity(self) -> str:
        """The window as written; a date where a basis, not the window, opens or closes it."""
        opened = self.first.rule.window.opened_by if self.start == self.first.rule.window.start else None
        closed = self.last.rule.window.closed_by if self.end == self.last.rule.window.end else None
        return f"{opened or self.start}..{closed or self.end}"


@lru_cache(maxsize=256)
def occurrences(
    catalog: Catalog, election_id: str, revision_id: str, local: frozenset[str] = NATIONAL, with_rules: bool = True
) -> tuple[Occurrence, ...]:
    """Every event of one election on one schedule revision (with ``local``'s own circulars).

    ``with_rules=False`` leaves out rule events: for a region that does not take part.
    """
    p = plan(catalog, election_id, revision_id, local)
    found = [Occurrence(f"phase.{span.key}", "phase", span.start, span.end, phase=span) for span in p.phases]
    groups: dict[tuple[date | None, date | None], list[_Run]] = {}
    for run in (_Run(first, last) for first, last in runs(p.segments if with_rules else ())):
        if run.start is not None or run.end is not None:
            groups.setdefault((run.start, run.end), []).append(run)
    for (start, end), group in groups.items():
        group.sort(key=lambda r: r.first.rule.id)
        digest = sha256("\n".join(sorted({r.identity() for r in group})).encode()).hexdigest()[:12]
        if start is not None:
            rules = tuple(r.first.rule for r in group)
            found.append(Occurrence(f"rules-start.{digest}", "rules-start", start, start, rules=rules))
        if end is not None:
            rules = tuple(r.last.rule for r in group)
            found.append(Occurrence(f"rules-end.{digest}", "rules-end", end, end, rules=rules))
    return tuple(found)


def history(
    catalog: Catalog, election: Election, chosen: Revision, local: frozenset[str] = NATIONAL, with_rules: bool = True
) -> dict[str, tuple[int, date]]:
    """stem -> (SEQUENCE, last modified): revisions up to ``chosen`` that moved the event."""
    seen: dict[str, tuple[date, date]] = {}
    result: dict[str, tuple[int, date]] = {}
    for revision in election.revisions:
        for occ in occurrences(catalog, election.id, revision.id, local, with_rules):
            before = seen.get(occ.stem)
            if before is None:
                result[occ.stem] = (0, revision.enacted)
            elif before != occ.dates:
                result[occ.stem] = (result[occ.stem][0] + 1, revision.enacted)
            seen[occ.stem] = occ.dates
        if revision.id == chosen.id:
            break
    return result


def cite(c: Citation, lang: Lang) -> str:
    text = f"{c.short or c.instrument or ''} {c.locator}".strip()
    return text if c.verified else f"{text} ({label('unverified', lang)})"


def schedule_line(revision: RevisionInfo, lang: Lang) -> str:
    return word("schedule", lang, short=revision.instrument.short, date=short_date(revision.enacted, lang))


def summary(occ: Occurrence, election: Text, lang: Lang) -> str:
    if occ.phase is not None:
        head = occ.phase.name.get(lang)
    elif len(occ.rules) == 1:
        head = word(f"{occ.kind}.one", lang, title=occ.rules[0].title.get(lang))
    else:
        head = word(f"{occ.kind}.many", lang, n=len(occ.rules))
    return f"{head} — {election.get(lang)}"


def _phase_text(phase: PhaseSpan, election: Text, lang: Lang) -> list[str]:
    lines = [
        f"{phase.name.get(lang)}, {election.get(lang)}: {span(phase.start, phase.end, lang)} ({days_text(phase.days, lang)})"
    ]
    lines.append(f"{label('sources', lang)}: {cite(phase.source, lang)}")
    if phase.source.note:
        lines.append(phase.source.note.get(lang))
    return lines + list(phase.source.urls)


def _rule_text(index: int, rule: RuleInForce, lang: Lang) -> list[str]:
    title = rule.title.get(lang) + ("" if rule.verified else f" ({label('unverified', lang)})")
    window = f"{label('window', lang)}: {span(rule.window.start, rule.window.end, lang)}"
    reasons = []
    if rule.window.opened_by_text:
        reasons.append(f"{label('opened_by', lang)} {rule.window.opened_by_text.get(lang)}")
    if rule.window.closed_by_text:
        reasons.append(f"{word('closed_by', lang)} {rule.window.closed_by_text.get(lang)}")
    lines = [f"{index}. {title}", rule.summary.get(lang), window + (f" ({'; '.join(reasons)})" if reasons else "")]
    lines.append(f"{label('basis', lang)}: " + "; ".join(cite(c, lang) for c in rule.basis))
    if rule.interpretation:
        lines.append(f"{label('interpretation', lang)}: {rule.interpretation.get(lang)}")
    if rule.sanction:
        lines.append(f"{label('sanction', lang)}: {rule.sanction.text.get(lang)} ({cite(rule.sanction.source, lang)})")
    urls = dict.fromkeys(url for c in rule.basis for url in c.urls)
    if urls:
        lines.append(f"{label('sources', lang)}:")
        lines.extend(urls)
    return lines


def description(occ: Occurrence, election: Text, revision: RevisionInfo, lang: Lang) -> str:
    """What the event means, every rule with its legal basis and sources, and the schedule used."""
    if occ.phase is not None:
        lines = _phase_text(occ.phase, election, lang)
    else:
        lines = [word(f"{occ.kind}.lead", lang, date=short_date(occ.start, lang), election=election.get(lang))]
        for index, rule in enumerate(occ.rules, start=1):
            lines += ["", *_rule_text(index, rule, lang)]
    lines += ["", schedule_line(revision, lang)]
    if revision.note:
        lines.append(revision.note.get(lang))
    return "\n".join(lines)


def category(occ: Occurrence, lang: Lang) -> str:
    return word("phase" if occ.kind == "phase" else "rules", lang)
