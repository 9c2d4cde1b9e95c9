"""Calendar feeds for ASN (RFC 5545 with RFC 7986 properties), built with icalendar.

Same catalog and arguments, same bytes: UIDs come from ids, and DTSTAMP and the calendar's
LAST-MODIFIED come from the data, never the clock. With a current ``calendars/revision.toml`` both
are ``catalog.revised``, when the data last changed: RFC 5545 §3.8.7.2 makes DTSTAMP, in an object
without METHOD, the time the information was last revised in the calendar store, and RFC 7986 §5.4
makes the calendar's LAST-MODIFIED the same. Without a current stamp there is no such time: the
calendar says no LAST-MODIFIED, and DTSTAMP (required) falls back to the latest date the data
names (``catalog.data_revised`` at 00:00:00Z). Each event's LAST-MODIFIED and SEQUENCE come from
the schedule revisions that moved it.

- Events are all-day (``VALUE=DATE``, DTEND exclusive: the last day + 1), so no VTIMEZONE is
  needed; the only date-times are DTSTAMP and LAST-MODIFIED, in UTC.
- One event per phase the feed shows (``resolve.feed.KEY_PHASES`` by default, every phase with
  ``phases=all``) of the schedule revision used (the latest, or the one known ``as_of``), and
  one-day events on the first and on the last day in force of each group of rules that share
  one window: "prohibited from today: <activity areas>" and "last day prohibited: ...",
  matching the resolver's changes, whose rule ends are the last day in force.
- UID ``<stem>.<election>@neutral-timeline``, e.g. ``phase.campaign.pilkada-2024@neutral-timeline``
  and ``rules-start.<hash of the window as written>.pilkada-2024@neutral-timeline``. The language
  is not part of it: the Indonesian and English feeds carry the same events.
- SEQUENCE counts the schedule revisions (up to the one used) that moved the event's dates;
  LAST-MODIFIED is the enactment day of the revision that last moved it (or first set it).
- Reminders, one per moment and never twice: either a VALARM per reminder day on phase and
  "prohibited from today" events (none on "last day" events), or, with ``reminder_events``
  (for Google Calendar, which ignores VALARM in subscribed feeds), a separate all-day event n
  days before with UID ``reminder-<n>d.<parent UID>``, RELATED-TO the parent, and then no
  VALARM anywhere in the feed: Apple and Outlook users would otherwise be told twice. 0d needs
  no extra event (the event itself is on that day). An all-day event starts at local midnight,
  so an alarm fires at ``REMINDER_HOUR`` local time instead: ``TRIGGER:-P6DT17H`` is 07:00
  seven days before (``-PT17H`` 07:00 the day before, ``PT7H`` 07:00 on the day).
- Presets (``reminders=standard|minimal|none``) are parsed by ``query.parse_reminders``.
- Each DESCRIPTION is at most ``ics_text.MAX_DESCRIPTION`` characters, ending with a link to
  the full answer for that date and region on the site (also the event's URL), built from the
  configured public origin only.
- No METHOD and no ORGANIZER. RFC 5545 §3.7.2 makes METHOD optional and says that without it
  the object is not a scheduling transaction; with METHOD it becomes an iTIP message (RFC 5546
  §1.4), and §3.2.1 requires every VEVENT of a PUBLISH to carry an ORGANIZER, which libical
  (Evolution, GNOME Calendar) enforces by rejecting the file. A feed is not a message from
  anyone: an ORGANIZER would be invented (a mailbox nobody reads), and Outlook is reported to
  treat events with one as meetings (accept/decline). So the calendar is a plain RFC 5545 object, read as a subscription by
  Google, Outlook, Apple Calendar, Thunderbird and libical alike.
- ``X-WR-CALNAME`` and ``X-WR-CALDESC`` state ``VALUE=TEXT``: an X- property's value type is
  unknown to a parser, and ical.js leaves its escapes (``\\n``, ``\\,``) in place unless told.
- Every text is added as ``vText``, also NAME and X- properties, which icalendar would
  otherwise copy unescaped.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from threading import Lock
from typing import Generic, TypeVar

from icalendar import Alarm, Calendar, Component, Event, vDuration, vText, vUri

from neutral_timeline.i18n import N_, NPC_, Msg, long_date, say
from neutral_timeline.record import Record, record
from neutral_timeline.render.ics_text import MAX_DESCRIPTION, answer_link, description, schedule_line, summary
from neutral_timeline.render.ics_text import kind_category as word_category
from neutral_timeline.resolve.feed import Feed, FeedElection
from neutral_timeline.resolve.paths import path
from neutral_timeline.resolve.questions import address
from neutral_timeline.text import Lang

DOMAIN = "neutral-timeline"
_ORDER = {"phase": 0, "rules-start": 1, "rules-end": 2, "reminder": 3}
ONE_DAY = timedelta(days=1)
END = b"END:VCALENDAR\r\n"
VEVENT_END = b"END:VEVENT\r\n"
REMINDER_HOUR = 7  # local time an all-day event's alarm fires

WORDS: dict[str, Msg] = {
    "calendar": N_("ASN neutrality — {name}"),
    "all": N_("All elections"),
    "about": N_("The election phases ASN plan around and the days ASN prohibitions start and end, each with its legal basis and a link to the full answer."),
    "as_of": N_("Schedules as known on {date}."),
    "data": N_("Data as of {date}, version {version}."),
    "reminder": N_("Reminder, {when}: {summary}"),
    "in_days": NPC_("reminder", "in {n} day", "in {n} days", "n"),
    "tomorrow": N_("tomorrow"),
    "today": N_("today"),
    "reminders": N_("Reminder"),
    "region": N_("{name} ({code}); dates in the {zone} time zone."),
}  # fmt: skip


def _word(key: str, lang: Lang, **values: object) -> str:
    return say(WORDS[key], lang, **values)


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


Keyed = tuple[tuple[date, int, str], Event]  # (sort key, event)


@record
class _Stamps(Record):
    """DTSTAMP (when the data last changed, see the module's text), SEQUENCE and LAST-MODIFIED (from the
    schedule revisions)."""

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


def _trigger(n: int) -> timedelta:
    """From the all-day start (local midnight) to ``REMINDER_HOUR`` ``n`` days before."""
    return -timedelta(days=n) + timedelta(hours=REMINDER_HOUR)


def _alarm(n: int, title: str, lang: Lang) -> bytes:
    """The VALARM ``n`` days before an event called ``title``."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", vText(_word("reminder", lang, when=_when(n, lang), summary=title)))
    alarm.add("trigger", _trigger(n))
    return _ical(alarm)


