"""The command line: exact output at a fixed width with colour off, JSON, exit codes, errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from neutral_timeline.cli import main

MINI = str(Path(__file__).parent / "data" / "mini")
GOLDEN = Path(__file__).parent / "golden"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))


@pytest.fixture(autouse=True)
def _fixed_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "dumb")


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"output differs from {path} (UPDATE_GOLDEN=1 to accept)"


@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("today-mini-id.txt", ["today", "--date", "2028-10-01", "--election", "testvote-2028"]),
        ("today-mini-en.txt", ["today", "--date", "2028-10-01", "--election", "testvote-2028", "--lang", "en"]),
        ("today-mini-none.txt", ["today", "--date", "2026-06-01"]),
        ("today-mini-as-of.txt", ["today", "--date", "2028-09-30", "--as-of", "2027-12-31", "--lang", "en"]),
        ("timeline-mini.txt", ["timeline", "testvote-2028"]),
        ("elections-mini.txt", ["elections"]),
        ("rules-mini-party.txt", ["rules", "--tag", "party", "--lang", "en"]),
        (
            "today-mini-kaimana.txt",
            ["today", "--date", "2028-10-05", "--region", "kaimana", "--election", "testvote-2028"],
        ),
        ("today-mini-yogyakarta-en.txt", ["today", "--date", "2028-10-05", "--region", "34.71", "--lang", "en"]),
        ("regions-mini.txt", ["regions", "banjar"]),
        ("today-mini-details.txt", ["today", "--date", "2028-10-01", "--election", "testvote-2028", "--details"]),
    ],
)
def test_terminal_output(capsys: pytest.CaptureFixture[str], name: str, argv: list[str]) -> None:
    assert main([*argv, "--data", MINI]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out  # NO_COLOR honoured
    golden(name, out)


@pytest.mark.parametrize("columns", [100, 60])
@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("today-2024-09-25", ["today", "--date", "2024-09-25"]),
        (
            "today-2024-09-25-kaimana-en",
            ["today", "--date", "2024-09-25", "--region", "Kabupaten Kaimana", "--lang", "en"],
        ),
        ("check-like-2024-09-25", ["check", "nge-like", "postingan", "calon", "--date", "2024-09-25"]),
        ("check-ktp-2019-en", ["check", "fotokopi KTP", "--date", "2019-01-01", "--lang", "en"]),
        ("check-unknown", ["check", "mobill", "--date", "2024-09-25"]),
    ],
)
def test_short_answers_on_the_bundled_data(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, argv: list[str], columns: int
) -> None:
    """The short answer first: about 60 lines at 100 columns even with two elections in progress; URLs
    and ids whole at 60 columns; no trailing spaces."""
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(argv) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert not [line for line in lines if line != line.rstrip()], "trailing spaces"
    for line in lines:
        if "http" in line or "neutral-timeline " in line:
            assert line.strip().split()[-1] in out.replace("\n", " ")  # a URL or command is never broken
    if name.startswith("today") and columns == 100:
        assert len(lines) <= 60
    golden(f"{name}-{columns}.txt", out)


def test_json_output_is_the_resolvers_structure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--date", "2028-10-01", "--election", "testvote-2028", "--json", "--data", MINI]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["date"] == "2028-10-01"
    (es,) = body["elections"]
    assert es["countdown"]["days"] == 64
    assert es["rule_ids"] == ["party-member", "six-months"]
    assert [r["id"] for r in body["rules"]] == ["party-member", "six-months"]
    assert [t["election"] for t in body["rules"][0]["applies_through"]] == ["testvote-2028"]
    golden("today-mini.json", json.dumps(body, indent=2, ensure_ascii=False) + "\n")


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (
            ["today", "--date", "2024-02-30", "--lang", "en"],
            "error: --date: '2024-02-30' is not a calendar date (expected YYYY-MM-DD",
        ),
        (
            ["today", "--date", "2024-02-30"],
            "kesalahan: --date: '2024-02-30' bukan tanggal kalender (seharusnya YYYY-MM-DD",
        ),
        (["--lang", "en", "today", "--date", "27/11/2024"], "expected YYYY-MM-DD, e.g. 2024-11-27"),
        (
            ["today", "--election", "testvote-2082", "--date", "2028-01-01", "--lang=en"],
            "did you mean 'testvote-2028'?",
        ),
        (["today", "--election", "testvote-2082", "--date", "2028-01-01"], "mungkin maksud Anda 'testvote-2028'?"),
        (["today", "--lang", "jv"], "--lang: 'jv' bukan bahasa yang didukung (seharusnya id atau en)"),
        (["timeline", "testvote", "--lang", "en"], "did you mean 'testvote-2028'?"),
        (["rules", "--tag", "medsos", "--lang", "en"], "unknown tag 'medsos'"),
        (["rules", "--tag", "medsos"], "kegiatan 'medsos' tidak dikenal"),
        (
            ["today", "--as-of", "2001-01-01", "--election", "testvote-2028", "--date", "2028-01-01", "--lang", "en"],
            "on or after 2027-01-10",
        ),
        (
            ["today", "--as-of", "2001-01-01", "--election", "testvote-2028", "--date", "2028-01-01"],
            "tanggal 2027-01-10 atau sesudahnya",
        ),
    ],
)
def test_bad_input_exits_2_with_a_located_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    assert main([*argv, "--data", MINI]) == 2
    captured = capsys.readouterr()
    assert fragment in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("argv", "says", "never"),
    [
        (["--help"], ["penggunaan: neutral-timeline", "argumen posisi:", "opsi:", "tampilkan pesan bantuan ini lalu keluar", "daftar pemilihan"], ["usage:", "options:"]),
        (["--lang", "en", "--help"], ["usage: neutral-timeline", "positional arguments:", "options:", "list the elections"], ["penggunaan"]),
        (["today", "--help"], ["penggunaan: neutral-timeline today", "pakai jadwal yang diketahui pada tanggal ini"], ["usage:"]),
        (["today", "--help", "--lang", "en"], ["usage: neutral-timeline today", "use the schedule known on this date"], ["penggunaan"]),
        (["ics", "--lang=en", "--help"], ["usage: neutral-timeline ics", "reminders: standard (7d,1d), minimal (1d)"], ["penggunaan"]),
        (["validate", "--help"], ["penggunaan: neutral-timeline validate", "bawaan: kalender yang disertakan"], ["usage:"]),
    ],
)  # fmt: skip
def test_help_is_indonesian_by_default_and_english_with_lang_en(
    capsys: pytest.CaptureFixture[str], argv: list[str], says: list[str], never: list[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert all(s in out for s in says), out
    assert not any(s in out for s in never), out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["today", "--bogus"], "neutral-timeline: kesalahan: argumen tidak dikenal: --bogus"),
        (["today", "--bogus", "--lang", "en"], "neutral-timeline: error: unrecognized arguments: --bogus"),
        (["timeline"], "argumen berikut wajib diisi: election"),
        (["nothing"], "pilihan tidak sah: 'nothing'"),
        (["--lang", "en", "nothing"], "invalid choice: 'nothing'"),
    ],
)
def test_argparse_errors_are_translated(capsys: pytest.CaptureFixture[str], argv: list[str], says: str) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    assert says in capsys.readouterr().err


def test_argparse_words_are_restored_after_parsing() -> None:
    import argparse
    from gettext import gettext

    with pytest.raises(SystemExit):
        main(["today", "--bogus"])
    assert getattr(argparse, "_") is gettext  # noqa: B009


def test_missing_data_folder_is_a_data_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["today", "--data", str(tmp_path / "nowhere")]) == 1
    assert "nowhere: does not exist" in capsys.readouterr().err


def test_console_script_and_module_run(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    for command in (
        [sys.executable, "-m", "neutral_timeline"],
        [str(Path(sys.executable).parent / "neutral-timeline")],
    ):
        done = subprocess.run(
            [*command, "elections", "--data", MINI, "--json"], capture_output=True, text=True, env=env, cwd=tmp_path
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)[0]["id"] == "testvote-2028"


def test_today_defaults_to_jakarta_today(capsys: pytest.CaptureFixture[str]) -> None:
    from neutral_timeline.query import today_in

    assert main(["today", "--json", "--data", MINI]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["zone"] == "Asia/Jakarta"
    assert body["date"] == today_in("Asia/Jakarta").isoformat()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_elections_lists_the_announced_ones(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """The bundled calendars: the elections with a schedule, then Pemilu 2029 and the local elections
    after it as announced, with what is known and no voting day (rich view and --json)."""
    assert main(["elections", "--lang", lang]) == 0
    golden(f"elections-bundled-{lang}.txt", capsys.readouterr().out)
    assert main(["elections", "--lang", lang, "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert [(e["id"], e["status"]) for e in body[-2:]] == [
        ("pemilu-2029", "announced"),
        ("pemilu-daerah-setelah-2029", "announced"),
    ]
    assert all(e["status"] == "scheduled" and e["voting_day"] for e in body[:-2])
    ahead = [e for e in body if e["status"] == "announced"]
    assert all("voting_day" not in e and "stages_start" not in e and e["facts"] for e in ahead)
    text = json.dumps(ahead, ensure_ascii=False, indent=2) + "\n"
    golden(f"elections-announced-{lang}.json", text)
    assert not re.search(r"20(29|3\d)-\d\d-\d\d", text)  # no date of 2029 or later that no law has set


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_short_answer_lists_the_announced_elections_it_promises(lang: str) -> None:
    """On a day with no election in progress, the short answer says the announced elections are listed
    below; they must be, with what the law fixes about them (the same as the JSON's ``announced``)."""
    run = [sys.executable, "-m", "neutral_timeline", "today", "--date", "2026-11-30", "--lang", lang]
    text = subprocess.run(run, capture_output=True, text=True, check=True, env={**os.environ, "COLUMNS": "200"}).stdout
    answer = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True, check=True).stdout)
    assert answer["announced"], "the bundled data announces Pemilu 2029"
    flat = " ".join(text.split())  # lines wrap at the terminal's width
    for item in answer["announced"]:
        assert item["name"] in flat
        for fact in item["facts"]:
            assert " ".join(fact["text"].split()) in flat


