"""Time scopes to dates: ISO 8601 offsets with calendar arithmetic, anchors, window ends in words.

Pure date arithmetic below both the catalog (which resolves every rule window when it loads) and
the resolver: it imports neither, and takes any object with the attributes it reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Protocol

import pendulum

from neutral_timeline.text import Text


class AnchorLike(Protocol):
    """A phase boundary plus an optional offset (``catalog.model.Anchor``)."""

    @property
    def phase(self) -> str: ...
    @property
    def edge(self) -> str: ...
    @property
    def offset(self) -> str | None: ...


class PhaseLike(Protocol):
    """A named span of a schedule (``catalog.model.Phase``)."""

    @property
    def name(self) -> Text: ...
    @property
    def start(self) -> date: ...
    @property
    def end(self) -> date: ...


class WindowSpecLike(Protocol):
    """A window as the data states it (``catalog.model.WindowSpec``): each end an anchor, a date or open."""

    @property
    def start(self) -> AnchorLike | date | None: ...
    @property
    def end(self) -> AnchorLike | date | None: ...


Phases = Mapping[str, PhaseLike]


class OffsetError(ValueError):
    """An offset is not a signed ISO 8601 duration of whole days, weeks, months or years."""


def parse_offset(text: str) -> tuple[int, pendulum.Duration]:
    """Split ``-P6M`` into a sign and a pendulum duration; refuse times of day and fractions."""
    sign = -1 if text.startswith("-") else 1
    body = text[1:] if text[:1] in "+-" else text
    if not body.startswith("P") or "T" in body:
        raise OffsetError(text)
    try:
        parsed = pendulum.parse(body)
    except (ValueError, pendulum.parsing.exceptions.ParserError) as exc:
        raise OffsetError(text) from exc
    if not isinstance(parsed, pendulum.Duration):
        raise OffsetError(text)
    if parsed.remaining_seconds or parsed.microseconds:
        raise OffsetError(text)
    return sign, parsed


def shift(day: date, offset: str | None) -> date:
    """``day`` moved by ``offset`` with pendulum's calendar arithmetic (month ends clamp)."""
    if not offset:
        return day
    sign, duration = parse_offset(offset)
    moved = pendulum.Date(day.year, day.month, day.day)
    kwargs = {
        "years": duration.years,
        "months": duration.months,
        "weeks": duration.weeks,
        "days": duration.remaining_days,
    }
    moved = moved.add(**kwargs) if sign > 0 else moved.subtract(**kwargs)
    return date(moved.year, moved.month, moved.day)


def anchor_date(anchor: AnchorLike, phases: Phases) -> date:
    """The concrete day an anchor names on one schedule (KeyError if the phase is missing)."""
    phase = phases[anchor.phase]
    base = phase.start if anchor.edge == "start" else phase.end
    return shift(base, anchor.offset)


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def anchor_label(anchor: AnchorLike, phases: Phases) -> Text:
    """An anchor in words: "6 bulan sebelum awal penetapan pasangan calon"."""
    name = phases[anchor.phase].name
    edge_id, edge_en = ("awal", "the start of") if anchor.edge == "start" else ("akhir", "the end of")
    text_id = f"{edge_id} {_lower_first(name.id)}"
    text_en = f"{edge_en} {_lower_first(name.en)}"
    if anchor.offset:
        sign, duration = parse_offset(anchor.offset)
        words_id = duration.in_words(locale="id")
        words_en = duration.in_words(locale="en")
        if sign < 0:
            return Text(f"{words_id} sebelum {text_id}", f"{words_en} before {text_en}")
        return Text(f"{words_id} sesudah {text_id}", f"{words_en} after {text_en}")
    return Text(text_id, text_en)


def resolve_end(end: AnchorLike | date | None, phases: Phases) -> tuple[date | None, Text | None]:
    """One window end on one schedule: its day (None: open) and, for an anchor, the anchor in words."""
    if end is None or isinstance(end, date):
        return end, None
    return anchor_date(end, phases), anchor_label(end, phases)


def resolve_window(spec: WindowSpecLike, phases: Phases) -> tuple[date | None, date | None, Text | None, Text | None]:
    """A window spec on one schedule: (start, end, start in words, end in words); the caller checks start <= end."""
    start, start_label = resolve_end(spec.start, phases)
    end, end_label = resolve_end(spec.end, phases)
    return start, end, start_label, end_label
