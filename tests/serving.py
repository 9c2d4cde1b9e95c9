"""A real `neutral-timeline serve` process on a free loopback port, for tests that need TCP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def serving(data: Path, cache: Path) -> Iterator[str]:
    """Start the server over ``data``, wait until it answers, yield its URL, stop it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "NEUTRAL_TIMELINE_PUBLIC_URL": url}
    command = [sys.executable, "-m", "neutral_timeline", "serve", "--port", str(port), "--data", str(data)]
    process = subprocess.Popen(
        [*command, "--log-level", "warning"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(url + "/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("server did not start:\n" + (process.stdout.read() if process.stdout else ""))
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
