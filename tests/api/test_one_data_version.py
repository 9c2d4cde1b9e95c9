"""`serve --workers 2` validates once and every worker serves that one snapshot, whatever happens to the folder.

A worker that restarts after the folder was edited, or broken, still loads the snapshot the
server started with: every response carries the same data version, and nothing crashes.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.serving import free_port

MINI = Path(__file__).parents[1] / "data" / "mini"


def _children(pid: int) -> set[int]:
    """The server's worker processes (multiprocessing children), from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid and b"spawn_main" in cmdline and b"resource_tracker" not in cmdline:
            found.add(int(entry.name))
    return found


def _wait(condition: object, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def _health(url: str) -> dict[str, object]:
    r = httpx.get(url + "/api/v1/health", timeout=30, headers={"Connection": "close"})
    assert r.status_code == 200, r.text
    body: dict[str, object] = r.json()
    return body


def _replace_each_worker(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM each worker in turn and wait for uvicorn to start its replacement: afterwards every
    worker is one that loaded its catalog after the folder changed."""
    for old in sorted(_children(server.pid)):
        os.kill(old, signal.SIGTERM)
        _wait(lambda old=old: old not in _children(server.pid) and len(_children(server.pid)) == 2, "a new worker")
        assert server.poll() is None, "the server stopped"


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes], Path, Path]]:
    data = tmp_path / "calendars"
    shutil.copytree(MINI, data)
    port = free_port()
    log = tmp_path / "server.log"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "neutral_timeline", "serve", "--workers", "2", "--port", str(port)]
    with log.open("w") as output:
        process = subprocess.Popen(
            [*command, "--data", str(data), "--log-level", "info"], env=env, stdout=output, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:

        def up() -> bool:
            assert process.poll() is None, log.read_text()
            try:
                return httpx.get(url + "/api/v1/health", timeout=1).status_code == 200
            except httpx.TransportError:
                return False

        _wait(up, "the server")
        _wait(lambda: len(_children(process.pid)) == 2, "two workers")
        yield url, process, data, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.mark.slow
def test_every_worker_serves_the_version_validated_at_start(
    server: tuple[str, subprocess.Popen[bytes], Path, Path],
) -> None:
    url, process, data, log = server
    first = _health(url)

    # An edit after start: a new rule (another data version, one more rule).
    shutil.copy(data / "rules" / "party-member.toml", data / "rules" / "party-member-copy.toml")
    _replace_each_worker(process)
    assert {str(_health(url)) for _ in range(20)} == {str(first)}

    # A broken folder after start: an impossible date. Restarted workers never read it.
    election = data / "elections" / "testvote-2028.toml"
    election.write_text(election.read_text().replace("end = 2028-10-31", "end = 2028-10-32", 1))
    _replace_each_worker(process)
    assert {str(_health(url)) for _ in range(20)} == {str(first)}
    assert process.poll() is None

    process.terminate()
    process.wait(timeout=15)
    output = log.read_text()
    assert "Child process" in output and "died" in output, output  # the workers really were replaced
    assert "Traceback" not in output and "Error" not in output, output


def test_the_app_loads_the_named_snapshot_never_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from neutral_timeline.api.app import DATA_ENV, create_app
    from neutral_timeline.catalog.load import load_catalog
    from neutral_timeline.catalog.store import SNAPSHOT_ENV, serving_snapshot

    data = tmp_path / "calendars"
    shutil.copytree(MINI, data)
    catalog = load_catalog(data)
    path = serving_snapshot(catalog)
    assert path == serving_snapshot(catalog)  # content-keyed: the same file for the same data
    assert not os.access(path, os.W_OK) or os.geteuid() == 0
    (data / "rules" / "six-months.toml").write_text("broken = [", encoding="utf-8")
    monkeypatch.setenv(SNAPSHOT_ENV, str(path))
    monkeypatch.setenv(DATA_ENV, str(data))
    served = create_app().state.service.catalog
    assert served.content_hash == catalog.content_hash
    assert set(served.rules) == set(catalog.rules)


def test_without_a_cache_the_snapshot_goes_to_a_private_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import stat

    from neutral_timeline.catalog import snapshot
    from neutral_timeline.catalog.load import load_catalog
    from neutral_timeline.catalog.store import serving_snapshot

    monkeypatch.setenv("NEUTRAL_TIMELINE_NO_CACHE", "1")
    catalog = load_catalog(MINI)
    path = serving_snapshot(catalog)
    try:
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert snapshot.read(str(path)).content_hash == catalog.content_hash
    finally:
        shutil.rmtree(path.parent)
