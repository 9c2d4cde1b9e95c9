"""`neutral-timeline export DIR`: every answer that does not depend on today, as files a static host serves.

Each file lives at its path-style address (``resolve/paths.py``), which the app answers too, and
holds the very bytes the app sends for it: every body comes from ``api.service.Service.rendered``,
the function the routes call. For one data version:

- feeds: every election and ``all``, national and per region, ``id`` and ``en``, per reminder preset;
- JSON: elections, timelines (national and per region), rules, each rule, each election's rules,
  each region, the activity vocabulary; SVG timelines without a today marker; the static assets;
- ``manifest.json``: data and tool version, options, and per path its bytes, sha256, ETag (as the
  app sends it), media type, Last-Modified and gzip sibling, and for a feed its ``query``: the
  query-style address the app used to publish for the same bytes (``/ics/pilkada-2024.ics?region=63.03``),
  which nginx then serves from the file too (subscribers' older links need no app); at the top, the
  export's Last-Modified (``last_modified``: the catalog's ``revised``, null without a current revision stamp).

Identical bodies are written once and hard-linked (a region whose timeline is the national one
links to it; an answer is rendered once per distinct answer). ``.gz`` siblings (for nginx's
``gzip_static``) are the app's own gzip bytes, written when smaller. Files are written atomically
(temporary file, then rename) and only when their bytes change, with the time the data last changed
(``catalog.revised``) as mtime where the app sends it as Last-Modified (an unchanged file gets the
new mtime without a rewrite). Without a current revision stamp no Last-Modified is listed and the
mtimes mean nothing (nginx sends none, see deploy/nginx/configure.py). An export with the same data, tool and options is
a no-op; files listed in the previous manifest and no longer produced are removed, and nothing
else in DIR is ever touched. Feeds, most of the work, are rendered by a pool of processes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from neutral_timeline import __version__
from neutral_timeline.api.cache import Rendered
from neutral_timeline.api.service import Service
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.errors import Problem, QueryError
from neutral_timeline.i18n import N_, NP_, say
from neutral_timeline.render.formats import RenderOptions
from neutral_timeline.resolve import paths
from neutral_timeline.resolve.questions import (
    ActivitiesQuestion,
    ElectionsQuestion,
    FeedQuestion,
    Question,
    RegionQuestion,
    RuleQuestion,
    RulesQuestion,
    TimelineQuestion,
    address,
)
from neutral_timeline.text import LANGS, Lang

MANIFEST = "manifest.json"
GENERATOR = "neutral-timeline export"
FORMAT = 1
DEFAULT_PRESETS = ("standard", "minimal", "standard-events")
EXPECTED_PRESETS = N_("comma-separated presets among: {known}")


@dataclass(frozen=True, slots=True)
class Options:
    """What, besides the data and the tool, decides the bytes and the set of files."""

    public_url: str
    presets: tuple[str, ...] = DEFAULT_PRESETS
    areas: tuple[str, ...] | None = None  # region codes besides the national area; None: every region
    gzip_only: bool = False  # write only the .gz of a compressed body (nginx: gzip_static always; gunzip on)

    def as_json(self) -> dict[str, Any]:
        chosen: dict[str, Any] = {"areas": list(self.areas)} if self.areas is not None else {}
        chosen |= {"gzip_only": True} if self.gzip_only else {}
        return {"public_url": self.public_url, "presets": list(self.presets), **chosen}


@dataclass(slots=True)
class Report:
    """What an export did."""

    files: int = 0
    written: int = 0
    unchanged: int = 0
    linked: int = 0
    removed: int = 0
    apparent: int = 0  # bytes of every file (and .gz sibling) as listed
    seconds: float = 0.0
    noop: bool = False


def parse_presets(text: str, where: str = "--presets") -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(p.strip() for p in text.split(",") if p.strip()))
    wrong = [p for p in chosen if p not in paths.FEED_PRESETS]
    if wrong or not chosen:
        known = ", ".join(paths.FEED_PRESETS)
        what = N_("'{value}' is not a reminder preset")
        raise QueryError([Problem.say(where, what, EXPECTED_PRESETS, value=",".join(wrong) or text, known=known)])
    return chosen


def fingerprint() -> str:
    """The tool's version and a hash of its code, templates, assets and catalogs: a changed renderer
    is a changed tool even before its version number changes."""
    root = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".mo", ".html", ".js", ".css", ".svg", ".txt", ".json"):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _entry(rendered: Rendered, last_modified: datetime | None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "bytes": len(rendered.body),
        "sha256": hashlib.sha256(rendered.body).hexdigest(),
        "etag": rendered.etag,
        "type": rendered.media_type,
        "last_modified": last_modified.isoformat() if last_modified else None,
        "gzip": None,
    }
    if rendered.gzipped is not None:
        packed = rendered.gzipped
        entry["gzip"] = {"bytes": len(packed), "sha256": hashlib.sha256(packed).hexdigest(), "etag": rendered.gzip_etag}
    return entry


class Writer:
    """Writes files under ``root`` atomically, only when their bytes change, hard-linking a body
    already written by this writer."""

    def __init__(self, root: Path, previous: dict[str, dict[str, Any]], gzip_only: bool = False) -> None:
        self.root = root
        self.gzip_only = gzip_only
        self.previous = previous
        self.by_sha: dict[str, Path] = {}
        self.written = self.unchanged = self.linked = 0

    def _same(self, target: Path, sha: str, size: int, before: dict[str, Any] | None) -> bool:
        if before is None or before.get("sha256") != sha:
            return False
        try:
            return target.stat().st_size == size
        except FileNotFoundError:
            return False

    def _put(self, target: Path, body: bytes, sha: str, mtime: float | None, before: dict[str, Any] | None) -> None:
        if self._same(target, sha, len(body), before):
            self.unchanged += 1
            self.by_sha.setdefault(sha, target)
            if mtime is not None and target.stat().st_mtime != mtime:  # same bytes, a newer data revision
                os.utime(target, (mtime, mtime))
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        first = self.by_sha.get(sha)
        if first is not None:
            try:
                os.link(first, temp)
                os.replace(temp, target)
                self.linked += 1
                return
            except OSError:
                temp.unlink(missing_ok=True)
        temp.write_bytes(body)
        if mtime is not None:
            os.utime(temp, (mtime, mtime))
        os.replace(temp, target)
        self.written += 1
        self.by_sha[sha] = target

    def put(self, path: str, rendered: Rendered, last_modified: datetime | None) -> dict[str, Any]:
        """Write ``rendered`` at the URL path ``path`` (and its .gz sibling); its manifest entry."""
        entry = _entry(rendered, last_modified)
        before = self.previous.get(path)
        mtime = last_modified.timestamp() if last_modified else None
        target = self.root / path.lstrip("/")
        if self.gzip_only and rendered.gzipped is not None:
            entry["stored"] = "gzip"  # the body only as its .gz sibling
            target.unlink(missing_ok=True)
        else:
            self._put(target, rendered.body, entry["sha256"], mtime, before)
        if rendered.gzipped is not None:
            gz = entry["gzip"]
            earlier = (before or {}).get("gzip")
            self._put(target.with_name(target.name + ".gz"), rendered.gzipped, gz["sha256"], mtime, earlier)
        return entry


# ---- the work: what to export, in units a process can do alone ----------------------------------


def feed_names(catalog: Catalog) -> list[str | None]:
    return [None, *catalog.elections]


def areas(catalog: Catalog, chosen: tuple[str, ...] | None = None) -> list[str | None]:
    """The national area (None) and every region's code, or the ``chosen`` ones (a bench's sample)."""
    return [None, *(r.code for r in catalog.regions if chosen is None or r.code in chosen)]


@dataclass
class _Worker:
    """One process's state: the catalog, the service, the previous manifest, where to write."""

    service: Service
    root: Path
    previous: dict[str, dict[str, Any]]
    presets: tuple[str, ...]
    modified: datetime | None
    gzip_only: bool


