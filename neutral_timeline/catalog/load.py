"""Read calendars/, validate every file and every reference, build the Catalog or refuse it whole."""

from __future__ import annotations

import re
import reprlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from neutral_timeline.catalog import build, revision, tomlfile
from neutral_timeline.catalog.files import (
    ID_PATTERN,
    ActivitiesFile,
    AnnouncedFile,
    ElectionFile,
    InstrumentFile,
    PhaseNameFile,
    ReportingFile,
    RuleFile,
    StampFile,
    known_keys,
)
from neutral_timeline.catalog.folder import (
    ACTIVITIES,
    PHASES,
    REGION_ALIASES,
    REGIONS,
    REVISION,
    Folder,
    Unreadable,
    decode,
    read_folder,
)
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.regions import parse_aliases, parse_regions
from neutral_timeline.errors import DataError, Problem, did_you_mean

M = TypeVar("M", bound=BaseModel)

DATE_EXAMPLE = tomlfile.DATE_EXAMPLE
MAX_PER_FILE = 50  # problems listed per file: a file of 25,000 unknown keys is one mistake, not 25,000
_shown = reprlib.Repr()
_shown.maxlevel, _shown.maxstring, _shown.maxother = 2, 60, 60


@dataclass(frozen=True)
class Files:
    """The parsed, shape-checked files of one calendars folder."""

    phases: dict[str, PhaseNameFile]
    elections: dict[str, ElectionFile]
    instruments: dict[str, InstrumentFile]
    rules: dict[str, RuleFile]
    reporting: dict[str, ReportingFile]
    announced: dict[str, AnnouncedFile] = field(default_factory=dict)
    activities: ActivitiesFile | None = None  # activities.toml, when the folder has one
    stamp: StampFile | None = None  # revision.toml, when the folder has one that parses


def _key_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part.startswith(("function-", "tagged-union")):
            continue
        else:
            text += ("." if text else "") + part
    return text


def _problem(where: str, error: Any) -> Problem:
    kind = error["type"]
    path = _key_path(tuple(error["loc"]))
    location = f"{where}: {path}" if path else where
    given = error.get("input")
    expected: str | None = None
    suggestion: str | None = None
    what = error["msg"]
    if kind.startswith("date"):
        what = f"{_shown.repr(given)} is not a date"
        expected = DATE_EXAMPLE
        if isinstance(given, str):
            suggestion = "remove the quotes around the date"
    elif kind == "missing":
        what = "required key is missing"
    elif kind == "extra_forbidden":
        key = str(error["loc"][-1])
        what = f"unknown key '{key}'"
        guess = did_you_mean(key, known_keys())
        suggestion = f"did you mean '{guess}'?" if guess else "see calendars/README.md for the keys"
    elif kind == "string_pattern_mismatch":
        what = f"{_shown.repr(given)} does not have the expected form"
        pattern = error.get("ctx", {}).get("pattern", "")
        expected = {
            ID_PATTERN: "lower-case letters, digits and hyphens, e.g. pkpu-2-2024",
        }.get(pattern, f"text matching {pattern}")
        if "start|end" in pattern:
            expected = '"<phase>.start" or "<phase>.end", e.g. "campaign.start"'
    elif kind in {"bool_type", "string_type", "int_type"}:
        what = f"{_shown.repr(given)} has the wrong type ({error['msg'].lower()})"
    elif kind == "value_error":
        what = str(error.get("ctx", {}).get("error", error["msg"]))
    return Problem(where=location, what=what, expected=expected, suggestion=suggestion)


def _table(folder: Folder, relative: str, problems: list[Problem]) -> dict[str, Any] | None:
    """The TOML table of one data file, or None with its problems added."""
    where = folder.where(relative)
    try:
        text = decode(folder.files[relative])
    except Unreadable as fault:
        problems.append(Problem(where, *fault.args))
        return None
    table, found = tomlfile.parse(where, text)
    problems.extend(found)
    return table


def _validate(where: str, raw: dict[str, Any], model: type[M], problems: list[Problem]) -> M | None:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()
        problems.extend(_problem(where, error) for error in errors[:MAX_PER_FILE])
        if len(errors) > MAX_PER_FILE:
            more = f"{len(errors) - MAX_PER_FILE} more problems in this file are not listed"
            problems.append(Problem(where, more, suggestion="fix the ones above and validate again"))
        return None


