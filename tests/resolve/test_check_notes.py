"""Activities the rules held here do not prohibit or do not settle (voting, KPPS, witnesses, donations):
understood, answered "no specific prohibition recorded" with a sourced note saying what is known and whom
to ask, never mapped to a prohibition whose data does not name them. A bare "foto" is not read as a
photo with a candidate (it would make every photo prohibited)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx
import pytest

from neutral_timeline.catalog.load import check as check_folder
from neutral_timeline.catalog.load import load_catalog
from neutral_timeline.catalog.model import TAGS, Catalog
from neutral_timeline.catalog.snapshot import dumps, loads
from neutral_timeline.cli import main
from neutral_timeline.resolve.check import check

DAY = date(2024, 11, 20)  # Pilkada 2024's campaign: every neutrality rule of that election is in force

GAPS = [
    ("nyoblos di TPS", "cast-vote", "hak pilih"),
    ("jadi anggota KPPS", "serve-on-kpps", "KPU"),
    ("jadi saksi paslon", "witness-for-candidate", "Bawaslu"),
    ("donasi ke calon", "donate-to-candidate", "KPU"),
]


@pytest.mark.parametrize(("text", "activity", "ask"), GAPS)
def test_a_gap_is_understood_and_answered_with_its_sourced_note(
    catalog: Catalog, text: str, activity: str, ask: str
) -> None:
    found = check(catalog, text, DAY)
    assert found.activity is not None and found.activity.id == activity
    assert found.verdict == "not_recorded" and found.rules == ()  # no prohibition it does not name
    assert found.principle[0].id == "neutrality-principle"
    assert found.activity.note is not None and ask in found.activity.note.id
    assert found.activity.source is not None and found.activity.source.urls
    assert catalog.activities[activity].rules == ()


def test_voting_is_a_right_and_only_single_reports_are_marked_unverified(catalog: Catalog) -> None:
    vote = check(catalog, "mencoblos di TPS", DAY).activity
    assert vote is not None and vote.note is not None and vote.source is not None
    assert "tidak melarang" in vote.note.id and "right" in vote.note.en
    assert vote.source.short == "UU 7/2017" and "Pasal 198" in vote.source.locator.id and vote.source.verified
    for text in ("jadi saksi paslon", "donasi ke calon", "jadi anggota KPPS"):
        other = check(catalog, text, DAY).activity
        assert other is not None and other.source is not None and not other.source.verified, text


@pytest.mark.parametrize(
    ("text", "activity"),
    [
        ("apakah PPPK boleh nyoblos", "cast-vote"),  # PPPK is no typo of a polling body
        ("saya anggota PPPK boleh like postingan calon", "like-candidate-post"),
        ("kasih sumbangan ke paslon", "donate-to-candidate"),
        ("sumbangan untuk masjid", None),  # a donation, but not to a campaign
        ("donasi bencana", None),
    ],
)
def test_the_new_words_take_nothing_else(catalog: Catalog, text: str, activity: str | None) -> None:
    found = check(catalog, text, DAY).activity
    assert (found.id if found else None) == activity


def test_persuading_people_to_vote_is_still_prohibited(catalog: Catalog) -> None:
    found = check(catalog, "ajak coblos paslon nomor 1", DAY)
    assert found.activity is not None and found.activity.id == "persuade-to-vote"
    assert found.verdict == "prohibited"


def test_foto_alone_is_not_read_as_a_photo_with_a_candidate(catalog: Catalog) -> None:
    """A bare "foto" made every photo prohibited ("foto keluarga liburan": a family holiday photo). It
    offers the photo activities to choose from instead; a photo with a candidate is still understood."""
    for text in ("foto", "foto keluarga liburan"):
        found = check(catalog, text, DAY)
        assert found.verdict == "not_understood" and found.activity is None
        assert "post-photo-with-candidate" in {c.id for c in found.closest}
    assert check(catalog, "foto bareng calon", DAY).verdict == "prohibited"
    assert check(catalog, "foto ktp", DAY).activity.id == "give-ktp-copy"  # type: ignore[union-attr]


def test_the_cli_prints_the_note_with_its_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "nyoblos di TPS", "--date", "2024-11-20"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Catatan: Aturan netralitas yang dimuat di sini tidak melarang ASN memberikan suara" in out
    assert "UU 7/2017" in out and "journal.unram.ac.id" in out
    assert main(["check", "jadi saksi paslon", "--date", "2024-11-20", "--lang", "en"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Note: The rules held here do not name witnesses" in out and "(unverified)" in out


@pytest.mark.anyio
async def test_http_json_and_page_carry_the_note(bundled_client: httpx.AsyncClient) -> None:
    r = await bundled_client.get("/api/v1/check", params={"q": "jadi anggota KPPS", "date": "2024-11-20", "lang": "en"})
    assert r.status_code == 200
    body = r.json()
    assert body["verdict"] == "not_recorded" and body["activity"]["id"] == "serve-on-kpps"
    assert "superior's permission" in body["activity"]["note"]
    assert body["activity"]["source"]["urls"] and body["activity"]["source"]["verified"] is False
    page = await bundled_client.get("/", params={"q": "donasi ke calon", "date": "2024-11-20"})
    assert page.status_code == 200
    assert 'class="nt-check-note"' in page.text and "Gayo Lues" in page.text and "narasinews.id" in page.text


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


AREAS = "".join(f'[areas.{tag}]\nname = {{ id = "{tag} id", en = "{tag} en" }}\n' for tag in TAGS)
NOTED = AREAS + (
    '[activities.vote]\nname = { id = "Mencoblos", en = "Voting" }\narea = "voting"\nwords = ["nyoblos"]\n'
    'note = { id = "Hak pilih.", en = "A right." }\n'
    'source = { locator = "a report", urls = ["https://example.org/a"], verified = false }\n'
)


def test_a_note_only_activity_loads_and_survives_the_snapshot(broken: Callable[..., Path]) -> None:
    catalog = load_catalog(broken("activities.toml", lambda _: NOTED))
    vote = catalog.activities["vote"]
    assert vote.rules == () and vote.note is not None and vote.note.en == "A right."
    assert vote.source is not None and vote.source.urls == ("https://example.org/a",)
    assert loads(dumps(catalog)).activities["vote"] == vote


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        ("no rules, no note", NOTED.replace('note = { id = "Hak pilih.", en = "A right." }\n', ""), "rules lists no"),
        ("note without source", NOTED.replace("source = {", "# source = {"), "note and source go together"),
        ("political without rules", NOTED + 'political = "object"\n', "nothing to decide"),
        ("unknown instrument", NOTED.replace('locator = "a report"', 'instrument = "uu-7-201", locator = "x"'), "uu-7"),
    ],
)
def test_a_broken_note_refuses_the_catalog(broken: Callable[..., Path], kind: str, text: str, message: str) -> None:
    problems = [str(p) for p in check_folder(broken("activities.toml", lambda _: text))]
    assert any("activities.toml" in p and message in p for p in problems), (kind, problems)
