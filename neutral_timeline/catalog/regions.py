"""The region registry: provinces and regencies/cities with Kemendagri codes and time zones (calendars/regions/)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import field
from pathlib import Path
from typing import Literal, cast

from neutral_timeline.catalog.folder import MAX_BYTES, Unreadable, bundled_calendars, decode, read_regular
from neutral_timeline.errors import DataError, NotFoundError, Problem, QueryError, did_you_mean
from neutral_timeline.i18n import N_
from neutral_timeline.record import Record, record

RegionType = Literal["provinsi", "kabupaten", "kota"]
Zone = Literal["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
TYPES: tuple[RegionType, ...] = ("provinsi", "kabupaten", "kota")
ZONES: tuple[Zone, ...] = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")  # WIB, WITA, WIT
COLUMNS = ("code", "name", "type", "province", "zone")
CODE = re.compile(r"\d{2}(?:\.\d{2})?")  # "63" a province, "63.03" a regency/city
CODE_EXAMPLE = N_("two digits for a province (63) or PP.RR for a regency/city (63.03)")

# What people type before a name: "Kab. Banjar", "kota banjar", "Prov Kalimantan Selatan".
_PREFIXES: dict[str, RegionType] = {"provinsi": "provinsi", "prov": "provinsi", "kota": "kota"}
_PREFIXES |= {"kabupaten": "kabupaten", "kab": "kabupaten"}
_ADMINISTRATIVE = ("administrasi", "adm")  # Jakarta's "Kota Administrasi Jakarta Pusat"
_EXPAND = {"kep": "kepulauan"}  # the list writes "Kabupaten Kep. Siau Tagulandang Biaro"
ALIAS_COLUMNS = ("alias", "code", "name", "source")


@record
class Region(Record):
    """A province, regency (kabupaten) or city (kota)."""

    code: str  # Kemendagri code: "63" or "63.03"
    name: str  # official name: "Kabupaten Banjar", "Kota Banjar", "Kalimantan Selatan"
    type: RegionType
    province: str  # the province's code; a province's own code for a province
    zone: Zone  # Keppres 41/1987: zones follow provinces

    @property
    def is_province(self) -> bool:
        return self.type == "provinsi"

    @property
    def full_name(self) -> str:
        """The name that identifies it when typed: provinces get their "Provinsi" prefix."""
        return f"Provinsi {self.name}" if self.is_province else self.name


@record
class Alias(Record):
    """Another name people type for a region ("Babel", "DKI Jakarta"), from regions/aliases.csv."""

    alias: str
    code: str
    source: str | None  # the instrument that makes it an official name; None: only in common use


class AmbiguousRegionError(QueryError):
    """A name that fits more than one region ("Banjar"): ask, don't guess."""

    code = "ambiguous_region"

    def __init__(self, problems: Iterable[Problem], candidates: tuple[Region, ...]) -> None:
        super().__init__(problems)
        self.candidates = candidates


def _split(text: str) -> tuple[RegionType | None, str]:
    """A name as (type its prefix names, bare lower-case name): "Kab.  Banjar" -> ("kabupaten", "banjar")."""
    words = [_EXPAND.get(w, w) for w in re.findall(r"[^\W_]+", text.casefold())]
    kind = None
    if len(words) > 1 and words[0] in _PREFIXES:
        kind, words = _PREFIXES[words[0]], words[1:]
        if len(words) > 1 and words[0] in _ADMINISTRATIVE:
            words = words[1:]
    return kind, " ".join(words)


