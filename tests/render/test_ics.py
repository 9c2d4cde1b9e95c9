"""ICS feeds: parsed strictly by three independent parsers, dates, grouping, history, escaping, CLI."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar, Component

from neutral_timeline.catalog.load import load_catalog
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.regions import Region
from neutral_timeline.catalog.revise import revise
from neutral_timeline.catalog.store import bundled_calendars
from neutral_timeline.cli import main
from neutral_timeline.errors import NotFoundError, QueryError
from neutral_timeline.query import parse_reminders
from neutral_timeline.render.ics import render
from neutral_timeline.resolve.answering import answer
from neutral_timeline.resolve.feed import REMINDERS_EXPECTED
from neutral_timeline.resolve.questions import DEFAULT_REMINDERS, FeedQuestion
from neutral_timeline.text import LANGS, Lang

MINI = Path(__file__).parents[1] / "data" / "mini"
VOTE = "testvote-2028"
Broken = Callable[[str, Callable[[str], str]], Path]


def feed(
    catalog: Catalog,
    election: str | None,
    lang: Lang = "id",
    reminders: tuple[int, ...] = DEFAULT_REMINDERS,
    reminder_events: bool = False,
    as_of: date | None = None,
    base_url: str | None = None,
    region: Region | None = None,
    phases: str = "key",
) -> bytes:
    """The feed through the one answer path: a question, the resolver, the ICS renderer."""
    question = FeedQuestion(election, region.code if region else None, as_of, reminders, reminder_events, phases)
    return render(answer(catalog, question), lang, base_url)


def uid(stem: str, election: str = VOTE) -> str:
    return f"{stem}.{election}@neutral-timeline"


def parse(body: bytes) -> Calendar:
    """Parsed by icalendar, ical and vobject, each with zero errors."""
    cal = Calendar.from_ical(body)
    assert isinstance(cal, Calendar)
    assert {c.name: c.errors for c in cal.walk() if c.errors} == {}
    text = body.decode("utf-8")
    other = IcsCalendarStream.calendar_from_ics(text)
    assert len(other.events) == len(cal.walk("VEVENT"))
    assert vobject.readOne(text, validate=True).name == "VCALENDAR"
    return cal


def calendar_text(body: bytes, prop: str) -> str:
    """A calendar TEXT property, unescaped (vobject: icalendar reads NAME and X- properties raw)."""
    value: str = vobject.readOne(body.decode("utf-8")).contents[prop][0].value
    return value


def events(cal: Calendar) -> dict[str, Component]:
    found = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert len(found) == len(cal.walk("VEVENT")), "UIDs are unique"
    return found


def day(event: Component, prop: str) -> date:
    value = event.decoded(prop)
    assert type(value) is date, f"{prop} is all-day"
    return value


FEEDS = [(name, lang, extra) for name in (VOTE, None) for lang in LANGS for extra in (False, True)]


def test_dtstamp_and_the_calendars_last_modified_are_when_the_data_changed(tmp_path: Path) -> None:
    """With a current revision.toml both are its time (RFC 5545 §3.8.7.2 without METHOD, RFC 7986 §5.4);
    without one the calendar has no LAST-MODIFIED and DTSTAMP is data_revised (deterministic either way)."""
    data = Path(shutil.copytree(MINI, tmp_path / "calendars"))
    unstamped = parse(feed(load_catalog(data), "testvote-2028", "en"))
    assert "LAST-MODIFIED" not in unstamped
    assert {e.decoded("dtstamp") for e in events(unstamped).values()} == {datetime(2028, 10, 1, tzinfo=UTC)}
    when = datetime(2026, 11, 30, 23, 45, 7, tzinfo=UTC)
    revise(data, when)
    body = feed(load_catalog(data), "testvote-2028", "en")
    stamped = parse(body)
    assert stamped.decoded("last-modified") == when
    assert {e.decoded("dtstamp") for e in events(stamped).values()} == {when}
    assert feed(load_catalog(data), "testvote-2028", "en") == body  # the clock plays no part


@pytest.mark.parametrize(("name", "lang", "extra"), FEEDS)
def test_every_mini_feed_parses_strictly(mini: Catalog, name: str | None, lang: Lang, extra: bool) -> None:
    body = feed(mini, name, lang, reminder_events=extra, base_url="https://netral.example")
    lines = body.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75  # folded at 75 octets, never inside a character
    assert [line.decode("utf-8") for line in lines]
    found = events(parse(body))
    assert all(u.endswith("@neutral-timeline") for u in found)
    for event in found.values():
        assert day(event, "dtend") > day(event, "dtstart")
        assert event.decoded("dtstamp") == datetime(2028, 10, 1, tzinfo=UTC)  # data_revised
    assert any(u.startswith("reminder-") for u in found) is extra
    assert b"VTIMEZONE" not in body and b"DTSTART:" not in body  # all-day only: no zone needed


def test_calendar_properties(mini: Catalog) -> None:
    body = feed(mini, VOTE, base_url="https://netral.example/")
    cal = parse(body)
    assert (str(cal["prodid"]), str(cal["version"]), str(cal["calscale"])) == (
        "-//neutral-timeline//Netralitas ASN//ID", "2.0", "GREGORIAN",
    )  # fmt: skip
    assert "method" not in cal and not [e for e in cal.walk("VEVENT") if "organizer" in e]  # not an iTIP message
    assert b"\r\nX-WR-CALDESC;VALUE=TEXT:" in body and b"\r\nX-WR-CALNAME;VALUE=TEXT:" in body
    assert calendar_text(body, "name") == calendar_text(body, "x-wr-calname") == "Netralitas ASN — Pilkada Uji 2028"
    assert calendar_text(body, "description") == calendar_text(body, "x-wr-caldesc") == str(cal["description"])
    assert "PKPU B/2027" in str(cal["description"])
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in body
    assert b"\r\nX-PUBLISHED-TTL:P1D\r\n" in body
    assert str(cal["source"]) == "https://netral.example/ics/id/nasional/standard/testvote-2028.ics"
    assert str(cal["url"]) == "https://netral.example/"
    english_body = feed(mini, None, "en", (3, 0), True, date(2027, 12, 31), "https://netral.example")
    english = Calendar.from_ical(english_body)
    assert calendar_text(english_body, "name") == "ASN neutrality — All elections"
    assert str(english["source"]) == (
        "https://netral.example/ics/all.ics?lang=en&reminders=3d,0d&reminder_events=true&as_of=2027-12-31"
    )
    plain = Calendar.from_ical(feed(mini, VOTE))
    assert "source" not in plain and "url" not in plain


def test_phase_is_all_day_with_exclusive_end(mini: Catalog) -> None:
    campaign = events(parse(feed(mini, VOTE)))[uid("phase.campaign")]
    assert (day(campaign, "dtstart"), day(campaign, "dtend")) == (date(2028, 10, 3), date(2028, 12, 1))
    assert str(campaign["summary"]) == "Masa kampanye — Pilkada Uji 2028"
    assert "3 Oktober 2028 – 30 November 2028 (59 hari)" in str(campaign["description"])
    assert str(campaign["transp"]) == "TRANSPARENT"
    voting = events(parse(feed(mini, VOTE, "en")))[uid("phase.voting_day")]
    assert (day(voting, "dtstart"), day(voting, "dtend")) == (date(2028, 12, 4), date(2028, 12, 5))


def test_rule_start_and_last_day_are_one_day_events_citing_the_basis_of_that_day(mini: Catalog) -> None:
    found = events(parse(feed(mini, VOTE, "en", as_of=date(2027, 12, 31))))
    (start,) = [e for u, e in found.items() if u.startswith("rules-start.") and day(e, "dtstart") == date(2028, 9, 3)]
    (end,) = [e for u, e in found.items() if u.startswith("rules-end.") and day(e, "dtstart") == date(2028, 10, 31)]
    assert day(start, "dtend") == date(2028, 9, 4) and day(end, "dtend") == date(2028, 11, 1)
    assert str(start["summary"]) == "Prohibited from today: state facilities, campaigning — Test Regional Election 2028"
    assert str(end["summary"]) == "Last day prohibited: state facilities, campaigning — Test Regional Election 2028"
    assert "PP Lama Pasal 4 angka 15" in str(start["description"])  # in force on 3 Sep 2028
    assert "PP Baru Pasal 5 huruf n" in str(end["description"])  # in force on 31 Oct 2028
    assert str(start["uid"]).split(".")[1] == str(end["uid"]).split(".")[1]
    # Reminders before starts only, once a day: the campaign starts that day too and carries them.
    same_day = [e for e in found.values() if day(e, "dtstart") == date(2028, 9, 3)]
    assert len(same_day) >= 2 and [bool(e.walk("VALARM")) for e in same_day].count(True) == 1
    assert not end.walk("VALARM")
    assert not [e for e in found.values() if "Party membership" in str(e["summary"])]  # always: no events


EXTRA_RULE = """\
kind = "prohibition"
title = { id = "Aturan tambahan", en = "Extra rule" }
summary = { id = "Ringkasan tambahan.", en = "Extra summary." }
binds = ["asn"]
tags = ["campaign"]
interpretation = { id = "Tafsiran tambahan", en = "Extra interpretation" }

