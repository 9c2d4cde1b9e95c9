"""The export bench: a full `neutral-timeline export` of the bundled calendars, its size, a no-op
re-export, and how the time grows with a synthetic catalog of 10x the elections and rules.

Baselines measured in the same run: a cold `python -c "import pendulum, pydantic, rich"` and one
regional `all.ics` rendered uncached. CPU seconds (this process and its pool) are printed beside
wall seconds: on a shared machine wall time also counts other people's work.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from neutral_timeline.catalog.load import load_catalog
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.store import bundled_calendars, load
from neutral_timeline.export import MANIFEST, Options, Report, disk_usage, export

ORIGIN = "https://netral.example.go.id"
TARGET_SECONDS, TARGET_MB, NOOP_SECONDS = 60, 200, 2
SAMPLE_AREAS = ("63.03", "92.08", "34.71", "11.01", "73.71", "13.08")  # the growth runs: national + these


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _run(catalog: Catalog, root: Path, options: Options) -> tuple[Report, float, float]:
    wall, cpu = time.perf_counter(), _cpu()
    report = export(catalog, root, options, jobs=2)
    return report, time.perf_counter() - wall, _cpu() - cpu


def _mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def _subset(root: Path, keep: re.Pattern[str]) -> tuple[int, int, int]:
    """Files, apparent bytes (with .gz) and du bytes of the manifest paths that ``keep`` matches."""
    files = json.loads((root / MANIFEST).read_bytes())["files"]
    seen: set[int] = set()
    count = apparent = used = 0
    for path, entry in files.items():
        if not keep.search(path):
            continue
        count += 1
        for item, size in ((path, entry["bytes"]), (path + ".gz", (entry["gzip"] or {}).get("bytes"))):
            if size is None:
                continue
            apparent += size
            info = (root / item.lstrip("/")).stat()
            if info.st_ino not in seen:
                seen.add(info.st_ino)
                used += info.st_blocks * 512
    return count, apparent, used


def synthetic(root: Path, times: int = 10) -> Path:
    """The bundled calendars with every election and rule copied ``times - 1`` more times under new ids."""
    folder = root / "calendars"
    shutil.copytree(bundled_calendars(), folder)
    for kind in ("elections", "rules"):
        for path in sorted((folder / kind).glob("*.toml")):
            for n in range(1, times):
                shutil.copy(path, path.with_name(f"{path.stem}-x{n}.toml"))
    return folder


def main() -> None:
    from bench.__main__ import row

    catalog = load(bundled_calendars())
    floor = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import pendulum, pydantic, rich"], check=True)
        floor.append(time.perf_counter() - start)
    base = statistics.median(floor)
    from neutral_timeline.api.service import Service
    from neutral_timeline.render import ics
    from neutral_timeline.resolve.questions import FeedQuestion

    def one_feed() -> float:
        for memo in (ics.EVENTS, ics.LINES, ics.ALARMS):
            memo.entries.clear()
            memo.size = 0
        start = time.perf_counter()
        Service(catalog, ORIGIN).rendered(FeedQuestion(None, "63.03"), "ics", "id")
        return time.perf_counter() - start

    feed = statistics.median(one_feed() for _ in range(5))
    print(
        f"export: {len(catalog.elections)} elections (+ all) x {len(catalog.regions) + 1} areas x id, en; 2 processes"
    )
    row('baseline: python -c "import pendulum, pydantic, rich"', f"{base:.3f} s", "1.00x")
    row("baseline: one regional all.ics, uncached", f"{feed * 1e3:.1f} ms", f"{feed / base:.2f}x")
    with tempfile.TemporaryDirectory() as tmp:
        for label, presets in (
            ("3 presets (standard, minimal, standard-events)", ("standard", "minimal", "standard-events")),
            ("2 presets (standard, standard-events)", ("standard", "standard-events")),
        ):
            root = Path(tmp) / "-".join(presets)
            report, wall, cpu = _run(catalog, root, Options(ORIGIN, presets))
            used = disk_usage(root)
            note = f"{report.files:,} files, cpu {cpu:.0f} s; target <= {TARGET_SECONDS} s"
            row(f"full export, {label}", f"{wall:.1f} s", f"{wall / base:.0f}x", note)
            row("  on disk (du; hard links once)", _mb(used), "", f"apparent {_mb(report.apparent)}; target <= {TARGET_MB} MB")  # fmt: skip
            files, apparent, du = _subset(root, re.compile(r"^/ics/.*/(?!all\.ics)[^/]+\.ics$"))
            row("  of which election feeds (no all.ics)", _mb(du), "", f"{files:,} files, apparent {_mb(apparent)}")
            files, apparent, du = _subset(root, re.compile(r"^/ics/.*/all\.ics$"))
            row("  of which all.ics feeds", _mb(du), "", f"{files:,} files, apparent {_mb(apparent)}")
            files, apparent, du = _subset(root, re.compile(r"^/(api|elections|static)/"))
            row("  of which JSON, SVG, static", _mb(du), "", f"{files:,} paths, apparent {_mb(apparent)}")
            start = time.perf_counter()
            again = export(catalog, root, Options(ORIGIN, presets), jobs=2)
            noop = time.perf_counter() - start
            assert again.noop
            row("  no-op re-export", f"{noop:.2f} s", f"{noop / base:.1f}x", f"target <= {NOOP_SECONDS} s")
            shutil.rmtree(root)
        sample = Options(ORIGIN, ("standard", "standard-events"), SAMPLE_AREAS)
        report, wall, cpu = _run(catalog, Path(tmp) / "one", sample)
        big = load_catalog(synthetic(Path(tmp)))
        report10, wall10, cpu10 = _run(big, Path(tmp) / "ten", sample)
        print(f"  growth: national + {len(SAMPLE_AREAS)} regions, 2 presets; synthetic catalog: "
              f"{len(big.elections)} elections, {len(big.rules)} rules")  # fmt: skip
        row("  bundled catalog", f"{wall:.1f} s", f"{wall / base:.0f}x", f"{report.files:,} files, cpu {cpu:.1f} s")
        row("  10x elections and rules", f"{wall10:.1f} s", f"{wall10 / wall:.1f}x of bundled", f"{report10.files:,} files, cpu {cpu10:.1f} s")  # fmt: skip
