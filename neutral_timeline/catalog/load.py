"""Read calendars/, validate every file and every reference, build the Catalog or refuse it whole."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from neutral_timeline.catalog import build
from neutral_timeline.catalog.files import (
    ID_PATTERN,
    ElectionFile,
    InstrumentFile,
    PhaseNameFile,
    ReportingFile,
    RuleFile,
    known_keys,
)
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.regions import load_regions
from neutral_timeline.catalog.store import content_hash
from neutral_timeline.errors import DataError, Problem, did_you_mean

M = TypeVar("M", bound=BaseModel)

DATE_EXAMPLE = "a date written YYYY-MM-DD without quotes, e.g. 2024-11-23"


@dataclass(frozen=True)
class Files:
    """The parsed, shape-checked files of one calendars folder."""

    phases: dict[str, PhaseNameFile]
    elections: dict[str, ElectionFile]
    instruments: dict[str, InstrumentFile]
    rules: dict[str, RuleFile]
    reporting: dict[str, ReportingFile]


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
        what = f"{given!r} is not a date"
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
        what = f"{given!r} does not have the expected form"
        pattern = error.get("ctx", {}).get("pattern", "")
        expected = {
            ID_PATTERN: "lower-case letters, digits and hyphens, e.g. pkpu-2-2024",
        }.get(pattern, f"text matching {pattern}")
        if "start|end" in pattern:
            expected = '"<phase>.start" or "<phase>.end", e.g. "campaign.start"'
    elif kind in {"bool_type", "string_type", "int_type"}:
        what = f"{given!r} has the wrong type ({error['msg'].lower()})"
    elif kind == "value_error":
        what = str(error.get("ctx", {}).get("error", error["msg"]))
    return Problem(where=location, what=what, expected=expected, suggestion=suggestion)


def _read(path: Path, root: Path, model: type[M], problems: list[Problem]) -> M | None:
    where = path.relative_to(root.parent).as_posix() if root.parent != path else str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(
            Problem(
                where=where,
                what=f"not valid TOML: {exc}",
                suggestion="dates are written without quotes (2024-11-23); keys appear once",
            )
        )
        return None
    except UnicodeDecodeError as exc:
        problems.append(Problem(where=where, what=f"not UTF-8 text: {exc}"))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems.extend(_problem(where, error) for error in exc.errors())
        return None


def read_files(root: Path) -> tuple[Files, list[Problem]]:
    """Parse and shape-check every file; collect every problem rather than stop at the first."""
    problems: list[Problem] = []
    if not root.is_dir():
        raise DataError([Problem(where=str(root), what="is not a folder", expected="a calendars/ folder")])
    phases: dict[str, PhaseNameFile] = {}
    phases_path = root / "phases.toml"
    if not phases_path.exists():
        problems.append(Problem(where=str(phases_path), what="file is missing"))
    else:
        table = _read_table(phases_path, root, problems)
        for key, value in table.items():
            try:
                phases[key] = PhaseNameFile.model_validate(value)
            except ValidationError as exc:
                where = f"{root.name}/phases.toml"
                for error in exc.errors():
                    problems.append(_problem(where, {**error, "loc": (key, *error["loc"])}))
    models: dict[str, type[BaseModel]] = {
        "elections": ElectionFile,
        "instruments": InstrumentFile,
        "rules": RuleFile,
        "reporting": ReportingFile,
    }
    loaded: dict[str, dict[str, Any]] = {}
    for folder, model in models.items():
        loaded[folder] = {}
        for path in sorted((root / folder).glob("*.toml")):
            if not re.match(ID_PATTERN, path.stem):
                problems.append(
                    Problem(
                        where=f"{root.name}/{folder}/{path.name}",
                        what=f"'{path.stem}' is not a valid id (ids come from file names)",
                        expected="lower-case letters, digits and hyphens, e.g. pilkada-2024.toml",
                    )
                )
                continue
            parsed = _read(path, root, model, problems)
            if parsed is not None:
                loaded[folder][path.stem] = parsed
    files = Files(
        phases=phases,
        elections=loaded["elections"],
        instruments=loaded["instruments"],
        rules=loaded["rules"],
        reporting=loaded["reporting"],
    )
    return files, problems


def _read_table(path: Path, root: Path, problems: list[Problem]) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(Problem(where=f"{root.name}/{path.name}", what=f"not valid TOML: {exc}"))
        return {}


def _build(root: Path) -> tuple[Catalog | None, list[Problem]]:
    files, problems = read_files(root)
    try:
        regions = load_regions(root / "regions" / "regions.csv")
    except DataError as exc:
        return None, [*problems, *exc.problems]
    if problems:
        return None, problems
    return build.build(files, regions, root.name, content_hash(root))


def check(root: Path) -> list[Problem]:
    """Every problem in a calendars folder (empty when it is valid)."""
    return _build(root)[1]


def load_catalog(root: Path) -> Catalog:
    """The validated catalog, or DataError listing every problem; nothing half-loaded."""
    catalog, problems = _build(root)
    if problems or catalog is None:
        raise DataError(problems)
    return catalog


__all__ = ["check", "load_catalog"]
