"""Smaller problems the second fresh-user tryout found, each through the real CLI (``main``) or real HTTP through
the app: province abbreviations ("Babel", "Jabar"), a query parameter given twice, English phrasings of voting,
English stage locators, dates outside what the tool covers, and the activities' notes in the API."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from neutral_timeline import cli
from neutral_timeline.catalog.load import load_catalog
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.regions import bundled_regions, load_regions
from neutral_timeline.cli import main
from neutral_timeline.errors import DataError

ALIASES = Path(__file__).parents[2] / "calendars" / "regions" / "aliases.csv"


@pytest.fixture(autouse=True)
def _fixed_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


def one_line(text: str) -> str:
    return " ".join(text.split())


def first_row(out: str) -> str:
    """The code in the first row of the regions table."""
    rows = [line.split() for line in out.splitlines() if line.strip()[:2].isdigit()]
    return rows[0][0]


# --- 1. province names as people type them ------------------------------------------------------------------------

ABBREVIATIONS = [
    ("Babel", "19"),
    ("babel", "19"),
    ("Bangka Belitung", "19"),
    ("bangka belitung", "19"),
    ("Kep. Bangka Belitung", "19"),
    ("Jabar", "32"),
    ("Jatim", "35"),
    ("Jateng", "33"),
    ("DKI", "31"),
    ("DKI Jakarta", "31"),
    ("DIY", "34"),
    ("Sumut", "12"),
    ("Sulsel", "73"),
    ("NTB", "52"),
    ("NTT", "53"),
    ("Kalsel", "63"),
    ("Kepri", "21"),
    ("Provinsi Jabar", "32"),
]


@pytest.mark.parametrize(("typed", "code"), ABBREVIATIONS)
def test_a_province_abbreviation_finds_its_province(typed: str, code: str) -> None:
    assert load_regions(bundled_regions()).find(typed).code == code


@pytest.mark.parametrize(("typed", "code"), ABBREVIATIONS)
def test_regions_lists_the_abbreviated_province_first(
    capsys: pytest.CaptureFixture[str], typed: str, code: str
) -> None:
    assert main(["regions", typed]) == cli.EXIT_OK
    assert first_row(capsys.readouterr().out) == code


def test_today_with_a_province_name_without_kepulauan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--region", "bangka belitung", "--date", "2024-11-20", "--lang", "en"]) == cli.EXIT_OK
    assert "Region: Kepulauan Bangka Belitung (19)" in capsys.readouterr().out


def test_a_typo_of_a_province_is_suggested_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--region", "bangka beliting", "--date", "2024-11-20", "--lang", "en"]) == cli.EXIT_USAGE
    err = one_line(capsys.readouterr().err)
    assert "did you mean 'Provinsi Kepulauan Bangka Belitung' (19)?" in err


@pytest.mark.anyio
async def test_the_api_knows_the_abbreviations(bundled_client: httpx.AsyncClient) -> None:
    found = (await bundled_client.get("/api/v1/regions", params={"q": "babel"})).json()
    assert found[0]["code"] == "19"
    today = await bundled_client.get("/api/v1/today", params={"region": "Jabar", "date": "2024-11-20"})
    assert today.status_code == 200
    assert today.json()["region"]["code"] == "32"


def test_every_alias_names_a_listed_province_by_its_own_name() -> None:
    regions = load_regions(bundled_regions())
    rows = [line.split(",", 3) for line in ALIASES.read_text(encoding="utf-8").splitlines()[1:]]
    assert rows
    for alias, code, name, _source in rows:
        region = regions.get(code)
        assert region is not None and region.name == name, alias
        if alias == "Yogyakarta":  # also Kota Yogyakarta: ambiguous on purpose, both listed
            assert code in {r.code for r in regions.search(alias)}
        else:
            assert regions.find(alias).code == code, alias


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Jabar,99,Jawa Barat,", "'99' is not a region in regions.csv"),
        ("Jabar,34,Jawa Barat,", "'Jawa Barat' is not the name of 34"),
        ("Jawa Barat,32,Jawa Barat,", "'Jawa Barat' is the region's own name"),
        ("Jabar,32,Jawa Barat", "has 3 columns"),
        ("dki,31,Daerah Khusus Ibukota Jakarta,", "'dki' is listed twice (first on line 2)"),
    ],
)
def test_a_wrong_alias_is_refused_with_its_line(
    broken: Callable[[str, Callable[[str], str]], Path], row: str, message: str
) -> None:
    text = f"alias,code,name,source\nDKI,31,Daerah Khusus Ibukota Jakarta,\n{row}\n"
    root = broken("regions/aliases.csv", lambda _: text)
    with pytest.raises(DataError) as info:
        load_catalog(root)
    assert info.value.problems[0].where.startswith("calendars/regions/aliases.csv: line 3")
    assert message in str(info.value)


def test_aliases_of_a_data_folder_are_its_own(broken: Callable[[str, Callable[[str], str]], Path]) -> None:
    root = broken("regions/aliases.csv", lambda _: "alias,code,name,source\nJabar,32,Jawa Barat,\n")
    catalog: Catalog = load_catalog(root)
    assert catalog.regions.find("jabar").code == "32"
    with pytest.raises(Exception, match="babel"):
        catalog.regions.find("babel")


def test_the_snapshot_that_serve_reads_keeps_the_aliases(catalog: Catalog) -> None:
    from neutral_timeline.catalog import snapshot

    again = snapshot.loads(snapshot.dumps(catalog))
    assert again.regions.aliases == catalog.regions.aliases
    assert again.regions.find("babel").code == "19"


# --- 2. a query parameter given twice -----------------------------------------------------------------------------

TWICE = [
    ("/api/v1/today?date=2024-11-20&date=2024-11-21", "date"),
    ("/api/v1/today?date=2024-11-20&region=19&region=32", "region"),
    ("/api/v1/today?date=2024-11-20&lang=en&lang=id", "lang"),
    ("/api/v1/today?date=2024-11-20&lang=en&lang=en", "lang"),
    ("/api/v1/check?q=like&q=share&date=2024-11-20", "q"),
    ("/api/v1/check?q=like&date=2024-11-20&election=pilkada-2024&election=pemilu-2024", "election"),
    ("/api/v1/rules?election=pilkada-2024&election=pemilu-2024", "election"),
    ("/ics/pilkada-2024.ics?reminders=7d&reminders=1d", "reminders"),
    ("/ics/all.ics?region=19&region=32", "region"),
    ("/ics/pilkada-2024.ics?lang=en&lang=id", "lang"),
    ("/api/v1/feeds?region=19&region=32", "region"),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("address", "name"), TWICE)
async def test_a_parameter_given_twice_is_refused(bundled_client: httpx.AsyncClient, address: str, name: str) -> None:
    answer = await bundled_client.get(address)
    assert answer.status_code == 422, answer.text[:300]
    error = answer.json()["error"]
    assert error["code"] == "invalid_parameter"
    problem = next(p for p in error["problems"] if p["where"] == name)
    assert problem["what"].startswith("is given 2 times (") or problem["what"].startswith("diberikan 2 kali (")
    assert problem["expected"] and problem["suggestion"]
    first = address.split(f"{name}=")[1].split("&")[0]
    assert problem["suggestion"].endswith(f"{name}={first}")


@pytest.mark.anyio
async def test_a_parameter_given_twice_is_refused_in_the_language_asked(bundled_client: httpx.AsyncClient) -> None:
    error = (await bundled_client.get("/api/v1/today?date=2024-11-20&date=2024-11-21&lang=en")).json()["error"]
    assert error["problems"] == [
        {
            "where": "date",
            "what": "is given 2 times ('2024-11-20', '2024-11-21'): an answer is for one value",
            "expected": "the parameter once",
            "suggestion": "keep one of them, e.g. date=2024-11-20",
        }
    ]
    said = (await bundled_client.get("/api/v1/today?date=2024-11-20&date=2024-11-21")).json()["error"]
    assert said["problems"][0]["what"] == "diberikan 2 kali ('2024-11-20', '2024-11-21'): satu jawaban untuk satu nilai"


@pytest.mark.anyio
async def test_once_each_is_still_answered_and_unknown_repeats_still_ignored(bundled_client: httpx.AsyncClient) -> None:
    for address in (
        "/api/v1/today?date=2024-11-20&region=19&lang=en",
        "/api/v1/today?date=2024-11-20&junk=1&junk=2",  # no route reads it: dropped, as before
        "/ics/pilkada-2024.ics?reminders=7d,1d",
        "/api/v1/en/activities.json",
    ):
        assert (await bundled_client.get(address)).status_code == 200, address


@pytest.mark.anyio
async def test_a_refused_repeat_is_never_replayed_as_the_one_value_answer(bundled_client: httpx.AsyncClient) -> None:
    once = "/api/v1/today?date=2024-11-21"
    assert (await bundled_client.get(once)).status_code == 200
    assert (await bundled_client.get(once)).status_code == 200  # now answered by the replay index
    assert (await bundled_client.get(once + "&date=2024-11-20")).status_code == 422
    assert (await bundled_client.get("/api/v1/today?date=2024-11-20&date=2024-11-21")).status_code == 422


# --- 3. voting in English -----------------------------------------------------------------------------------------

VOTING = [
    "vote",
    "voting",
    "go to vote at the polling station",
    "can a civil servant vote",
    "go to the polls",
    "voting day",
]
PERSUADING = ["ask my staff to vote for candidate 2", "persuade colleagues to vote", "tell people to vote for him"]
OTHER_ENGLISH = [
    ("sharing a candidate's post", "share-candidate-post"),
    ("liking a candidate's post", "like-candidate-post"),
    ("joining a campaign whatsapp group", "join-campaign-group"),
    ("hand out food parcels", "give-goods"),
    ("give money", "give-goods"),
    ("be on the campaign committee", "organise-campaign-event"),
]


@pytest.mark.parametrize("asked", [*VOTING, "nyoblos di TPS"])
def test_voting_in_english_is_understood_as_casting_a_vote(capsys: pytest.CaptureFixture[str], asked: str) -> None:
    assert main(["check", asked, "--lang", "en", "--date", "2024-11-27"]) == cli.EXIT_OK
    out = one_line(capsys.readouterr().out)
    assert "Understood as: • Casting your vote at the polling station" in out
    assert "NOT RECOGNISED" not in out


@pytest.mark.parametrize("asked", PERSUADING)
def test_urging_others_to_vote_stays_a_prohibition(capsys: pytest.CaptureFixture[str], asked: str) -> None:
    main(["check", asked, "--lang", "en", "--date", "2024-11-20"])
    out = one_line(capsys.readouterr().out)
    assert "Understood as: • Urging people to vote for a candidate" in out


@pytest.mark.anyio
@pytest.mark.parametrize(("asked", "activity"), [*((v, "cast-vote") for v in VOTING), *OTHER_ENGLISH])
async def test_english_phrasings_through_the_api(bundled_client: httpx.AsyncClient, asked: str, activity: str) -> None:
    answer = await bundled_client.get("/api/v1/check", params={"q": asked, "date": "2024-11-27", "lang": "en"})
    assert answer.status_code == 200
    assert answer.json()["activity"]["id"] == activity


# --- 5. dates outside what the tool covers ------------------------------------------------------------------------

COVERED = "2020 Simultaneous Regional Elections, 2024 General Election, 2024 Simultaneous Regional Elections"
SPAN = "whose schedules run from 30 September 2019 to 2 October 2025"


@pytest.mark.parametrize(
    ("day", "side"),
    [("0001-01-01", "before"), ("1990-01-01", "before"), ("2019-09-29", "before"), ("9999-12-31", "after")],
)
def test_a_date_outside_the_coverage_says_which_side_and_what_is_covered(
    capsys: pytest.CaptureFixture[str], day: str, side: str
) -> None:
    assert main(["today", "--date", day, "--lang", "en"]) == cli.EXIT_OK  # as the answer for 2030 (announced next)
    out = one_line(capsys.readouterr().out)
    first_or_last = "before the first" if side == "before" else "after the last"
    assert (
        f"This date is outside the elections this tool holds, {first_or_last} of them: it covers {COVERED}, {SPAN}"
        in out
    )
    assert "cannot say whether an election" in out
    assert main(["today", "--date", day]) == cli.EXIT_OK
    said = one_line(capsys.readouterr().out)
    assert (
        f"Tanggal ini di luar cakupan pemilihan yang dimuat alat ini, {'sebelum yang pertama' if side == 'before' else 'sesudah yang terakhir'}"
        in said
    )
    assert "Pilkada Serentak 2020, Pemilu 2024, Pilkada Serentak 2024" in said


def test_the_first_covered_day_and_a_year_with_elections_announced_are_unchanged(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["today", "--date", "2019-09-30", "--lang", "en"]) == cli.EXIT_OK
    assert "this tool holds" not in capsys.readouterr().out
    assert main(["today", "--date", "2027-06-01", "--lang", "en"]) == cli.EXIT_OK
    assert "the elections announced next are listed below" in one_line(capsys.readouterr().out)


@pytest.mark.anyio
@pytest.mark.parametrize(("day", "side"), [("0001-01-01", "before"), ("1990-01-01", "before"), ("9999-12-31", "after")])
async def test_the_api_says_the_same(bundled_client: httpx.AsyncClient, day: str, side: str) -> None:
    answer = await bundled_client.get("/api/v1/today", params={"date": day, "lang": "en"})
    assert answer.status_code == 200  # as for 2030, which is outside too
    body = answer.json()
    assert body["covered"] is False
    assert body["coverage"] == {"start": "2019-09-30", "end": "2025-10-02"}
    first_or_last = "before the first" if side == "before" else "after the last"
    assert body["message"].startswith(
        f"This date is outside the elections this tool holds, {first_or_last} of them: it covers {COVERED}"
    )
    assert (await bundled_client.get("/api/v1/today", params={"date": "2030-01-01"})).status_code == 200


# --- 6. the activities' notes in the API --------------------------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("address", ["/api/v1/activities?lang=en", "/api/v1/en/activities.json"])
async def test_the_activities_list_their_notes_with_sources(
    bundled_client: httpx.AsyncClient, catalog: Catalog, address: str
) -> None:
    answer = await bundled_client.get(address)
    assert answer.status_code == 200
    listed = {a["id"]: a for a in answer.json()["activities"]}
    with_notes = {a.id for a in catalog.activities.values() if a.note is not None}
    assert {"cast-vote", "serve-on-kpps", "witness-for-candidate", "donate-to-candidate"} <= with_notes
    for ident, activity in catalog.activities.items():
        shown = listed[ident]
        if activity.note is None:
            assert shown["note"] is None and shown["source"] is None, ident
            continue
        assert shown["note"] == activity.note.en, ident
        assert activity.source is not None
        assert shown["source"]["locator"] == activity.source.locator
        if not activity.source.verified:  # an unverified source is never shown as verified
            assert shown["source"]["verified"] is False, ident
        assert set(activity.source.urls) <= set(shown["source"]["urls"]), ident
    vote = listed["cast-vote"]
    assert vote["note"].startswith("The neutrality rules held here do not prohibit civil servants from voting")
    assert vote["source"]["short"] == "UU 7/2017" and vote["source"]["verified"] is True
    assert listed["witness-for-candidate"]["source"]["verified"] is False


@pytest.mark.anyio
async def test_the_notes_are_in_the_language_asked(bundled_client: httpx.AsyncClient) -> None:
    listed = {a["id"]: a for a in (await bundled_client.get("/api/v1/activities")).json()["activities"]}
    assert listed["cast-vote"]["note"].startswith("Aturan netralitas yang dimuat di sini tidak melarang ASN")
    assert listed["cast-vote"]["source"]["note"].startswith("Hak memilih dalam Pasal 198")


# --- 4. generated stage locators in English ----------------------------------------------------------------------

SPANNED_EN = "2025-06-26..2025-10-02: the span of this local schedule's stages"
SPANNED_ID = "2025-06-26..2025-10-02: rentang tahap-tahap jadwal lokal ini"


def test_today_in_english_says_the_generated_locator_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["today", "--region", "19.01", "--date", "2025-08-27", "--details"]
    assert main([*argv, "--lang", "en"]) == cli.EXIT_OK
    out = one_line(capsys.readouterr().out)
    assert SPANNED_EN in out and "rentang" not in out and "tahap-tahap" not in out
    assert main(argv) == cli.EXIT_OK
    assert SPANNED_ID in one_line(capsys.readouterr().out)


@pytest.mark.anyio
@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/today?lang=en&region=19.01&date=2025-08-27",
        "/api/v1/elections/pilkada-2024/timeline?lang=en&region=19.01",
        "/ics/all.ics?lang=en&region=19.01&phases=all",
    ],
)
async def test_answers_in_english_carry_no_generated_indonesian(
    bundled_client: httpx.AsyncClient, address: str
) -> None:
    english = await bundled_client.get(address)
    assert english.status_code == 200
    text = english.text.replace("\r\n ", "")  # ICS folds long lines
    assert SPANNED_EN in text and "rentang tahap" not in text
    indonesian = (await bundled_client.get(address.replace("lang=en", "lang=id"))).text.replace("\r\n ", "")
    assert SPANNED_ID in indonesian and "the span of" not in indonesian


@pytest.mark.anyio
async def test_every_activity_is_understood_by_its_own_english_name(
    bundled_client: httpx.AsyncClient, catalog: Catalog
) -> None:
    """The widget asks again with the name of the closest activity picked: that name must be understood."""
    for ident, activity in catalog.activities.items():
        answer = await bundled_client.get("/api/v1/check", params={"q": activity.name.en, "lang": "en"})
        assert answer.json()["activity"] is not None and answer.json()["activity"]["id"] == ident, ident
