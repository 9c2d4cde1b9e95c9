"""The catalog cache: plain JSON keyed by the data's bytes; never stale, never code, never trusted blindly."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from neutral_timeline.catalog import snapshot, store
from neutral_timeline.catalog.load import load_catalog
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.errors import DataError

MINI = Path(__file__).parents[1] / "data" / "mini"
RULE = "rules/six-months.toml"


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    copy = tmp_path / "calendars"
    shutil.copytree(MINI, copy)
    return copy.resolve()


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "neutral-timeline"


def _cache_file(root: Path, cache: Path) -> Path:
    return cache / store.cache_name(root, store.content_hash(root))[1]


def _same_size_and_mtime(path: Path, old: str, new: str) -> None:
    """Edit ``path`` keeping its size and modification time: what a size+mtime stamp cannot see."""
    assert len(old.encode()) == len(new.encode())
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size and path.stat().st_mtime_ns == info.st_mtime_ns


def test_the_cache_is_used_while_the_bytes_are_the_same(root: Path, cache: Path) -> None:
    first = store.load(root)
    (written,) = cache.glob("*.json")
    assert written == _cache_file(root, cache)
    # Prove the second load reads the cache: a change made in the cache file shows.
    written.write_bytes(written.read_bytes().replace(b"Pasal 71 ayat (3)", b"Pasal 71 ayat (9)"))
    second = store.load(root)
    assert second.rules["six-months"].bases[0].locator == "Pasal 71 ayat (9)"
    assert second.content_hash == first.content_hash


def test_an_edit_keeping_size_and_mtime_is_seen(root: Path, cache: Path) -> None:
    first = store.load(root)
    _same_size_and_mtime(root / RULE, "Pasal 71 ayat (3)", "Pasal 71 ayat (5)")
    changed = store.load(root)
    assert changed.content_hash != first.content_hash
    assert changed.rules["six-months"].bases[0].locator == "Pasal 71 ayat (5)"
    assert [p.name for p in cache.glob("*.json")] == [_cache_file(root, cache).name]  # the old one is pruned


def test_an_invalid_edit_is_never_hidden_by_the_cache(root: Path, cache: Path) -> None:
    store.load(root)
    _same_size_and_mtime(root / RULE, 'offset = "-P6M"', 'offset = "-P6X"')
    with pytest.raises(DataError, match="not a signed ISO 8601 duration"):
        store.load(root)


def test_garbage_in_the_cache_is_rebuilt(root: Path, cache: Path) -> None:
    path = _cache_file(root, cache)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\xffnot json at all\n{")
    assert store.load(root).rules["six-months"].bases[0].locator == "Pasal 71 ayat (3)"
    assert snapshot.read(str(path)).content_hash == store.content_hash(root)  # rewritten whole


class _Trap:
    """Unpickling this would run os.mkdir(marker): a cache must never execute it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.mkdir, (str(self.marker),)


def test_a_planted_pickle_never_runs(root: Path, cache: Path, tmp_path: Path) -> None:
    marker = tmp_path / "code-ran"
    payload = pickle.dumps(_Trap(marker))
    cache.mkdir(parents=True)
    _cache_file(root, cache).write_bytes(payload)
    (cache / f"{store.cache_name(root, store.content_hash(root))[0]}-0.pickle").write_bytes(payload)
    catalog = store.load(root)
    assert not marker.exists()
    assert "six-months" in catalog.rules
    assert not list(cache.glob("*.pickle"))  # the old format is pruned


def test_a_well_formed_snapshot_from_other_data_or_code_is_refused(root: Path, cache: Path) -> None:
    good = snapshot.dumps(load_catalog(root))
    head, body = good.split(b"\n", 1)
    for bad_head in (
        head.replace(b'"format": 2', b'"format": 1'),
        head.replace(b'"version": "', b'"version": "0.0.0-'),
        head.replace(b"Source:locator", b"Source:place"),
    ):
        assert bad_head != head
        with pytest.raises(snapshot.SnapshotError, match="stale or foreign"):
            snapshot.loads(bad_head + b"\n" + body)
    with pytest.raises(snapshot.SnapshotError):
        snapshot.loads(good, content_hash="0" * 64)  # another data version than the folder's
    with pytest.raises(snapshot.SnapshotError):
        snapshot.loads(head + b"\n" + body.replace(b'"prohibition"', b"42", 1))  # a value of the wrong type


def test_a_fifo_in_place_of_the_cache_does_not_hang(root: Path, cache: Path) -> None:
    cache.mkdir(parents=True)
    os.mkfifo(_cache_file(root, cache))
    with pytest.raises(snapshot.SnapshotError, match="named pipe"):
        snapshot.read(str(_cache_file(root, cache)))
    assert "six-months" in store.load(root).rules


def _same(a: Catalog, b: Catalog) -> None:
    assert a.content_hash == b.content_hash and a.data_revised == b.data_revised and a.revised == b.revised
    assert dict(a.elections) == dict(b.elections)
    assert dict(a.instruments) == dict(b.instruments)
    assert dict(a.rules) == dict(b.rules)
    assert dict(a.phase_names) == dict(b.phase_names)
    assert a.regions.regions == b.regions.regions


def test_a_snapshot_round_trips_the_bundled_catalog(catalog: Catalog) -> None:
    copy = snapshot.loads(snapshot.dumps(catalog), catalog.content_hash)
    _same(copy, catalog)
    assert copy.revised is not None and copy.revised.tzinfo is not None  # calendars/revision.toml is current
    election = next(iter(copy.elections.values()))
    rule_id, windows = next(iter(election.latest.windows.items()))
    assert windows[0].spec is copy.rules[rule_id].windows[0]  # shared as when built


def test_a_cached_start_imports_neither_pydantic_nor_pendulum(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from neutral_timeline.cli import main\n"
        "main(['today', '--date', '2024-11-20', '--lang', 'en'])\n"
        "print([m for m in ('pydantic', 'pendulum', 'tomllib', 'neutral_timeline.catalog.load') if m in sys.modules])\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, env=env)  # fills the cache
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env).stdout
    assert out.strip().splitlines()[-1] == "[]", out