[[basis]]
instrument = "pilkada-law"
locator = "Pasal 9"
verified = false
urls = ["https://example.org/pasal-9"]

[[windows]]
from = "campaign.start"
until = "campaign.end"
"""


def test_rules_sharing_a_window_are_one_event_listing_each(mini: Catalog, broken: Broken) -> None:
    grouped = load_catalog(broken("rules/extra.toml", lambda _: EXTRA_RULE))
    before = [u for u in events(parse(feed(mini, VOTE))) if u.startswith("rules-start.")]
    found = events(parse(feed(grouped, VOTE)))
    starts = [e for u, e in found.items() if u.startswith("rules-start.") and day(e, "dtstart") == date(2028, 10, 3)]
    (event,) = starts
    assert str(event["uid"]) in before  # the window as written names the group, not its members
    assert str(event["summary"]) == "Mulai hari ini dilarang: fasilitas negara, kampanye — Pilkada Uji 2028"
    described = str(event["description"])
    for fragment in (
        "Mulai 3 Oktober 2028 ASN dilarang (Pilkada Uji 2028):",
        "• Fasilitas jabatan dalam kampanye — PP Baru Pasal 5 huruf n\n",
        "• Aturan tambahan (belum terverifikasi) — UU Pilkada Pasal 9 (belum terverifikasi)",
    ):
        assert fragment in described
    assert "https://example.org/pasal-9" not in described  # sources stay on the site, a link away
    english = events(parse(feed(grouped, VOTE, "en", base_url="https://netral.example")))[str(event["uid"])]
    assert (
        str(english["summary"]) == "Prohibited from today: state facilities, campaigning — Test Regional Election 2028"
    )
    assert "• Extra rule (unverified) — UU Pilkada Pasal 9 (unverified)" in str(english["description"])
    link = "https://netral.example/?date=2028-10-03&lang=en"
    assert str(english["description"]).endswith(f"Full answer for this date:\n{link}")
    assert str(english["url"]) == link


def test_same_data_same_bytes(mini: Catalog) -> None:
    again = load_catalog(MINI)  # a new catalog object: nothing memoised is shared
    cases: list[tuple[Any, ...]] = [(VOTE, "id", (7, 1), True), (None, "en", (3,), False)]
    for args in cases:
        assert feed(mini, *args) == feed(again, *args) == feed(mini, *args)
    assert feed(mini, VOTE, reminders=(1, 7, 7)) == feed(mini, VOTE)


def test_uids_do_not_depend_on_language_or_revision(mini: Catalog) -> None:
    ids = set(events(parse(feed(mini, VOTE, "id", reminder_events=True))))
    assert ids == set(events(parse(feed(mini, VOTE, "en", reminder_events=True))))
    assert set(events(parse(feed(mini, VOTE, as_of=date(2027, 12, 31))))) <= ids
    assert ids == set(events(parse(feed(mini, None, reminder_events=True))))
    assert {uid("phase.campaign"), f"reminder-7d.{uid('phase.campaign')}"} <= ids


def _history(event: Component) -> tuple[int, datetime]:
    return event.decoded("sequence"), event.decoded("last-modified")


def test_sequence_counts_revisions_that_moved_an_event(mini: Catalog) -> None:
    first = events(parse(feed(mini, VOTE, as_of=date(2027, 12, 31))))
    assert _history(first[uid("phase.campaign")]) == (0, datetime(2027, 1, 10, tzinfo=UTC))
    latest = events(parse(feed(mini, VOTE, reminder_events=True)))
    moved = (1, datetime(2028, 3, 1, tzinfo=UTC))
    assert _history(latest[uid("phase.campaign")]) == moved
    assert _history(latest[f"reminder-1d.{uid('phase.campaign')}"]) == moved
    assert all(_history(e) == moved for u, e in latest.items() if u.startswith("rules-"))


def test_an_event_both_revisions_agree_on_keeps_sequence_0(broken: Broken) -> None:
    same = {"2028-07-01": "2028-06-01", "2028-07-03": "2028-06-03"}  # sched-b registration = sched-a's

    def edit(text: str) -> str:
        for old, new in same.items():
            text = text.replace(old, new)
        return text

    found = events(parse(feed(load_catalog(broken("elections/testvote-2028.toml", edit)), VOTE, phases="all")))
    assert _history(found[uid("phase.candidate_registration")]) == (0, datetime(2027, 1, 10, tzinfo=UTC))
    assert found[uid("phase.campaign")].decoded("sequence") == 1


def test_reminders_are_alarms_at_seven_or_events_never_both(mini: Catalog) -> None:
    alarmed = events(parse(feed(mini, VOTE, "en", (7, 1, 0))))
    campaign = alarmed[uid("phase.campaign")]
    alarms = campaign.walk("VALARM")
    # relative to the all-day start (local midnight): 07:00 seven days before, the day before, on the day
    assert [a.decoded("trigger") for a in alarms] == [
        -timedelta(days=6, hours=17),
        -timedelta(hours=17),
        timedelta(hours=7),
    ]
    assert b"TRIGGER:-PT17H\r\n" in feed(mini, VOTE)
    assert {str(a["action"]) for a in alarms} == {"DISPLAY"}
    assert str(alarms[0]["description"]) == "Reminder, in 7 days: Campaign period — Test Regional Election 2028"
    assert not [u for u in alarmed if u.startswith("reminder-")]
    found = events(parse(feed(mini, VOTE, "en", (7, 1, 0), reminder_events=True)))
    assert not [e for e in found.values() if e.walk("VALARM")]  # the events replace the alarms
    week = found[f"reminder-7d.{uid('phase.campaign')}"]
    assert (day(week, "dtstart"), day(week, "dtend")) == (date(2028, 9, 26), date(2028, 9, 27))
    assert str(week["related-to"]) == uid("phase.campaign")
    assert str(found[f"reminder-1d.{uid('phase.campaign')}"]["summary"]).startswith("Reminder, tomorrow: ")
    assert f"reminder-0d.{uid('phase.campaign')}" not in found
    assert not [u for u in found if u.startswith("reminder-") and ".rules-end." in u]
    assert not events(parse(feed(mini, VOTE, reminders=())))[uid("phase.campaign")].walk("VALARM")


def test_key_phases_by_default_every_phase_on_request(mini: Catalog) -> None:
    key = {u for u in events(parse(feed(mini, VOTE))) if u.startswith("phase.")}
    every = {u for u in events(parse(feed(mini, VOTE, phases="all"))) if u.startswith("phase.")}
    assert uid("phase.campaign") in key and uid("phase.stages") not in key
    assert key < every and {uid("phase.stages"), uid("phase.candidate_registration")} <= every


def test_every_description_stays_short() -> None:
    from neutral_timeline.render.ics_text import MAX_DESCRIPTION

    real = _real()
    for name in [*real.elections, None]:
        for extra in (False, True):
            cal = parse(
                feed(
                    real,
                    name,
                    "id",
                    reminder_events=extra,
                    base_url="https://netral.example",
                    region=real.regions.find("92.08"),
                )
            )
            assert max(len(str(e.get("description", ""))) for e in cal.walk("VEVENT")) <= MAX_DESCRIPTION


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("7d,1d", (7, 1)),
        ("1d,7d,7d", (7, 1)),
        (" 3d , 0D ", (3, 0)),
        ("90d", (90,)),
        ("", ()),
        ("standard", (7, 1)),
        ("minimal", (1,)),
        ("none", ()),
    ],
)
def test_parse_reminders(text: str, days: tuple[int, ...]) -> None:
    assert parse_reminders(text) == days


@pytest.mark.parametrize("text", ["7", "7h", "91d", "-1d", "d", "1d,,2d", "1.5d", "1d,2d,3d,4d,5d,6d", "seven"])
def test_bad_reminders_are_a_located_query_error(text: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_reminders(text)
    (problem,) = caught.value.problems
    assert (problem.where, problem.expected) == ("reminders", REMINDERS_EXPECTED)


def test_feed_refuses_bad_arguments(mini: Catalog) -> None:
    with pytest.raises(QueryError):
        feed(mini, VOTE, reminders=(100,))
    with pytest.raises(QueryError):
        feed(mini, VOTE, as_of=date(2020, 1, 1))
    with pytest.raises(NotFoundError, match="did you mean 'testvote-2028'"):
        feed(mini, "testvote-2082")
    with pytest.raises(QueryError, match="no schedule"):  # never an empty calendar
        feed(mini, None, as_of=date(2020, 1, 1))


EVIL = "Evil\nBEGIN:VEVENT\nSUMMARY:evil;X-INJECT=1 a,b \\ end\\n"


def _evil(text: str, old: str) -> str:
    assert old in text
    return text.replace(old, json.dumps(EVIL))  # a JSON string is a valid TOML basic string


def test_text_is_escaped_and_round_trips(broken: Broken) -> None:
    def rule(text: str) -> str:
        for old in ('"Fasilitas jabatan dalam kampanye"', '"Jangan gunakan fasilitas jabatan untuk kampanye."'):
            text = _evil(text, old)
        return text

    root = broken("rules/campaign-facilities.toml", rule)
    election = root / "elections" / "testvote-2028.toml"
    election.write_text(_evil(election.read_text(encoding="utf-8"), '"Pilkada Uji 2028"'), encoding="utf-8")
    body = feed(load_catalog(root), VOTE, reminder_events=True)
    cal = parse(body)
    clean = parse(feed(load_catalog(MINI), VOTE, reminder_events=True))
    assert len(cal.walk("VEVENT")) == len(clean.walk("VEVENT"))
    assert {c.name for c in cal.walk()} == {"VCALENDAR", "VEVENT"}  # reminder events: no alarms
    assert not [c for c in cal.walk() if "X-INJECT" in c]
    lines = body.replace(b"\r\n ", b"").split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == len(clean.walk("VEVENT"))
    assert not [line for line in lines if line.startswith((b"SUMMARY:evil", b"X-INJECT"))]
    assert calendar_text(body, "name") == calendar_text(body, "x-wr-calname") == f"Netralitas ASN — {EVIL}"
    starts = [
        e
        for e in cal.walk("VEVENT")
        if f"\n• {EVIL} — " in str(e["description"]) and str(e["uid"]).startswith("rules-start")
    ]
    assert [str(e["summary"]) for e in starts] == [f"Mulai hari ini dilarang: fasilitas negara, kampanye — {EVIL}"]
    assert f"Mulai hari ini dilarang: fasilitas negara, kampanye — {EVIL}" in [
        e.summary for e in IcsCalendarStream.calendar_from_ics(body.decode()).events
    ]


def test_cli_writes_the_feeds_bytes(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], mini: Catalog) -> None:
    out = tmp_path / "feed.ics"
    assert main(["ics", VOTE, "-o", str(out), "--data", str(MINI)]) == 0
    assert out.read_bytes() == feed(mini, VOTE)
    argv = ["ics", "all", "--lang", "en", "--reminders", "3d", "--reminder-events", "--as-of", "2027-12-31"]
    assert main([*argv, "--base-url", "https://netral.example", "--data", str(MINI)]) == 0
    expected = feed(mini, None, "en", (3,), True, date(2027, 12, 31), "https://netral.example")
    assert capsysbinary.readouterr().out == expected


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["ics", VOTE, "--reminders", "1w", "--lang", "en"], "--reminders: '1w' is not a number of days"),
        (["ics", VOTE, "--reminders", "7d,1w"], "--reminders: '1w' bukan jumlah hari (dalam '7d,1w')"),
        (["ics", "testvote", "--lang", "en"], "did you mean 'testvote-2028'?"),
        (["ics", VOTE, "--lang", "jv"], "--lang: 'jv' bukan bahasa yang didukung"),
        (["ics", VOTE, "--as-of", "2001-01-01", "--lang", "en"], "on or after 2027-01-10"),
    ],
)
def test_cli_bad_input_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str) -> None:
    assert main([*argv, "--data", str(MINI)]) == 2
    assert fragment in capsys.readouterr().err


def _real() -> Catalog:
    return load_catalog(bundled_calendars())


@pytest.mark.parametrize("lang", LANGS)
def test_real_calendars_feeds_parse(lang: Lang) -> None:
    real = _real()
    for name in [*real.elections, None]:
        cal = parse(feed(real, name, lang, reminder_events=True, base_url="https://netral.example"))
        assert cal.walk("VEVENT") or not real.elections


def test_region_feed_adds_its_circular_and_says_the_zone() -> None:
    catalog = load_catalog(MINI)
    kaimana = catalog.regions.find("92.08")
    national = parse(feed(catalog, VOTE, "en"))
    local = parse(feed(catalog, VOTE, "en", region=kaimana, base_url="https://netral.example"))

    def text(cal: Calendar) -> str:
        return "\n".join(str(e.get("description")) for e in cal.walk("VEVENT"))

    assert "Candidate attributes" in text(local) and "Candidate attributes" not in text(national)
    assert "Asia/Jayapura" in str(local["x-wr-caldesc"])
    assert str(local["x-wr-calname"]).endswith("Kabupaten Kaimana")
    assert str(local["source"]) == "https://netral.example/ics/en/92.08/standard/testvote-2028.ics"


def test_region_without_a_race_still_gets_the_national_rule_events() -> None:
    catalog = load_catalog(MINI)
    national = events(parse(feed(catalog, VOTE, "en")))
    cal = parse(feed(catalog, VOTE, "en", region=catalog.regions.find("34.71")))
    assert set(events(cal)) == set(national)  # the mini catalog has no rule tied to the election's regions
    assert "holds no race of its own" in calendar_text(cal.to_ical(), "x-wr-caldesc")


@pytest.mark.parametrize("extra", [False, True])
def test_one_reminder_a_day_whatever_the_number_of_events(catalog: Catalog, extra: bool) -> None:
    """Voting day and the start of counting, or a phase and the rules it opens, share a day: the
    subscriber is reminded of that day once (one alarm, or one reminder event), never once per event."""
    cal = parse(feed(catalog, None, "id", (7, 1), extra, region=catalog.regions.find("92.08")))
    moments: list[tuple[date, str]] = []
    for event in cal.walk("VEVENT"):
        if extra and str(event["uid"]).startswith("reminder-"):
            moments.append((day(event, "dtstart"), "event"))
        for alarm in event.walk("VALARM"):
            moments.append((day(event, "dtstart"), str(alarm["trigger"].to_ical())))
    assert moments and len(moments) == len(set(moments))