@pytest.mark.parametrize(("region", "lang"), [("19.01", "id"), ("19.71", "en")])
def test_the_short_answer_names_the_re_election_a_region_votes_in(region: str, lang: str) -> None:
    """On Bangka's and Pangkalpinang's 2025 re-election day the short answer names that re-election
    (as --details and the JSON do), not the 2024 races the region took part in."""
    run = [
        sys.executable,
        "-m",
        "neutral_timeline",
        "today",
        "--date",
        "2025-08-27",
        "--region",
        region,
        "--lang",
        lang,
    ]
    answer = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True, check=True).stdout)
    local = answer["elections"][0]["local"]
    text = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert local and " ".join(local["name"].split()) in flat
    assert "gubernur" not in flat and "governor" not in flat


def test_validate_takes_the_folder_as_data_like_every_command(tmp_path: Path) -> None:
    from neutral_timeline.catalog.store import bundled_calendars

    bundled = str(bundled_calendars())
    done = subprocess.run(
        [sys.executable, "-m", "neutral_timeline", "validate", "--data", bundled], capture_output=True, text=True
    )
    assert done.returncode == 0 and bundled in done.stdout, done.stderr
    both = [sys.executable, "-m", "neutral_timeline", "validate", bundled, "--data", str(tmp_path), "--lang", "en"]
    refused = subprocess.run(both, capture_output=True, text=True)
    assert refused.returncode == 2 and "two folders given" in refused.stderr
