"""Hostile clients over real HTTP: forged Host and X-Forwarded-* headers never reach another client's links;
`serve` refuses a busy port and a bad --public-url before printing anything else."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import MINI
from tests.serving import free_port

PUBLIC = "https://netral.example.go.id"
WIDGET = f"{PUBLIC}/widget/testvote-2028"
# Every route whose answer holds an absolute link, with a link the answer must hold.
LINKED = {
    "/api/v1/feeds?q=1": "webcal://netral.example.go.id/ics/id/nasional/standard/all.ics",
    "/ics/testvote-2028.ics?reminders=": f"SOURCE:{PUBLIC}/ics/id/nasional/none/testvote-2028.ics",
    "/oembed?url=https%3A%2F%2Fnetral.example.go.id%2Fwidget%2Ftestvote-2028": f'src=\\"{WIDGET}',
    "/widget/testvote-2028?date=2028-10-01": f'rel="canonical" href="{WIDGET}?date=2028-10-01"',
    "/?date=2028-10-01": f"{PUBLIC}/static/widget.js",
}
FORGED = [
    {"Host": "evil.example"},
    {"Host": "evil.example:8000", "X-Forwarded-Proto": "http"},
    {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http", "X-Forwarded-For": "203.0.113.9"},
    {"Forwarded": "host=evil.example;proto=http"},
]


def _serve(port: int, *extra: str, cache: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("NEUTRAL_TIMELINE_PUBLIC_URL", None)
    env.pop("NEUTRAL_TIMELINE_ALLOWED_HOSTS", None)
    command = [sys.executable, "-m", "neutral_timeline", "serve", "--port", str(port), "--data", str(MINI)]
    return subprocess.Popen(
        [*command, "--log-level", "warning", *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def public_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two workers behind a configured public origin; loopback is the only address traffic goes to."""
    port = free_port()
    process = _serve(port, "--workers", "2", "--public-url", PUBLIC, cache=tmp_path_factory.mktemp("cache"))
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(url + "/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("path", list(LINKED))
def test_forged_headers_never_reach_the_next_client(public_server: str, path: str) -> None:
    with httpx.Client(base_url=public_server) as plain:
        for _round in range(3):  # several connections: both workers, both caches, see the forgeries
            for forged in FORGED:
                with httpx.Client(base_url=public_server) as hostile:
                    r = hostile.get(path, headers=forged)
                if "Host" in forged:
                    assert r.status_code == 400
                    assert r.json()["error"]["code"] == "invalid_host"
                else:
                    assert "evil.example" not in r.text.replace("evil.example%2Fwidget", "")
        answers = {plain.get(path).text for _ in range(6)}
    assert len(answers) == 1
    (answer,) = answers
    assert LINKED[path] in answer
    assert "evil.example" not in answer.replace("http%3A%2F%2Fevil.example%2Fwidget", "")
    assert "127.0.0.1" not in answer


def test_the_public_origin_host_is_answered_and_others_refused(public_server: str) -> None:
    ok = httpx.get(public_server + "/api/v1/health", headers={"Host": "netral.example.go.id"})
    assert ok.status_code == 200
    refused = httpx.get(public_server + "/", headers={"Host": "other.example"})
    assert refused.status_code == 400 and refused.headers["content-type"] == "application/json"
    assert "access-control-allow-origin" not in refused.headers  # a page's address: no CORS
    assert refused.headers["x-content-type-options"] == "nosniff"


def test_a_busy_port_is_one_clear_line_and_exit_3(tmp_path: Path) -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        process = _serve(port, "--lang", "en", cache=tmp_path)
        out, err = process.communicate(timeout=60)
        indonesian = _serve(port, cache=tmp_path)
        _, err_id = indonesian.communicate(timeout=60)
    assert process.returncode == 3 and indonesian.returncode == 3
    assert out == ""  # no banner announcing a server that never started
    assert err.strip() == f"error: port {port} is in use; choose another with --port"
    assert err_id.strip() == f"kesalahan: port {port} sedang dipakai; pilih port lain dengan --port"


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("ftp://netral.example.go.id", "does not start with http:// or https://"),
        ("https://netral.example.go.id/app", "has a path, query or fragment"),
        ("https://netral.example.go.id?x=1", "has a path, query or fragment"),
        ("https://user@netral.example.go.id", "has a user name or password"),
        ("https://", "has no host"),
    ],
)
def test_a_bad_public_url_is_refused_with_exit_2(tmp_path: Path, url: str, fragment: str) -> None:
    process = _serve(free_port(), "--public-url", url, "--lang", "en", cache=tmp_path)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert out == ""
    assert f"error: --public-url: '{url}' {fragment}" in err
    assert "e.g. https://netral.example.go.id" in err
