"""A validated Catalog as plain JSON and back: the disk cache and the server's snapshot (no code runs on load).

A snapshot file is two lines: a header (format, package version, record schema, the data's
content hash) and the body, the catalog as JSON lists. Reading checks the header before
decoding, and decoding checks every value's shape and the body's own content hash; any mismatch
raises :class:`SnapshotError`, so a corrupt, planted or stale file is rebuilt, never trusted.
JSON only ever yields dicts, lists, strings, numbers, booleans and None. Files are written
whole and renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from types import MappingProxyType
from typing import Any, TypeVar

from neutral_timeline.catalog.model import (
    LOCAL_KINDS,
    POLITICAL,
    Activity,
    Anchor,
    Announced,
    Area,
    Basis,
    Catalog,
    Election,
    Fact,
    Instrument,
    LocalSchedule,
    Participation,
    Phase,
    PoliticalWords,
    ReportingChannel,
    Revision,
    Rule,
    Sanction,
    Source,
    Territory,
    Window,
    WindowSpec,
)
from neutral_timeline.catalog.regions import Alias, Region, Regions
from neutral_timeline.text import Text

FORMAT = 2  # bump when the encoding below changes meaning (1 was a pickle)
MAX_BYTES = 64 * 1024 * 1024
RECORDS: tuple[type, ...] = (Anchor, Basis, Catalog, Election, Instrument, Participation, Phase, Region, Revision)
RECORDS += (Regions, Alias)
RECORDS += (
    Announced,
    Fact,
    LocalSchedule,
    ReportingChannel,
    Rule,
    Sanction,
    Source,
    Territory,
    Text,
    Window,
    WindowSpec,
    Area,
    Activity,
    PoliticalWords,
)

T = TypeVar("T")


class SnapshotError(ValueError):
    """A snapshot file that cannot be used: missing, corrupt, stale or from another version."""


def schema() -> str:
    """The records' names and fields: a snapshot written by code with other fields is refused."""
    fields = ((cls.__name__, cls.__dataclass_fields__) for cls in RECORDS)  # type: ignore[attr-defined]
    return ";".join(f"{name}:{','.join(names)}" for name, names in fields)


def header(content_hash: str) -> dict[str, Any]:
    from neutral_timeline import __version__

    return {"format": FORMAT, "version": __version__, "schema": schema(), "data": content_hash}


# --- encoding ------------------------------------------------------------------------------------------------------


def _text(value: Text | None) -> list[str] | None:
    return None if value is None else [value.id, value.en]


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _source(s: Source) -> list[Any]:
    locator = s.locator if isinstance(s.locator, str) else _text(s.locator)  # a generated one is bilingual
    return [locator, s.verified, s.instrument, list(s.urls), _text(s.note)]


def _end(end: Anchor | date | None) -> Any:
    return [end.phase, end.edge, end.offset] if isinstance(end, Anchor) else _day(end)


def _phase(p: Phase) -> list[Any]:
    return [p.key, _text(p.name), _day(p.start), _day(p.end), _source(p.source)]


def _window(w: Window, specs: tuple[WindowSpec, ...]) -> list[Any]:
    """A resolved window and the index of its spec among the rule's windows (a local schedule may
    leave some out: calendars/README.md, "Local schedules")."""
    return [_day(w.start), _day(w.end), _text(w.start_label), _text(w.end_label), specs.index(w.spec)]


def _revision(r: Revision, rules: Mapping[str, Rule]) -> list[Any]:
    windows = {rule: [_window(w, rules[rule].windows) for w in ws] for rule, ws in r.windows.items()}
    return [r.id, r.instrument, _day(r.enacted), [_phase(p) for p in r.phases.values()], _text(r.note), windows]


def _codes(codes: frozenset[str] | None) -> list[str] | None:
    return None if codes is None else sorted(codes)