_STATE: dict[str, _Worker] = {}  # set before the pool forks: the workers inherit it


def _feeds_of(job: tuple[str | None, Lang]) -> tuple[dict[str, dict[str, Any]], tuple[int, int, int]]:
    """Every feed of one area in one language: written, with their manifest entries."""
    state = _STATE["worker"]
    area, lang = job
    writer = Writer(state.root, state.previous, state.gzip_only)
    entries: dict[str, dict[str, Any]] = {}
    for name in feed_names(state.service.catalog):
        for preset in state.presets:
            days, events = paths.FEED_PRESETS[preset]
            question = FeedQuestion(name, area, None, days, events)
            path = paths.path(question, lang)
            assert path is not None
            rendered = state.service.rendered(question, "ics", lang)
            entries[path] = {**writer.put(path, rendered, state.modified), "query": address(question, lang=lang)}
    return entries, (writer.written, writer.unchanged, writer.linked)


def _answers(
    service: Service, lang: Lang, chosen: tuple[str, ...] | None
) -> Iterator[tuple[str, Question, str, RenderOptions | None]]:
    """Every question besides feeds with its path, format and options, for one language."""
    catalog = service.catalog
    yield paths.ELECTIONS.format(lang=lang), ElectionsQuestion(), "json", None
    yield paths.RULES.format(lang=lang), RulesQuestion(), "json", None
    yield paths.ACTIVITIES.format(lang=lang), ActivitiesQuestion(), "json", None
    for rule in catalog.rules:
        yield paths.RULE.format(lang=lang, rule=rule), RuleQuestion(rule), "json", None
    for election in catalog.elections:
        yield paths.ELECTION_RULES.format(lang=lang, election=election), RulesQuestion(election), "json", None
        for area in areas(catalog, chosen):
            question = TimelineQuestion(election, None, area)
            json_path, svg_path = paths.path(question, lang), paths.svg_path(question, lang)
            assert json_path is not None and svg_path is not None
            yield json_path, question, "json", None
            yield svg_path, question, "svg", RenderOptions(today=None)


