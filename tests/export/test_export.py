"""`neutral-timeline export`: the files are the app's own answers at the same addresses, listed truly
in the manifest, shared when equal, rewritten only when their bytes change; a wrong DIR is refused."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from neutral_timeline.api.app import create_service
from neutral_timeline.api.settings import Settings
from neutral_timeline.catalog.load import load_catalog
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.revise import revise
from neutral_timeline.export import MANIFEST, Options, Report, disk_usage, export
from tests.conftest import MINI

PUBLIC = "https://netral.example.go.id"
PRESETS = ("standard", "minimal-events")  # the default alarms, and the smaller Google (events) variant


class Exported:
    def __init__(self, root: Path, report: Report, catalog: Catalog) -> None:
        self.root, self.report, self.catalog = root, report, catalog
        self.manifest: dict[str, Any] = json.loads((root / MANIFEST).read_bytes())
        self.files: dict[str, dict[str, Any]] = self.manifest["files"]

    def file(self, path: str) -> Path:
        return self.root / path.lstrip("/")


@pytest.fixture(scope="module")
def exported(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Exported:
    """The bundled calendars exported once (timed: see the report printed with -s)."""
    root = tmp_path_factory.mktemp("export") / "site"
    report = export(catalog, root, Options(PUBLIC, PRESETS), jobs=2)
    print(f"\nexport of the bundled calendars: {report.files} files in {report.seconds:.1f} s")
    return Exported(root, report, catalog)


def _kind(path: str) -> str:
    if path.startswith("/ics/"):
        _, _, lang, area, preset, _ = path.split("/")
        return f"ics {lang} {'national' if area == 'nasional' else 'regional'} {preset}"
    return path.split("/")[1] + " " + path.rsplit(".", 1)[-1] + (" regional" if "/timeline/" in path else "")


def sample(files: dict[str, Any], size: int = 240) -> list[str]:
    """A deterministic sample of at least ``size`` paths with every kind of file in it."""
    chooser = random.Random(14)
    kinds: dict[str, list[str]] = {}
    for path in sorted(files):
        kinds.setdefault(_kind(path), []).append(path)
    chosen = [chooser.choice(paths) for paths in kinds.values()]
    rest = sorted(set(files) - set(chosen))
    return chosen + chooser.sample(rest, size - len(chosen))


@pytest.fixture()
async def app(catalog: Catalog) -> AsyncIterator[httpx.AsyncClient]:
    service = create_service(catalog, Settings(PUBLIC))  # what `serve` runs, with the same public URL
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=service), base_url=PUBLIC) as client:
        yield client


@pytest.mark.anyio
async def test_every_sampled_file_is_what_the_app_sends_at_that_address(
    exported: Exported, app: httpx.AsyncClient
) -> None:
    chosen = sample(exported.files)
    assert len(chosen) >= 200
    kinds = {_kind(p) for p in chosen}
    assert {"ics en regional minimal-events", "ics id national standard", "elections svg regional"} <= kinds
    assert {"api json", "api json regional", "static js", "static css"} <= kinds
    for path in chosen:
        entry = exported.files[path]
        r = await app.get(path, headers={"Accept-Encoding": "identity"})
        assert r.status_code == 200, path
        assert r.content == exported.file(path).read_bytes(), path
        assert r.headers["content-type"] == entry["type"], path
        assert r.headers["etag"] == entry["etag"], path
        modified = entry["last_modified"] and format_datetime(datetime.fromisoformat(entry["last_modified"]), True)
        assert r.headers.get("last-modified") == (modified or None), path
    for path in chosen[::10]:  # the precompressed sibling is the app's gzip encoding, byte for byte
        entry = exported.files[path]
        if entry["gzip"] is None:
            continue
        async with app.stream("GET", path, headers={"Accept-Encoding": "gzip"}) as r:
            raw = b"".join([chunk async for chunk in r.aiter_raw()])
        assert r.headers["content-encoding"] == "gzip" and r.headers["etag"] == entry["gzip"]["etag"]
        assert raw == exported.file(path + ".gz").read_bytes()


def test_the_manifest_tells_the_truth(exported: Exported) -> None:
    m = exported.manifest
    assert m["data_version"] == exported.catalog.content_hash[:16] and m["tool"]["version"]
    names = len(exported.catalog.elections) + 1
    feeds = [p for p in exported.files if p.startswith("/ics/")]
    assert len(feeds) == names * (len(exported.catalog.regions) + 1) * 2 * len(PRESETS)
    for path, entry in exported.files.items():
        body = exported.file(path).read_bytes()
        assert len(body) == entry["bytes"] and hashlib.sha256(body).hexdigest() == entry["sha256"], path
        sibling = exported.file(path + ".gz")
        if entry["gzip"] is None:
            assert not sibling.exists()
            continue
        packed = sibling.read_bytes()
        assert len(packed) == entry["gzip"]["bytes"] < entry["bytes"]
        assert hashlib.sha256(packed).hexdigest() == entry["gzip"]["sha256"] and gzip.decompress(packed) == body


def test_equal_bodies_are_one_file(exported: Exported) -> None:
    national = exported.file("/api/v1/id/elections/pemilu-2024/timeline.json").stat()
    regional = exported.file("/api/v1/id/elections/pemilu-2024/timeline/63.03.json").stat()
    assert regional.st_ino == national.st_ino  # Banjar changes nothing in Pemilu 2024's timeline
    revote = exported.file("/api/v1/id/elections/pilkada-2024/timeline/13.08.json")  # a 2025 re-vote: its own
    assert revote.stat().st_ino != exported.file("/api/v1/id/elections/pilkada-2024/timeline.json").stat().st_ino
    by_sha: dict[str, set[int]] = {}
    for path, entry in exported.files.items():
        by_sha.setdefault(entry["sha256"], set()).add(exported.file(path).stat().st_ino)
    assert all(len(inodes) == 1 for inodes in by_sha.values())
    assert disk_usage(exported.root) < exported.report.apparent


def test_a_second_export_is_a_no_op_that_touches_nothing(exported: Exported) -> None:
    before = {p: _mark(p) for p in exported.root.rglob("*") if p.is_file()}
    started = time.perf_counter()
    report = export(exported.catalog, exported.root, Options(PUBLIC, PRESETS), jobs=2)
    spent = time.perf_counter() - started
    assert report.noop and report.files == len(exported.files)
    assert spent < 5, f"no-op export took {spent:.2f} s (target 2 s on a quiet machine)"
    assert {p: _mark(p) for p in exported.root.rglob("*") if p.is_file()} == before


def test_answers_carry_when_the_data_last_changed_as_mtime(exported: Exported) -> None:
    revised = exported.catalog.revised  # the bundled calendars' stamp (calendars/revision.toml) is current
    assert revised is not None and exported.manifest["last_modified"] == revised.isoformat()
    for path in (
        "/ics/en/92.08/standard/all.ics",
        "/api/v1/id/elections.json",
        "/elections/pilkada-2024/en/timeline.svg",
    ):
        assert exported.file(path).stat().st_mtime == revised.timestamp(), path
        assert exported.files[path]["last_modified"] == revised.isoformat(), path
    assert exported.files["/static/widget.js"]["last_modified"] is None  # the app sends none for assets


def test_a_revision_moves_every_mtime_and_a_stale_stamp_lists_none(tmp_path: Path) -> None:
    """After `revise`, every answer's mtime is the new time, also a file whose bytes did not change
    (rewritten or not); with a stale stamp the manifest lists no Last-Modified (nginx then sends none)."""
    data, root = _mini_copy(tmp_path), tmp_path / "site"
    options = Options(PUBLIC, ("standard",))
    first_time = datetime(2026, 11, 30, 8, 0, 0, tzinfo=UTC)
    assert revise(data, first_time)[0]
    export(load_catalog(data), root, options, jobs=1)
    first = json.loads((root / MANIFEST).read_bytes())
    assert first["last_modified"] == first_time.isoformat()
    rule = data / "rules" / "party-member.toml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("Party", "Political party", 1), encoding="utf-8")
    stale = load_catalog(data)
    assert stale.revised is None
    export(stale, root, options, jobs=1)
    middle = json.loads((root / MANIFEST).read_bytes())
    assert middle["last_modified"] is None and all(e["last_modified"] is None for e in middle["files"].values())
    second_time = first_time + timedelta(hours=3)
    assert revise(data, second_time)[0]
    report = export(load_catalog(data), root, options, jobs=1)
    second = json.loads((root / MANIFEST).read_bytes())
    assert not report.noop and second["last_modified"] == second_time.isoformat()
    for path, entry in second["files"].items():
        if path.startswith("/static/"):
            continue
        assert entry["last_modified"] == second_time.isoformat(), path
        assert (root / path.lstrip("/")).stat().st_mtime == second_time.timestamp(), path
        if entry["gzip"]:
            assert (root / (path.lstrip("/") + ".gz")).stat().st_mtime == second_time.timestamp(), path


def _mark(path: Path) -> tuple[int, int, int]:
    """What any write, rename, link or utime changes (a rewritten file keeps the revision's time as mtime)."""
    info = path.stat()
    return info.st_ino, info.st_mtime_ns, info.st_ctime_ns


def _mini_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    return data


def test_a_data_change_rewrites_only_what_changed_and_removes_only_its_own_stale_files(tmp_path: Path) -> None:
    data, root = _mini_copy(tmp_path), tmp_path / "site"
    options = Options(PUBLIC, ("standard",))
    export(load_catalog(data), root, options, jobs=1)
    (root / "README.txt").write_text("not ours")  # a file of the site's owner: never touched
    first = json.loads((root / MANIFEST).read_bytes())["files"]
    marks = {p: _mark(root / p.lstrip("/")) for p in first}
    rule = data / "rules" / "party-member.toml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("Party", "Political party", 1), encoding="utf-8")
    (data / "rules" / "six-months.toml").unlink()
    time.sleep(0.01)
    report = export(load_catalog(data), root, options, jobs=1)
    second = json.loads((root / MANIFEST).read_bytes())["files"]
    assert not report.noop and report.removed >= 2  # six-months' rule JSON in id and en
    assert "/api/v1/en/rules/six-months.json" in first and "/api/v1/en/rules/six-months.json" not in second
    assert not (root / "api/v1/en/rules/six-months.json").exists()
    assert (root / "README.txt").read_text() == "not ours"
    changed = {p for p in second if p in first and first[p]["sha256"] != second[p]["sha256"]}
    assert changed and len(changed) < len(second)
    for path in second.keys() & first.keys():
        touched = _mark(root / path.lstrip("/")) != marks[path]
        assert touched == (path in changed), path


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "neutral_timeline", "export", *args, "--data", str(MINI)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.slow
def test_the_command_says_what_it_did_in_the_language_asked(tmp_path: Path) -> None:
    done = _cli(str(tmp_path / "a"), "--lang", "en", "--jobs", "2")
    assert done.returncode == 0 and " written, " in done.stderr and done.stdout == ""
    again = _cli(str(tmp_path / "a"))
    assert again.returncode == 0 and "mutakhir" in again.stderr  # Indonesian by default: up to date
    quiet = _cli(str(tmp_path / "b"), "--quiet", "--jobs", "1")
    assert quiet.returncode == 0 and quiet.stderr == "" and (tmp_path / "b" / MANIFEST).is_file()


@pytest.mark.slow
def test_a_wrong_directory_is_refused_and_left_alone(tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    refused = _cli(str(a_file), "--lang", "en")
    assert refused.returncode == 2 and "is not a directory" in refused.stderr and a_file.read_text() == "x"
    other = tmp_path / "photos"
    other.mkdir()
    (other / "cat.jpg").write_bytes(b"\xff\xd8")
    refused = _cli(str(other), "--lang", "en")
    assert refused.returncode == 2 and "no export manifest" in refused.stderr
    assert [p.name for p in other.iterdir()] == ["cat.jpg"]
    forged = tmp_path / "forged"
    forged.mkdir()
    (forged / MANIFEST).write_text('{"files": {"/etc/passwd": {}}}')
    refused = _cli(str(forged), "--lang", "en")
    assert refused.returncode == 2 and "not a manifest of neutral-timeline export" in refused.stderr
    bad = _cli(str(tmp_path / "c"), "--presets", "loud", "--lang", "en")
    assert bad.returncode == 2 and "standard-events" in bad.stderr
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        refused = _cli(str(locked / "site"), "--lang", "en")
        assert refused.returncode == 2 and "no permission" in refused.stderr


@pytest.mark.anyio
async def test_gzip_only_keeps_just_the_siblings_and_they_are_the_apps_bytes(mini: Catalog, tmp_path: Path) -> None:
    root = tmp_path / "site"
    export(mini, root, Options(PUBLIC, ("standard", "none")), jobs=1)
    full = disk_usage(root)
    export(mini, root, Options(PUBLIC, ("standard", "none"), gzip_only=True), jobs=1)
    files = json.loads((root / MANIFEST).read_bytes())["files"]
    assert disk_usage(root) < full
    transport = httpx.ASGITransport(app=create_service(mini, Settings(PUBLIC)))
    async with httpx.AsyncClient(transport=transport, base_url=PUBLIC) as app:
        for path, entry in files.items():
            r = await app.get(path, headers={"Accept-Encoding": "identity"})
            target = root / path.lstrip("/")
            if entry.get("stored") == "gzip":
                assert not target.exists() and entry["gzip"]
                body = gzip.decompress((root / (path.lstrip("/") + ".gz")).read_bytes())
            else:
                body = target.read_bytes()
            assert r.status_code == 200 and r.content == body and r.headers["etag"] == entry["etag"], path
    assert any(e.get("stored") == "gzip" for e in files.values())
    assert not any((root / p.lstrip("/")).exists() for p, e in files.items() if e.get("stored") == "gzip")
