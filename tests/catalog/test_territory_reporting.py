"""Where rules bind ([territory]), where violations are reported (reporting/), official texts (official_url)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType

import pytest

from neutral_timeline.catalog.load import check, load_catalog
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.store import content_hash
from neutral_timeline.errors import DataError
from neutral_timeline.resolve.situation import situation

MINI = Path(__file__).parents[1] / "data" / "mini"
RULE = "rules/six-months.toml"
REPORTING = "reporting/watchdog.toml"
INSTRUMENT = "instruments/law-new.toml"

TERRITORY = """
[territory]
scope = "election_regions"
source = { instrument = "pilkada-law", locator = "Pasal 71 ayat (2)", verified = true }
note = { id = "Hanya di daerah yang memilih", en = "Only in regions that vote" }
"""

CHANNEL = """name = { id = "Pengawas", en = "Watchdog" }
handles = ["election_offences", "asn_neutrality"]
from = 2020-01-01
until = 2029-12-31
url = "https://watchdog.example.go.id/lapor"
source = { instrument = "law-new", locator = "Pasal 1", verified = true }
note = { id = "Catatan", en = "Note" }
"""


@pytest.fixture()
def edited(tmp_path: Path) -> Callable[[dict[str, Callable[[str], str]]], Path]:
    """A copy of the mini catalog with some files (new or existing) transformed."""
    copies = iter(range(1000))

    def make(edits: dict[str, Callable[[str], str]]) -> Path:
        root = tmp_path / str(next(copies)) / "calendars"
        shutil.copytree(MINI, root)
        for relative, edit in edits.items():
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(edit(target.read_text(encoding="utf-8") if target.exists() else ""), encoding="utf-8")
        return root

    return make


def _with_territory(t: str) -> str:
    return t + TERRITORY


def test_mini_with_territory_and_reporting_loads(edited: Callable[..., Path]) -> None:
    root = edited({RULE: _with_territory, REPORTING: lambda _: CHANNEL})
    catalog = load_catalog(root)
    rule = catalog.rules["six-months"]
    assert rule.territory is not None and rule.territory.scope == "election_regions"
    assert rule.election_regions_only
    assert rule.territory.source.locator == "Pasal 71 ayat (2)"
    assert rule.territory.note is not None and rule.territory.note.en == "Only in regions that vote"
    assert catalog.rules["party-member"].territory is None  # absent table: everywhere
    assert not catalog.rules["party-member"].election_regions_only
    channel = catalog.reporting["watchdog"]
    assert channel.handles == ("election_offences", "asn_neutrality")
    assert (channel.start, channel.end) == (date(2020, 1, 1), date(2029, 12, 31))
    assert channel.open_on(date(2020, 1, 1)) and channel.open_on(date(2029, 12, 31))
    assert not channel.open_on(date(2019, 12, 31)) and not channel.open_on(date(2030, 1, 1))
    assert isinstance(catalog.reporting, MappingProxyType)


def test_explicit_everywhere_is_kept_with_its_source(edited: Callable[..., Path]) -> None:
    root = edited({RULE: lambda t: _with_territory(t).replace('"election_regions"', '"everywhere"')})
    rule = load_catalog(root).rules["six-months"]
    assert rule.territory is not None and rule.territory.scope == "everywhere"
    assert not rule.election_regions_only


def test_reporting_open_ends(edited: Callable[..., Path]) -> None:
    text = CHANNEL.replace("from = 2020-01-01\n", "").replace("until = 2029-12-31\n", "")
    channel = load_catalog(edited({REPORTING: lambda _: text})).reporting["watchdog"]
    assert channel.start is None and channel.end is None
    assert channel.open_on(date(1999, 1, 1)) and channel.open_on(date(2099, 1, 1))


CASES: list[tuple[str, dict[str, Callable[[str], str]], str, str]] = [
    # (case id, edits, expected location fragment, expected message fragment)
    (
        "unknown-scope",
        {RULE: lambda t: _with_territory(t).replace('"election_regions"', '"election_region"')},
        "rules/six-months.toml: territory.scope",
        "election_regions",
    ),
    (
        "territory-unknown-instrument",
        {RULE: lambda t: _with_territory(t).replace('instrument = "pilkada-law"', 'instrument = "pilkada-lawz"', 2)},
        "rules/six-months.toml: territory.source.instrument",
        "unknown instrument 'pilkada-lawz'",
    ),
    (
        "territory-missing-source",
        {RULE: lambda t: _with_territory(t).replace('source = { instrument = "pilkada-law", locator', "# ", 1)},
        "rules/six-months.toml: territory.source",
        "required key is missing",
    ),
    (
        "territory-unknown-key",
        {RULE: lambda t: _with_territory(t).replace('scope = "election_regions"', 'scope = "everywhere"\nscop = 1')},
        "rules/six-months.toml: territory.scop",
        "unknown key 'scop'",
    ),
    (
        "reporting-unknown-handles",
        {REPORTING: lambda _: CHANNEL.replace('"asn_neutrality"', '"asn-neutrality"')},
        "reporting/watchdog.toml: handles[1]",
        "asn_neutrality",
    ),
    (
        "reporting-empty-handles",
        {REPORTING: lambda _: CHANNEL.replace('handles = ["election_offences", "asn_neutrality"]', "handles = []")},
        "reporting/watchdog.toml: handles",
        "at least 1",
    ),
    (
        "reporting-handles-twice",
        {REPORTING: lambda _: CHANNEL.replace('"asn_neutrality"]', '"election_offences"]')},
        "reporting/watchdog.toml",
        "twice",
    ),
    (
        "reporting-dates-out-of-order",
        {REPORTING: lambda _: CHANNEL.replace("until = 2029-12-31", "until = 2019-12-31")},
        "reporting/watchdog.toml",
        "before from",
    ),
    (
        "reporting-quoted-date",
        {REPORTING: lambda _: CHANNEL.replace("from = 2020-01-01", 'from = "2020-01-01"')},
        "reporting/watchdog.toml: from",
        "is not a date",
    ),
    (
        "reporting-unknown-instrument",
        {REPORTING: lambda _: CHANNEL.replace('instrument = "law-new"', 'instrument = "law-neww"')},
        "reporting/watchdog.toml: source.instrument",
        "unknown instrument 'law-neww'",
    ),
    (
        "reporting-missing-name",
        {REPORTING: lambda _: CHANNEL.replace('name = { id = "Pengawas", en = "Watchdog" }\n', "")},
        "reporting/watchdog.toml: name",
        "required key is missing",
    ),
    (
        "reporting-bad-url",
        {REPORTING: lambda _: CHANNEL.replace('"https://watchdog.example.go.id/lapor"', '"watchdog.example.go.id"')},
        "reporting/watchdog.toml: url",
        "not an http(s) URL",
    ),
    (
        "reporting-bad-file-name",
        {"reporting/Watch_Dog.toml": lambda _: CHANNEL},
        "reporting/Watch_Dog.toml",
        "not a valid id",
    ),
    (
        "official-url-not-https",
        {INSTRUMENT: lambda t: t + 'official_url = "http://jdih.example.go.id/law-new"\n'},
        "instruments/law-new.toml: official_url",
        "not an https URL",
    ),
    (
        "official-url-also-in-urls",
        {INSTRUMENT: lambda t: t + 'official_url = "https://example.org/law-new"\n'},
        "instruments/law-new.toml",
        "list it once",
    ),
]


@pytest.mark.parametrize(("edits", "where", "what"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_error_kind_is_located_and_refused_whole(
    edited: Callable[..., Path], edits: dict[str, Callable[[str], str]], where: str, what: str
) -> None:
    root = edited(edits)
    problems = check(root)
    assert problems, "the broken catalog was accepted"
    assert any(where in p.where and what in str(p) for p in problems), "\n".join(map(str, problems))
    with pytest.raises(DataError):
        load_catalog(root)


def test_unknown_instrument_suggests_the_near_one(edited: Callable[..., Path]) -> None:
    root = edited({REPORTING: lambda _: CHANNEL.replace('instrument = "law-new"', 'instrument = "law-neww"')})
    (problem,) = check(root)
    assert problem.suggestion == "did you mean 'law-new'?"


def test_official_url_comes_first_in_urls(edited: Callable[..., Path]) -> None:
    root = edited({INSTRUMENT: lambda t: t + 'official_url = "https://jdih.example.go.id/law-new"\n'})
    inst = load_catalog(root).instruments["law-new"]
    assert inst.official_url == "https://jdih.example.go.id/law-new"
    assert inst.urls[0] == inst.official_url and "https://example.org/law-new" in inst.urls


def test_reporting_files_are_part_of_the_content_hash(edited: Callable[..., Path]) -> None:
    root = edited({REPORTING: lambda _: CHANNEL})
    before = content_hash(root)
    (root / REPORTING).write_text(CHANNEL.replace("Catatan", "Catatan baru"), encoding="utf-8")
    assert content_hash(root) != before


# The bundled calendars, from the sources (calendars/reporting/, UU 10/2016 Pasal 71).


def test_only_replacing_officials_is_limited_to_election_regions(catalog: Catalog) -> None:
    limited = sorted(r.id for r in catalog.rules.values() if r.election_regions_only)
    assert limited == ["uu10-replacing-officials"]
    for rule_id in ("uu10-authority-programmes", "uu10-decisions-benefiting-candidate", "uu10-campaign-involvement"):
        territory = catalog.rules[rule_id].territory
        assert territory is not None and territory.scope == "everywhere", rule_id
    for rule in catalog.rules.values():
        if rule.territory is not None:
            assert rule.territory.source.verified and rule.territory.source.urls and rule.territory.note, rule.id


def _channels(catalog: Catalog, handles: str, day: date) -> list[str]:
    return sorted(c.id for c in catalog.reporting.values() if handles in c.handles and c.open_on(day))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 9, 10), ["kasn"]),  # Pilkada 2020
        (date(2024, 2, 14), ["kasn"]),  # Pemilu 2024 voting day
        (date(2024, 8, 23), ["kasn"]),  # KASN's last day
        (date(2024, 8, 24), ["bkn"]),  # BKN from the day KASN stopped (Bawaslu chair, 17 Sep 2024)
        (date(2024, 11, 27), ["bkn"]),  # Pilkada 2024 voting day
        (date(2025, 10, 16), ["bkn"]),  # MK 121/PUU-XXII/2024 read: BKN until an independent body exists
    ],
)
def test_where_asn_neutrality_is_reported(catalog: Catalog, day: date, expected: list[str]) -> None:
    assert _channels(catalog, "asn_neutrality", day) == expected


def test_bawaslu_takes_election_offences_throughout_every_election(catalog: Catalog) -> None:
    for election in catalog.elections.values():
        for revision in election.revisions:
            stages = revision.stages
            for day in (stages.start, stages.end, stages.start + timedelta(days=(stages.days // 2))):
                assert _channels(catalog, "election_offences", day) == ["bawaslu"], (election.id, day)


def test_reporting_channels_are_sourced(catalog: Catalog) -> None:
    for channel in catalog.reporting.values():
        assert channel.source.instrument in catalog.instruments, channel.id
        assert channel.source.urls and channel.note is not None, channel.id
        assert channel.url is None or channel.url.startswith("https://"), channel.id


def test_official_urls_are_government_or_court_pages(catalog: Catalog) -> None:
    for inst in catalog.instruments.values():
        if inst.official_url is not None:
            assert inst.urls[0] == inst.official_url, inst.id
            host = inst.official_url.split("/")[2]
            assert host.endswith((".go.id", "mkri.id")), inst.id


PRE_CANDIDACY = (
    "approach-party-for-own-candidacy",
    "attend-candidate-declaration",
    "banners-promoting-candidate",
    "self-declare-candidate-without-leave",
    "social-media-campaign",
)


@pytest.mark.parametrize(
    ("day", "instrument"),
    [
        (date(2020, 8, 1), "se-menpanrb-b71-2017"),  # before the SKB: SE MenPANRB B/71/M.SM.00.00/2017
        (date(2020, 9, 9), "se-menpanrb-b71-2017"),  # the day before the SKB was signed
        (date(2020, 9, 10), "skb-netralitas-2020"),  # the SKB, signed 10 Sep 2020
    ],
)
def test_pre_candidacy_bans_of_pilkada_2020_cite_the_circular_until_the_skb(
    catalog: Catalog, day: date, instrument: str
) -> None:
    cited = {r.id: {c.instrument for c in r.basis} for r in situation(catalog, day, "pilkada-2020").rules}
    for rule_id in PRE_CANDIDACY:
        assert instrument in cited.get(rule_id, set()), (rule_id, day, cited.get(rule_id))


NOTES = """election_notes = { "testvote-2028" = { id = "Catatan khusus", en = "A note for this election" } }
"""


def _with_notes(t: str) -> str:
    head, rest = t.split("\n[", 1)
    return head + "\n" + NOTES + "\n[" + rest


def test_election_notes_join_the_interpretation_of_that_election_only(edited: Callable[..., Path]) -> None:
    catalog = load_catalog(edited({RULE: _with_notes}))
    rule = next(r for r in situation(catalog, date(2028, 10, 3), "testvote-2028").rules if r.id == "six-months")
    assert rule.interpretation is not None
    assert rule.interpretation.en == "Test interpretation\nA note for this election"


def test_election_notes_for_an_unknown_election_are_refused(edited: Callable[..., Path]) -> None:
    root = edited({RULE: lambda t: _with_notes(t).replace('"testvote-2028" = {', '"testvote-2082" = {')})
    (problem,) = check(root)
    assert problem.where.endswith("six-months.toml: election_notes.testvote-2082")
    assert problem.suggestion == "did you mean 'testvote-2028'?"