class _Shared:
    """Rendered answers by answer: an equal answer renders to equal bytes, so it is rendered once
    (most regional timelines are the national one)."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.seen: dict[tuple[str, str, type], list[tuple[Any, Rendered]]] = {}

    def rendered(self, question: Question, fmt: str, lang: Lang, options: RenderOptions | None) -> Rendered:
        if not isinstance(question, TimelineQuestion):
            return self.service.rendered(question, fmt, lang, options)
        result = self.service.answer(question)
        known = self.seen.setdefault((fmt, lang, type(question)), [])
        for other, rendered in known:
            if other == result:
                return rendered
        rendered = self.service.rendered(question, fmt, lang, options)
        known.append((result, rendered))
        return rendered


def _static() -> Iterator[tuple[str, Rendered]]:
    from neutral_timeline.widget import assets

    for name in assets.NAMES:
        found = assets.asset(name)
        assert found is not None
        yield f"/static/{name}", Rendered.of(found.body, found.media_type)


# ---- DIR: checks, previous manifest, stale files --------------------------------------------------


MAX_JOBS = 8  # processes rendering feeds at most (cli.MAX_JOBS, the range --jobs accepts, says the same)


def _refuse(where: Path, what: str, expected: str) -> QueryError:
    return QueryError([Problem.say(str(where), what, expected)])


def previous_manifest(root: Path) -> dict[str, Any] | None:
    """The manifest of an earlier export in ``root``, None for a new or empty DIR; QueryError for a
    DIR that cannot be an export's (a file, unwritable, or holding other files)."""
    expected = N_("a new or empty directory, or one an earlier export wrote")
    if root.exists() and not root.is_dir():
        raise _refuse(root, N_("is not a directory"), expected)
    if not root.exists():
        parent = root.parent
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
        if not parent.is_dir():  # "afile/sub": a file where a folder must be
            problem = Problem.say(
                str(root),
                N_("cannot be created: '{parent}' is a file, not a directory"),
                expected,
                N_("choose a DIR whose parent is a directory, e.g. {example}"),
                parent=parent,
                example=parent.parent / root.name,
            )
            raise QueryError([problem])
        if not os.access(parent, os.W_OK | os.X_OK):
            raise _refuse(root, N_("cannot be created here (no permission)"), expected)
        return None
    if not os.access(root, os.W_OK | os.X_OK):
        raise _refuse(root, N_("is not writable"), expected)
    manifest = root / MANIFEST
    if not manifest.is_file():
        if any(root.iterdir()):
            raise _refuse(root, N_("holds files but no export manifest; nothing was written"), expected)
        return None
    try:
        found: dict[str, Any] = json.loads(manifest.read_bytes())
    except (OSError, ValueError):
        found = {}
    if found.get("generator") != GENERATOR or not isinstance(found.get("files"), dict):
        raise _refuse(manifest, N_("is not a manifest of neutral-timeline export"), expected)
    return found


