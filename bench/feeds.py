"""The feeds bench: every default feed's size (plain and gzip) and render time, and the limits.

Sizes are what a calendar app downloads (bytes uncompressed; gzip when it accepts it). Times are
the resolver plus the ICS renderer, uncached, next to a baseline measured in the same run.
Before the "feeds an ASN keeps" change (key phases, short descriptions, one reminder each), the
same data gave a largest default feed of 131,406 bytes (pilkada-2024, Kaimana) and an all.ics of
348,905 bytes (354,758 with Kaimana).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable

from neutral_timeline.catalog.store import bundled_calendars, load
from neutral_timeline.render.ics import render
from neutral_timeline.resolve import feed as feed_module
from neutral_timeline.resolve.answering import answer
from neutral_timeline.resolve.questions import FeedQuestion

ORIGIN = "https://netral.example.go.id"
LIMIT_ONE, LIMIT_ALL = 60_000, 150_000  # bytes, uncompressed: the largest default feed, and all.ics
BEFORE_ONE, BEFORE_ALL = 131_406, 348_905
REGIONS = (None, "92.08", "63.03", "34.71")  # national, Kaimana (WIT, own circular), Banjar, Yogyakarta


def main() -> None:
    from bench.__main__ import per_call, row

    catalog = load(bundled_calendars())
    unit = per_call(lambda: sorted(range(200, 0, -1)))
    print(f"feeds: {len(catalog.elections)} elections x {len(REGIONS)} regions (national first), id and en")
    row("baseline: sorted(range(200))", f"{unit * 1e6:.2f} µs", "1.00x")
    largest: dict[bool, tuple[int, str]] = {False: (0, ""), True: (0, "")}
    for name in [*catalog.elections, None]:
        for region in REGIONS:
            for lang in ("id", "en"):
                question = FeedQuestion(name, region)
                body = render(answer(catalog, question), lang, ORIGIN)
                key = name is None
                label = f"{name or 'all'} {region or 'national'} {lang}"
                largest[key] = max(largest[key], (len(body), label))
            if region in (None, "92.08"):
                body = render(answer(catalog, FeedQuestion(name, region)), "id", ORIGIN)
                packed = len(gzip.compress(body, 6, mtime=0))

                def build(n: str | None = name, r: str | None = region) -> Callable[[], bytes]:
                    def go() -> bytes:
                        feed_module.occurrences.cache_clear()
                        return render(answer(catalog, FeedQuestion(n, r)), "id", ORIGIN)

                    return go

                spent = per_call(build(), repeat=5)
                what = f"{name or 'all'}.ics{'?region=' + region if region else ''}"
                note = f"{len(body):,} B, gzip {packed:,} B"
                row(what, f"{spent * 1e3:.2f} ms", f"{spent / unit:.0f}x", note)
    one, all_ = largest[False], largest[True]
    row("largest default feed", f"{one[0]:,} B", f"{one[0] / BEFORE_ONE:.2f}x", f"{one[1]}; limit {LIMIT_ONE:,}")
    row("largest all.ics", f"{all_[0]:,} B", f"{all_[0] / BEFORE_ALL:.2f}x", f"{all_[1]}; limit {LIMIT_ALL:,}")
    print("  (ratios of sizes are to the feeds before this change)")
    if one[0] > LIMIT_ONE or all_[0] > LIMIT_ALL:
        raise SystemExit("a feed is over its size limit")
