"""Benchmarks of the engine and the CLI: `make bench` (or `python -m bench [engine|cli|http|load|feeds|export]`).

Machines here are noisy, so every figure is printed next to a baseline measured in the same
run, as a ratio. Medians of repeated runs are used throughout.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import tomllib
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from neutral_timeline.catalog.folder import data_files
from neutral_timeline.catalog.load import load_catalog
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.store import bundled_calendars, load
from neutral_timeline.resolve.situation import situation


def per_call(fn: Callable[[], object], repeat: int = 7, number: int | None = None) -> float:
    """Median seconds per call over ``repeat`` timing runs."""
    timer = timeit.Timer(fn)
    if number is None:
        number, _ = timer.autorange()
    return statistics.median(t / number for t in timer.repeat(repeat=repeat, number=number))


def row(name: str, value: str, ratio: str = "", note: str = "") -> None:
    print(f"  {name:<44} {value:>14} {ratio:>12}  {note}")


def engine() -> None:
    root = bundled_calendars()
    catalog = load_catalog(root)
    first = min(e.latest.stages.start for e in catalog.elections.values())
    election = max(catalog.elections.values(), key=lambda e: e.latest.voting_day.start)
    day = election.latest.phases["campaign"].start + timedelta(days=10)
    print(
        f"engine: {len(catalog.elections)} elections, {len(catalog.rules)} rules, {len(catalog.instruments)} instruments"
    )
    # Baseline: a fixed amount of plain interpreter work, so ratios travel between machines.
    unit = per_call(lambda: sorted(range(200, 0, -1)))
    row("baseline: sorted(range(200))", f"{unit * 1e6:.2f} µs", "1.00x")
    situation(catalog, day, election.id)  # build the per-revision plan once
    one = per_call(lambda: situation(catalog, day, election.id))
    row(f"resolve one date ({election.id})", f"{one * 1e6:.2f} µs", f"{one / unit:.2f}x", "target <= 20 µs")
    anyone = per_call(lambda: situation(catalog, day))
    row("resolve one date, all elections", f"{anyone * 1e6:.2f} µs", f"{anyone / unit:.2f}x")
    days = [date(2020, 1, 1) + timedelta(days=n) for n in range((date(2025, 12, 31) - date(2020, 1, 1)).days + 1)]

    def sweep() -> None:
        for d in days:
            situation(catalog, d)
            for e in catalog.elections:
                situation(catalog, d, e)

    total = per_call(sweep, repeat=3, number=1)
    calls = len(days) * (1 + len(catalog.elections))
    row(
        f"sweep 2020-2025: {len(days)} days x {1 + len(catalog.elections)} queries",
        f"{total * 1e3:.1f} ms",
        f"{total / unit:.0f}x",
        f"{total / calls * 1e6:.2f} µs per query",
    )
    check_rows(catalog, unit, day)
    tomls = [root / name for name in data_files(root) if name.endswith(".toml")]
    parse = per_call(lambda: [tomllib.loads(p.read_text(encoding="utf-8")) for p in tomls], repeat=5)
    row(f"baseline: tomllib parse of {len(tomls)} data files", f"{parse * 1e3:.2f} ms", "1.00x")
    full = per_call(lambda: load_catalog(root), repeat=5)
    row("catalog load + validation (no cache)", f"{full * 1e3:.2f} ms", f"{full / parse:.2f}x")
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        load(root)
        cached = per_call(lambda: load(root), repeat=5)
    row("catalog load from cache", f"{cached * 1e3:.2f} ms", f"{cached / parse:.2f}x", f"first seen {first}")


CHECK_TEXTS = (
    "Bolehkah saya nge-like postingan calon?",
    "komen di postingan capres",
    "foto bareng calon dengan salam dua jari",
    "kasih fotokopi KTP ke calon independen",
    "pakai mobil dinas ke kampanye",
    "jadi narasumber di acara partai",
    "suami saya nyalon bupati, boleh ikut kampanye?",
    "masak nasi goreng",
)


def check_rows(catalog: Catalog, unit: float, day: date) -> None:
    """The activity check: one question answered (as a server or the CLI asks it), and the matcher alone."""
    from neutral_timeline.resolve.answering import answer
    from neutral_timeline.resolve.matching import match
    from neutral_timeline.resolve.questions import CheckQuestion

    question = CheckQuestion(CHECK_TEXTS[0], day)
    answer(catalog, question)
    one = per_call(lambda: answer(catalog, question))
    row("check one activity (answer)", f"{one * 1e6:.2f} µs", f"{one / unit:.2f}x", "target <= 50 µs")
    questions = [CheckQuestion(t, day + timedelta(days=n)) for n in range(7) for t in CHECK_TEXTS]

    def varied() -> None:
        for q in questions:
            answer(catalog, q)

    each = per_call(varied) / len(questions)
    row(f"check, {len(questions)} texts x days (warm)", f"{each * 1e6:.2f} µs", f"{each / unit:.2f}x", "per check")
    raw = match.__wrapped__
    found = [t for t in CHECK_TEXTS if t != "masak nasi goreng"]
    matched = per_call(lambda: [raw(catalog, t) for t in found]) / len(found)
    row("match one text, uncached (placed)", f"{matched * 1e6:.2f} µs", f"{matched / unit:.2f}x")
    unplaced = per_call(lambda: raw(catalog, "masak nasi goreng"), repeat=3)
    row("match one text, uncached (not placed)", f"{unplaced * 1e6:.2f} µs", f"{unplaced / unit:.2f}x", "difflib")


def _median_run(command: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli(runs: int = 21) -> None:
    exe = shutil.which("neutral-timeline", path=str(Path(sys.executable).parent)) or "neutral-timeline"
    # Measure the package as installed: pip compiles an installed package's bytecode, but an
    # editable checkout under PYTHONDONTWRITEBYTECODE=1 (set on these machines) would compile
    # every module from source at every start, while pendulum, pydantic and rich never do.
    import compileall

    import neutral_timeline

    compileall.compile_dir(Path(neutral_timeline.__file__).parent, quiet=1)
    env = {**os.environ, "COLUMNS": "120"}
    with tempfile.TemporaryDirectory() as cache:
        env["XDG_CACHE_HOME"] = cache
        subprocess.run([exe, "today", "--date", "2024-11-20"], check=True, stdout=subprocess.DEVNULL, env=env)
        floor_cmd = [sys.executable, "-c", "import pendulum, pydantic, rich"]
        # interleave the two so that machine noise hits both alike
        check_cmd = [exe, "check", "nge-like postingan calon", "--date", "2024-11-20"]
        floor, ours, json_, check = [], [], [], []
        for _ in range(runs):
            floor.append(_median_run(floor_cmd, 1, env))
            ours.append(_median_run([exe, "today", "--date", "2024-11-20"], 1, env))
            json_.append(_median_run([exe, "today", "--date", "2024-11-20", "--json"], 1, env))
            check.append(_median_run(check_cmd, 1, env))
    base = statistics.median(floor)
    print(f"cli cold start: median of {runs} runs each, interleaved; bytecode compiled as for an installed package")
    row('baseline: python -c "import pendulum, pydantic, rich"', f"{base * 1e3:.1f} ms", "1.00x")
    row(
        "neutral-timeline today (rich, cached catalog)",
        f"{statistics.median(ours) * 1e3:.1f} ms",
        f"{statistics.median(ours) / base:.2f}x",
        "target <= 1.3x",
    )
    row(
        "neutral-timeline today --json",
        f"{statistics.median(json_) * 1e3:.1f} ms",
        f"{statistics.median(json_) / base:.2f}x",
    )
    row(
        'neutral-timeline check "nge-like postingan calon"',
        f"{statistics.median(check) * 1e3:.1f} ms",
        f"{statistics.median(check) / base:.2f}x",
        "target <= 1.3x",
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("which", nargs="*", help="engine, cli, http, load, feeds and/or export (default: all six)")
    args = parser.parse_args()
    unknown = set(args.which) - {"engine", "cli", "http", "load", "feeds", "export"}
    if unknown:
        parser.error(f"unknown benchmark(s) {sorted(unknown)}: choose from engine, cli, http, load, feeds, export")
    for which in args.which or ["engine", "cli", "http", "load", "feeds", "export"]:
        if which == "engine":
            engine()
        elif which == "cli":
            cli()
        elif which == "http":
            from bench import serving

            serving.main()
        elif which == "load":
            from bench import load

            load.main()
        elif which == "feeds":
            from bench import feeds

            feeds.main()
        elif which == "export":
            from bench import export

            export.main()
        print()


if __name__ == "__main__":
    main()