def read_files(folder: Folder) -> tuple[Files, list[Problem]]:
    """Parse and shape-check every file; collect every problem rather than stop at the first."""
    problems: list[Problem] = list(folder.problems)
    phases: dict[str, PhaseNameFile] = {}
    if PHASES in folder.files:
        for key, value in (_table(folder, PHASES, problems) or {}).items():
            try:
                phases[key] = PhaseNameFile.model_validate(value)
            except ValidationError as exc:
                for error in exc.errors():
                    problems.append(_problem(folder.where(PHASES), {**error, "loc": (key, *error["loc"])}))
    models: dict[str, type[BaseModel]] = {
        "elections": ElectionFile,
        "instruments": InstrumentFile,
        "rules": RuleFile,
        "reporting": ReportingFile,
        "announced": AnnouncedFile,
    }
    loaded: dict[str, dict[str, Any]] = {name: {} for name in models}
    for relative in folder.files:
        kind, _, name = relative.rpartition("/")
        if kind not in models:
            continue
        ident = name.removesuffix(".toml")
        if not re.match(ID_PATTERN, ident):
            problems.append(
                Problem(
                    where=folder.where(relative),
                    what=f"'{ident}' is not a valid id (ids come from file names)",
                    expected="lower-case letters, digits and hyphens, e.g. pilkada-2024.toml",
                )
            )
            continue
        raw = _table(folder, relative, problems)
        parsed = _validate(folder.where(relative), raw, models[kind], problems) if raw is not None else None
        if parsed is not None:
            loaded[kind][ident] = parsed
    activities = None
    if ACTIVITIES in folder.files:
        raw = _table(folder, ACTIVITIES, problems)
        activities = _validate(folder.where(ACTIVITIES), raw, ActivitiesFile, problems) if raw is not None else None
    stamp, found = read_stamp(folder)
    problems.extend(found)
    files = Files(
        phases=phases,
        elections=loaded["elections"],
        instruments=loaded["instruments"],
        rules=loaded["rules"],
        reporting=loaded["reporting"],
        announced=loaded["announced"],
        activities=activities,
        stamp=stamp,
    )
    return files, problems


def read_stamp(folder: Folder) -> tuple[StampFile | None, list[Problem]]:
    """revision.toml (catalog/revision.py), or None: absent, or not as revise writes it (its problems)."""
    if REVISION not in folder.files:
        return None, []
    problems: list[Problem] = []
    raw = _table(folder, REVISION, problems)
    stamp = _validate(folder.where(REVISION), raw, StampFile, problems) if raw is not None else None
    again = f"write it again: {revision.command(folder.root)}"
    return stamp, [Problem(p.where, p.what, p.expected, p.suggestion or again) for p in problems]


def _build(folder: Folder) -> tuple[Catalog | None, list[Problem]]:
    files, problems = read_files(folder)
    regions = None
    if REGIONS in folder.files:
        try:
            regions = parse_regions(decode(folder.files[REGIONS]), folder.where(REGIONS))
        except Unreadable as fault:
            return None, [*problems, Problem(folder.where(REGIONS), *fault.args)]
        except DataError as exc:
            return None, [*problems, *exc.problems]
        try:
            if REGION_ALIASES in folder.files:
                regions = parse_aliases(decode(folder.files[REGION_ALIASES]), folder.where(REGION_ALIASES), regions)
        except Unreadable as fault:
            return None, [*problems, Problem(folder.where(REGION_ALIASES), *fault.args)]
        except DataError as exc:
            return None, [*problems, *exc.problems]
    if problems or regions is None:
        return None, problems
    revised = revision.current(files.stamp, folder)
    return build.build(files, regions, folder.name, folder.digest(), revised)


def validate_without_stamp(folder: Folder) -> list[Problem]:
    """Every problem of the folder but those of revision.toml (which revise writes anew)."""
    where = folder.where(REVISION)
    return [p for p in _build(folder)[1] if p.where != where and not p.where.startswith(where + ":")]


def check(root: Path) -> list[Problem]:
    """Every problem in a calendars folder (empty when it is valid)."""
    return _build(read_folder(root))[1]


def build_catalog(folder: Folder) -> Catalog:
    """The validated catalog of files already read, or DataError listing every problem."""
    catalog, problems = _build(folder)
    if problems or catalog is None:
        raise DataError(problems)
    return catalog


def load_catalog(root: Path) -> Catalog:
    """The validated catalog, or DataError listing every problem; nothing half-loaded."""
    return build_catalog(read_folder(root))


__all__ = ["build_catalog", "check", "load_catalog"]