def _remove_stale(root: Path, old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> int:
    """Remove the files (and .gz siblings) the previous manifest lists and this export does not."""
    removed = 0
    base = root.resolve()  # DIR may be given relative or through a symlink
    for path in sorted(set(old) - set(new)):
        target = root / path.lstrip("/")
        for item in (target, target.with_name(target.name + ".gz")):
            if item.is_file() and base in item.resolve().parents:  # never a file a symlink leads out of DIR
                item.unlink()
                removed += 1
        parent = target.parent
        while parent != root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    for path, entry in new.items():  # a sibling no longer wanted (the body got small)
        was = old.get(path)
        if was and was.get("gzip") and not entry.get("gzip"):
            (root / (path.lstrip("/") + ".gz")).unlink(missing_ok=True)
            removed += 1
    return removed


def _share(root: Path, files: dict[str, dict[str, Any]]) -> int:
    """Hard-link paths with equal bodies that separate processes wrote as separate files."""
    linked = 0
    groups: dict[str, list[Path]] = {}
    for path, entry in files.items():
        target = root / path.lstrip("/")
        if entry.get("stored") != "gzip":
            groups.setdefault(entry["sha256"], []).append(target)
        if entry["gzip"]:
            groups.setdefault(entry["gzip"]["sha256"], []).append(target.with_name(target.name + ".gz"))
    for group in groups.values():
        if len(group) < 2:
            continue
        first = group[0]
        inode = first.stat().st_ino
        for other in group[1:]:
            if other.stat().st_ino != inode:
                temp = other.with_name(f".{other.name}.{os.getpid()}.tmp")
                os.link(first, temp)
                os.replace(temp, other)
                linked += 1
    return linked


def _up_to_date(root: Path, before: dict[str, Any] | None, head: dict[str, Any]) -> bool:
    if before is None or any(before.get(key) != value for key, value in head.items()):
        return False
    for path, entry in before["files"].items():
        target = root / path.lstrip("/")
        try:
            if entry.get("stored") != "gzip" and target.stat().st_size != entry["bytes"]:
                return False
            if entry["gzip"] and target.with_name(target.name + ".gz").stat().st_size != entry["gzip"]["bytes"]:
                return False
        except FileNotFoundError:
            return False
    return True


# ---- the export ----------------------------------------------------------------------------------


@contextmanager
def _progress(quiet: bool, total: int, lang: Lang) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on a terminal (nothing when quiet or not a TTY); yields advance(n)."""
    if quiet or not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(say(N_("Exporting"), lang), total=total)
        yield lambda n: bar.advance(task, n)


def export(
    catalog: Catalog,
    root: Path,
    options: Options,
    jobs: int | None = None,
    quiet: bool = True,
    lang: Lang = "id",
) -> Report:
    """Export every answer that does not depend on today into ``root`` (see the module's text)."""
    started = time.perf_counter()
    before = previous_manifest(root)
    head = {
        "generator": GENERATOR,
        "format": FORMAT,
        "tool": {"version": __version__, "fingerprint": fingerprint()},
        "data_version": catalog.content_hash[:16],
        "data_revised": catalog.data_revised.isoformat(),
        "last_modified": catalog.revised.isoformat() if catalog.revised else None,  # nginx's (configure.py)
        "options": options.as_json(),
    }
    if _up_to_date(root, before, head):
        assert before is not None
        listed: dict[str, dict[str, Any]] = before["files"]
        apparent = sum(e["bytes"] + (e["gzip"]["bytes"] if e["gzip"] else 0) for e in listed.values())
        seconds = time.perf_counter() - started
        return Report(len(listed), unchanged=len(listed), apparent=apparent, seconds=seconds, noop=True)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        what = N_("the folder cannot be made: {reason}")
        problem = Problem.say(str(root), what, N_("a folder that exists or can be made"), reason=exc.strerror or exc)
        raise QueryError([problem]) from None
    old: dict[str, dict[str, Any]] = before["files"] if before else {}
    service = Service(catalog, options.public_url, max_bytes=8 * 1024 * 1024)
    data_day = catalog.revised  # Last-Modified of every answer but the assets, as the app sends it
    jobs_list = [(area, lang_) for area in areas(catalog, options.areas) for lang_ in LANGS]
    other = [(lang_, *item) for lang_ in LANGS for item in _answers(service, lang_, options.areas)]
    files: dict[str, dict[str, Any]] = {}
    report = Report()
    workers = max(1, min(jobs or os.cpu_count() or 1, MAX_JOBS))
    _STATE["worker"] = _Worker(service, root, old, options.presets, data_day, options.gzip_only)
    pool = _pool(workers)  # before the progress bar's thread starts: fork copies no running thread
    with _progress(quiet, len(jobs_list) + len(other), lang) as advance:
        try:
            results = pool.imap_unordered(_feeds_of, jobs_list, chunksize=4) if pool else map(_feeds_of, jobs_list)
            writer = Writer(root, old, options.gzip_only)
            shared = _Shared(service)
            for path, rendered in _static():
                files[path] = writer.put(path, rendered, None)
            for lang_, path, question, fmt, opts in other:  # the parent renders these while the pool renders feeds
                files[path] = writer.put(path, shared.rendered(question, fmt, lang_, opts), data_day)
                advance(1)
            for region in (r for r in catalog.regions if options.areas is None or r.code in options.areas):
                path = paths.REGION.format(code=region.code)
                files[path] = writer.put(path, service.rendered(RegionQuestion(region.code), "json", "id"), data_day)
            for entries, (written, unchanged, linked) in results:
                files.update(entries)
                report.written += written
                report.unchanged += unchanged
                report.linked += linked
                advance(1)
        except BaseException:
            if pool:
                pool.terminate()  # an error or ^C: stop rendering; the previous manifest stays as it was
            raise
        finally:
            if pool:
                pool.close()
                pool.join()
            _STATE.clear()
    report.written += writer.written
    report.unchanged += writer.unchanged
    report.linked += writer.linked + _share(root, files)
    report.removed = _remove_stale(root, old, files)
    manifest = {**head, "files": dict(sorted(files.items()))}
    body = json.dumps(manifest, ensure_ascii=False, indent=1).encode() + b"\n"
    target = root / MANIFEST
    if not target.is_file() or target.read_bytes() != body:
        temp = target.with_name(f".{MANIFEST}.{os.getpid()}.tmp")
        temp.write_bytes(body)
        os.replace(temp, target)
    report.files = len(files)
    report.apparent = sum(e["bytes"] + (e["gzip"]["bytes"] if e["gzip"] else 0) for e in files.values())
    report.seconds = time.perf_counter() - started
    return report


def _pool(workers: int) -> Any:
    """A pool of forked processes that inherit the loaded catalog, or None for one process."""
    if workers < 2:
        return None
    import multiprocessing

    return multiprocessing.get_context("fork").Pool(workers)


def disk_usage(root: Path) -> int:
    """Bytes the files under ``root`` take on disk, each inode once (as ``du`` counts them)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for directory, _, names in os.walk(root):
        for name in names:
            info = os.lstat(os.path.join(directory, name))
            if (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                total += info.st_blocks * 512
    return total


def summary(report: Report, root: Path, lang: Lang) -> str:
    """One line saying what the export did, in ``lang``."""
    seconds = f"{report.seconds:.1f}"
    if report.noop:
        return say(N_("{root}: up to date ({n} files, {seconds} s)"), lang, root=root, n=report.files, seconds=seconds)
    files = say(NP_("{n} file", "{n} files", "n"), lang, n=report.files)
    done = N_(
        "{root}: {files}; {written} written, {linked} shared, {unchanged} unchanged, {removed} removed; {seconds} s"
    )
    values = {"written": report.written, "linked": report.linked, "unchanged": report.unchanged}
    return say(done, lang, root=root, files=files, removed=report.removed, seconds=seconds, **values)
