"""The activity check answers "prohibited" only when the words name what makes an activity political.

The SKB Netralitas ASN, PP 94/2021 and UU 10/2016 prohibit activities that concern a candidate, a party or a
campaign (their posts, symbols, numbers, events, teams): sharing flood news or liking a friend's post is none
of that. Each row goes through the real CLI (``main``, ``--json``) and through real HTTP (the app over the
bundled calendars): the verdict and the activity understood must be the same on both.

``depends`` ("tergantung"): the verb matches a prohibited activity but the words name no candidate, party or
campaign; the answer lists the rules that would apply. A negation ("tidak like", "tanpa kampanye") never
turns into "prohibited"; "boleh gak ...?" is a question, not a negation.
"""

from __future__ import annotations

import json

import httpx
import pytest

from neutral_timeline.cli import main

DAY = "2024-11-20"  # the Pilkada 2024 campaign: the social-media, banner and campaign prohibitions are in force

# (text, lang, verdict, activity understood)
TABLE: list[tuple[str, str, str, str | None]] = [
    # harmless: the verb of a prohibited activity, about nothing political
    ("share berita banjir", "id", "depends", "share-candidate-post"),
    ("SHARE Berita BANJIR", "id", "depends", "share-candidate-post"),
    ("like postingan teman", "id", "depends", "like-candidate-post"),
    ("pasang spanduk HUT RI", "id", "depends", "put-up-banner"),
    ("bikin status WA", "id", "depends", "post-campaign-content"),
    ("komen di postingan dinas kesehatan", "id", "depends", "comment-candidate-post"),
    ("follow akun resmi pemkab", "id", "depends", "follow-campaign-account"),
    ("selfie bareng keluarga", "id", "depends", "post-photo-with-candidate"),
    ("jadi relawan banjir", "id", "depends", "join-campaign-team"),
    ("bagi sembako untuk korban banjir", "id", "depends", "give-goods"),
    ("foto bareng calon istri", "id", "depends", "post-photo-with-candidate"),
    ("ikut kampanye imunisasi", "id", "depends", "attend-campaign"),
    ("share flood news", "en", "depends", "share-candidate-post"),
    ("like a friend's photo", "en", "depends", "like-candidate-post"),
    ("put up a banner for independence day", "en", "depends", "put-up-banner"),
    # political: a candidate, party, campaign, team, symbol or number is named (or the activity is political itself)
    ("like postingan calon bupati", "id", "prohibited", "like-candidate-post"),
    ("Like Postingan CALON Bupati", "id", "prohibited", "like-candidate-post"),
    ("foto bareng paslon pakai simbol jari", "id", "prohibited", "photo-hand-sign"),
    ("share video kampanye", "id", "prohibited", "share-candidate-post"),
    ("ikut kampanye", "id", "prohibited", "attend-campaign"),
    ("jadi tim sukses", "id", "prohibited", "join-campaign-team"),
    ("pasang baliho caleg", "id", "prohibited", "put-up-banner"),
    ("pasang bendera partai", "id", "prohibited", "put-up-banner"),
    ("komen status parpol", "id", "prohibited", "comment-candidate-post"),
    ("follow akun timses", "id", "prohibited", "follow-campaign-account"),
    ("salam dua jari", "id", "prohibited", "photo-hand-sign"),
    ("menjadi anggota partai politik", "id", "prohibited", "party-membership"),
    ("mutasi pejabat", "id", "prohibited", "replace-officials"),
    ("like a candidate's post", "en", "prohibited", "like-candidate-post"),
    ("share a campaign video", "en", "prohibited", "share-candidate-post"),
    # a question, not a negation
    ("boleh gak like postingan calon?", "id", "prohibited", "like-candidate-post"),
    ("boleh tidak share video kampanye?", "id", "prohibited", "share-candidate-post"),
    # negated: never "prohibited"
    ("tidak like", "id", "depends", "like-candidate-post"),
    ("tidak like postingan calon", "id", "depends", "like-candidate-post"),
    ("saya gak pernah share postingan paslon", "id", "depends", "share-candidate-post"),
    ("pakai mobil dinas tanpa kampanye", "id", "depends", "use-office-car"),
    ("bagi sembako, bukan untuk calon", "id", "depends", "give-goods"),
    ("don't like a candidate's post", "en", "depends", "like-candidate-post"),
    # nothing to place
    ("masak nasi goreng", "id", "not_understood", None),
]


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 30
    assert {verdict for *_, verdict, _ in TABLE} == {"depends", "prohibited", "not_understood"}


@pytest.fixture(autouse=True)
def _fixed_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")


@pytest.mark.parametrize(("text", "lang", "verdict", "activity"), TABLE)
def test_the_cli(
    capsys: pytest.CaptureFixture[str], text: str, lang: str, verdict: str, activity: str | None
) -> None:
    assert main(["check", text, "--date", DAY, "--lang", lang, "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert (body["verdict"], (body["activity"] or {}).get("id")) == (verdict, activity)
    if verdict == "depends":
        assert body["rules"], "a 'depends' answer lists the rules that would apply"


@pytest.mark.anyio
@pytest.mark.parametrize(("text", "lang", "verdict", "activity"), TABLE)
async def test_http(bundled_client: httpx.AsyncClient, text: str, lang: str, verdict: str, activity: str | None) -> None:
    r = await bundled_client.get("/api/v1/check", params={"q": text, "date": DAY, "lang": lang})
    assert r.status_code == 200
    body = r.json()
    assert (body["verdict"], (body["activity"] or {}).get("id")) == (verdict, activity)


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"

