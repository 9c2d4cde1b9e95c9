"""The activity check's answer in the terminal: the verdict first, then its grounds, then the sources.

URLs are never broken: each is printed whole on its own line (no wrapping), so that it can be
clicked or copied; lines carry no trailing spaces, so the text pastes cleanly into a chat.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.text import Text as RichText

from neutral_timeline.i18n import N_, long_date, say, span
from neutral_timeline.render.brief import bullets, zone_name
from neutral_timeline.render.terminal import Footnotes, Indent, Interpretations, cite, rules_list_in_force
from neutral_timeline.resolve.check import ActivityInfo, CheckAnswer
from neutral_timeline.text import Lang

WORDS = {
    "title": N_("May I …? Activity check"),
    "asked": N_("You asked"),
    "understood": N_("Understood as"),
    "area": N_("area"),
    "prohibited": N_("PROHIBITED on this date"),
    "depends": N_("DEPENDS: prohibited on this date if it concerns a candidate, party or campaign"),
    "negated": N_("DEPENDS: not doing it is never prohibited; doing it may be, on this date"),
    "not_recorded": N_("NO SPECIFIC PROHIBITION RECORDED for this date (not the same as allowed)"),
    "not_understood": N_("NOT RECOGNISED"),
    "rules": N_("Rules that prohibit it"),
    "rules_if": N_("Rules that prohibit it if it concerns a candidate, party or campaign"),
    "named": N_("Names a candidate, party or campaign"),
    "principle": N_("Always applies"),
    "others": N_("The question also names"),
    "note": N_("Note"),
    "closest": N_("Closest activities"),
    "retry": N_("Ask again with one of these, e.g.:"),
    "elections": N_("Elections in progress"),
    "none": N_("none"),
    "coverage": N_("Data covers {span}"),
    "reporting": N_("Reporting a violation"),
    "sources": N_("Sources"),
    "zone": N_("time zone"),
    # the "Bolehkah saya ...?" box on the home page and in the widget
    "box_title": N_("May I …?"),
    "box_label": N_("An activity, in your own words"),
    "box_submit": N_("Check"),
    "box_hint": N_("E.g. like a candidate's post, a photo with a hand sign, a KTP copy for an independent candidate."),
    "example": N_("nge-like postingan calon"),
    "by_area": N_("Prohibited today, by area"),
}


def words_for(lang: Lang) -> Callable[[str], str]:
    """The check's words in ``lang``, for templates: ``cw('box_title')``."""
    return lambda key: say(WORDS[key], lang)


def label(result: CheckAnswer) -> str:
    """The key of the verdict's words: a negated question has its own ("not doing it is never prohibited")."""
    return "negated" if result.verdict == "depends" and result.negation else result.verdict


def _w(key: str, lang: Lang, **values: object) -> str:
    return say(WORDS[key], lang, **values)


def _activity(item: ActivityInfo, lang: Lang) -> RenderableType:
    """The name (wrapped), then the id, whole on a line of its own."""
    line = RichText(item.name.get(lang), style="rule.title")
    line.append(f" ({_w('area', lang)}: {item.area_name.get(lang)})", style="muted")
    return Group(bullets([line]), RichText(f"    {item.id}", style="muted", no_wrap=True, overflow="ignore"))


def _note(item: ActivityInfo | None, lang: Lang, notes: Footnotes) -> RichText | None:
    """What the rules held here do not say about the activity (voting is a right; whom to ask), cited."""
    if item is None or item.note is None:
        return None
    line = RichText(f"{_w('note', lang)}: ", style="heading")
    line.append(item.note.get(lang))
    if item.source is not None:
        line.append(" ")
        line.append_text(cite(item.source, lang, notes, brief=True))
    return line


def _urls(notes: Footnotes, lang: Lang) -> list[RenderableType]:
    if not notes.urls:
        return []
    out: list[RenderableType] = [RichText(_w("sources", lang), style="heading")]
    for index, url in enumerate(notes.urls, start=1):
        line = RichText(f"[{index}] ", style="muted", no_wrap=True, overflow="ignore")
        line.append(url, style=f"link {url}")
        out.append(line)
    return out


def check(result: CheckAnswer, lang: Lang, details: bool = True) -> RenderableType:
    """The verdict, what the text was understood as, the rules (with sanction) and the sources."""
    notes, readings = Footnotes(), Interpretations()
    head = RichText(f"{_w('title', lang)} — ", style="heading")
    head.append(long_date(result.date, lang), style="date")
    zone = RichText(f"{_w('zone', lang).capitalize()} {zone_name(result.zone)}", style="muted")
    parts: list[RenderableType] = [head, zone, RichText(f"{_w('asked', lang)}: “{result.query}”")]
    if result.activity is not None:
        parts += [RichText(f"{_w('understood', lang)}:"), _activity(result.activity, lang)]
    note = _note(result.activity, lang, notes)
    if result.named:
        parts.append(RichText(f"{_w('named', lang)}: " + ", ".join(f"“{n}”" for n in result.named)))
    style = {
        "prohibited": "bold red",
        "depends": "bold magenta",
        "not_recorded": "bold yellow",
        "not_understood": "warn",
    }
    parts += [RichText(""), RichText(_w(label(result), lang), style=style[result.verdict])]
    parts.append(RichText(result.message.get(lang)))
    if note is not None:
        parts.append(note)
    elections = ", ".join(result.elections) or _w("none", lang)
    parts.append(RichText(f"{_w('elections', lang)}: {elections}", style="muted"))
    if result.rules:
        heading = _w("rules_if" if result.verdict == "depends" else "rules", lang)
        parts.append(RichText(f"\n{heading} ({len(result.rules)})", style="heading"))
        parts.append(rules_list_in_force(result.rules, lang, notes, readings, details))
    if result.others:
        parts.append(RichText(f"\n{_w('others', lang)}", style="heading"))
        parts += [_activity(item, lang) for item in result.others]
    if result.closest:
        parts.append(RichText(f"\n{_w('closest', lang)}", style="heading"))
        parts += [_activity(item, lang) for item in result.closest]
        parts.append(RichText(_w("retry", lang), style="muted"))
        example = f'  neutral-timeline check "{result.closest[0].name.get(lang)}"'
        parts.append(RichText(example, no_wrap=True, overflow="ignore"))
    if result.principle:
        parts.append(RichText(f"\n{_w('principle', lang)}", style="heading"))
        parts.append(rules_list_in_force(result.principle, lang, notes, readings, False))
    parts.append(RichText(_w("coverage", lang, span=span(result.coverage.start, result.coverage.end, lang)), "muted"))
    if result.reporting:
        parts.append(RichText(f"\n{_w('reporting', lang)}", style="heading"))
        for body in result.reporting:
            line = RichText(body.name.get(lang), style="rule.title")
            line.append(" ")
            line.append_text(cite(body.source, lang, notes, brief=True))
            parts.append(bullets([line]))
            if body.url:
                parts.append(
                    RichText(f"    {body.url}", style=f"muted link {body.url}", no_wrap=True, overflow="ignore")
                )
    parts += [RichText(""), readings.renderable(lang), *_urls(notes, lang)]
    # Wrapped text through Indent (no trailing spaces); URLs (no_wrap) as they are, whole.
    return Group(*(Indent(p, 0) if isinstance(p, RichText) and not p.no_wrap else p for p in parts))
