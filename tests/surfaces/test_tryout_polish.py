"""Smaller problems a fresh-user tryout found, each through the real CLI (``main``) or real HTTP through the app:
export into a path under a file, --jobs out of range, a required API parameter left out, validate's TOML
hints, a region search with no match, names that differ only in spacing, --lang in capitals, the rules
table's areas."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from neutral_timeline import cli, export
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.regions import AmbiguousRegionError
from neutral_timeline.cli import main

MINI = str(Path(__file__).parents[1] / "data" / "mini")


@pytest.fixture(autouse=True)
def _fixed_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")


def one_line(text: str) -> str:
    return " ".join(text.split())


# --- export DIR under a regular file -----------------------------------------------------------------------------


@pytest.mark.parametrize("below", ["sub", "sub/deeper"])
def test_export_under_a_file_says_the_parent_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], below: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("afile").write_text("x")
    assert main(["export", f"afile/{below}", "--data", MINI, "--quiet", "--lang", "en"]) == cli.EXIT_USAGE
    err = one_line(capsys.readouterr().err)
    assert f"afile/{below}: cannot be created: 'afile' is a file, not a directory" in err
    assert "expected a new or empty directory" in err
    assert f"choose a DIR whose parent is a directory, e.g. {Path(below).name}" in err
    assert "permission" not in err
    assert main(["export", f"afile/{below}", "--data", MINI, "--quiet"]) == cli.EXIT_USAGE
    assert "'afile' adalah berkas, bukan direktori" in capsys.readouterr().err
    assert not Path(below).exists()


# --- export --jobs ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["0", "-3", "9", "two"])
def test_export_jobs_out_of_range_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(tmp_path / "out"), f"--jobs={jobs}", "--data", MINI, "--lang", "en"])
    assert exit_.value.code == 2
    err = one_line(capsys.readouterr().err)
    assert f"error: argument --jobs: '{jobs}' is not a whole number from 1 to 8" in err
    assert not (tmp_path / "out").exists()
    with pytest.raises(SystemExit):
        main(["export", str(tmp_path / "out"), "--jobs", jobs, "--data", MINI])
    assert "argumen --jobs: '" + jobs + "' bukan bilangan bulat dari 1 sampai 8" in one_line(capsys.readouterr().err)


def test_export_jobs_in_range_is_accepted() -> None:
    assert cli.parser().parse_args(["export", "d", "--jobs", "1"]).jobs == 1
    assert cli.parser().parse_args(["export", "d", "--jobs", str(cli.MAX_JOBS)]).jobs == cli.MAX_JOBS
    assert cli.MAX_JOBS == export.MAX_JOBS  # the range --jobs accepts is what export starts at most


# --- regions with no match --------------------------------------------------------------------------------------


@pytest.mark.parametrize("json", [False, True])
def test_regions_without_a_match_is_refused_not_an_empty_table(capsys: pytest.CaptureFixture[str], json: bool) -> None:
    argv = ["regions", "zzzz", "--lang", "en", *(["--json"] if json else [])]
    assert main(argv) == cli.EXIT_USAGE  # as an unknown election or region is
    captured = capsys.readouterr()
    assert captured.out == ""
    err = one_line(captured.err)
    assert "error: QUERY: no province, regency or city matches 'zzzz'" in err
    assert (
        "expected a name or code, e.g. banjar, 'kab banjar', 63.03" in err and "try part of a name (e.g. pinang)" in err
    )
    assert main(["regions", "zzzz"]) == cli.EXIT_USAGE
    assert "tidak ada provinsi, kabupaten, atau kota yang cocok dengan 'zzzz'" in capsys.readouterr().err
    assert main(["regions", "banjar", "--lang", "en"]) == 0
    assert "Kabupaten Banjar" in capsys.readouterr().out


# --- region names that differ only in spacing ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Pangkalpinang", "kota pangkalpinang", "PANGKALPINANG", "Pangkal Pinang", "Pangkal-Pinang"]
)
def test_a_name_spelled_without_its_space_finds_the_region(catalog: Catalog, name: str) -> None:
    assert catalog.regions.find(name).name == "Kota Pangkal Pinang"


def test_spacing_tolerance_keeps_types_and_ambiguity(catalog: Catalog) -> None:
    assert catalog.regions.find("tanjungpinang").name == "Kota Tanjung Pinang"
    assert catalog.regions.search("pangkalpinang")[0].name == "Kota Pangkal Pinang"
    with pytest.raises(AmbiguousRegionError):
        catalog.regions.find("Banjar")
    with pytest.raises(Exception, match="did you mean 'Kota Pangkal Pinang'"):
        catalog.regions.find("Kabupaten Pangkalpinang")  # a city, not a regency: not silently taken


def test_the_cli_takes_the_common_spelling(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--region", "Pangkalpinang", "--date", "2025-08-01", "--lang", "en"]) == 0
    assert "Kota Pangkal Pinang (19.71)" in capsys.readouterr().out


# --- --lang in any case -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["EN", "En", " en "])
def test_cli_lang_in_capitals(capsys: pytest.CaptureFixture[str], value: str) -> None:
    assert main(["elections", "--data", MINI, "--lang", value]) == 0
    assert "Voting day" in capsys.readouterr().out
    assert main(["--lang", value, "elections", "--data", MINI]) == 0
    assert "Voting day" in capsys.readouterr().out
    assert main(["elections", "--data", MINI, "--lang", "ID"]) == 0
    assert "Hari pemungutan suara" in capsys.readouterr().out
    assert main(["elections", "--data", MINI, "--lang", "xx"]) == cli.EXIT_USAGE
    assert "'xx' bukan bahasa yang didukung" in capsys.readouterr().err


# --- the rules table: areas by name ----------------------------------------------------------------------------------


def test_rules_table_shows_area_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--tag", "medsos", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Social media" in out and re.search(r"social-media(?!-campaign)", out) is None  # the tag, not the rule id
    assert main(["rules", "--tag", "medsos"]) == 0
    out = capsys.readouterr().out
    assert "Media sosial" in out and re.search(r"social-media(?!-campaign)", out) is None
    assert main(["rules", "--data", MINI, "--lang", "en"]) == 0  # no activities.toml: the tags in words
    out = capsys.readouterr().out
    assert "state facilities, campaigning" in out and "facilities, campaign " not in out


# --- validate: the hint fits the TOML error ---------------------------------------------------------------------------


QUOTES_HINT = "dates are written without quotes"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ('name = { id = "a", en = "b" }\nname = 1\n', "each key appears once"),
        ("x = [1,\n", "the file ends inside a value"),
        ("x = {a = 1\ny = 2\n", "close every [ with ] and every { with }"),
        ("x = nama\n", "text goes in double quotes"),
        ("x 1\n", "each line is key = value"),
    ],
)
def test_validate_gives_the_hint_that_fits_the_toml_error(
    broken: Callable[[str, Callable[[str], str]], Path], capsys: pytest.CaptureFixture[str], text: str, hint: str
) -> None:
    root = broken("phases.toml", lambda _: text)
    assert main(["validate", str(root), "--lang", "en"]) == cli.EXIT_DATA
    err = capsys.readouterr().err
    line = next(x for x in err.splitlines() if "phases.toml" in x)
    assert "not valid TOML" in line and hint in line and QUOTES_HINT not in line
    assert "1 problem in " in err


def test_validate_says_a_missing_folder_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nowhere")]) == cli.EXIT_DATA
    assert f"{tmp_path / 'nowhere'}: does not exist (expected a calendars/ folder)" in capsys.readouterr().err
    (tmp_path / "afile").write_text("x")
    assert main(["validate", str(tmp_path / "afile")]) == cli.EXIT_DATA
    assert "afile: is not a folder" in capsys.readouterr().err


# --- HTTP: a required parameter left out, and lang in capitals ---------------------------------------------------------


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("path", "name", "expected", "suggestion"),
    [
        (
            "/api/v1/check",
            "q",
            "an activity in everyday words, 1 to 100 characters, e.g. nge-like postingan calon",
            "try /api/v1/check?q=nge-like%20postingan%20calon&date=2024-11-27",
        ),
        (
            "/oembed",
            "url",
            "the address of a widget page of this site, e.g. http://testserver/widget/pilkada-2024",
            "try /oembed?url=http%3A%2F%2Ftestserver%2Fwidget%2Fpilkada-2024",
        ),
    ],
)
async def test_a_missing_parameter_says_what_it_is_with_an_example(
    bundled_client: httpx.AsyncClient, path: str, name: str, expected: str, suggestion: str
) -> None:
    r = await bundled_client.get(path, params={"lang": "en"})
    assert r.status_code == 422
    (problem,) = r.json()["error"]["problems"]
    assert problem == {
        "where": f"query.{name}",
        "what": "a value is required",
        "expected": expected,
        "suggestion": suggestion,
    }
    r = await bundled_client.get(path)  # Indonesian by default
    (problem,) = r.json()["error"]["problems"]
    assert problem["what"] == "nilai wajib diisi" and problem["expected"] and problem["suggestion"].startswith("coba ")
    assert problem["suggestion"] == "coba " + suggestion.removeprefix("try ")
    followed = await bundled_client.get(suggestion.removeprefix("try "))
    assert followed.status_code in (200, 404)  # the example is well formed (pilkada-2024's widget, if served)
    assert followed.status_code != 422


@pytest.mark.anyio
async def test_lang_in_capitals_over_http(bundled_client: httpx.AsyncClient) -> None:
    upper = await bundled_client.get(
        "/api/v1/check", params={"q": "like postingan calon", "date": "2024-09-25", "lang": "EN"}
    )
    lower = await bundled_client.get(
        "/api/v1/check", params={"q": "like postingan calon", "date": "2024-09-25", "lang": "en"}
    )
    assert upper.status_code == 200 and upper.json() == lower.json()
    assert "Prohibited on this date" in upper.json()["message"]
    refused = await bundled_client.get("/api/v1/elections", params={"lang": "EN "})  # the documented form: no spaces
    assert refused.status_code == 422
    error = await bundled_client.get("/api/v1/rules/nope", params={"lang": "EN"})
    assert error.status_code == 404 and error.headers["content-language"] == "en"
    exact = await bundled_client.get("/api/v1/EN/elections.json")  # a path-style address: one path per answer
    assert exact.status_code == 422
    today = await bundled_client.get(
        "/api/v1/today", params={"region": "Pangkalpinang", "date": "2025-08-01", "lang": "En"}
    )
    assert today.status_code == 200 and today.json()["region"]["name"] == "Kota Pangkal Pinang"
