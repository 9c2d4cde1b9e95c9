"""Faults of the files themselves: each is a located message, never a crash, a hang or a file outside read.

One broken copy of tests/data/mini per fault. ``validate`` and ``serve`` run as real processes
with a 5-second limit: a FIFO that blocked on open, or a RecursionError that escaped, fails here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from neutral_timeline.catalog.folder import MAX_BYTES
from neutral_timeline.catalog.load import check
from tests.serving import free_port

MINI = Path(__file__).parents[1] / "data" / "mini"
ELECTION = "elections/testvote-2028.toml"


def _replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _symlink_loop(root: Path) -> None:
    os.symlink("loop.toml", root / "rules" / "loop.toml")


def _dangling_symlink(root: Path) -> None:
    os.symlink("nowhere.toml", root / "rules" / "gone.toml")


def _outside_symlink(root: Path) -> None:
    outside = root.parent / "elsewhere.toml"
    shutil.copy(root / "rules" / "six-months.toml", outside)  # a valid rule, but not in the folder
    os.symlink(outside, root / "rules" / "borrowed.toml")


def _directory(root: Path) -> None:
    (root / "rules" / "x.toml").mkdir()


def _fifo(root: Path) -> None:
    os.mkfifo(root / "rules" / "x.toml")


def _deep(root: Path) -> None:
    (root / "rules" / "deep.toml").write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")


def _bom(relative: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / relative
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

    return edit


def _latin1(root: Path) -> None:
    path = root / "instruments" / "law-new.toml"
    path.write_bytes(path.read_bytes().replace(b'short = "', b'short = "\xe9', 1))


def _huge(root: Path) -> None:
    with (root / "rules" / "big.toml").open("w", encoding="utf-8") as handle:
        handle.write(("# " + "x" * 1022 + "\n") * (MAX_BYTES // 1024 + 1))


def _rules_is_a_file(root: Path) -> None:
    shutil.rmtree(root / "rules")
    (root / "rules").write_text("not a folder\n", encoding="utf-8")


FAULTS: list[tuple[str, Callable[[Path], None], str, str]] = [
    # (id, make the fault, location (file and key path), message)
    ("symlink-loop", _symlink_loop, "calendars/rules/loop.toml", "is a symbolic link loop"),
    ("dangling-symlink", _dangling_symlink, "calendars/rules/gone.toml", "'nowhere.toml', which does not exist"),
    ("symlink-outside", _outside_symlink, "calendars/rules/borrowed.toml", "outside the data folder"),
    ("directory", _directory, "calendars/rules/x.toml", "is a directory, not a file"),
    ("fifo", _fifo, "calendars/rules/x.toml", "is a named pipe (FIFO), not a file"),
    ("deep-nesting", _deep, "calendars/rules/deep.toml", "is nested too deeply"),
    ("bom", _bom("instruments/law-new.toml"), "calendars/instruments/law-new.toml", "save as UTF-8 without BOM"),
    ("bom-csv", _bom("regions/regions.csv"), "calendars/regions/regions.csv", "starts with a byte-order mark"),
    ("not-utf8", _latin1, "calendars/instruments/law-new.toml", "not UTF-8 text: byte 0xe9 at line 2"),
    (
        "impossible-date",
        _replace(ELECTION, "end = 2028-10-31", "end = 2028-09-31"),
        "calendars/elections/testvote-2028.toml: revisions.sched-a.phases.campaign.end",
        "'2028-09-31' is not a date (line 13, column 40)",
    ),
    (
        "impossible-month",
        _replace(ELECTION, "enacted = 2028-03-01", "enacted = 2028-13-01"),
        "calendars/elections/testvote-2028.toml: revisions.sched-b.enacted",
        "months run from 01 to 12",
    ),
    ("too-large", _huge, "calendars/rules/big.toml", "larger than the 2 MiB a file may be"),
    ("folder-is-a-file", _rules_is_a_file, "calendars/rules", "is not a folder"),
]


def _broken(tmp_path: Path, make: Callable[[Path], None]) -> Path:
    root = tmp_path / "calendars"
    shutil.copytree(MINI, root)
    make(root)
    return root


@pytest.mark.parametrize(("make", "where", "what"), [f[1:] for f in FAULTS], ids=[f[0] for f in FAULTS])
def test_validate_reports_each_fault_and_exits_1(
    tmp_path: Path, make: Callable[[Path], None], where: str, what: str
) -> None:
    root = _broken(tmp_path, make)
    command = [sys.executable, "-m", "neutral_timeline", "validate", str(root)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=5)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert any(line.startswith(where + ":") and what in line for line in done.stderr.splitlines()), done.stderr
    problems = check(root)
    assert any(p.where == where and what in str(p) for p in problems), [str(p) for p in problems]
    assert all(p.expected or p.suggestion for p in problems if p.where.startswith(where)), [str(p) for p in problems]


@pytest.mark.slow
@pytest.mark.parametrize(("make", "where", "what"), [f[1:] for f in FAULTS], ids=[f[0] for f in FAULTS])
def test_serve_refuses_to_start_without_a_traceback(
    tmp_path: Path, make: Callable[[Path], None], where: str, what: str
) -> None:
    root = _broken(tmp_path, make)
    command = [sys.executable, "-m", "neutral_timeline", "serve", "--port", str(free_port()), "--data", str(root)]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(command, capture_output=True, text=True, timeout=10, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert where in done.stderr and what in done.stderr, done.stderr


def test_every_impossible_date_in_a_file_is_reported(tmp_path: Path) -> None:
    def two(root: Path) -> None:
        _replace(ELECTION, "end = 2028-10-31", "end = 2028-09-31")(root)
        _replace(ELECTION, "start = 2028-11-04", "start = 2028-02-30")(root)

    root = _broken(tmp_path, two)
    found = {p.where.split(": ")[1]: p for p in check(root) if "is not a date" in p.what}
    assert set(found) == {"revisions.sched-a.phases.campaign.end", "revisions.sched-a.phases.voting_day.start"}
    assert found["revisions.sched-a.phases.voting_day.start"].suggestion == "2028-02 has 29 days"
    assert (
        found["revisions.sched-a.phases.campaign.end"].expected
        == "a date written YYYY-MM-DD without quotes, e.g. 2024-11-23"
    )


def test_an_unreadable_file_is_located(tmp_path: Path) -> None:
    root = _broken(tmp_path, lambda r: None)
    path = root / "rules" / "six-months.toml"
    path.chmod(0)
    try:
        with path.open("rb"):
            pytest.skip("running as root: a mode-000 file is still readable (the dangling symlink case covers this)")
    except PermissionError:
        pass
    problems = check(root)
    assert any(p.where == "calendars/rules/six-months.toml" and "Permission denied" in p.what for p in problems)


def test_a_symlink_inside_the_folder_is_read(tmp_path: Path) -> None:
    def link(root: Path) -> None:
        target = root / "rules" / "six-months.toml"
        shutil.move(target, root / "six-months.data")
        os.symlink("../six-months.data", target)

    assert check(_broken(tmp_path, link)) == []


def test_a_file_of_many_mistakes_lists_fifty_and_counts_the_rest(tmp_path: Path) -> None:
    def many(root: Path) -> None:
        path = root / "instruments" / "law-new.toml"
        path.write_text(path.read_text(encoding="utf-8") + "".join(f"k{i} = 1\n" for i in range(200)), encoding="utf-8")

    problems = [p for p in check(_broken(tmp_path, many)) if p.where.startswith("calendars/instruments/law-new.toml")]
    assert len(problems) == 51
    assert problems[-1].what == "150 more problems in this file are not listed"
