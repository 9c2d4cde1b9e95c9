"""The built wheel carries the calendars and works from any folder, without the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (built,) = out.glob("neutral_timeline-*.whl")
    return built


def test_wheel_contains_every_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (ROOT / "calendars").rglob("*"):
        if path.is_file():
            assert f"neutral_timeline/calendars/{path.relative_to(ROOT / 'calendars').as_posix()}" in names
    assert "neutral_timeline/py.typed" in names
    for lang in ("id", "en"):  # compiled by hatch_build.py: .mo files are not in git
        assert f"neutral_timeline/locale/{lang}/LC_MESSAGES/neutral_timeline.mo" in names
        assert f"neutral_timeline/locale/{lang}/LC_MESSAGES/neutral_timeline.po" in names


def test_unpacked_wheel_runs_from_elsewhere(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # PYTHONPATH comes before the editable checkout on sys.path, so the wheel's copy is the one imported.
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    probe = "import neutral_timeline, neutral_timeline.catalog.store as s; print(neutral_timeline.__file__); print(s.bundled_calendars())"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=elsewhere, check=True
    )
    module_file, calendars = done.stdout.split()
    assert module_file.startswith(str(site)) and calendars.startswith(str(site))
    result = subprocess.run(
        [sys.executable, "-m", "neutral_timeline", "elections", "--json"],
        capture_output=True, text=True, env=env, cwd=elsewhere, check=True,
    )  # fmt: skip
    ids = {e["id"] for e in json.loads(result.stdout)}
    assert {"pilkada-2020", "pilkada-2024", "pemilu-2024"} <= ids
    for argv, says in (
        (["--help"], "penggunaan: neutral-timeline"),
        (["--lang", "en", "--help"], "usage: neutral-timeline"),
    ):
        helped = subprocess.run(
            [sys.executable, "-m", "neutral_timeline", *argv], capture_output=True, text=True, env=env, cwd=elsewhere
        )
        assert helped.returncode == 0 and helped.stdout.startswith(says), helped.stderr  # the wheel's own catalogs
