"""Real processes on free loopback ports, for the tests and benchmarks that need TCP: the one place that
starts `neutral-timeline serve` and a foreground nginx (tests/, bench/serving.py, bench/load.py, bench/nginx.py)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CONFIGURE = ROOT / "deploy" / "nginx" / "configure.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def program(name: str) -> str | None:
    """``name`` on PATH or in /usr/sbin (where Debian puts nginx), else None."""
    return shutil.which(name) or shutil.which(name, path="/usr/sbin")


def ensure(name: str, package: str) -> str:
    """``name``, installed from Debian's ``package`` first when it is missing (CI runs as root)."""
    found = program(name)
    if found:
        return found
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env, stdout=subprocess.DEVNULL)
    found = program(name)
    if not found:
        raise SystemExit(f"{name} is not available after installing {package}")
    return found


def wait_for(url: str, process: subprocess.Popen[bytes] | subprocess.Popen[str], seconds: float = 30) -> None:
    """Until ``url`` answers at all (any status); an error naming the process if it exits or never answers."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            out = process.stdout.read() if process.stdout else ""
            raise RuntimeError(f"{process.args!r} exited with {process.returncode} before {url} answered:\n{out!r}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")
        time.sleep(0.1)


def stop(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """SIGTERM to the process group this module started (the server and its workers), then wait."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextmanager
def serving(
    data: Path | None,
    cache: Path,
    public_url: str | None = None,
    workers: int = 1,
    env: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """Start `neutral-timeline serve` over ``data`` (None: the bundled calendars), wait until it answers,
    yield its URL, stop it. ``public_url`` defaults to its own URL; ``env`` adds to the environment."""
    with server(data, cache, public_url, workers, env) as (url, _):
        yield url


@contextmanager
def server(
    data: Path | None,
    cache: Path,
    public_url: str | None = None,
    workers: int = 1,
    env: Mapping[str, str] | None = None,
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """:func:`serving`, yielding the server process too (its workers are its children)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    environ = {**os.environ, "XDG_CACHE_HOME": str(cache), "NEUTRAL_TIMELINE_PUBLIC_URL": public_url or url}
    environ.update(env or {})
    command = [sys.executable, "-m", "neutral_timeline", "serve", "--port", str(port), "--log-level", "warning"]
    command += ["--data", str(data)] if data is not None else []
    command += ["--workers", str(workers)] if workers != 1 else []
    process = subprocess.Popen(
        command, env=environ, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    try:
        wait_for(url + "/api/v1/health", process)
        if workers > 1:
            time.sleep(1)  # every worker up
        yield url, process
    finally:
        stop(process)


def configure_nginx(
    export: Path, upstream: str, port: int, public_url: str, out: Path, cache_max_size: str = "64m", workers: int = 1
) -> Path:
    """deploy/nginx/configure.py, as an operator runs it, with a whole nginx.conf under ``out``."""
    command = [sys.executable, str(CONFIGURE), "--export", str(export), "--upstream", upstream]
    command += ["--listen", f"127.0.0.1:{port}", "--public-url", public_url, "--out", str(out), "--main"]
    command += ["--cache-max-size", cache_max_size, "--workers", str(workers)]
    command += ["--server-names", "127.0.0.1,localhost"]
    subprocess.run(command, check=True, capture_output=True, text=True)
    return out


@contextmanager
def running_nginx(nginx: str, prefix: Path, port: int) -> Iterator[str]:
    """Debian's nginx in the foreground (no system service) on ``prefix``/nginx.conf; yields its URL."""
    url = f"http://127.0.0.1:{port}"
    check = subprocess.run([nginx, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")], capture_output=True)
    if check.returncode != 0:
        raise RuntimeError(f"nginx -t refused {prefix / 'nginx.conf'}:\n{check.stderr.decode()}")
    process = subprocess.Popen(
        [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        wait_for(url + "/", process)
        yield url
    finally:
        stop(process)
