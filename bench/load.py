"""Load benchmark: mixed traffic (JSON, ICS, pages, 304s, hostile URLs) against `serve --workers 2`.

wrk -t2 -c32 runs LOAD_SECONDS (default 60) of a fixed mix that cycles through twelve kinds of request,
and then the same wrk settings load nginx serving one JSON answer as a static file: req/s and p99 are
given as ratios to it. Every answer's status is tallied by a wrk Lua script: 0 errors means no socket
error, no 5xx and no status outside those the mix expects. The resident memory (RSS) of each worker is
read from /proc before the load, after it, and after 10,000 distinct hostile URLs (target <= 150 MB).
Loopback only; everything started here is stopped at the end.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

from bench.serving import CONNECTIONS, plain_conf
from tests.serving import ensure, free_port, running_nginx, server

DURATION = int(os.environ.get("LOAD_SECONDS", "60"))
HOSTILE_URLS = 10_000
RSS_TARGET_MB = 150
SITUATION = "/api/v1/elections/pilkada-2024/situation?date=2024-11-20"
FEED = "/ics/pilkada-2024.ics"
EXPECTED = {200, 304, 400, 404, 414, 422}  # 2xx/3xx for the legitimate kinds, 4xx for the hostile ones

# {tag} and {n} are filled per request: distinct hostile URLs that each thread never repeats.
LUA = r"""
local kinds = {
  {"%(situation)s", nil},
  {"%(situation)s", {["If-None-Match"] = '%(situation_tag)s'}},
  {"%(feed)s", nil},
  {"%(feed)s", {["If-None-Match"] = '%(feed_tag)s'}},
  {"/api/v1/elections?lang=en", nil},
  {"/widget/pilkada-2024?date=2024-11-20", nil},
  {"/?date=2024-11-20&lang=en", nil},
  {"/api/v1/feeds", {["Host"] = "evil.example", ["X-Forwarded-Host"] = "evil.example"}},
  {"/api/v1/elections?junk={tag}-{n}", {["X-Forwarded-Proto"] = "http"}},
  {"/api/v1/regions?q=" .. string.rep("x", 9000), nil},
  {"/api/v1/elections/evil-{tag}-{n}/situation?date=2024-11-20", nil},
  {"/api/v1/today?lang=xx{n}&region={tag}{n}", nil},
}
local counter, tag = 0, "t"
local threads = {}