@record
class Regions(Record):
    """Every region, sorted by code, with lookups by code and by forgiving name."""

    regions: tuple[Region, ...]
    aliases: tuple[Alias, ...] = ()
    _by_code: Mapping[str, Region] = field(init=False)
    _by_bare_index: Mapping[str, tuple[Region, ...]] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {r.code: r for r in self.regions})

    @property
    def _by_bare(self) -> Mapping[str, tuple[Region, ...]]:
        """Regions by bare lower-case name and alias: built on the first search by name, not at load."""
        if self._by_bare_index is not None:
            return self._by_bare_index
        by_bare: dict[str, list[Region]] = {}
        for r in self.regions:
            by_bare.setdefault(_split(r.name)[1], []).append(r)
        for alias in self.aliases:  # "Yogyakarta" also names Kota Yogyakarta: ambiguous on purpose
            if alias.code in self._by_code:
                by_bare.setdefault(_split(alias.alias)[1], []).append(self._by_code[alias.code])
        index = {
            bare: tuple(sorted({r.code: r for r in found}.values(), key=lambda r: r.code))
            for bare, found in by_bare.items()
        }
        object.__setattr__(self, "_by_bare_index", index)  # derived from the fields, set once: a cache
        return index

    def __repr__(self) -> str:
        return f"Regions({len(self.regions)} regions)"

    __eq__ = object.__eq__  # one registry per catalog: identity, as before
    __hash__ = object.__hash__

    def __len__(self) -> int:
        return len(self.regions)

    def __iter__(self) -> Iterator[Region]:
        return iter(self.regions)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None

    @property
    def provinces(self) -> tuple[Region, ...]:
        return tuple(r for r in self.regions if r.is_province)

    def get(self, code: str) -> Region | None:
        """The region with this code ("63.03", also "6303"), or None."""
        code = code.strip()
        return self._by_code.get(f"{code[:2]}.{code[2:]}" if re.fullmatch(r"\d{4}", code) else code)

    def province_of(self, region: Region) -> Region:
        return self._by_code[region.province]

    def find(self, query: str, where: str = "region") -> Region:
        """The one region a code or a name means; QueryError when several fit, NotFoundError when none does."""
        text = " ".join(query.split())
        if re.fullmatch(r"[\d.]+", text):
            return self._find_code(text, where)
        kind, bare = _split(text)
        if not bare:
            raise QueryError([Problem.say(where, N_("is empty"), N_("a Kemendagri code such as 63.03 or a name"))])
        fits = self._by_bare.get(bare, ()) or self._squashed(bare)
        matches = tuple(r for r in fits if kind is None or r.type == kind)
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise self._ambiguous(text, matches, where)
        if not fits and (guess := did_you_mean(bare, self._by_bare)):
            fits = tuple(r for r in self._by_bare[guess] if r.type == kind) or self._by_bare[guess]
        options = " / ".join(f"'{r.full_name}' ({r.code})" for r in fits)
        problem = Problem.say(
            where,
            N_("no province, regency or city is named '{text}'"),
            N_("a Kemendagri code such as 63.03 or a name such as 'Kabupaten Banjar'"),
            N_("did you mean {options}?") if fits else N_("search the regions by part of the name"),
            text=text,
            options=options,
        )
        raise NotFoundError([problem])

    def _squashed(self, bare: str) -> tuple[Region, ...]:
        """The regions whose name is ``bare`` but for its spaces ("pangkalpinang": Kota Pangkal Pinang)."""
        squashed = bare.replace(" ", "")
        found = {
            r.code: r for key, regions in self._by_bare.items() if key.replace(" ", "") == squashed for r in regions
        }
        return tuple(found[code] for code in sorted(found))

    def _find_code(self, text: str, where: str) -> Region:
        found = self.get(text)
        if found:
            return found
        digits = text.replace(".", "")
        parent = self.get(digits[:4]) if len(digits) > 4 else None
        hint = N_("districts and villages are not listed: use {code} ({name})") if parent else None
        problem = Problem.say(
            where,
            N_("no region has the code '{text}'"),
            CODE_EXAMPLE,
            hint,
            text=text,
            code=parent.code if parent else "",
            name=parent.name if parent else "",
        )
        raise NotFoundError([problem])

    def _ambiguous(self, text: str, matches: tuple[Region, ...], where: str) -> AmbiguousRegionError:
        listed = ", ".join(
            f"{r.full_name} ({r.code})" if r.is_province else f"{r.name} ({r.code}, {self.province_of(r).name})"
            for r in matches
        )
        codes = " / ".join(r.code for r in matches)
        names = " / ".join(f"'{r.full_name}'" for r in matches)
        problem = Problem.say(
            where,
            N_("'{text}' is ambiguous: it names {listed}"),
            N_("a code or a full name"),
            N_("use a code ({codes}) or the full name ({names})"),
            text=text,
            listed=listed,
            codes=codes,
            names=names,
        )
        return AmbiguousRegionError([problem], matches)

    def search(self, text: str, limit: int = 10) -> tuple[Region, ...]:
        """Regions whose code starts with ``text`` or whose name fits it, best first (for search boxes)."""
        text = " ".join(text.split())
        if re.fullmatch(r"[\d.]+", text):
            digits = text.replace(".", "")
            return tuple(r for r in self.regions if r.code.replace(".", "").startswith(digits))[:limit]
        kind, bare = _split(text)
        if not bare:
            return ()
        from difflib import SequenceMatcher  # only when searching: keeps the CLI's start fast

        matcher = SequenceMatcher(b=bare)  # b is the sequence it indexes: set once, compare with every name
        scored: list[tuple[int, str, Region]] = []
        for key, regions in self._by_bare.items():
            if key == bare or key.replace(" ", "") == bare.replace(" ", ""):
                score = 100
            elif key.startswith(bare):
                score = 80
            elif f" {bare}" in f" {key}":
                score = 60
            elif bare in key:
                score = 40
            else:
                matcher.set_seq1(key)
                if matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6 or matcher.ratio() < 0.6:
                    continue
                score = round(matcher.ratio() * 40) - 5  # below every substring match
            scored.extend((score + (10 if r.type == kind else 0), r.code, r) for r in regions)
        best: dict[str, Region] = {}
        for _, code, region in sorted(scored, key=lambda s: (-s[0], s[1])):
            best.setdefault(code, region)  # an alias and the name may both fit one region
        return tuple(best.values())[:limit]


