"""The data folder on disk: which files are data, read safely (regular files inside it, size-capped), hashed.

Every read of ``calendars/`` goes through :func:`read_folder`, so the loader, the content hash and
the cache all see the same bytes. Nothing here blocks or follows a path out of the folder: a FIFO,
a device, a directory or a symlink loop named ``x.toml`` is reported, never opened.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

from neutral_timeline.errors import Problem

FOLDERS = ("elections", "announced", "instruments", "rules", "reporting")
PHASES = "phases.toml"
ACTIVITIES = "activities.toml"  # optional: the activity check's vocabulary
REGIONS = "regions/regions.csv"
REGION_ALIASES = "regions/aliases.csv"  # optional: other names people type for a region
REVISION = "revision.toml"  # optional: when the other files last changed (catalog/revision.py)
MAX_BYTES = 2 * 1024 * 1024  # the largest file (regions.csv) is ~30 KiB
BOM = b"\xef\xbb\xbf"

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class Folder:
    """The data files of one folder as read once: bytes per relative path, and what could not be read."""

    __slots__ = ("files", "name", "problems", "root")

    def __init__(self, root: Path, files: dict[str, bytes], problems: list[Problem]) -> None:
        self.root = root
        self.name = os.path.basename(os.path.realpath(root))  # "calendars", also when given as "."
        self.files = files  # relative path -> bytes, in data_files order
        self.problems = problems

    def where(self, relative: str) -> str:
        """How messages name a file: ``calendars/elections/pilkada-2024.toml``."""
        return f"{self.name}/{relative}"

    def digest(self, without: str | None = None) -> str:
        """sha256 over every data file's relative path and bytes, and every unreadable file's name.

        A folder with problems also hashes each problem, so its digest differs from any folder
        whose files all read (and a cache of a valid folder can never stand in for it).
        ``without``: a file left out (revision.toml, whose ``content`` is this digest without it).
        """
        digest = sha256()
        for relative, data in self.files.items():
            if relative == without:
                continue
            digest.update(relative.encode() + b"\0")
            digest.update(data)  # no copy of the data to append its separator
            digest.update(b"\0")
        for problem in self.problems:
            if without is None or problem.where != self.where(without):
                digest.update(b"\0unreadable\0" + str(problem).encode())
        return str(digest.hexdigest())


def sha256() -> Any:
    """A new sha256 hash object, without importing hashlib on CPython 3.11 (it loads OpenSSL: ~3 ms
    of every cold start, against ~0.5 ms to hash the bundled data with the builtin module)."""
    try:
        from _sha256 import sha256 as new  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - Python 3.12 renamed it; hashlib always works
        from hashlib import sha256 as new
    return new()


def data_files(root: Path) -> list[str]:
    """The relative path of every data file, in a stable order (the folders' listings, sorted)."""
    names = [PHASES]
    for folder in FOLDERS:
        try:
            with os.scandir(root / folder) as entries:
                names.extend(sorted(f"{folder}/{e.name}" for e in entries if e.name.endswith(".toml")))
        except OSError:
            continue  # a missing folder holds no files; read_folder says why it cannot be listed
    if os.path.lexists(root / ACTIVITIES):
        names.append(ACTIVITIES)
    names.append(REGIONS)
    if os.path.lexists(root / REGION_ALIASES):
        names.append(REGION_ALIASES)
    if os.path.lexists(root / REVISION):
        names.append(REVISION)
    return names


def read_folder(root: Path) -> Folder:
    """Every data file's bytes, and a located problem for each one that cannot be read safely."""
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    real_root = os.path.realpath(root)
    if not os.path.isdir(real_root):
        what = "is not a folder" if os.path.lexists(root) else "does not exist"
        problems.append(Problem(where=str(root), what=what, expected="a calendars/ folder"))
        return Folder(root, files, problems)
    for folder in FOLDERS:
        path = root / folder
        if os.path.lexists(path) and not os.path.isdir(path):
            problems.append(
                Problem(
                    f"{os.path.basename(real_root)}/{folder}",
                    "is not a folder",
                    f"a folder of {folder[:-1]} files, e.g. x.toml",
                )
            )
    for relative in data_files(root):
        try:
            files[relative] = read_file(root, real_root, relative)
        except Unreadable as fault:
            problems.append(Problem(f"{os.path.basename(real_root)}/{relative}", *fault.args))
    return Folder(root, files, problems)


class Unreadable(Exception):
    """(what, expected, suggestion) of a file that is not read."""


def read_file(root: Path, real_root: str, relative: str) -> bytes:
    """The bytes of one regular file inside ``real_root``, at most MAX_BYTES, opened without blocking."""
    path = os.path.join(root, relative)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise Unreadable("file is missing", None, None) from None
    except OSError as exc:
        raise Unreadable(f"cannot be read: {exc.strerror}", None, None) from None
    if stat.S_ISLNK(info.st_mode):
        target = os.readlink(path)
        try:
            info = os.stat(path)
        except OSError as exc:
            what = "is a symbolic link loop" if exc.errno == errno.ELOOP else ""
            what = what or f"is a symbolic link to '{target}', which does not exist"
            raise Unreadable(what, "a regular file", "replace the link with the file itself") from None
        real = os.path.realpath(path)
        if os.path.commonpath([real_root, real]) != real_root:
            raise Unreadable(
                f"is a symbolic link to '{real}', outside the data folder",
                "a regular file inside the data folder",
                "copy the file into the folder instead of linking to it",
            )
    _check_kind(info, MAX_BYTES)
    return read_regular(path, MAX_BYTES)


def read_regular(path: str, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit``; Unreadable for anything else.

    Checks the kind before opening (a FIFO is never opened) and again on what was opened (the
    path may have changed in between), and opens without blocking.
    """
    try:
        _check_kind(os.stat(path), limit)
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise Unreadable(f"cannot be read: {exc.strerror}", None, "check that it exists and may be read") from None
    try:
        info = os.fstat(handle)
        _check_kind(info, limit)
        data = os.read(handle, info.st_size + 1)  # a regular file reads whole; a short read is the end
        while len(data) > info.st_size and len(data) <= limit:  # it grew while being read
            more = os.read(handle, limit + 1 - len(data))
            if not more:
                break
            data += more
    except OSError as exc:
        raise Unreadable(f"cannot be read: {exc.strerror}", None, None) from None
    finally:
        os.close(handle)
    if len(data) > limit:
        _too_large(len(data), limit)
    return data


def _check_kind(info: os.stat_result, limit: int) -> None:
    if stat.S_ISREG(info.st_mode):
        if info.st_size > limit:
            _too_large(info.st_size, limit)
        return
    kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
    raise Unreadable(f"is {kind}, not a file", "a regular file", "remove it or rename it so it does not end in .toml")


def _too_large(size: int, limit: int) -> None:
    raise Unreadable(
        f"is {size:,} bytes, larger than the {limit // (1024 * 1024)} MiB a file may be",
        f"at most {limit:,} bytes",
        "split the data into several files",
    )


def decode(data: bytes) -> str:
    """UTF-8 text without a byte-order mark; Unreadable saying what is wrong and where."""
    if data.startswith(BOM):
        raise Unreadable("starts with a byte-order mark", "UTF-8 text", "save as UTF-8 without BOM")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise Unreadable(
            f"is not UTF-8 text: byte 0x{data[exc.start]:02x} at line {line}, column {column}",
            "UTF-8 text",
            "save the file as UTF-8",
        ) from None


def bundled_calendars() -> Path:
    """The calendars shipped in the wheel, or the checkout's calendars/ in development."""
    packaged = Path(__file__).resolve().parent.parent / "calendars"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "calendars"
