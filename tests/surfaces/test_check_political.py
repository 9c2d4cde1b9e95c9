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
    # the last tryout's: non-political campaigns, candidates and matches; refusing and undoing
    ("ikut kampanye donor darah", "id", "depends", "attend-campaign"),
    ("share kampanye hidup sehat", "id", "depends", "share-candidate-post"),
    ("like postingan calon dokter", "id", "depends", "like-candidate-post"),
    ("like foto partai persahabatan sepak bola", "id", "depends", "like-candidate-post"),
    ("menolak jadi timses", "id", "depends", "join-campaign-team"),
    ("ogah ikut kampanye", "id", "depends", "attend-campaign"),
    ("unfollow akun calon", "id", "depends", "follow-campaign-account"),
    ("unlike postingan calon", "id", "depends", "post-campaign-content"),
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
def test_the_cli(capsys: pytest.CaptureFixture[str], text: str, lang: str, verdict: str, activity: str | None) -> None:
    assert main(["check", text, "--date", DAY, "--lang", lang, "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert (body["verdict"], (body["activity"] or {}).get("id")) == (verdict, activity)
    if verdict == "depends":
        assert body["rules"], "a 'depends' answer lists the rules that would apply"


@pytest.mark.anyio
@pytest.mark.parametrize(("text", "lang", "verdict", "activity"), TABLE)
async def test_http(
    bundled_client: httpx.AsyncClient, text: str, lang: str, verdict: str, activity: str | None
) -> None:
    r = await bundled_client.get("/api/v1/check", params={"q": text, "date": DAY, "lang": lang})
    assert r.status_code == 200
    body = r.json()
    assert (body["verdict"], (body["activity"] or {}).get("id")) == (verdict, activity)


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


# --- what each surface says ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "says"),
    [
        ("id", "share berita banjir", ["TERGANTUNG: dilarang pada tanggal ini bila menyangkut calon, partai, atau"]),
        ("id", "share berita banjir", ["Aturan yang melarangnya bila menyangkut calon, partai, atau kampanye (1)"]),
        ("en", "share flood news", ["DEPENDS: prohibited on this date if it concerns a candidate, party or campaign"]),
        ("en", "share flood news", ["“Sharing a candidate's post on social media” is prohibited by the rules below"]),
        ("en", "share flood news", ["(in force since 26 January 2024)", "Campaigning for a candidate on social"]),
        ("id", "tidak like", ["TERGANTUNG: tidak melakukannya tidak pernah dilarang", "menyebut “tidak”"]),
        ("en", "don't like a candidate's post", ["Your words say “don”", "Not doing it is never prohibited"]),
        ("id", "like postingan calon bupati", ["DILARANG pada tanggal ini", "Menyebut calon, partai, atau kampanye:"]),
        ("en", "pasang baliho caleg", ["PROHIBITED on this date", "Names a candidate, party or campaign: “caleg”"]),
    ],
)
def test_the_terminal_says_it_in_both_languages(
    capsys: pytest.CaptureFixture[str], lang: str, text: str, says: list[str]
) -> None:
    assert main(["check", text, "--date", DAY, "--lang", lang]) == 0
    out = " ".join(capsys.readouterr().out.split())
    for words in says:
        assert " ".join(words.split()) in out, words


def test_json_names_the_political_words_and_the_negation(capsys: pytest.CaptureFixture[str]) -> None:
    for text, named, negation in [
        ("foto bareng paslon pakai simbol jari", ["paslon", "simbol jari"], None),
        ("like postingan teman", [], None),
        ("tidak like postingan calon", ["calon"], "tidak"),
        ("bagi sembako, bukan untuk calon", [], None),  # the negated candidate is not named
        ("foto bareng calon istri", [], None),  # an ordinary phrase: a fiancée
    ]:
        assert main(["check", text, "--date", DAY, "--json"]) == 0
        body = json.loads(capsys.readouterr().out)
        assert (body["named"], body["negation"]) == (named, negation), text
    assert body["activity"]["political"] == "object"
    assert main(["check", "mutasi pejabat", "--date", DAY, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["activity"]["political"] == "inherent"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("lang", "text", "label", "heading"),
    [
        ("id", "share berita banjir", "TERGANTUNG: dilarang pada tanggal ini", "Aturan yang melarangnya bila"),
        ("en", "like a friend's photo", "DEPENDS: prohibited on this date", "Rules that prohibit it if it concerns"),
        ("en", "tidak like", "DEPENDS: not doing it is never prohibited", "Rules that prohibit it if it concerns"),
    ],
)
async def test_the_html_check_form_says_it(
    bundled_client: httpx.AsyncClient, lang: str, text: str, label: str, heading: str
) -> None:
    page = await bundled_client.get("/", params={"q": text, "date": DAY, "lang": lang})
    assert page.status_code == 200
    assert f'<p class="nt-verdict nt-verdict-depends"><strong>{label}' in page.text
    assert heading in page.text
    api = (await bundled_client.get("/api/v1/check", params={"q": text, "date": DAY, "lang": lang})).json()
    assert api["verdict"] == "depends" and api["message"].split(":")[0] in page.text


@pytest.mark.anyio
async def test_the_json_schema_documents_the_new_verdict(bundled_client: httpx.AsyncClient) -> None:
    spec = (await bundled_client.get("/openapi.json")).json()
    answer = spec["components"]["schemas"]["CheckAnswer"]
    assert "depends" in spec["components"]["schemas"]["CheckAnswer"]["properties"]["verdict"]["enum"]
    assert "``depends``" in answer["description"]
    assert {"named", "negation"} <= set(answer["properties"])


def test_outside_a_window_the_answer_stays_not_recorded(capsys: pytest.CaptureFixture[str]) -> None:
    """No rule in force: no specific prohibition recorded, political words or not."""
    for text in ("like postingan teman", "like postingan calon"):
        assert main(["check", text, "--date", "2019-01-01", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["verdict"] == "not_recorded"