def _election(e: Election, rules: Mapping[str, Rule]) -> list[Any]:
    p = e.participation
    participation: list[Any] = [_codes(p.provinces), _codes(p.regencies), _codes(p.except_provinces)]
    participation += [_codes(p.except_regencies), p.complete, _source(p.source)]
    local = [
        [
            s.id,
            s.kind,
            _text(s.name),
            list(s.regions),
            _revision(s.schedule, rules),
            _text(s.interpretation),
            _text(s.note),
        ]
        for s in e.local
    ]
    return [e.id, e.kind, _text(e.name), [_revision(r, rules) for r in e.revisions], participation, local]


def _instrument(i: Instrument) -> list[Any]:
    return [
        i.id, i.type, i.short, _text(i.title), _day(i.enacted), _day(i.in_force_from), _day(i.in_force_until),
        list(i.applies_to), list(i.urls), i.verified, i.replaced_by, i.region, _text(i.note), i.official_url,
    ]  # fmt: skip


def _rule(r: Rule) -> list[Any]:
    bases = [[b.instrument, b.locator, b.verified, b.quote, list(b.urls)] for b in r.bases]
    sanction = [_text(r.sanction.text), _source(r.sanction.source)] if r.sanction else None
    territory = [r.territory.scope, _source(r.territory.source), _text(r.territory.note)] if r.territory else None
    notes = {election: _text(note) for election, note in r.election_notes.items()}
    return [
        r.id, r.kind, _text(r.title), _text(r.summary), list(r.binds), list(r.tags), bases,
        [[_end(w.start), _end(w.end)] for w in r.windows], r.always, _text(r.interpretation), sanction,
        territory, notes,
    ]  # fmt: skip


def _reporting(c: ReportingChannel) -> list[Any]:
    return [c.id, _text(c.name), list(c.handles), _day(c.start), _day(c.end), _source(c.source), c.url, _text(c.note)]


def _announced(a: Announced) -> list[Any]:
    facts = [[_text(f.text), _source(f.source)] for f in a.facts]
    held = [a.held_by, _source(a.held_by_source)] if a.held_by is not None and a.held_by_source else None
    return [a.id, a.kind, _text(a.name), _day(a.announced), _source(a.source), facts, a.after, _text(a.note), held]


def _to_announced(value: Any) -> Announced:
    ident, kind, name, announced, source, facts, after, note, held = _list(value, 9)
    if kind not in ("pilkada", "pemilu"):
        raise SnapshotError(f"unknown election kind {kind!r}")
    found = tuple(Fact(_to_text(t), _to_source(s)) for t, s in map(lambda f: _list(f, 2), _list(facts)))
    return Announced(
        _str(ident), kind, _to_text(name), _to_day(announced), _to_source(source), found, _opt_str(after),
        _opt_text(note), *_to_held_by(held),
    )  # fmt: skip


def _to_held_by(value: Any) -> tuple[int | None, Source | None]:
    if value is None:
        return None, None
    year, source = _list(value, 2)
    if not isinstance(year, int) or isinstance(year, bool):
        raise SnapshotError(f"held_by year is not an integer: {year!r}")
    return year, _to_source(source)


def dumps(catalog: Catalog) -> bytes:
    """The snapshot file's bytes: header line, body line."""
    body = {
        "elections": [_election(e, catalog.rules) for e in catalog.elections.values()],
        "instruments": [_instrument(i) for i in catalog.instruments.values()],
        "rules": [_rule(r) for r in catalog.rules.values()],
        "phase_names": {key: _text(name) for key, name in catalog.phase_names.items()},
        "regions": [[r.code, r.name, r.type, r.province, r.zone] for r in catalog.regions],
        "region_aliases": [[a.alias, a.code, a.source] for a in catalog.regions.aliases],
        "reporting": [_reporting(c) for c in catalog.reporting.values()],
        "content_hash": catalog.content_hash,
        "data_revised": _day(catalog.data_revised),
        "revised": catalog.revised and catalog.revised.isoformat(),
        "announced": [_announced(a) for a in catalog.announced.values()],
        "areas": [[a.id, _text(a.name), list(a.words)] for a in catalog.areas.values()],
        "activities": [
            [
                a.id,
                _text(a.name),
                a.area,
                list(a.words),
                list(a.rules),
                _text(a.note),
                a.source and _source(a.source),
                a.political,
            ]
            for a in catalog.activities.values()
        ],
        "political": [list(catalog.political.words), list(catalog.political.ordinary)],
    }
    payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return json.dumps(header(catalog.content_hash)).encode() + b"\n" + payload + b"\n"