def _reminder_event(uid: str, occ: tuple[date, str], n: int, texts: tuple[str, str], stamps: _Stamps, link: str | None, lang: Lang) -> bytes:  # fmt: skip
    """The separate all-day reminder event ``n`` days before the event ``uid`` (an occurrence
    starting on ``occ[0]``, in category ``occ[1]``), RELATED-TO it."""
    start, cat = occ
    title = texts[0]
    words = _word("reminder", lang, when=_when(n, lang), summary=title)
    day, own = start - timedelta(days=n), f"reminder-{n}d.{uid}"
    note = f"{title}: {long_date(start, lang)}\n\n{texts[1]}"
    if len(note) > MAX_DESCRIPTION:
        note = texts[1]
    reminder = _vevent(own, day, day, (words, note), [_word("reminders", lang), cat], stamps)
    reminder.add("related-to", vText(uid))
    if link:
        reminder.add("url", vUri(link))
    return _ical(reminder)


T = TypeVar("T")


class _Memo(Generic[T]):
    """Values by everything they depend on, least recently used first, at most ``max_bytes`` (as
    ``cost`` counts them). An event recurs in many feeds (``all`` and its election's, every reminder
    preset that gives it no reminder), and so does a line (a regional event's DESCRIPTION in every
    preset); serializing (icalendar's line folding) is most of a feed's cost."""

    def __init__(self, max_bytes: int, cost: Callable[[T], int]) -> None:
        self.max_bytes, self.size, self.cost = max_bytes, 0, cost
        self.entries: OrderedDict[Hashable, tuple[T, int]] = OrderedDict()
        self.lock = Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
                return found[0]
        made = build()
        cost = self.cost(made)
        with self.lock:
            if key not in self.entries and cost <= self.max_bytes // 8:
                self.entries[key] = (made, cost)
                self.size += cost
            while self.size > self.max_bytes:
                _, (_, dropped) = self.entries.popitem(last=False)
                self.size -= dropped
        return made


# Costs: the bytes kept, and the key's texts (about as long), and a slot.
EVENTS: _Memo[bytes] = _Memo(12 * 1024 * 1024, lambda body: len(body) * 2 + 256)
ALARMS: _Memo[bytes] = _Memo(1024 * 1024, lambda body: len(body) * 2 + 128)
LINES: _Memo[bytes] = _Memo(4 * 1024 * 1024, lambda folded: len(folded) * 2 + 128)


def _ical(component: Component) -> bytes:
    """``component.to_ical()``, each distinct content line folded once (Contentlines.to_ical's join)."""
    lines = component.content_lines()
    return b"\r\n".join(LINES.get(str(line), line.to_ical) for line in lines if line) + b"\r\n"


def _base(uid: str, occ: tuple[date, date, str], texts: tuple[str, str], stamps: _Stamps, link: str | None, lang: Lang) -> bytes:  # fmt: skip
    """The event of one occurrence (start, last day, kind) without its END line: its alarms, if
    any, come before it (icalendar writes subcomponents after the properties)."""
    start, end, kind = occ
    event = _vevent(uid, start, end, texts, [word_category(kind, lang)], stamps)
    if link:
        event.add("url", vUri(link))
    body = _ical(event)
    assert body.endswith(VEVENT_END)
    return body[: -len(VEVENT_END)]


@record
class _Options(Record):
    """What every event of one feed shares: language, reminders, the site's origin and the region."""

    lang: Lang
    days: tuple[int, ...]
    extra: bool
    public_url: str | None
    region: str | None


