"""The words of an ICS feed's events: summaries, descriptions and categories of occurrences.

Which events exist, their dates and history are decided in ``resolve/feed.py``; this module
only says them in one language, briefly: a rule event is named by the activity areas (the
rules' tags) whose prohibitions start or end, and every description stays within
``MAX_DESCRIPTION`` characters: the key rules with their basis, and a link to the full answer
for that date (and region) on the site. Research notes (a phase source's note and pages) stay
in the data and on the site.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from neutral_timeline.catalog.model import TAGS
from neutral_timeline.i18n import N_, NC_, NP_, Msg, label, pgettext, say, short_date, span
from neutral_timeline.i18n import days as days_text
from neutral_timeline.resolve.answer import Citation, PhaseSpan, RevisionInfo, RuleInForce
from neutral_timeline.resolve.feed import Occurrence
from neutral_timeline.text import Lang, Text

MAX_DESCRIPTION = 1500  # characters of an event's DESCRIPTION: a phone shows it whole

WORDS: dict[str, Msg] = {
    "rules-start.tags": N_("Prohibited from today: {areas}"),
    "rules-end.tags": N_("Last day prohibited: {areas}"),
    "rules-start.many": NP_("{n} ASN neutrality rule comes into force", "{n} ASN neutrality rules come into force", "n"),
    "rules-end.many": NP_("Last day in force: {n} ASN neutrality rule", "Last day in force: {n} ASN neutrality rules", "n"),
    "rules-start.lead": N_("From {date} ASN may not ({election}):"),
    "rules-end.lead": N_("{date} is the last day on which ASN may not ({election}):"),
    "areas_more": NP_("{areas} and {n} more", "{areas} and {n} more", "n"),
    "more": NP_("… and {n} more rule", "… and {n} more rules", "n"),
    "full": N_("Full answer for this date:"),
    "schedule": N_("Schedule: {short} (enacted {date})"),
    "phase": N_("Election phase"),
    "rules": N_("ASN neutrality"),
}  # fmt: skip

# Activity areas (the rules' tags) in the reader's words; msgctxt "tag" is shared with other surfaces.
TAG_WORDS: dict[str, str] = {
    "social-media": NC_("tag", "social media"),
    "attendance": NC_("tag", "attending events"),
    "photo": NC_("tag", "photos and gestures"),
    "facilities": NC_("tag", "state facilities"),
    "decisions": NC_("tag", "decisions and actions"),
    "party": NC_("tag", "party activities"),
    "support-letter": NC_("tag", "support letters and ID copies"),
    "campaign": NC_("tag", "campaigning"),
    "candidacy": NC_("tag", "candidacy"),
    "promotion": NC_("tag", "promoting candidates"),
    "gifts": NC_("tag", "gifts"),
    "appointments": NC_("tag", "replacing officials"),
    "programmes": NC_("tag", "programmes and authority"),
    "voting": NC_("tag", "voting"),
}


def word(key: str, lang: Lang, **values: object) -> str:
    return say(WORDS[key], lang, **values)


def tag_name(tag: str, lang: Lang) -> str:
    return pgettext(lang)("tag", TAG_WORDS[tag]) if tag in TAG_WORDS else tag


def areas(rules: tuple[RuleInForce, ...], lang: Lang, most: int = 3) -> str:
    """The activity areas of ``rules``, in the vocabulary's order, each once: at most ``most`` named."""
    found = {tag for rule in rules for tag in rule.tags}
    names = [tag_name(t, lang) for t in (*TAGS, *sorted(found - set(TAGS))) if t in found]
    shown = ", ".join(names[:most])
    return shown if len(names) <= most else word("areas_more", lang, areas=shown, n=len(names) - most)


def cite(c: Citation, lang: Lang) -> str:
    text = f"{c.short or c.instrument or ''} {c.locator.get(lang)}".strip()
    return text if c.verified else f"{text} ({label('unverified', lang)})"


def schedule_line(revision: RevisionInfo, lang: Lang) -> str:
    return word("schedule", lang, short=revision.instrument.short, date=short_date(revision.enacted, lang))