# --- decoding: every value checked, so a well-formed but wrong file fails here, not in a request ---------------------


def _str(value: Any) -> str:
    if type(value) is not str:
        raise SnapshotError(f"expected a string, got {type(value).__name__}")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise SnapshotError(f"expected a boolean, got {type(value).__name__}")
    return value


def _list(value: Any, size: int | None = None) -> list[Any]:
    if type(value) is not list or (size is not None and len(value) != size):
        raise SnapshotError(f"expected a list of {size}, got {type(value).__name__}")
    return value


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(_str(v) for v in _list(value))


def _opt(decode: Callable[[Any], T]) -> Callable[[Any], T | None]:
    return lambda value: None if value is None else decode(value)


def _to_text(value: Any) -> Text:
    ident, en = _list(value, 2)
    return Text(_str(ident), _str(en))


def _to_day(value: Any) -> date:
    return date.fromisoformat(_str(value))


def _to_instant(value: Any) -> datetime | None:
    """A UTC time in whole seconds (revision.toml's ``revised``), or None."""
    if value is None:
        return None
    found = datetime.fromisoformat(_str(value))
    if found.utcoffset() is None or found.utcoffset() or found.microsecond:
        raise SnapshotError(f"revised is not a UTC time in whole seconds: {value!r}")
    return found.astimezone(UTC)


_opt_text, _opt_day = _opt(_to_text), _opt(_to_day)


def _to_source(value: Any) -> Source:
    locator, verified, instrument, urls, note = _list(value, 5)
    place = _str(locator) if isinstance(locator, str) else _to_text(locator)
    return Source(place, _bool(verified), _opt_str(instrument), _strs(urls), _opt_text(note))


def _to_end(value: Any) -> Anchor | date | None:
    if type(value) is list:
        phase, edge, offset = _list(value, 3)
        if edge not in ("start", "end"):
            raise SnapshotError(f"expected start or end, got {edge!r}")
        return Anchor(_str(phase), edge, _opt_str(offset))
    return _opt_day(value)


def _to_phase(value: Any) -> Phase:
    key, name, start, end, source = _list(value, 5)
    return Phase(_str(key), _to_text(name), _to_day(start), _to_day(end), _to_source(source))


def _to_revision(value: Any, rules: Mapping[str, Rule]) -> Revision:
    ident, instrument, enacted, phases, note, windows = _list(value, 6)
    if type(windows) is not dict:
        raise SnapshotError("expected the windows of each rule")
    resolved: dict[str, tuple[Window, ...]] = {}
    for rule_id, given in windows.items():
        specs = rules[rule_id].windows
        found = []
        for s, e, sl, el, index in map(lambda w: _list(w, 5), _list(given)):
            if type(index) is not int or not 0 <= index < len(specs):
                raise SnapshotError(f"window of {rule_id!r} names no window of the rule: {index!r}")
            found.append(Window(_opt_day(s), _opt_day(e), specs[index], _opt_text(sl), _opt_text(el)))
        resolved[rule_id] = tuple(found)
    by_key = {p.key: p for p in map(_to_phase, _list(phases))}
    return Revision(
        _str(ident), _str(instrument), _to_day(enacted), MappingProxyType(by_key), _opt_text(note),
        MappingProxyType(resolved),
    )  # fmt: skip