def _csv_rows(text: str, where: str, columns: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """The rows of a CSV file with the line each ends on, once its header is ``columns``; else DataError."""
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        lines = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise DataError([Problem(where=where, what=f"not a CSV file: {exc}")]) from None
    if not lines or tuple(lines[0][1]) != columns:
        header = ",".join(lines[0][1]) if lines else ""
        raise DataError([Problem(f"{where}: line 1", f"header is '{header}'", ",".join(columns))])
    return lines


def parse_aliases(text: str, where: str, regions: Regions) -> Regions:
    """``regions`` with the aliases in ``text`` (regions/aliases.csv), or DataError listing every problem."""
    lines = _csv_rows(text, where, ALIAS_COLUMNS)
    problems: list[Problem] = []
    aliases: list[Alias] = []
    seen: dict[str, int] = {}
    for line, values in lines[1:]:
        at = f"{where}: line {line}"
        if len(values) != len(ALIAS_COLUMNS):
            problems.append(Problem(at, f"has {len(values)} columns", ",".join(ALIAS_COLUMNS)))
            continue
        alias, code, name, source = values
        bare = _split(alias)[1]
        region = regions.get(code) if CODE.fullmatch(code) else None
        if not bare or alias != " ".join(alias.split()):
            problems.append(Problem(f"{at}, column alias", f"alias '{alias}' is empty or has extra spaces", "a name"))
        elif bare in seen:
            problems.append(
                Problem(
                    f"{at}, column alias", f"'{alias}' is listed twice (first on line {seen[bare]})", "each alias once"
                )
            )
        if region is None:
            problems.append(Problem(f"{at}, column code", f"'{code}' is not a region in regions.csv", CODE_EXAMPLE))
        elif region.name != name:
            problems.append(
                Problem(
                    f"{at}, column name",
                    f"'{name}' is not the name of {code}",
                    f"its name in regions.csv: {region.name}",
                )
            )
        elif _split(region.name)[1] == bare:
            problems.append(Problem(f"{at}, column alias", f"'{alias}' is the region's own name", "another name"))
        if source != source.strip():
            problems.append(Problem(f"{at}, column source", "has extra spaces", "the instrument, or empty"))
        seen.setdefault(bare, line)
        aliases.append(Alias(alias, code, source or None))
    if problems:
        raise DataError(problems)
    return Regions(regions.regions, tuple(aliases))


def bundled_regions() -> Path:
    """The regions.csv shipped with the calendars."""
    return bundled_calendars() / "regions" / "regions.csv"


def load_regions(path: Path) -> Regions:
    """The validated registry in the file at ``path`` (see :func:`parse_regions`), with the aliases in
    aliases.csv beside it when there is one (see :func:`parse_aliases`)."""
    where = "/".join(path.parts[-3:])
    try:
        text = decode(read_regular(str(path), MAX_BYTES))
    except Unreadable as fault:
        what = "file is missing" if not path.exists() else fault.args[0]
        raise DataError([Problem(where, what, *fault.args[1:])]) from None
    regions = parse_regions(text, where)
    aliases = path.with_name("aliases.csv")
    if not aliases.exists():
        return regions
    try:
        text = decode(read_regular(str(aliases), MAX_BYTES))
    except Unreadable as fault:
        raise DataError([Problem("/".join(aliases.parts[-3:]), *fault.args)]) from None
    return parse_aliases(text, "/".join(aliases.parts[-3:]), regions)


def parse_regions(text: str, where: str) -> Regions:
    """The validated registry, or DataError listing every problem with its line and column."""
    lines = _csv_rows(text, where, COLUMNS)
    problems: list[Problem] = []
    rows: dict[str, tuple[int, dict[str, str]]] = {}

    def bad(line: int, column: str, what: str, expected: str, suggestion: str | None = None) -> None:
        problems.append(Problem(f"{where}: line {line}, column {column}", what, expected, suggestion))

    for line, values in lines[1:]:
        if len(values) != len(COLUMNS):
            problems.append(Problem(f"{where}: line {line}", f"has {len(values)} columns", ",".join(COLUMNS)))
            continue
        row = dict(zip(COLUMNS, values, strict=True))
        code, name, kind, province, zone = values
        if not CODE.fullmatch(code):
            bad(line, "code", f"'{code}' is not a Kemendagri code", CODE_EXAMPLE)
        elif code in rows:
            bad(line, "code", f"duplicate code '{code}' (first on line {rows[code][0]})", "each code once")
        else:
            rows[code] = (line, row)
        if not name or name != " ".join(name.split()):
            bad(line, "name", f"name '{name}' is empty or has extra spaces", "the official name, e.g. Kabupaten Banjar")
        if kind not in TYPES:
            guess = did_you_mean(kind, TYPES)
            bad(line, "type", f"unknown type '{kind}'", ", ".join(TYPES), f"did you mean '{guess}'?" if guess else None)
        elif CODE.fullmatch(code) and (kind == "provinsi") != ("." not in code):
            bad(line, "type", f"type '{kind}' does not fit code '{code}'", "provinsi for 63, kabupaten/kota for 63.03")
        if zone not in ZONES:
            guess = did_you_mean(zone, ZONES)
            bad(line, "zone", f"unknown zone '{zone}'", ", ".join(ZONES), f"did you mean '{guess}'?" if guess else None)
        if CODE.fullmatch(code) and province != code[:2]:
            bad(line, "province", f"'{province}' does not fit code '{code}'", f"its first two digits, {code[:2]}")
    for code, (line, row) in rows.items():  # references, once every row is known (each problem reported once)
        parent = rows.get(row["province"], (0, {}))[1]
        if row["province"] != code[:2]:
            continue
        if parent.get("type") != "provinsi":
            bad(line, "province", f"province '{row['province']}' does not exist", "the code of a provinsi row")
        elif row["zone"] in ZONES and parent["zone"] in ZONES and parent["zone"] != row["zone"]:
            what = f"zone {row['zone']} differs from its province's {parent['zone']}"
            bad(line, "zone", what, "the province's zone (time zones follow provinces, Keppres 41/1987)")
    if not rows and not problems:
        problems.append(Problem(where, "has no regions", "a row per province and regency/city"))
    if problems:
        raise DataError(problems)
    return Regions(
        tuple(
            Region(r["code"], r["name"], cast(RegionType, r["type"]), r["province"], cast(Zone, r["zone"]))
            for _, r in sorted(rows.values(), key=lambda item: item[1]["code"])
        )
    )


__all__ = [
    "Alias",
    "AmbiguousRegionError",
    "Region",
    "Regions",
    "bundled_regions",
    "load_regions",
    "parse_aliases",
    "parse_regions",
]
