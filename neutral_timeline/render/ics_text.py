"""The words of an ICS feed's events: summaries, descriptions and categories of occurrences.

Which events exist, their dates and history are decided in ``resolve/feed.py``; this module
only says them in one language.
"""

from __future__ import annotations

from neutral_timeline.i18n import N_, NP_, Msg, label, say, short_date, span
from neutral_timeline.i18n import days as days_text
from neutral_timeline.resolve.answer import Citation, PhaseSpan, RevisionInfo, RuleInForce
from neutral_timeline.resolve.feed import Occurrence
from neutral_timeline.text import Lang, Text

WORDS: dict[str, Msg] = {
    "rules-start.one": N_("Comes into force: {title}"),
    "rules-start.many": NP_("{n} ASN neutrality rule comes into force", "{n} ASN neutrality rules come into force", "n"),
    "rules-end.one": N_("Last day in force: {title}"),
    "rules-end.many": NP_("Last day in force: {n} ASN neutrality rule", "Last day in force: {n} ASN neutrality rules", "n"),
    "rules-start.lead": N_("ASN neutrality rules that come into force on {date} ({election}):"),
    "rules-end.lead": N_("ASN neutrality rules whose last day in force is {date} ({election}):"),
    "schedule": N_("Schedule: {short} (enacted {date})"),
    "closed_by": N_("closed by"),
    "phase": N_("Election phase"),
    "rules": N_("ASN neutrality"),
}  # fmt: skip


def word(key: str, lang: Lang, **values: object) -> str:
    return say(WORDS[key], lang, **values)


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
