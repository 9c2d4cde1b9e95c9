"""The flow stays visible: engine folders import no surface library and never read the clock."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "neutral_timeline"
SURFACE_LIBS = {"fastapi", "starlette", "uvicorn", "httpx", "rich"}
ENGINE = sorted((PACKAGE / "catalog").glob("*.py")) + sorted((PACKAGE / "resolve").glob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", ENGINE, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_engine_imports_no_surface_library(path: Path) -> None:
    assert not (_imports(path) & SURFACE_LIBS)


@pytest.mark.parametrize("path", sorted((PACKAGE / "resolve").glob("*.py")), ids=lambda p: p.name)
def test_resolver_has_no_clock_and_no_io(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    assert not calls & {"now", "today", "utcnow", "time", "open", "read_text", "read_bytes"}
    assert not _imports(path) & {"time", "os", "pathlib", "zoneinfo"}
