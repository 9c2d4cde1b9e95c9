"""nginx in front of the app with deploy/nginx's config: requests per second of exported feeds (from
disk, gzip_static, the app's ETags) and of the proxy cache (warm) in front of the app, each as a ratio
to nginx serving the same bytes as a plain static file, measured in the same run (targets >= 0.9x).
The plain nginx answers the very same request (path and query string, which a static file ignores,
and headers) from a file at that path: one port, and root, per row, since rows share addresses.

The export is `neutral-timeline export` of the bundled calendars (one reminder preset: the feeds measured
are all of that preset, and the export's own cost is bench/export's), in both layouts: the default one
and `--gzip-only` (nginx decompresses for a client without gzip). The app runs with 2 workers, every
nginx with 2 workers, wrk with the settings of bench/serving.py. Loopback only; processes are started
and stopped by tests/serving.py.

The machine is shared, so besides requests per second (which other people's work moves) each row
shows the CPU time nginx's workers spent per request (from /proc), ours against plain's: a ratio that
other load moves much less. Loads alternate, ours then plain, ROUNDS times; medians.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

from bench.serving import CONNECTIONS, plain_conf, wrk
from tests.serving import configure_nginx, ensure, free_port, running_nginx, serving

TARGET = 0.9
SECONDS = int(os.environ.get("NGINX_SECONDS", "2"))  # per load; ROUNDS loads each, ours and plain interleaved
ROUNDS = int(os.environ.get("NGINX_ROUNDS", "7"))
FEED = "/ics/id/nasional/standard/pilkada-2024.ics"  # the address calendar apps poll most
LINK = "/ics/pilkada-2024.ics?region=63.03"  # a link the app published before path-style: the exported file
PROXIED = {  # what no export holds: nginx's cache in front of the app
    "ICS feed, own reminders": "/ics/pilkada-2024.ics?region=63.03&reminders=3d",
    "JSON situation": "/api/v1/elections/pilkada-2024/situation?date=2024-11-20",
}
GZIP = "Accept-Encoding: gzip"


def export(out: Path, public_url: str, cache: Path, *options: str) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "NEUTRAL_TIMELINE_PUBLIC_URL": public_url}
    command = [sys.executable, "-m", "neutral_timeline", "export", str(out), "--presets", "standard", "--quiet"]
    subprocess.run([*command, *options], check=True, env=env)


def main() -> None:
    wrk_bin, nginx_bin = ensure("wrk", "wrk"), ensure("nginx", "nginx")
    port, gz_port = free_port(), free_port()
    public = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        export(root / "export", public, root / "xdg")
        export(root / "export-gz", public, root / "xdg", "--gzip-only")
        www = root / "base" / "www"
        with serving(None, root / "xdg", public_url=public, workers=2) as app:
            upstream = app.removeprefix("http://")
            conf = configure_nginx(root / "export", upstream, port, public, root / "conf", "256m", 2)
            gz_conf = configure_nginx(root / "export-gz", upstream, gz_port, public, root / "conf-gz", "256m", 2)
            with running_nginx(nginx_bin, conf, port) as ours, running_nginx(nginx_bin, gz_conf, gz_port) as gz:
                rows = cases(ours, gz, www)
                ports = [free_port() for _ in rows]
                servers = {p: www / str(i) for i, p in enumerate(ports)}
                (root / "base" / "nginx.conf").write_text(plain_conf(root / "base", servers))
                with running_nginx(nginx_bin, root / "base", ports[0]):
                    bases = [f"http://127.0.0.1:{p}" for p in ports]
                    pids = {ours: workers(conf), gz: workers(gz_conf), **dict.fromkeys(bases, workers(root / "base"))}
                    measure(wrk_bin, bases, rows, pids)


def workers(prefix: Path) -> list[int]:
    """The worker processes of the nginx whose pid file is ``prefix``/nginx.pid."""
    master = (prefix / "nginx.pid").read_text().strip()
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if fields[1] == master and b"worker" in (stat.parent / "cmdline").read_bytes():
                found.append(int(stat.parent.name))
        except OSError:
            continue  # a process that ended meanwhile
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User and system time of ``pids`` so far."""
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


Row = tuple[str, str, str, str | None]  # label, server, path, header