def _events(parts: tuple[FeedElection, ...], data: datetime, opts: _Options) -> list[tuple[tuple[date, int, str], bytes]]:  # fmt: skip
    """Every event, serialized, in calendar order; only the first event of a day carries that day's
    reminders, so a subscriber is reminded once per day, never once per event (voting day and the
    start of counting, or a phase and the rules it opens, fall on the same day)."""
    out: list[tuple[tuple[date, int, str], bytes]] = []
    lang = opts.lang
    ordered = sorted(
        ((part, occ) for part in parts for occ in part.events),
        key=lambda pair: (pair[1].start, _ORDER[pair[1].kind], f"{pair[1].stem}.{pair[0].id}"),
    )
    reminded: set[date] = set()
    for part, occ in ordered:
        uid = f"{occ.stem}.{part.id}@{DOMAIN}"
        assert occ.modified is not None  # set by resolve.feed for every event of a feed
        stamps = _Stamps(data, occ.sequence, _utc(occ.modified))
        link = answer_link(opts.public_url, occ.start, opts.region, lang) if opts.public_url else None
        texts = summary(occ, part.name, lang), description(occ, part.name, occ.schedule or part.revision, lang, link)
        reminders = None
        if occ.kind != "rules-end" and occ.start not in reminded:  # a rule's last day needs no preparation
            reminded.add(occ.start)
            reminders = (opts.days, opts.extra)
        shape = (occ.start, occ.end, occ.kind)
        stamped = (stamps.data, stamps.sequence, stamps.modified)
        base = EVENTS.get(("event", uid, shape, texts, stamped, link, lang), partial(_base, uid, shape, texts, stamps, link, lang))  # fmt: skip
        alarms: list[bytes] = []
        if reminders is not None and not opts.extra:
            alarms = [ALARMS.get((n, texts[0], lang), partial(_alarm, n, texts[0], lang)) for n in opts.days]
        out.append(((occ.start, _ORDER[occ.kind], uid), b"".join([base, *alarms, VEVENT_END])))
        if reminders is not None and opts.extra:
            parent = (occ.start, word_category(occ.kind, lang))
            for n in (n for n in opts.days if n > 0):  # 0d needs no event: the event itself is on that day
                key = ("reminder", n, uid, parent, texts, stamped, link, lang)
                build = partial(_reminder_event, uid, parent, n, texts, stamps, link, lang)
                out.append(((occ.start - timedelta(days=n), _ORDER["reminder"], f"reminder-{n}d.{uid}"), EVENTS.get(key, build)))  # fmt: skip
    return out


def render(answer: Feed, lang: Lang, public_url: str | None = None) -> bytes:
    """The feed as iCalendar bytes in ``lang``; SOURCE and URL from ``public_url`` when given.

    All events are all-day dates, which every calendar shows on the same local day.
    """
    question = answer.question
    reminders, reminder_events = question.reminders, question.reminder_events
    name = _word("all", lang) if question.election is None else answer.elections[0].name.get(lang)
    region = answer.region
    if region is not None:
        name = f"{name} — {region.name}"
    about = [_word("about", lang), ""]
    about += [f"{e.name.get(lang)} — {schedule_line(e.revision, lang)}" for e in answer.elections]
    if region is not None:
        about.append(_word("region", lang, name=region.name, code=region.code, zone=region.zone))
        about += [e.participation.note.get(lang) for e in answer.elections if e.participation]
    if question.as_of is not None:
        about.append(_word("as_of", lang, date=long_date(question.as_of, lang)))
    about.append(_word("data", lang, date=long_date(answer.data_revised, lang), version=answer.data_version))
    cal = Calendar()
    cal.add("prodid", vText(f"-//{DOMAIN}//Netralitas ASN//{lang.upper()}"))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("name", vText(_word("calendar", lang, name=name)))
    cal.add("x-wr-calname", vText(_word("calendar", lang, name=name)), parameters={"VALUE": "TEXT"})
    cal.add("description", vText("\n".join(about)))
    cal.add("x-wr-caldesc", vText("\n".join(about)), parameters={"VALUE": "TEXT"})
    if answer.revised is not None:
        cal.add("last-modified", answer.revised)
    cal.add("refresh-interval", vDuration(timedelta(days=1)), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(timedelta(days=1)))
    if public_url:
        own = path(question, lang) or address(question, lang=lang)  # path-style: it works on a static host too
        cal.add("source", vUri(public_url.rstrip("/") + own))
        cal.add("url", vUri(public_url.rstrip("/") + "/"))
    data = answer.revised or _utc(answer.data_revised)
    opts = _Options(lang, reminders, reminder_events, public_url, question.region)
    events = _events(answer.elections, data, opts)
    head: bytes = cal.to_ical()  # the calendar's own lines, then its events: as icalendar nests them
    assert head.endswith(END)
    return b"".join([head[: -len(END)], *(body for _, body in sorted(events, key=lambda item: item[0])), END])
