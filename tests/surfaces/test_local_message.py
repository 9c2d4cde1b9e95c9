"""With no region asked, on a day when only some regions are still on a schedule of their own (the
2025 re-elections of Kabupaten Bangka and Kota Pangkalpinang), every surface says what runs where
that day: the JSON API's message, the terminal view, the home page and the widget page, in Indonesian
and English. Across the phase boundaries around and after voting day (27 Aug 2025): the quiet period,
counting to the recapitulation of 2 Sep, Bangka's dispute at the Constitutional Court (3-29 Sep) and
the determination of the elected pairs (Pangkalpinang to 14 Sep, Bangka to 2 Oct)."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator

import httpx
import pytest

from neutral_timeline.api.app import create_app
from neutral_timeline.api.settings import Settings
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.cli import main

pytestmark = pytest.mark.anyio

# (date, language, what the message must say)
CASES = [
    ("2025-08-26", "en", "Kabupaten Bangka, Kota Pangkal Pinang (Quiet period until 26 August 2025)"),
    ("2025-08-27", "id", "Kabupaten Bangka, Kota Pangkal Pinang (Hari pemungutan suara, Penghitungan dan "
                         "rekapitulasi suara sampai 2 September 2025)"),
    ("2025-08-28", "en", "Kabupaten Bangka, Kota Pangkal Pinang (Vote counting and recapitulation until 2 September 2025)"),
    ("2025-09-02", "id", "Kabupaten Bangka, Kota Pangkal Pinang (Penghitungan dan rekapitulasi suara sampai 2 September 2025)"),
    ("2025-09-03", "en", "Kabupaten Bangka (Result dispute at the Constitutional Court until 29 September 2025); "
                         "Kota Pangkal Pinang (Determination of the elected candidates until 14 September 2025)"),
    ("2025-09-03", "id", "Kabupaten Bangka (Perselisihan hasil di Mahkamah Konstitusi sampai 29 September 2025); "
                         "Kota Pangkal Pinang (Penetapan calon terpilih sampai 14 September 2025)"),
    ("2025-09-29", "en", "Kabupaten Bangka (Result dispute at the Constitutional Court until 29 September 2025)"),
    ("2025-09-30", "id", "Kabupaten Bangka (Penetapan calon terpilih sampai 2 Oktober 2025)"),
]  # fmt: skip
IDS = [f"{day}-{lang}" for day, lang, _ in CASES]
VOTE_AGAIN = {"en": "vote again", "id": "memilih lagi"}


@pytest.fixture()
async def bundled(catalog: Catalog) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(catalog, Settings("http://testserver")))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


def _flat(page: str) -> str:
    """A page's text as read: tags dropped, entities decoded, white space collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize(("day", "lang", "said"), CASES, ids=IDS)
async def test_the_json_api_says_what_runs_where(bundled: httpx.AsyncClient, day: str, lang: str, said: str) -> None:
    body = (await bundled.get("/api/v1/today", params={"date": day, "lang": lang})).json()
    assert said in body["message"]
    if day > "2025-08-27":
        assert VOTE_AGAIN[lang] not in body["message"]
    # Each schedule listed says what runs there that day (or, between two phases, what comes next).
    for item in body["local"]:
        assert item["phases"] or item["next"]
        assert all(p["phase"]["name"] in body["message"] for p in item["phases"])
    # The widget asks one election, Pilkada 2024, which runs only there: the same message.
    one = (await bundled.get("/api/v1/elections/pilkada-2024/situation", params={"date": day, "lang": lang})).json()
    assert one["message"] == body["message"]


@pytest.mark.parametrize(("day", "lang", "said"), CASES, ids=IDS)
async def test_the_home_page_and_the_widget_page_say_it(
    bundled: httpx.AsyncClient, day: str, lang: str, said: str
) -> None:
    home = await bundled.get("/", params={"date": day, "lang": lang})
    widget = await bundled.get("/widget/pilkada-2024", params={"date": day, "lang": lang})
    assert home.status_code == widget.status_code == 200
    assert said in _flat(home.text)
    assert said in _flat(widget.text)
    (shown,) = re.findall(r'<p class="nt-warn nt-message">(.*?)</p>', widget.text)
    assert said in html.unescape(shown)


@pytest.mark.parametrize(("day", "lang", "said"), CASES, ids=IDS)
def test_the_terminal_says_it(capsys: pytest.CaptureFixture[str], day: str, lang: str, said: str) -> None:
    assert main(["today", "--date", day, "--lang", lang]) == 0
    out = " ".join(capsys.readouterr().out.split())  # the terminal wraps long lines
    assert said in out
    if day > "2025-08-27":
        assert VOTE_AGAIN[lang] not in out


async def test_with_the_region_asked_the_region_gets_its_own_answer(bundled: httpx.AsyncClient) -> None:
    """Bangka itself on 3 Sep 2025: its own phase, day N of M, no message about other regions."""
    body = (await bundled.get("/api/v1/today", params={"date": "2025-09-03", "region": "19.01", "lang": "en"})).json()
    (es,) = body["elections"]
    assert body["message"] is None and es["in_progress"]
    assert [p["phase"]["key"] for p in es["phases"] if p["phase"]["key"] != "stages"] == ["result_dispute"]