def answer_link(public_url: str, day: date, region: str | None, lang: Lang) -> str:
    """The home page's answer for ``day`` (and ``region``), from the configured public origin."""
    params = {"date": day.isoformat(), "region": region, "lang": None if lang == "id" else lang}
    return public_url.rstrip("/") + "/?" + urlencode({k: v for k, v in params.items() if v})


def summary(occ: Occurrence, election: Text, lang: Lang) -> str:
    if occ.phase is not None:
        head = occ.phase.name.get(lang)
    elif any(rule.tags for rule in occ.rules):
        head = word(f"{occ.kind}.tags", lang, areas=areas(occ.rules, lang))
    else:
        head = word(f"{occ.kind}.many", lang, n=len(occ.rules))
    return f"{head} — {election.get(lang)}"


def _phase_text(phase: PhaseSpan, election: Text, lang: Lang) -> list[str]:
    when = f"{span(phase.start, phase.end, lang)} ({days_text(phase.days, lang)})"
    return [
        f"{phase.name.get(lang)}, {election.get(lang)}: {when}",
        f"{label('sources', lang)}: {cite(phase.source, lang)}",
    ]


def _rule_line(rule: RuleInForce, lang: Lang, said: set[str], note: bool = True) -> str:
    """The rule, its basis, and (``note``) its interpretation note where the law's words are vague
    (a note already in ``said``, shared by an earlier rule of the event, is not repeated)."""
    title = rule.title.get(lang) + ("" if rule.verified else f" ({label('unverified', lang)})")
    basis = "; ".join(cite(c, lang) for c in rule.basis[:2])
    line = f"• {title} — {basis}" if basis else f"• {title}"
    if note and rule.interpretation and rule.interpretation.get(lang) not in said:
        line += f"\n  {label('interpretation', lang)}: {rule.interpretation.get(lang)}"
    return line


def _fit(head: list[str], rules: tuple[RuleInForce, ...], tail: list[str], lang: Lang) -> list[str]:
    """``head``, as many rule lines as fit in MAX_DESCRIPTION with a "… and n more" line, ``tail``."""
    used = sum(len(line) + 1 for line in (*head, *tail))
    lines = list(head)
    said: set[str] = set()
    for index, rule in enumerate(rules):
        line = _rule_line(rule, lang, said)
        rest = len(rules) - index - 1
        room = MAX_DESCRIPTION - used - (len(word("more", lang, n=rest)) + 1 if rest else 0)
        noted = len(line) + 1 <= room
        if not noted:  # a long note: the rule and its basis still go in (the note is on the site)
            line = _rule_line(rule, lang, said, note=False)
        if len(line) + 1 > room:
            lines.append(word("more", lang, n=len(rules) - index))
            break
        lines.append(line)
        used += len(line) + 1
        if rule.interpretation and noted:
            said.add(rule.interpretation.get(lang))
    return lines + tail


def description(occ: Occurrence, election: Text, revision: RevisionInfo, lang: Lang, link: str | None = None) -> str:
    """What the event means in at most MAX_DESCRIPTION characters: the key rules with their basis,
    the schedule used, and ``link`` (the full answer on the site) when given."""
    tail = ["", schedule_line(revision, lang)]
    if link:
        tail += [word("full", lang), link]
    if occ.phase is not None:
        lines = _phase_text(occ.phase, election, lang) + tail
    else:
        lead = word(f"{occ.kind}.lead", lang, date=short_date(occ.start, lang), election=election.get(lang))
        lines = _fit([lead], occ.rules, tail, lang)
    text = "\n".join(lines)
    return text if len(text) <= MAX_DESCRIPTION else text[: MAX_DESCRIPTION - 1] + "…"


def category(occ: Occurrence, lang: Lang) -> str:
    return kind_category(occ.kind, lang)


def kind_category(kind: str, lang: Lang) -> str:
    """The category of an occurrence of ``kind`` (phase, rules-start, rules-end)."""
    return word("phase" if kind == "phase" else "rules", lang)
