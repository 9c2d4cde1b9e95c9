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