def cases(ours: str, gz: str, www: Path) -> list[Row]:
    """Rows to measure; row i's baseline file, www/i/{path without its query}, holds the very bytes we send."""
    rows: list[Row] = []
    named = {"exported feed": (ours, FEED), "query-style link to an exported feed": (ours, LINK)}
    named |= {f"proxy cache, {k}": (ours, v) for k, v in PROXIED.items()}
    named["exported feed, --gzip-only"] = (gz, FEED)
    for name, (server, path) in named.items():
        for encoding in (None, GZIP):
            headers = {"Accept-Encoding": "gzip" if encoding else "identity"}
            for _ in range(2):  # the proxy cache is warm after the first
                response = httpx.get(server + path, headers=headers)
                response.raise_for_status()
            raw = response.content if not encoding else gzip_bytes(server + path)
            gunzip = ", gunzip" if server == gz and not encoding else ""
            label = f"{name}{', gzip' if encoding else gunzip}"
            rows.append((label, server, path, encoding))
            if encoding is None:
                tag = response.headers["etag"]
                rows.append((f"{name}, 304", server, path, f"If-None-Match: {tag}"))
            for i in range(len(rows) - (1 if encoding else 2), len(rows)):
                static = www / str(i) / path.split("?")[0].lstrip("/")
                static.parent.mkdir(parents=True, exist_ok=True)
                static.write_bytes(raw)
    return rows


def gzip_bytes(url: str) -> bytes:
    with httpx.Client() as client, client.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as response:
        assert response.headers.get("content-encoding") == "gzip", url
        return b"".join(response.iter_raw())


def load(wrk_bin: str, url: str, header: str | None, pids: list[int]) -> tuple[float, float, float]:
    """(requests per second, p99 ms, nginx worker CPU microseconds per request) of one wrk load."""
    before = cpu_seconds(pids)
    rps, p99 = wrk(wrk_bin, url, header, SECONDS)
    return rps, p99, (cpu_seconds(pids) - before) / (rps * SECONDS) * 1e6


def measure(wrk_bin: str, bases: list[str], rows: list[Row], pids: dict[str, list[int]]) -> None:
    print(
        f"nginx: wrk -t2 -c{CONNECTIONS}, {ROUNDS} rounds of {SECONDS}s, ours and plain alternating (medians); "
        "ours = deploy/nginx config (2 workers) over the export and the app (2 workers); "
        "plain = nginx serving the same bytes as a static file for the same request; cpu = nginx workers' CPU per request"
    )
    print(
        f"  {'request':<46} {'ours req/s':>10} {'plain req/s':>11} {'ratio':>6} "
        f"{'ours p99':>9} {'plain p99':>9} {'cpu us/req':>11} {'cpu ratio':>9}"
    )
    worst = worst_cpu = float("inf")
    for (label, server, path, header), base in zip(rows, bases, strict=True):
        base_header = header
        if header and header.startswith("If-None-Match"):
            base_header = f"If-None-Match: {httpx.get(base + path).headers['etag']}"
        runs = []
        for _ in range(ROUNDS):
            ours = load(wrk_bin, server + path, header, pids[server])
            runs.append((*ours, *load(wrk_bin, base + path, base_header, pids[base])))
        ours_rps, ours_p99, ours_cpu, base_rps, base_p99, base_cpu = (
            statistics.median(r[i] for r in runs) for i in range(6)
        )
        ratio = statistics.median(r[0] / r[3] for r in runs)
        cpu_ratio = statistics.median(r[5] / r[2] for r in runs)  # plain's CPU per request over ours
        worst, worst_cpu = min(worst, ratio), min(worst_cpu, cpu_ratio)
        print(
            f"  {label:<46} {ours_rps:>10.0f} {base_rps:>11.0f} {ratio:>5.2f}x {ours_p99:>7.2f}ms {base_p99:>7.2f}ms "
            f"{ours_cpu:>5.1f}/{base_cpu:<5.1f} {cpu_ratio:>8.2f}x"
        )
    print(f"  lowest ratio {worst:.2f}x req/s, {worst_cpu:.2f}x CPU per request (target >= {TARGET}x)")


if __name__ == "__main__":
    main()
