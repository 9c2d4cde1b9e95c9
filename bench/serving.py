"""HTTP benchmark: our server (uvicorn, 2 workers) against nginx serving the same bytes.

Both run on loopback in the same run and are loaded by wrk with the same settings, so the
ratio is what matters. Installs nginx and wrk from Debian when they are missing. Bounded:
every load lasts DURATION seconds; everything started here is stopped at the end (processes
are started by tests/serving.py, the one place for that).
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

import httpx

from tests.serving import ensure, free_port, running_nginx, serving

DURATION = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = 32
QUERIES = {
    "JSON situation": "/api/v1/elections/pilkada-2024/situation?date=2024-11-20",
    "ICS feed": "/ics/pilkada-2024.ics",
}
PLAIN_CONF = """
user root;
worker_processes 2;
pid {root}/nginx.pid;
error_log {root}/error.log;
daemon off;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  types {{ application/json json; text/calendar ics; }}
  add_header Cache-Control "public, max-age=3600";
{servers}
}}
"""


def plain_conf(root: Path | str, servers: Mapping[int, Path | str]) -> str:
    """nginx.conf of a plain static nginx under ``root``: one server per port, each with its root."""
    lines = (f"  server {{ listen 127.0.0.1:{port}; root {www}; }}" for port, www in servers.items())
    return PLAIN_CONF.format(root=root, servers="\n".join(lines))


def wrk(program: str, url: str, header: str | None, seconds: int = DURATION) -> tuple[float, float]:
    """(requests per second, p99 latency in ms) for ``seconds`` (default DURATION)."""
    command = [program, "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url]
    if header:
        command[1:1] = ["-H", header]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    return rps, p99


def main() -> None:
    wrk_bin = ensure("wrk", "wrk")
    nginx_bin = ensure("nginx", "nginx")
    nginx_port = free_port()
    with tempfile.TemporaryDirectory() as root, serving(None, Path(root, "xdg"), workers=2) as ours_url:
        www = Path(root, "www")
        www.mkdir()
        tags: dict[str, tuple[str, str]] = {}
        for name, path in QUERIES.items():
            response = httpx.get(ours_url + path)
            response.raise_for_status()
            static = "situation.json" if "JSON" in name else "feed.ics"
            (www / static).write_bytes(response.content)
            tags[name] = (response.headers["etag"], static)
        Path(root, "nginx.conf").write_text(plain_conf(root, {nginx_port: www}))
        with running_nginx(nginx_bin, Path(root), nginx_port) as nginx_url:
            report(wrk_bin, ours_url, nginx_url, tags)


def report(wrk_bin: str, ours_url: str, nginx_url: str, tags: dict[str, tuple[str, str]]) -> None:
    print(f"http: wrk -t2 -c{CONNECTIONS} -d{DURATION}s on loopback; ours = uvicorn 2 workers; baseline = nginx static")
    print(f"  {'request':<34} {'ours req/s':>11} {'nginx req/s':>12} {'ratio':>7} {'ours p99':>9} {'nginx p99':>10}")
    for name, path in QUERIES.items():
        tag, static = tags[name]
        nginx_tag = httpx.get(f"{nginx_url}/{static}").headers["etag"]
        for conditional in (False, True):
            ours_rps, ours_p99 = wrk(wrk_bin, ours_url + path, f"If-None-Match: {tag}" if conditional else None)
            base_rps, base_p99 = wrk(
                wrk_bin, f"{nginx_url}/{static}", f"If-None-Match: {nginx_tag}" if conditional else None
            )
            label = f"{name}{' (304)' if conditional else ''}"
            print(
                f"  {label:<34} {ours_rps:>11.0f} {base_rps:>12.0f} {ours_rps / base_rps:>6.2f}x"
                f" {ours_p99:>7.2f}ms {base_p99:>8.2f}ms"
            )


if __name__ == "__main__":
    main()
