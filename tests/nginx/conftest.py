"""The app (`neutral-timeline serve`) and Debian's nginx in front of it with deploy/nginx's config,
over an export of a copy of the mini catalog: real processes on loopback ports. Two stacks over a
copy stamped by `neutral-timeline revise` (a current revision.toml: Last-Modified): the default
export (plain files and .gz siblings) and a `--gzip-only` one (nginx: gzip_static always, gunzip on);
and one over a copy edited after `revise` (a stale stamp: no Last-Modified anywhere)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.serving import configure_nginx, free_port, program, running_nginx, serving

MINI = Path(__file__).parents[1] / "data" / "mini"
REQUIRED = os.environ.get("NEUTRAL_TIMELINE_REQUIRE_PARSERS") == "1"  # set by `make test`


def need(name: str, package: str, found: str | None = None) -> str:
    """A Debian program (or file) the tests run; `make nginx` installs it. Missing: a failure under
    `make test`, else a skip that says so (pytest -ra lists it)."""
    found = found or program(name)
    if found:
        return found
    message = f"{name} is missing: run `make nginx` (Debian package {package})"
    if REQUIRED:
        pytest.fail(message)
    pytest.skip(message)


@dataclass(frozen=True)
class Stack:
    app: str  # the app, straight
    nginx: str  # nginx in front of it
    export: Path
    manifest: dict[str, Any]
    conf: Path
    layout: str  # "default" or "gzip-only"
    data: Path  # the calendars folder the app serves and the export was made from
    stamped: bool  # whether its revision.toml is current


def export(data: Path, out: Path, public_url: str, cache: Path, *options: str) -> dict[str, Any]:
    """`neutral-timeline export` as an operator runs it, with the app's public URL; its manifest."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "NEUTRAL_TIMELINE_PUBLIC_URL": public_url}
    command = [sys.executable, "-m", "neutral_timeline", "export", str(out), "--data", str(data), "--quiet"]
    command += options
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}"
    manifest: dict[str, Any] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return manifest


@pytest.fixture(scope="session")
def nginx_program() -> str:
    return need("nginx", "nginx")


def revise(data: Path) -> None:
    """`neutral-timeline revise` as a maintainer runs it after editing calendars/."""
    command = [sys.executable, "-m", "neutral_timeline", "revise", "--calendars", str(data)]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0 and (data / "revision.toml").is_file(), f"{done.stdout}{done.stderr}"


def calendars(root: Path, stamped: bool) -> Path:
    """A copy of the mini catalog stamped by `revise`; with ``stamped`` False, edited afterwards (stale)."""
    data = Path(shutil.copytree(MINI, root / "calendars"))
    revise(data)
    if not stamped:  # a data fix committed without `revise`
        rule = data / "rules" / "party-member.toml"
        rule.write_text(rule.read_text(encoding="utf-8").replace("Party", "Political party", 1), encoding="utf-8")
    return data


def running_stack(nginx_program: str, root: Path, layout: str, *options: str, stamped: bool = True) -> Iterator[Stack]:
    port = free_port()
    public = f"http://127.0.0.1:{port}"  # what nginx answers on: the app builds every link from it
    data = calendars(root, stamped)
    with serving(data, root / "xdg", public_url=public) as app:
        manifest = export(data, root / "export", public, root / "xdg", *options)
        conf = configure_nginx(root / "export", app.removeprefix("http://"), port, public, root / "conf")
        with running_nginx(nginx_program, conf, port) as url:
            yield Stack(app, url, root / "export", manifest, conf, layout, data, stamped)


@pytest.fixture(scope="session")
def stack(nginx_program: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The default export: plain files and .gz siblings."""
    yield from running_stack(nginx_program, tmp_path_factory.mktemp("nginx"), "default")


@pytest.fixture(scope="session")
def gzip_only_stack(nginx_program: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """`export --gzip-only`, smaller (one reminder preset): configure.py reads the layout from its manifest."""
    root = tmp_path_factory.mktemp("nginx-gzip-only")
    yield from running_stack(nginx_program, root, "gzip-only", "--gzip-only", "--presets", "standard")


@pytest.fixture(scope="session")
def stale_stack(nginx_program: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The default layout over data edited after its last `revise`: no Last-Modified on either side."""
    root = tmp_path_factory.mktemp("nginx-stale")
    yield from running_stack(nginx_program, root, "default", "--presets", "standard", stamped=False)


@pytest.fixture(scope="session", params=["default", "gzip-only"])
def each_stack(request: pytest.FixtureRequest) -> Stack:
    """Both layouts, for the tests that compare exported answers."""
    found: Stack = request.getfixturevalue("stack" if request.param == "default" else "gzip_only_stack")
    return found
