"""Where the bundled calendars live, and a disk cache of the validated catalog for fast starts.

The cache is a snapshot (plain JSON, see ``snapshot.py``: loading it runs no code) named by a
sha256 over the cache format, the package version, the record schema and every data file's
path and bytes. Every start reads and hashes the data files (about a millisecond for the bundled
calendars), so an edit is always seen, whatever the files' sizes and modification times say.
"""

from __future__ import annotations

import os
from pathlib import Path

from neutral_timeline.catalog import snapshot
from neutral_timeline.catalog.folder import bundled_calendars, data_files, read_folder
from neutral_timeline.catalog.model import Catalog

SNAPSHOT_ENV = "NEUTRAL_TIMELINE_SNAPSHOT"  # a server's workers load this snapshot, never the folder


def _cache_dir() -> Path | None:
    if os.environ.get("NEUTRAL_TIMELINE_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "neutral-timeline"


def _hex(text: str) -> str:
    from neutral_timeline.catalog.folder import sha256

    digest = sha256()
    digest.update(text.encode())
    return str(digest.hexdigest())


def snapshot_name(content_hash: str) -> str:
    """The file name of this data version's snapshot, as this code writes it (format, version, schema, data)."""
    return _hex("\n".join(str(v) for v in snapshot.header(content_hash).values()))[:32] + ".json"


def cache_name(root: Path, content_hash: str) -> tuple[str, str]:
    """(prefix shared by every cache of ``root``, file name of this data version's cache)."""
    prefix = _hex(str(root))[:16]
    return prefix, f"{prefix}-{snapshot_name(content_hash)}"


def load(root: Path | None = None) -> Catalog:
    """The catalog of ``root`` (default: bundled), from the cache when one was made from the same bytes.

    The files are read and hashed at every call; only the validation is saved. A missing,
    corrupt, planted or stale cache file is rebuilt; an unwritable cache only costs time.
    """
    root = Path(os.path.realpath(root or bundled_calendars()))  # Path.resolve raises on a symlink loop
    folder = read_folder(root)
    content_hash = folder.digest()
    cache = _cache_dir()
    prefix, name = cache_name(root, content_hash)
    if cache is not None and not folder.problems:
        try:
            return snapshot.read(str(cache / name), content_hash)
        except snapshot.SnapshotError:
            pass  # rebuilt below
    from neutral_timeline.catalog.load import build_catalog

    catalog = build_catalog(folder)
    if cache is not None:
        try:
            write(catalog, cache / name)
        except OSError:
            return catalog  # no cache: the next start validates again
        for old in [*cache.glob(f"{prefix}-*.json"), *cache.glob("*.pickle")]:  # older versions of this folder
            if old.name != name:
                old.unlink(missing_ok=True)
    return catalog


def write(catalog: Catalog, path: Path) -> Path:
    """Write ``catalog``'s snapshot to ``path`` atomically (readers see the old file or the whole new one)."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", suffix=".json", delete=False) as temporary:
        try:
            temporary.write(snapshot.dumps(catalog))
        except BaseException:
            os.unlink(temporary.name)
            raise
    os.chmod(temporary.name, 0o644)
    os.replace(temporary.name, path)
    return path


def serving_snapshot(catalog: Catalog) -> Path:
    """Write ``catalog`` (validated once, by the caller) as the immutable snapshot a server's workers load.

    Named by the data's content hash and the code's version, so a running server's file is never
    replaced by other data: a worker that restarts after the folder was edited or broken still
    loads the version the server started with. Kept apart from the cache, whose pruning would
    remove it; under the user's cache folder (not /tmp, which may be cleaned while a server runs).
    """
    import tempfile

    cache = _cache_dir()  # without one, a private folder of this server's own
    base = cache / "served" if cache else Path(tempfile.mkdtemp(prefix="neutral-timeline-served-"))
    path = base / snapshot_name(catalog.content_hash)
    try:
        if snapshot.read(str(path), catalog.content_hash).content_hash == catalog.content_hash:
            return path  # the same bytes, written by an earlier start
    except snapshot.SnapshotError:
        pass
    write(catalog, path)
    os.chmod(path, 0o444)
    return path


def content_hash(root: Path) -> str:
    """sha256 over every data file's relative path and bytes: the data version."""
    return read_folder(root).digest()


__all__ = ["SNAPSHOT_ENV", "bundled_calendars", "content_hash", "data_files", "load", "serving_snapshot", "write"]
