"""nginx in front of the app with deploy/nginx's config: requests per second of exported feeds (from
disk, gzip_static, the app's ETags) and of the proxy cache (warm) in front of the app, each as a ratio
to nginx serving the same bytes as a plain static file, measured in the same run (targets >= 0.9x).

The export is `neutral-timeline export` of the bundled calendars (one reminder preset: the feeds measured
are all of that preset, and the export's own cost is bench/export's); the app runs with 2 workers, both
nginx with 2 workers, wrk with the settings of bench/serving.py. Loopback only; processes are started
and stopped by tests/serving.py.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

from bench.serving import CONNECTIONS, NGINX_CONF, wrk
from tests.serving import configure_nginx, ensure, free_port, running_nginx, serving

TARGET = 0.9
SECONDS = int(os.environ.get("NGINX_SECONDS", "4"))  # per load; ROUNDS loads each, ours and plain interleaved
ROUNDS = 3
FEED = "/ics/id/nasional/standard/pilkada-2024.ics"  # the address calendar apps poll most
PROXIED = {
    "ICS feed, query-style": "/ics/pilkada-2024.ics?region=63.03&reminders=minimal",
    "JSON situation": "/api/v1/elections/pilkada-2024/situation?date=2024-11-20",
}
GZIP = "Accept-Encoding: gzip"


def export(out: Path, public_url: str, cache: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "NEUTRAL_TIMELINE_PUBLIC_URL": public_url}
    command = [sys.executable, "-m", "neutral_timeline", "export", str(out), "--presets", "standard", "--quiet"]
    subprocess.run(command, check=True, env=env)


def main() -> None:
    wrk_bin, nginx_bin = ensure("wrk", "wrk"), ensure("nginx", "nginx")
    port, base_port = free_port(), free_port()
    public = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        export(root / "export", public, root / "xdg")
        www = root / "base" / "www"
        www.mkdir(parents=True)
        with serving(None, root / "xdg", public_url=public, workers=2) as app:
            conf = configure_nginx(root / "export", app.removeprefix("http://"), port, public, root / "conf", "256m", 2)
            (root / "base" / "nginx.conf").write_text(NGINX_CONF.format(root=root / "base", port=base_port))
            with (
                running_nginx(nginx_bin, conf, port) as ours,
                running_nginx(nginx_bin, root / "base", base_port) as base,
            ):
                rows = cases(ours, www)
                measure(wrk_bin, ours, base, rows)


def cases(ours: str, www: Path) -> list[tuple[str, str, str | None, str]]:
    """(label, our path, header, baseline file): each baseline file holds the very bytes we send."""
    rows: list[tuple[str, str, str | None, str]] = []
    for name, path in {"exported feed": FEED, **{f"proxy cache, {k}": v for k, v in PROXIED.items()}}.items():
        for encoding in (None, GZIP):
            headers = {"Accept-Encoding": "gzip" if encoding else "identity"}
            for _ in range(2):  # the proxy cache is warm after the first
                response = httpx.get(ours + path, headers=headers)
                response.raise_for_status()
            raw = response.content if not encoding else gzip_bytes(ours + path)
            static = f"{len(rows)}.bin"
            (www / static).write_bytes(raw)
            label = f"{name}{', gzip' if encoding else ''}"
            rows.append((label, path, encoding, static))
            if encoding is None:
                tag = response.headers["etag"]
                rows.append((f"{name}, 304", path, f"If-None-Match: {tag}", static))
    return rows


def gzip_bytes(url: str) -> bytes:
    with httpx.Client() as client, client.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as response:
        assert response.headers.get("content-encoding") == "gzip", url
        return b"".join(response.iter_raw())


def measure(wrk_bin: str, ours: str, base: str, rows: list[tuple[str, str, str | None, str]]) -> None:
    print(
        f"nginx: wrk -t2 -c{CONNECTIONS}, {ROUNDS} rounds of {SECONDS}s, ours and plain interleaved (medians); "
        "ours = deploy/nginx config (2 workers) over the export and the app (2 workers); "
        "plain = nginx serving the same bytes as a static file"
    )
    print(f"  {'request':<40} {'ours req/s':>11} {'plain req/s':>12} {'ratio':>7} {'ours p99':>9} {'plain p99':>10}")
    worst = float("inf")
    for label, path, header, static in rows:
        if header and header.startswith("If-None-Match"):
            base_header: str | None = f"If-None-Match: {httpx.get(f'{base}/{static}').headers['etag']}"
        else:
            base_header = None
        runs = []
        for _ in range(ROUNDS):
            runs.append(
                (*wrk(wrk_bin, ours + path, header, SECONDS), *wrk(wrk_bin, f"{base}/{static}", base_header, SECONDS))
            )
        ours_rps, ours_p99, base_rps, base_p99 = (statistics.median(r[i] for r in runs) for i in range(4))
        ratio = statistics.median(r[0] / r[2] for r in runs)
        worst = min(worst, ratio)
        print(f"  {label:<40} {ours_rps:>11.0f} {base_rps:>12.0f} {ratio:>6.2f}x {ours_p99:>7.2f}ms {base_p99:>8.2f}ms")
    print(f"  lowest ratio {worst:.2f}x (target >= {TARGET}x)")


if __name__ == "__main__":
    main()
