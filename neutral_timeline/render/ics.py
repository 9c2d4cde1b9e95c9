"""Calendar feeds for ASN (RFC 5545 with RFC 7986 properties), built with icalendar.

Same catalog and arguments, same bytes: UIDs come from ids, DTSTAMP is the data's own revision
date (``catalog.data_revised`` at 00:00:00Z), never the clock.

- Events are all-day (``VALUE=DATE``, DTEND exclusive: the last day + 1), so no VTIMEZONE is
  needed; the only date-times are DTSTAMP and LAST-MODIFIED, in UTC.
- One event per phase of the schedule revision used (the latest, or the one known ``as_of``),
  and one-day events on the first and on the last day in force of each group of rules that
  share one window (see ``ics_events``): "comes into force" and "last day in force", matching
  the resolver's changes, whose rule ends are the last day in force.
- UID ``<stem>.<election>@neutral-timeline``, e.g. ``phase.campaign.pilkada-2024@neutral-timeline``
  and ``rules-start.<hash of the window as written>.pilkada-2024@neutral-timeline``. The language
  is not part of it: the Indonesian and English feeds carry the same events.
- SEQUENCE counts the schedule revisions (up to the one used) that moved the event's dates;
  LAST-MODIFIED is the enactment day of the revision that last moved it (or first set it).
- Reminders: a VALARM (ACTION:DISPLAY, TRIGGER:-P<n>D from the start) per reminder day on
  phase and "comes into force" events, none on "last day" events. ``reminder_events`` adds,
  for Google Calendar (which ignores VALARM in subscriptions), an all-day event n days before
  with UID ``reminder-<n>d.<parent UID>``, RELATED-TO the parent and no alarm of its own; 0d
  gets an alarm at the start but no extra event (it would duplicate the event itself).
- Every text is added as ``vText``, also NAME and X- properties, which icalendar would
  otherwise copy unescaped.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlencode

from icalendar import Alarm, Calendar, Event, vDuration, vText, vUri

from neutral_timeline.catalog.model import Catalog, Election, Revision
from neutral_timeline.catalog.regions import Region
from neutral_timeline.errors import Problem, QueryError
from neutral_timeline.i18n import long_date
from neutral_timeline.record import Record, record
from neutral_timeline.render.ics_events import (
    Occurrence,
    category,
    description,
    history,
    occurrences,
    schedule_line,
    summary,
)
from neutral_timeline.resolve.index import local_codes, plan
from neutral_timeline.resolve.participation import participation
from neutral_timeline.resolve.situation import election as find_election
from neutral_timeline.resolve.situation import revision as find_revision
from neutral_timeline.text import Lang, Text

DOMAIN = "neutral-timeline"
FEED_PATH = "/ics/{name}.ics"  # the HTTP route (api/routes.py) that serves a feed, for SOURCE
DEFAULT_REMINDERS = (7, 1)
MAX_DAYS, MAX_REMINDERS = 90, 5
REMINDERS_EXPECTED = "comma-separated days such as 7d,1d (each 0d-90d)"
_REMINDER = re.compile(r"(\d{1,3})d")
_ORDER = {"phase": 0, "rules-start": 1, "rules-end": 2, "reminder": 3}
ONE_DAY = timedelta(days=1)

WORDS: dict[str, Text] = {
    "calendar": Text("Netralitas ASN — {name}", "ASN neutrality — {name}"),
    "all": Text("Semua pemilihan", "All elections"),
    "about": Text(
        "Tahapan pemilihan, serta hari mulai dan hari terakhir berlakunya aturan netralitas ASN, masing-masing dengan dasar hukum dan sumbernya.",
        "Election phases, and the first and last days ASN neutrality rules are in force, each with its legal basis and sources.",
    ),
    "as_of": Text("Jadwal seperti diketahui pada {date}.", "Schedules as known on {date}."),
    "data": Text("Data per {date}, versi {version}.", "Data as of {date}, version {version}."),
    "reminder": Text("Pengingat, {when}: {summary}", "Reminder, {when}: {summary}"),
    "in_days": Text("{n} hari lagi", "in {n} days"),
    "tomorrow": Text("besok", "tomorrow"),
    "today": Text("hari ini", "today"),
    "reminders": Text("Pengingat", "Reminder"),
    "region": Text("{name} ({code}); tanggal menurut zona waktu {zone}.", "{name} ({code}); dates in the {zone} time zone."),
}  # fmt: skip


def _word(key: str, lang: Lang, **values: object) -> str:
    return WORDS[key].get(lang).format(**values)


def _bad_reminders(what: str, param: str) -> QueryError:
    return QueryError([Problem(where=param, what=what, expected=REMINDERS_EXPECTED)])


def check_reminders(days: tuple[int, ...], param: str = "reminders") -> tuple[int, ...]:
    """Distinct reminder days, largest first, or QueryError."""
    for n in days:
        if not 0 <= n <= MAX_DAYS:
            raise _bad_reminders(f"{n} days is not between 0 and {MAX_DAYS}", param)
    distinct = tuple(sorted(set(days), reverse=True))
    if len(distinct) > MAX_REMINDERS:
        raise _bad_reminders(f"{len(distinct)} reminders; at most {MAX_REMINDERS} are allowed", param)
    return distinct


def parse_reminders(text: str, param: str = "reminders") -> tuple[int, ...]:
    """``"7d,1d"`` -> ``(7, 1)``: distinct days, largest first; ``""`` means no reminders."""
    if not text.strip():
        return ()
    days = []
    for item in text.split(","):
        match = _REMINDER.fullmatch(item.strip().lower())
        if match is None:
            where = f" (in '{text}')" if "," in text else ""
            raise _bad_reminders(f"'{item.strip()}' is not a number of days{where}", param)
        days.append(int(match.group(1)))
    return check_reminders(tuple(days), param)


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def _chosen(catalog: Catalog, election_id: str | None, as_of: date | None) -> list[tuple[Election, Revision]]:
    if election_id is not None:
        found = find_election(catalog, election_id)
        return [(found, find_revision(catalog, found, as_of))]
    known = [(e, e.revision_as_of(as_of)) for e in catalog.elections.values()]
    return [(e, r) for e, r in known if r is not None]


def source_url(
    base_url: str,
    name: str,
    lang: Lang,
    reminders: tuple[int, ...],
    events: bool,
    as_of: date | None,
    region: str | None = None,
) -> str:
    """The address this very feed is served at, with every non-default parameter."""
    params: list[tuple[str, str]] = [("lang", lang)] if lang != "id" else []
    if region is not None:
        params.append(("region", region))
    if reminders != DEFAULT_REMINDERS:
        params.append(("reminders", ",".join(f"{n}d" for n in reminders)))
    if events:
        params.append(("reminder_events", "true"))
    if as_of is not None:
        params.append(("as_of", as_of.isoformat()))
    query = urlencode(params, safe=",")
    return base_url.rstrip("/") + FEED_PATH.format(name=name) + (f"?{query}" if query else "")


Keyed = tuple[tuple[date, int, str], Event]  # (sort key, event)


@record
class _Stamps(Record):
    """DTSTAMP (the data's date), SEQUENCE and LAST-MODIFIED (from the schedule revisions)."""

    data: datetime
    sequence: int
    modified: datetime


def _vevent(uid: str, first: date, last: date, texts: tuple[str, str], categories: list[str], stamps: _Stamps) -> Event:
    """One all-day event from ``first`` to ``last`` inclusive; ``texts`` = (SUMMARY, DESCRIPTION)."""
    event = Event()
    event.add("uid", vText(uid))
    event.add("dtstamp", stamps.data)
    event.add("dtstart", first)
    event.add("dtend", last + ONE_DAY)
    event.add("summary", vText(texts[0]))
    event.add("description", vText(texts[1]))
    event.add("categories", categories)
    event.add("transp", "TRANSPARENT")
    event.add("sequence", stamps.sequence)
    event.add("last-modified", stamps.modified)
    return event


def _when(n: int, lang: Lang) -> str:
    return _word("today", lang) if n == 0 else _word("tomorrow", lang) if n == 1 else _word("in_days", lang, n=n)


def _reminders(event: Event, occ: Occurrence, texts: tuple[str, str], days: tuple[int, ...], extra: bool, lang: Lang) -> list[Keyed]:  # fmt: skip
    """VALARMs on ``event``; with ``extra``, the reminder events (none for 0d) it needs too."""
    uid, title = str(event["uid"]), texts[0]
    out: list[Keyed] = []
    for n in days:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", vText(_word("reminder", lang, when=_when(n, lang), summary=title)))
        alarm.add("trigger", -timedelta(days=n))
        event.add_component(alarm)
        if extra and n > 0:
            day, own = occ.start - timedelta(days=n), f"reminder-{n}d.{uid}"
            note = f"{title}: {long_date(occ.start, lang)}\n\n{texts[1]}"
            categories = [_word("reminders", lang), category(occ, lang)]
            stamps = _Stamps(event.decoded("dtstamp"), event.decoded("sequence"), event.decoded("last-modified"))
            reminder = _vevent(own, day, day, (str(alarm["description"]), note), categories, stamps)
            reminder.add("related-to", vText(uid))
            out.append(((day, _ORDER["reminder"], own), reminder))
    return out


def _events(catalog: Catalog, found: Election, chosen: Revision, lang: Lang, days: tuple[int, ...], extra: bool, region: Region | None) -> list[Keyed]:  # fmt: skip
    info = plan(catalog, found.id, chosen.id).revision
    local = local_codes(region)
    taking_part = participation(catalog, found, region)
    rules = taking_part is None or taking_part.status != "not_taking_part"
    moved = history(catalog, found, chosen, local, rules)
    out: list[Keyed] = []
    for occ in occurrences(catalog, found.id, chosen.id, local, rules):
        uid = f"{occ.stem}.{found.id}@{DOMAIN}"
        sequence, modified = moved[occ.stem]
        stamps = _Stamps(_utc(catalog.data_revised), sequence, _utc(modified))
        texts = summary(occ, found.name, lang), description(occ, found.name, info, lang)
        event = _vevent(uid, occ.start, occ.end, texts, [category(occ, lang)], stamps)
        if occ.phase and occ.phase.source.urls:
            event.add("url", vUri(occ.phase.source.urls[0]))
        out.append(((occ.start, _ORDER[occ.kind], uid), event))
        if occ.kind != "rules-end":  # the last day of a rule needs no preparation
            out += _reminders(event, occ, texts, days, extra, lang)
    return out


def feed(
    catalog: Catalog,
    election_id: str | None,
    lang: Lang = "id",
    reminders: tuple[int, ...] = DEFAULT_REMINDERS,
    reminder_events: bool = False,
    as_of: date | None = None,
    base_url: str | None = None,
    region: Region | None = None,
) -> bytes:
    """The feed of one election (``None``: every election) as iCalendar bytes.

    With ``region``: that region's own circulars join the rule events, each election says
    whether the region takes part (a region that does not gets no rule events), and the
    calendar names the region and its time zone. All events are all-day dates, which every
    calendar shows on the same local day.
    """
    reminders = check_reminders(reminders)
    chosen = _chosen(catalog, election_id, as_of)
    name = _word("all", lang) if election_id is None else chosen[0][0].name.get(lang)
    if region is not None:
        name = f"{name} — {region.name}"
    about = [_word("about", lang), ""]
    about += [f"{e.name.get(lang)} — {schedule_line(plan(catalog, e.id, r.id).revision, lang)}" for e, r in chosen]
    if region is not None:
        about.append(_word("region", lang, name=region.name, code=region.code, zone=region.zone))
        about += [p.note.get(lang) for e, _ in chosen if (p := participation(catalog, e, region))]
    if as_of is not None:
        about.append(_word("as_of", lang, date=long_date(as_of, lang)))
    about.append(_word("data", lang, date=long_date(catalog.data_revised, lang), version=catalog.content_hash[:16]))
    cal = Calendar()
    cal.add("prodid", vText(f"-//{DOMAIN}//Netralitas ASN//{lang.upper()}"))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    for prop in ("name", "x-wr-calname"):
        cal.add(prop, vText(_word("calendar", lang, name=name)))
    for prop in ("description", "x-wr-caldesc"):
        cal.add(prop, vText("\n".join(about)))
    cal.add("last-modified", _utc(catalog.data_revised))
    cal.add("refresh-interval", vDuration(timedelta(days=1)), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(timedelta(days=1)))
    if base_url:
        feed_name = election_id or "all"
        code = region.code if region else None
        cal.add("source", vUri(source_url(base_url, feed_name, lang, reminders, reminder_events, as_of, code)))
        cal.add("url", vUri(base_url.rstrip("/") + "/"))
    events = [item for e, r in chosen for item in _events(catalog, e, r, lang, reminders, reminder_events, region)]
    for _, event in sorted(events, key=lambda item: item[0]):
        cal.add_component(event)
    body: bytes = cal.to_ical()
    return body
