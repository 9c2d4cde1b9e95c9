"""The catalog sits below the resolver and the surfaces: it imports none of them, not even lazily."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "neutral_timeline"
ABOVE = ("resolve", "render", "api", "widget", "cli", "client")
CATALOG = sorted((PACKAGE / "catalog").glob("*.py"))


def _ours(path: Path) -> set[str]:
    """Every neutral_timeline module ``path`` imports, wherever the import statement is (TYPE_CHECKING too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {name.removeprefix("neutral_timeline.") for name in found if name.startswith("neutral_timeline.")}


@pytest.mark.parametrize("path", [*CATALOG, PACKAGE / "timescope.py"], ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_catalog_and_timescope_import_nothing_above_them(path: Path) -> None:
    above = {name for name in _ours(path) if name.split(".")[0] in ABOVE}
    assert not above, f"{path.name} imports {sorted(above)}"


def test_timescope_imports_no_catalog() -> None:
    assert not {name for name in _ours(PACKAGE / "timescope.py") if name.startswith("catalog")}


def test_loading_a_catalog_loads_no_module_above_it(tmp_path: Path) -> None:
    code = (
        "import sys, neutral_timeline.catalog.load as l, neutral_timeline.catalog.store as s\n"
        "from pathlib import Path\n"
        "l.load_catalog(s.bundled_calendars()); s.load()\n"
        "print(sorted(m for m in sys.modules if m.startswith('neutral_timeline.')))\n"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env).stdout
    loaded = {name.strip("' ").removeprefix("neutral_timeline.") for name in out.strip("[]\n").split(",")}
    assert not {name for name in loaded if name.split(".")[0] in ABOVE}, loaded
