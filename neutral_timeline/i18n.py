"""Every word users read, from gettext catalogs, and dates in CLDR's words, for id and en.

The words live in ``locale/<lang>/LC_MESSAGES/neutral_timeline.po`` (msgids in English), compiled
to ``.mo`` when the package is built (``hatch_build.py``; ``make setup`` for a checkout). The
build also adds CLDR's month and weekday names (from Babel) to each compiled catalog, so that
dates read as ``babel.dates.format_date(day, "EEEE, d MMMM y", locale=lang)`` without importing
Babel at run time (the CLI's cold start); tests compare every day of 2020-2026 with Babel.

Renderers ask by key: ``label("rules", lang)``; a key whose words hold a count goes through
``ngettext`` with that count (``label("in_days", lang, n=1)`` is "in 1 day"). Code that has a
msgid of its own marks it with ``N_`` (or ``NP_`` for plurals) so that ``pybabel extract -k N_
-k NP_:1,2 -k NPC_:1c,2,3`` finds it, and says it with ``say``. A missing catalog raises
``FileNotFoundError``: never a silent fall back to English.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from neutral_timeline.text import Lang, Text

DOMAIN = "neutral_timeline"
LOCALE_DIR = Path(__file__).parent / "locale"
# msgctxt of the CLDR names that the build adds to each compiled catalog, msgid "1".."12" / "0".."6"
MONTH, MONTH_ABBR, WEEKDAY = "cldr:month", "cldr:month-abbr", "cldr:weekday"


class Plural:
    """A message with singular and plural msgids; ``count`` names the value that chooses the form.

    A plain class, not a dataclass: creating a dataclass costs the CLI's start a millisecond.
    """

    __slots__ = ("context", "count", "plural", "singular")

    def __init__(self, singular: str, plural: str, count: str, context: str | None = None) -> None:
        self.singular, self.plural, self.count, self.context = singular, plural, count, context

    def __repr__(self) -> str:
        return f"Plural({self.singular!r}, {self.plural!r}, {self.count!r}, {self.context!r})"


Msg = str | Plural


def N_(msgid: str) -> str:
    """Marks a msgid for extraction; translated later, in the reader's language."""
    return msgid


def NC_(context: str, msgid: str) -> str:
    """Marks a msgid with a context (say it with ``pgettext(lang)(context, msgid)``)."""
    return msgid


def NP_(singular: str, plural: str, count: str) -> Plural:
    return Plural(singular, plural, count)