def _to_codes(value: Any) -> frozenset[str] | None:
    return None if value is None else frozenset(_strs(value))


def _to_election(value: Any, rules: Mapping[str, Rule]) -> Election:
    ident, kind, name, revisions, participation, local = _list(value, 6)
    provinces, regencies, except_provinces, except_regencies, complete, source = _list(participation, 6)
    if kind not in ("pilkada", "pemilu"):
        raise SnapshotError(f"unknown election kind {kind!r}")
    taking_part = Participation(
        _to_codes(provinces), _to_codes(regencies), frozenset(_strs(except_provinces)),
        frozenset(_strs(except_regencies)), _bool(complete), _to_source(source),
    )  # fmt: skip
    schedules = []
    for item in _list(local):
        local_id, local_kind, local_name, codes, schedule, interpretation, note = _list(item, 7)
        if local_kind not in LOCAL_KINDS:
            raise SnapshotError(f"unknown local schedule kind {local_kind!r}")
        schedules.append(
            LocalSchedule(
                _str(local_id),
                local_kind,
                _to_text(local_name),
                _strs(codes),
                _to_revision(schedule, rules),
                _to_text(interpretation),
                _opt_text(note),
            )
        )
    return Election(
        _str(ident), kind, _to_text(name), tuple(_to_revision(r, rules) for r in _list(revisions)), taking_part,
        tuple(schedules),
    )  # fmt: skip


def _to_instrument(value: Any) -> Instrument:
    ident, kind, short, title, enacted, start, until, applies, urls, verified, replaced, region, note, official = _list(
        value, 14
    )
    return Instrument(
        _str(ident), _str(kind), _str(short), _to_text(title), _to_day(enacted), _to_day(start), _opt_day(until),
        _strs(applies), _strs(urls), _bool(verified), _opt_str(replaced), _opt_str(region), _opt_text(note),
        _opt_str(official),
    )  # fmt: skip


def _to_rule(value: Any) -> Rule:
    ident, kind, title, summary, binds, tags, bases, windows, always, interpretation, sanction, territory, notes = (
        _list(value, 13)
    )
    if kind not in ("prohibition", "obligation"):
        raise SnapshotError(f"unknown rule kind {kind!r}")
    if type(notes) is not dict:
        raise SnapshotError("expected a rule's election notes")
    return Rule(
        _str(ident), kind, _to_text(title), _to_text(summary), _strs(binds), _strs(tags),
        tuple(Basis(_str(i), _str(loc), _bool(v), _opt_str(q), _strs(u)) for i, loc, v, q, u in _list(bases)),
        tuple(WindowSpec(_to_end(s), _to_end(e)) for s, e in map(lambda w: _list(w, 2), _list(windows))),
        _bool(always), _opt_text(interpretation),
        _opt(_to_sanction)(sanction), _opt(_to_territory)(territory),
        MappingProxyType({_str(k): _to_text(v) for k, v in notes.items()}),
    )  # fmt: skip


def _to_territory(value: Any) -> Territory:
    scope, source, note = _list(value, 3)
    if scope not in ("everywhere", "election_regions"):
        raise SnapshotError(f"unknown territory {scope!r}")
    return Territory(scope, _to_source(source), _opt_text(note))


def _to_reporting(value: Any) -> ReportingChannel:
    ident, name, handles, start, end, source, url, note = _list(value, 8)
    found = _strs(handles)
    if not set(found) <= {"election_offences", "asn_neutrality"}:
        raise SnapshotError(f"unknown reporting handles {found!r}")
    return ReportingChannel(
        _str(ident), _to_text(name), found, _opt_day(start), _opt_day(end), _to_source(source),  # type: ignore[arg-type]
        _opt_str(url), _opt_text(note),
    )  # fmt: skip


def _to_sanction(value: Any) -> Sanction:
    text, source = _list(value, 2)
    return Sanction(_to_text(text), _to_source(source))