function setup(thread)
  thread:set("tag", "t" .. tostring(#threads + 1))
  table.insert(threads, thread)
end

function init(args)
  tag = wrk.thread:get("tag") or tag
end

function request()
  counter = counter + 1
  local kind = kinds[(counter %% #kinds) + 1]
  local path = kind[1]:gsub("{tag}", tag):gsub("{n}", tostring(counter))
  return wrk.format("GET", path, kind[2])
end

function response(status, headers, body)
  local name = "s" .. status  -- a global per status: wrk copies only plain values between threads
  _G[name] = (_G[name] or 0) + 1
end

function done(summary, latency, requests)
  for status = 100, 599 do
    local n = 0
    for _, thread in ipairs(threads) do n = n + (thread:get("s" .. status) or 0) end
    if n > 0 then io.write(string.format("status %%d %%d\n", status, n)) end
  end
end
"""


def wrk_run(program: str, url: str, script: Path | None) -> tuple[float, float, str]:
    command = [program, "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", "--timeout", "5s", url]
    if script is not None:
        command[1:1] = ["-s", str(script)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    return rps, float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit], out


def workers_rss(parent: int) -> dict[int, float]:
    """MB resident for each uvicorn worker process under ``parent``."""
    found: dict[int, float] = {}
    children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
    for pid in map(int, children):
        if b"resource_tracker" in Path(f"/proc/{pid}/cmdline").read_bytes():
            continue  # multiprocessing's helper, not a worker
        status = Path(f"/proc/{pid}/status").read_text()
        kb = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))  # type: ignore[union-attr]
        found[pid] = kb / 1024
    return found


async def hostile(url: str, count: int) -> dict[int, int]:
    """``count`` distinct hostile URLs, 16 at a time: junk queries on cached routes, unknown ids, long queries."""
    shapes = [
        "/api/v1/elections?junk={n}",
        "/ics/pilkada-2024.ics?junk={n}",
        "/api/v1/elections/pilkada-2024/situation?date=2024-11-20&junk={n}",
        "/widget/pilkada-2024?date=2024-11-20&junk={n}",
        "/api/v1/elections/evil-{n}/situation",
        "/api/v1/regions?q=" + "y" * 8000 + "{n}",  # a 422: q is at most 100 characters
        "/api/v1/regions?q=kab{n}",
        "/api/v1/today?region=nowhere{n}",
        "/oembed?url=http%3A%2F%2Fevil.example%2Fwidget%2Fpilkada-2024%3Fjunk%3D{n}",
    ]
    statuses: dict[int, int] = {}
    queue = iter(range(count))

    async def worker(client: httpx.AsyncClient) -> None:
        for n in queue:
            r = await client.get(shapes[n % len(shapes)].format(n=n))
            statuses[r.status_code] = statuses.get(r.status_code, 0) + 1

    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        await asyncio.gather(*(worker(client) for _ in range(16)))
    return statuses


def main() -> None:
    wrk_bin, nginx_bin = ensure("wrk", "wrk"), ensure("nginx", "nginx")
    nginx_port = free_port()
    with tempfile.TemporaryDirectory() as root, server(None, Path(root, "xdg"), workers=2) as (url, ours):
        tags = {path: httpx.get(url + path).headers["etag"] for path in (SITUATION, FEED)}
        script = Path(root, "mix.lua")
        values = {"situation": SITUATION, "feed": FEED}
        values |= {"situation_tag": tags[SITUATION], "feed_tag": tags[FEED]}
        script.write_text(LUA % values)
        for path in ("/widget/pilkada-2024?date=2024-11-20", "/?date=2024-11-20&lang=en"):
            httpx.get(url + path).raise_for_status()
        before = workers_rss(ours.pid)
        rps, p99, out = wrk_run(wrk_bin, url + "/", script)
        after = workers_rss(ours.pid)
        statuses = {int(s): int(n) for s, n in re.findall(r"^status (\d+) (\d+)$", out, re.M)}
        socket_errors = re.search(r"Socket errors: (.*)", out)
        t0 = time.perf_counter()
        hostile_statuses = asyncio.run(hostile(url, HOSTILE_URLS))
        hostile_seconds = time.perf_counter() - t0
        final = workers_rss(ours.pid)
        www = Path(root, "www")
        www.mkdir()
        (www / "situation.json").write_bytes(httpx.get(url + SITUATION).content)
        Path(root, "nginx.conf").write_text(plain_conf(root, {nginx_port: www}))
        with running_nginx(nginx_bin, Path(root), nginx_port) as nginx_url:
            base_rps, base_p99, _ = wrk_run(wrk_bin, nginx_url + "/situation.json", None)
    unexpected = sum(n for s, n in statuses.items() if s not in EXPECTED)
    errors = unexpected + (1 if socket_errors else 0)
    print(f"load: wrk -t2 -c{CONNECTIONS} -d{DURATION}s, a mix of 12 kinds; ours = uvicorn 2 workers; nginx static")
    print(f"  {'':<28} {'req/s':>9} {'p99':>10}")
    print(f"  {'ours, mixed':<28} {rps:>9.0f} {p99:>8.2f}ms")
    print(f"  {'nginx, one static file':<28} {base_rps:>9.0f} {base_p99:>8.2f}ms")
    print(f"  {'ratio':<28} {rps / base_rps:>8.2f}x {p99 / base_p99:>9.2f}x")
    print(f"  statuses: {dict(sorted(statuses.items()))}")
    print(
        f"  errors: {errors} ({socket_errors.group(1) if socket_errors else 'no socket errors'}, {unexpected} unexpected)"
    )
    print(
        f"  {HOSTILE_URLS} distinct hostile URLs in {hostile_seconds:.1f} s: {dict(sorted(hostile_statuses.items()))}"
    )
    for name, rss in (("before", before), ("after load", after), (f"after {HOSTILE_URLS} hostile", final)):
        worst = max(rss.values())
        figures = ", ".join(f"{mb:.1f}" for mb in rss.values())
        print(f"  worker RSS {name:<22} {figures} MB   (max {worst:.1f}, target <= {RSS_TARGET_MB})")
    if errors or any(s >= 500 for s in hostile_statuses) or max(final.values()) > RSS_TARGET_MB:
        raise SystemExit("load: errors, 5xx or memory over target")


if __name__ == "__main__":
    main()
