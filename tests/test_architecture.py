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


# The layers, bottom to top: what each package folder may never import (directly or lazily).
SURFACES = {"neutral_timeline.api", "neutral_timeline.widget", "neutral_timeline.cli", "neutral_timeline.client"}
SURFACES |= {"neutral_timeline.local", "neutral_timeline.__main__"}
FORBIDDEN = {
    "catalog": {"neutral_timeline.resolve", "neutral_timeline.render"} | SURFACES,
    "resolve": {"neutral_timeline.render"} | SURFACES,
    "render": SURFACES,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_imports(path: Path) -> set[str]:
    """Every neutral_timeline module ``path`` imports at run time (lazy imports included,
    ``if TYPE_CHECKING:`` blocks excluded: they never run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("neutral_timeline"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("neutral_timeline"):
            found.add(node.module)
            # ``from neutral_timeline.render import json`` imports the module render.json
            found.update(
                f"{node.module}.{a.name}"
                for a in node.names
                if (PACKAGE.parent / node.module.replace(".", "/") / f"{a.name}.py").exists()
            )
    return found


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layers_import_only_downwards(layer: str) -> None:
    wrong = {
        f"{name} imports {target}"
        for name, path in MODULES.items()
        if name.startswith(f"neutral_timeline.{layer}")
        for target in _package_imports(path)
        if any(target == f or target.startswith(f + ".") for f in FORBIDDEN[layer])
    }
    assert not wrong


def _graph() -> dict[str, set[str]]:
    return {name: {t for t in _package_imports(path) if t in MODULES and t != name} for name, path in MODULES.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, or None (depth-first search with colours)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_inside_the_package() -> None:
    # Package __init__ modules import nothing of their children, so edges to them are real.
    assert _cycle(_graph()) is None


def test_the_cycle_check_can_fail() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