def _to_region(value: Any) -> Region:
    code, name, kind, province, zone = _list(value, 5)
    if kind not in ("provinsi", "kabupaten", "kota") or zone not in ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"):
        raise SnapshotError(f"unknown region type or zone {kind!r}, {zone!r}")
    return Region(_str(code), _str(name), kind, _str(province), zone)


def _to_alias(value: Any) -> Alias:
    alias, code, source = _list(value, 3)
    return Alias(_str(alias), _str(code), _opt_str(source))


def _to_area(value: Any) -> Area:
    ident, name, words = _list(value, 3)
    return Area(_str(ident), _to_text(name), _strs(words))


def _to_activity(value: Any) -> Activity:
    ident, name, area, words, rules, note, source, political = _list(value, 8)
    if political is not None and political not in POLITICAL:
        raise SnapshotError(f"unknown political {political!r}")
    return Activity(
        _str(ident),
        _to_text(name),
        _str(area),
        _strs(words),
        _strs(rules),
        _opt_text(note),
        _opt(_to_source)(source),
        political,
    )


def _to_political(value: Any) -> PoliticalWords:
    words, ordinary = _list(value, 2)
    return PoliticalWords(_strs(words), _strs(ordinary))


def _decode(body: dict[str, Any]) -> Catalog:
    rules = {r.id: r for r in map(_to_rule, _list(body["rules"]))}
    return Catalog(
        elections=MappingProxyType({e.id: e for e in (_to_election(v, rules) for v in _list(body["elections"]))}),
        instruments=MappingProxyType({i.id: i for i in map(_to_instrument, _list(body["instruments"]))}),
        rules=MappingProxyType(rules),
        phase_names=MappingProxyType({_str(k): _to_text(v) for k, v in dict(body["phase_names"]).items()}),
        regions=Regions(
            tuple(map(_to_region, _list(body["regions"]))), tuple(map(_to_alias, _list(body["region_aliases"])))
        ),
        reporting=MappingProxyType({c.id: c for c in map(_to_reporting, _list(body["reporting"]))}),
        content_hash=_str(body["content_hash"]),
        data_revised=_to_day(body["data_revised"]),
        revised=_to_instant(body["revised"]),
        announced=MappingProxyType({a.id: a for a in map(_to_announced, _list(body["announced"]))}),
        areas=MappingProxyType({a.id: a for a in map(_to_area, _list(body["areas"]))}),
        activities=MappingProxyType({a.id: a for a in map(_to_activity, _list(body["activities"]))}),
        political=_to_political(body["political"]),
    )


def loads(data: bytes, content_hash: str | None = None) -> Catalog:
    """The catalog in a snapshot file's bytes; SnapshotError unless every check passes.

    ``content_hash``: the data version the caller expects (the folder's), or None to accept the
    snapshot's own (a server's workers load the one snapshot the parent validated).
    """
    try:
        split = data.index(b"\n")
        first, payload, rest = data[:split], data[split + 1 : -1], data[-1:] != b"\n"
        found = json.loads(first)
        expected = header(content_hash if content_hash is not None else _str(found.get("data")))
        if rest or found != expected:
            raise SnapshotError("stale or foreign snapshot (format, version, schema or data differ)")
        catalog = _decode(json.loads(payload))
        if catalog.content_hash != expected["data"]:
            raise SnapshotError("the snapshot's body names another data version")
        return catalog
    except SnapshotError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
        raise SnapshotError(f"corrupt snapshot: {type(exc).__name__}: {exc}") from None


def read(path: str, content_hash: str | None = None) -> Catalog:
    """The catalog in the snapshot file at ``path`` (see :func:`loads`); SnapshotError otherwise."""
    from neutral_timeline.catalog.folder import Unreadable, read_regular

    try:
        data = read_regular(path, MAX_BYTES)
    except Unreadable as exc:
        raise SnapshotError(f"{path} {exc.args[0]}") from None
    return loads(data, content_hash)
