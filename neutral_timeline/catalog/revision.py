"""``calendars/revision.toml``: when the data last changed, so that ``Last-Modified`` tells the truth.

The file holds two keys, written by ``neutral-timeline revise`` (catalog/revise.py), never by hand::

    revised = 2026-11-30T23:45:00Z   # when revise saw these files first (UTC, whole seconds)
    content = "<sha256>"             # of every other data file: Folder.digest(without=REVISION)

The stamp is *current* when ``content`` is the digest of the files as they are: then ``revised``
is the data's Last-Modified (HTTP answers, the export's files, nginx, the feeds' LAST-MODIFIED and
DTSTAMP). A stale stamp (a data file edited after the last revise) or none at all gives no
Last-Modified anywhere (ETags only): never one that is older than the bytes it is sent with, which
would let a client or a CDN that revalidates with If-Modified-Since keep a changed answer.
The stamp is part of the data version (the catalog's content hash covers every data file).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from neutral_timeline.catalog.files import StampFile
from neutral_timeline.catalog.folder import REVISION, Folder
from neutral_timeline.errors import Problem

COMMAND = "neutral-timeline revise"


def content(folder: Folder) -> str:
    """The sha256 a current stamp holds: every data file but revision.toml (as the content hash walks them)."""
    return str(folder.digest(without=REVISION))


def current(stamp: StampFile | None, folder: Folder) -> datetime | None:
    """The stamp's ``revised`` when it describes these very files; None when it is stale or absent."""
    if stamp is None or stamp.content != content(folder):
        return None
    return stamp.revised


def command(root: Path | str) -> str:
    return f"{COMMAND} --calendars {root}"


def warning(stamp: StampFile | None, folder: Folder) -> Problem | None:
    """What a maintainer must hear about the stamp (absent or stale: no Last-Modified is sent), or None."""
    where = folder.where(REVISION)
    effect = "so answers carry no Last-Modified (ETags only) until it is written again"
    if stamp is None:
        return Problem(
            where,
            f"is missing, {effect}",
            "revision.toml with when the data last changed",
            f"run: {command(folder.root)}",
        )
    found = content(folder)
    if stamp.content == found:
        return None
    return Problem(
        where,
        f"is stale: it stamps content {stamp.content[:16]}… (revised {stamp.revised.isoformat()}) but the other "
        f"data files now hash to {found[:16]}…: a data file changed after the last revise, {effect}",
        "content = the sha256 of every other data file, as revise writes it",
        f"after editing calendars/, run: {command(folder.root)}",
    )


def text(revised: datetime, digest: str) -> str:
    stamp = revised.strftime("%Y-%m-%dT%H:%M:%SZ")  # revised is UTC (StampFile and revise check it)
    return (
        "# Written by `neutral-timeline revise` after a data change: do not edit by hand.\n"
        "# revised: when these data files last changed (UTC); the data's Last-Modified.\n"
        "# content: sha256 of every other data file; when it no longer matches, no Last-Modified is sent.\n"
        f"revised = {stamp}\n"
        f'content = "{digest}"\n'
    )


__all__ = ["COMMAND", "command", "content", "current", "text", "warning"]
