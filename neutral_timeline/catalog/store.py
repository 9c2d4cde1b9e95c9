"""Where the bundled calendars live, and a disk cache of the validated catalog for fast starts."""

from __future__ import annotations

import copyreg
import os
import pickle
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType

from neutral_timeline.catalog.model import Catalog

CACHE_FORMAT = "2"  # 2: Catalog.reporting, Rule.territory
FOLDERS = ("elections", "instruments", "rules", "reporting")


def _mappingproxy(items: dict[object, object]) -> MappingProxyType[object, object]:
    return MappingProxyType(items)


def _reduce_mappingproxy(value: MappingProxyType[object, object]) -> tuple[object, tuple[dict[object, object]]]:
    return _mappingproxy, (dict(value),)


copyreg.pickle(MappingProxyType, _reduce_mappingproxy)  # type: ignore[arg-type]


def data_files(root: Path) -> Iterator[Path]:
    """Every data file, in a stable order."""
    phases = root / "phases.toml"
    if phases.exists():
        yield phases
    for folder in FOLDERS:
        yield from sorted((root / folder).glob("*.toml"))
    regions = root / "regions" / "regions.csv"
    if regions.exists():
        yield regions


def content_hash(root: Path) -> str:
    """sha256 over every data file's relative path and bytes."""
    import hashlib  # only when validating: a cached start never hashes

    digest = hashlib.sha256()
    for path in data_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def bundled_calendars() -> Path:
    """The calendars shipped in the wheel, or the checkout's calendars/ in development."""
    packaged = Path(__file__).resolve().parent.parent / "calendars"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "calendars"


def _cache_dir() -> Path | None:
    if os.environ.get("NEUTRAL_TIMELINE_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "neutral-timeline"


CODE = ("model.py", "regions.py", "../text.py", "../record.py")  # what defines the pickled classes


def _stamp(root: Path) -> str:
    """What the cache must match: the data files and the code that defines the pickled classes,
    each by size and modification time (as Python's own .pyc files are), plus the version.
    Cheap: no file is read, so the CLI starts without hashing anything."""
    from neutral_timeline import __version__

    here = Path(__file__).resolve().parent
    lines = [str(root), __version__, CACHE_FORMAT]
    for path in [*data_files(root), *(here / name for name in CODE)]:
        stat = path.stat()
        lines.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(lines)


def load(root: Path | None = None) -> Catalog:
    """The catalog of ``root`` (default: bundled), from the cache when nothing it was built from changed.

    The cache file stores its stamp (every data file's and class-defining module's size and
    modification time, and the package version) and is used only when the stamp matches
    exactly; anything else validates the files again. A missing or unwritable cache only costs time.
    """
    root = (root or bundled_calendars()).resolve()
    stamp = _stamp(root)
    cache = _cache_dir()
    path = cache / f"{zlib.crc32(stamp.encode()):08x}-{len(stamp)}.pickle" if cache else None
    if path is not None and path.exists():
        try:
            with path.open("rb") as handle:
                cached_stamp, cached = pickle.load(handle)
            if cached_stamp == stamp and isinstance(cached, Catalog):
                return cached
        except Exception:  # a corrupt or stale cache file is rebuilt, never trusted
            pass
    from neutral_timeline.catalog.load import load_catalog

    catalog = load_catalog(root)
    if path is not None:
        import tempfile  # only when writing the cache

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as temporary:
                pickle.dump((stamp, catalog), temporary, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary.name, path)
        except (OSError, pickle.PicklingError):
            pass  # no cache: the next start validates again
    return catalog
