"""Local schedules (calendars/README.md, "Local schedules"): one broken file per error kind, and a valid one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from neutral_timeline.catalog.load import check, load_catalog
from neutral_timeline.errors import DataError
from neutral_timeline.resolve.situation import situation

ELECTION = "elections/testvote-2028.toml"
LOCAL = """
[local.ulang-2029]
kind = "reelection"
name = { id = "Pemilihan ulang uji", en = "Test re-election" }
regions = ["63.03"]
instrument = "sched-b"
enacted = 2029-02-01
interpretation = { id = "Tafsiran perluasan", en = "Why the rules extend" }

[local.ulang-2029.phases]
campaign = { start = 2029-03-01, end = 2029-03-14, source = { locator = "Lampiran", verified = true } }
quiet_period = { start = 2029-03-15, end = 2029-03-17, source = { locator = "Lampiran", verified = true } }
voting_day = { start = 2029-03-18, end = 2029-03-18, source = { locator = "Lampiran", verified = true } }
"""
SECOND = """
[local.psu-2029]
kind = "revote"
name = { id = "PSU uji", en = "Test re-vote" }
regions = ["63.03"]
instrument = "sched-b"
enacted = 2029-02-01
interpretation = { id = "Tafsiran", en = "Reading" }

[local.psu-2029.phases]
voting_day = { start = 2029-03-10, end = 2029-03-10, source = { locator = "Amar putusan", verified = true } }
"""


def local(edit: Callable[[str], str] = lambda t: t) -> Callable[[str], str]:
    return lambda text: text + edit(LOCAL)


CASES: list[tuple[str, Callable[[str], str], str, str]] = [
    # (case id, edit of the election file, expected location fragment, expected message fragment)
    ("unknown-region", local(lambda t: t.replace('["63.03"]', '["63.99"]')), "local.ulang-2029.regions[0]", "is not a region"),
    ("region-not-taking-part", local(lambda t: t.replace('["63.03"]', '["31.71"]')), "local.ulang-2029.regions[0]", "does not take part"),
    ("region-twice", local(lambda t: t.replace('["63.03"]', '["63.03", "63.03"]')), "local.ulang-2029.regions", "listed twice"),
    ("no-regions", local(lambda t: t.replace('["63.03"]', "[]")), "local.ulang-2029.regions", "at least 1"),
    ("unknown-kind", local(lambda t: t.replace('"reelection"', '"re-election"')), "local.ulang-2029.kind", "reelection"),
    ("unknown-instrument", local(lambda t: t.replace('instrument = "sched-b"', 'instrument = "sched-c"')), "local.ulang-2029.instrument", "unknown instrument 'sched-c'"),
    ("no-voting-day", local(lambda t: t[: t.index("voting_day =")]), "local.ulang-2029.phases.voting_day", "has no voting_day"),
    ("voting-day-spans", local(lambda t: t.replace("end = 2029-03-18", "end = 2029-03-19")), "local.ulang-2029.phases.voting_day", "voting_day spans 2 days"),
    ("campaign-into-voting", local(lambda t: t.replace("end = 2029-03-14", "end = 2029-03-18")), "local.ulang-2029.phases.campaign", "not before voting_day"),
    ("phase-outside-stages", local(lambda t: t + 'stages = { start = 2029-03-05, end = 2029-03-18, source = { locator = "Lampiran", verified = true } }\n'), "local.ulang-2029.phases.campaign", "outside stages"),
    ("unnamed-phase", local(lambda t: t + 'debate = { start = 2029-03-05, end = 2029-03-05, source = { locator = "Lampiran", verified = true } }\n'), "local.ulang-2029.phases.debate.name", "has no name"),
    ("missing-interpretation", local(lambda t: t.replace('interpretation = { id = "Tafsiran perluasan", en = "Why the rules extend" }\n', "")), "local.ulang-2029.interpretation", "required key is missing"),
    ("overlapping-schedules", lambda text: text + LOCAL + SECOND, "local.ulang-2029", "at once"),
]  # fmt: skip


@pytest.mark.parametrize(("edit", "where", "what"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_local_error_kind_is_located_and_refused_whole(
    broken: Callable[[str, Callable[[str], str]], Path], edit: Callable[[str], str], where: str, what: str
) -> None:
    root = broken(ELECTION, edit)
    problems = check(root)
    assert problems, "the broken catalog was accepted"
    assert any(where in p.where and what in str(p) for p in problems), "\n".join(map(str, problems))
    with pytest.raises(DataError):
        load_catalog(root)


def test_a_valid_local_schedule_loads_and_runs_in_its_region_only(
    broken: Callable[[str, Callable[[str], str]], Path],
) -> None:
    catalog = load_catalog(broken(ELECTION, local()))
    (schedule,) = catalog.elections["testvote-2028"].local
    assert schedule.stages.start == date(2029, 3, 1) and schedule.stages.end == date(2029, 3, 18)  # spans its phases
    banjar = catalog.regions.get("63.03")
    assert banjar is not None
    on = situation(catalog, date(2029, 3, 5), region=banjar)
    (es,) = on.elections
    assert es.local is not None and es.local.id == "ulang-2029" and es.countdown.days == 13
    assert "campaign-facilities" in es.rule_ids
    reading = next(r for r in on.rules if r.id == "campaign-facilities").interpretation
    assert reading is not None and "Why the rules extend" in reading.en
    # Another region of the same election is not on this schedule: it is told what runs
    # elsewhere and keeps the national rules in force through it (they bind every ASN).
    kota = catalog.regions.get("92.08")
    assert kota is not None
    elsewhere = situation(catalog, date(2029, 3, 5), region=kota)
    (far,) = elsewhere.elections
    assert not far.in_progress and far.local is None and "campaign-facilities" in far.rule_ids
    national = situation(catalog, date(2029, 3, 5))
    assert [s.id for s in national.local] == ["ulang-2029"]
    assert (
        national.message is not None and "Kabupaten Banjar (Campaign period until 14 March 2029)" in national.message.en
    )
    # The day after voting day, and before the schedule was known (as_of), it does not run.
    assert situation(catalog, date(2029, 3, 19), region=banjar).elections == ()
    assert situation(catalog, date(2029, 3, 5), as_of=date(2029, 1, 31), region=banjar).elections == ()
