"""``neutral-timeline revise``: stamp a calendars folder's revision.toml with when its data changed."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

from neutral_timeline.catalog import revision
from neutral_timeline.catalog.folder import REVISION, read_folder
from neutral_timeline.catalog.load import read_stamp, validate_without_stamp
from neutral_timeline.errors import DataError


def revise(root: Path, now: datetime) -> tuple[bool, datetime]:
    """Stamp ``root`` with ``now`` (aware, UTC) unless its stamp is current; (written, the stamp's time).

    The data must load (every problem but the stamp's own is a DataError: a broken folder is not
    stamped); a stamp that does not parse is replaced.
    """
    folder = read_folder(root)
    problems = validate_without_stamp(folder)
    if problems:
        raise DataError(problems)
    stamp, _ = read_stamp(folder)
    if stamp is not None and stamp.content == revision.content(folder):
        return False, stamp.revised
    revised = now.replace(microsecond=0)
    if revised.utcoffset() is None or revised.utcoffset():
        raise ValueError("revise needs an aware UTC time")
    body = revision.text(revised, revision.content(folder)).encode()
    path = Path(root) / REVISION
    with tempfile.NamedTemporaryFile(dir=root, prefix=".revision-", suffix=".tmp", delete=False) as temporary:
        try:
            temporary.write(body)
        except BaseException:
            os.unlink(temporary.name)
            raise
    os.chmod(temporary.name, 0o644)
    os.replace(temporary.name, path)
    return True, revised


__all__ = ["revise"]