def NPC_(context: str, singular: str, plural: str, count: str) -> Plural:
    return Plural(singular, plural, count, context)


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalog of ``lang``; FileNotFoundError when it was not built.

    Read as ``gettext.translation(DOMAIN, LOCALE_DIR, [lang], fallback=False)`` would, without
    its search through locale aliases, which imports ``locale`` (2 ms of the CLI's start).
    """
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as f:
        return _gettext.GNUTranslations(f)


def gettext(lang: str) -> Callable[[str], str]:
    return translations(lang).gettext


def ngettext(lang: str) -> Callable[[str, str, int], str]:
    return translations(lang).ngettext


def pgettext(lang: str) -> Callable[[str, str], str]:
    return translations(lang).pgettext


def npgettext(lang: str) -> Callable[[str, str, str, int], str]:
    return translations(lang).npgettext


def translate(msg: Msg, lang: str, values: dict[str, object] | None = None) -> str:
    """The words of ``msg`` in ``lang``, not yet formatted; a plural takes its count from ``values``."""
    if isinstance(msg, str):
        return translations(lang).gettext(msg)
    n = int((values or {})[msg.count])  # type: ignore[call-overload]
    if msg.context is not None:
        return translations(lang).npgettext(msg.context, msg.singular, msg.plural, n)
    return translations(lang).ngettext(msg.singular, msg.plural, n)


def say(msg: Msg, lang: str, **values: object) -> str:
    """``msg`` in ``lang`` with ``values`` filled in."""
    return translate(msg, lang, values).format(**values)


def text(msg: Msg, **values: object) -> Text:
    """``msg`` in both languages, for answers that carry a ``Text`` (the resolver's notes)."""
    return Text(say(msg, "id", **values), say(msg, "en", **values))


@cache
def months(lang: str) -> tuple[str, ...]:
    """CLDR's wide month names (format context), January first."""
    return tuple(pgettext(lang)(MONTH, str(m)) for m in range(1, 13))


@cache
def months_abbr(lang: str) -> tuple[str, ...]:
    return tuple(pgettext(lang)(MONTH_ABBR, str(m)) for m in range(1, 13))


@cache
def weekdays(lang: str) -> tuple[str, ...]:
    """CLDR's wide weekday names, Monday first (``date.weekday()``)."""
    return tuple(pgettext(lang)(WEEKDAY, str(d)) for d in range(7))


def long_date(day: date, lang: Lang) -> str:
    """'Rabu, 27 November 2024' / 'Wednesday, 27 November 2024': CLDR "EEEE, d MMMM y"."""
    return f"{weekdays(lang)[day.weekday()]}, {day.day} {months(lang)[day.month - 1]} {day.year}"


def short_date(day: date, lang: Lang) -> str:
    """'27 November 2024': CLDR "d MMMM y"."""
    return f"{day.day} {months(lang)[day.month - 1]} {day.year}"


def span(start: date | None, end: date | None, lang: Lang) -> str:
    """An inclusive span in words; an open side says so."""
    if start is None and end is None:
        return label("always", lang)
    if start is None:
        assert end is not None
        return f"{label('until', lang)} {short_date(end, lang)}"
    if end is None:
        return f"{label('since', lang)} {short_date(start, lang)}"
    if start == end:
        return short_date(start, lang)
    return f"{short_date(start, lang)} – {short_date(end, lang)}"


def days(n: int, lang: Lang) -> str:
    """'1 day', '2 days', '2 hari'."""
    return label("days", lang, n=n)


LABELS: dict[str, Msg] = {
    "title": N_("ASN neutrality: what applies"),
    "date": N_("Date"),
    "zone": N_("time zone"),
    "schedule": N_("Schedule"),
    "as_of": N_("as known on"),
    "superseded": N_("not the latest schedule"),
    "phases": N_("Phases today"),
    "no_phase": N_("No phase is running."),
    "day_of": NP_("day {day} of {days}, {left} day left", "day {day} of {days}, {left} days left", "left"),
    "days": NP_("{n} day", "{n} days", "n"),
    "rules": N_("Rules in force"),
    "no_rules": N_("No rule is in force."),
    "always_rules": N_("Rules that apply at all times"),
    "rule": N_("Rule"),
    "window": N_("In force"),
    "basis": N_("Legal basis"),
    "opened_by": N_("opened by"),
    "interpretation": N_("Interpretation"),
    "sanction": N_("Sanction"),
    "unverified": N_("unverified"),
    "upcoming": N_("Changes in the next 14 days"),
    "no_upcoming": N_("No changes in the next 14 days."),
    "countdown_future": NP_("{days} day to voting day ({date})", "{days} days to voting day ({date})", "days"),
    "countdown_today": N_("Today is voting day"),
    "countdown_past": NP_("Voting took place {days} day ago ({date})", "Voting took place {days} days ago ({date})", "days"),
    "sources": N_("Sources"),
    "reporting": N_("Reporting a violation"),
    "election_offences": N_("election offences"),
    "asn_neutrality": N_("ASN neutrality violations"),
    "since": N_("from"),
    "until": N_("until"),
    "always": N_("at all times"),
    "today": N_("today"),
    "in_days": NP_("in {n} day", "in {n} days", "n"),
    "phase_start": N_("starts"),
    "phase_end": N_("last day"),
    "rule_start": N_("comes into force"),
    "rule_end": N_("last day in force"),
    "election": N_("Election"),
    "kind": N_("Kind"),
    "voting_day": N_("Voting day"),
    "revisions": N_("Schedule revisions"),
    "n_revisions": NP_("{n} schedule revision", "{n} schedule revisions", "n"),
    "tags": N_("Activities"),
    "binds": N_("Binds"),
    "region_code": N_("Code"),
    "regional": N_("regional,"),
    "region": N_("Region"),
    "province": N_("Province"),
    "participation": N_("Regional participation"),
    "not_in_progress": N_("This election's stages are not running on that date."),
    # The widget, the home page and the timeline picture.
    "timeline": N_("Election timeline"),
    "all_phases": N_("All phases"),
    "phase": N_("Phase"),
    "now_running": N_("in progress"),
    "today_marker": N_("Today"),
    "past_phase": N_("over"),
    "future_phase": N_("to come"),
    "rule_windows": N_("Rule windows"),
    "source": N_("Source"),
    "all_sources": N_("All sources"),
    "details": N_("Details"),
    "notes": N_("Interpretation notes"),
    "note_ref": N_("see note {n} below"),
    "loading": N_("Loading…"),
    "load_failed": N_("The widget could not be loaded"),
    "more": N_("Full details and sources"),
    "data_version": N_("Data version"),
    "widget_title": N_("ASN neutrality: {name}"),
    "svg_title": N_("Timeline of {name}"),
    "svg_today": N_("Today {date}"),
    "svg_outside": N_("{date} lies outside this timeline."),
    "home_title": N_("ASN neutrality in elections"),
    "home_intro": N_("What civil servants (ASN: PNS and PPPK) may not do depends on the election's phase. This page shows the rules in force on this date, with their legal basis and sources."),
    "today_heading": N_("What applies today"),
    "subscribe": N_("Calendar subscriptions"),
    "subscribe_intro": N_("Phases and rule windows as calendars that stay up to date."),
    "feed_all": N_("All elections"),
    "webcal": N_("Subscribe"),
    "google": N_("Google Calendar"),
    "outlook": N_("Outlook"),
    "feed_region": N_("Feeds for one region: rules of its own circulars, dates in its time zone."),
    "download": N_("Download .ics"),
    "embed": N_("Embed the widget"),
    "embed_intro": N_("Show what applies today on your news site or dashboard. No trackers, fonts or third-party requests."),
    "embed_iframe": N_("Iframe"),
    "embed_script": N_("Script and <neutral-timeline> element"),
    "embed_oembed": N_("oEmbed (WordPress)"),
    "embed_oembed_help": N_("Paste this widget address into the WordPress editor; WordPress finds the oEmbed endpoint by itself."),
    "preview": N_("Live preview"),
    "language": N_("Language"),
    "theme": N_("Theme"),
    "theme_auto": N_("Follow the system"),
    "theme_light": N_("Light"),
    "theme_dark": N_("Dark"),
    "show": N_("Update"),
    "api": N_("API and data"),
    "api_docs": N_("API documentation (OpenAPI)"),
    "timeline_svg": N_("Timeline picture (SVG)"),
    "error_title": N_("Cannot be shown"),
    "back_home": N_("Back to the home page"),
    "other_lang": N_("Bahasa Indonesia"),
    "skip": N_("Skip to content"),
    "region_optional": N_("Region (code or name, optional)"),
    "sections": N_("Page sections"),
    # Local schedules: regions voting again (re-votes, re-elections) and elections announced ahead.
    "local_schedule": N_("This region is on its own schedule: {name}"),
    "revote": N_("re-vote (PSU) ordered by the Constitutional Court"),
    "reelection": N_("re-election after the empty box won"),
    "voting_again": N_("Regions on their own schedule (re-votes and re-elections)"),
    "local_voting_day": N_("voting day {date}"),
    "announced": N_("Announced next (no schedule yet)"),
    "announced_on": N_("announced {date}"),
    "no_date": N_("No voting day has been set by any law or KPU regulation."),
}  # fmt: skip


def label(key: str, lang: Lang, **values: object) -> str:
    return say(LABELS[key], lang, **values)


def countdown(days: int, voting_day: date, lang: Lang) -> str:
    """The countdown to voting day in the CLI's words: before, on, or after it."""
    when = short_date(voting_day, lang)
    if days > 0:
        return label("countdown_future", lang, days=days, date=when)
    if days == 0:
        return label("countdown_today", lang)
    return label("countdown_past", lang, days=-days, date=when)
