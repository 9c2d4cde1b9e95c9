"""Every feed variant of the bundled data, read by every parser calendar apps use.

icalendar (ours), ical (Home Assistant), vobject (Radicale), libical (Evolution, GNOME Calendar:
Debian's library through its GObject bindings, run by the system python) and Mozilla's ical.js
(Thunderbird; npm, run by node). ``make parsers`` installs the last two; without them these
tests skip, unless $NEUTRAL_TIMELINE_REQUIRE_PARSERS is set (``make test`` sets it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import vobject

from neutral_timeline.catalog.load import load_catalog
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.store import bundled_calendars
from neutral_timeline.render.ics import render
from neutral_timeline.render.ics_text import MAX_DESCRIPTION
from neutral_timeline.resolve.answering import answer
from neutral_timeline.resolve.questions import FeedQuestion
from neutral_timeline.text import LANGS
from tests.render.test_ics import parse

ROOT = Path(__file__).parents[2]
HERE = ROOT / "tests" / "parsers"
SYSTEM_PYTHON = "/usr/bin/python3"
ICALJS = ROOT / ".parsers" / "node_modules" / "ical.js" / "dist" / "ical.js"
REQUIRED = bool(os.environ.get("NEUTRAL_TIMELINE_REQUIRE_PARSERS"))
ORIGIN = "https://netral.example.go.id"


@dataclass(frozen=True)
class Variant:
    name: str
    question: FeedQuestion
    lang: str
    body: bytes
    path: Path


def _questions(catalog: Catalog) -> list[tuple[str, FeedQuestion]]:
    found: list[tuple[str, FeedQuestion]] = []
    for election in [*catalog.elections, None]:
        known = [e for e in catalog.elections.values() if election in (None, e.id)]
        earliest = min(e.revisions[0].enacted for e in known)
        for label, question in {
            "plain": FeedQuestion(election),
            "region": FeedQuestion(election, "92.08"),
            "reminders": FeedQuestion(election, "63.03", reminders=(30, 7, 1, 0)),
            "reminder-events": FeedQuestion(election, "92.08", reminders=(7, 1, 0), reminder_events=True),
            "as-of": FeedQuestion(election, as_of=earliest),
            "all-phases": FeedQuestion(election, reminders=(), phases="all"),
        }.items():
            found.append((f"{election or 'all'}-{label}", question))
    return found


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> list[Variant]:
    catalog = load_catalog(bundled_calendars())
    folder = tmp_path_factory.mktemp("feeds")
    out = []
    for name, question in _questions(catalog):
        for lang in LANGS:
            body = render(answer(catalog, question), lang, ORIGIN)
            path = folder / f"{name}-{lang}.ics"
            path.write_bytes(body)
            out.append(Variant(f"{name}-{lang}", question, lang, body, path))
    return out


def _tool(available: bool, what: str) -> None:
    if not available:
        if REQUIRED:
            pytest.fail(f"{what} is not installed: run `make parsers`")
        pytest.skip(f"{what} is not installed (`make parsers`)")


def test_python_parsers_sizes_and_one_reminder_each(variants: list[Variant]) -> None:
    for v in variants:
        cal = parse(v.body)  # icalendar, ical and vobject, strictly
        assert "method" not in cal, v.name
        vevents = cal.walk("VEVENT")
        assert vevents, v.name
        for event in vevents:
            assert len(str(event.get("description", ""))) <= MAX_DESCRIPTION, (v.name, str(event["uid"]))
            assert not event.walk("VALARM") or not v.question.reminder_events, v.name  # never both
            triggers = [a.decoded("trigger") for a in event.walk("VALARM")]
            assert len(triggers) == len(set(triggers)), (v.name, str(event["uid"]))
            assert str(event.get("url", ORIGIN)).startswith(ORIGIN + "/"), v.name


def _libical() -> bool:
    check = [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('ICalGLib', '3.0')"]
    return Path(SYSTEM_PYTHON).exists() and subprocess.run(check, capture_output=True).returncode == 0


def test_libical_reads_every_variant(variants: list[Variant]) -> None:
    _tool(_libical(), "libical (python3-gi, gir1.2-ical-3.0)")
    run = subprocess.run(
        [SYSTEM_PYTHON, str(HERE / "libical_check.py"), *(str(v.path) for v in variants)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(results) == len(variants)
    for v, result in zip(variants, results, strict=True):
        assert result["errors"] == [], v.name
        assert result["events"] == v.body.count(b"BEGIN:VEVENT"), v.name


def test_icaljs_reads_every_variant_and_the_calendar_texts_unescaped(variants: list[Variant]) -> None:
    node = shutil.which("node")
    _tool(node is not None and ICALJS.exists(), "ical.js (node and .parsers/)")
    assert node is not None
    run = subprocess.run(
        [node, str(HERE / "icaljs_check.mjs"), str(ICALJS), *(str(v.path) for v in variants)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(results) == len(variants)
    for v, result in zip(variants, results, strict=True):
        assert result["errors"] == [], v.name
        assert result["events"] == v.body.count(b"BEGIN:VEVENT"), v.name
        calendar = vobject.readOne(v.body.decode("utf-8"))
        for prop in ("x-wr-calname", "x-wr-caldesc", "name", "description"):
            assert result["texts"][prop] == calendar.contents[prop][0].value, (v.name, prop)
        assert "\\n" not in result["texts"]["x-wr-caldesc"] and "\\," not in result["texts"]["x-wr-caldesc"]


def test_the_old_method_line_is_what_libical_refused(variants: list[Variant], tmp_path: Path) -> None:
    """The reason there is no METHOD: with METHOD:PUBLISH and no ORGANIZER libical refuses the file."""
    _tool((Path(SYSTEM_PYTHON).exists() and ICALJS.parent.exists()) or not REQUIRED, "libical")
    old = tmp_path / "old.ics"
    old.write_bytes(variants[0].body.replace(b"CALSCALE:GREGORIAN\r\n", b"CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"))
    run = subprocess.run([SYSTEM_PYTHON, str(HERE / "libical_check.py"), str(old)], capture_output=True, text=True)
    assert "ORGANIZER" in " ".join(json.loads(run.stdout)["errors"])


def test_an_earlier_as_of_variant_exists(variants: list[Variant]) -> None:
    assert any(v.question.as_of is not None and v.question.as_of < date(2024, 1, 1) for v in variants)
