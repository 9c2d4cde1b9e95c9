"""Where dates fall on a horizontal timeline: one scale and packed phase lanes, for HTML and SVG.

widget.js repeats ``lanes`` and ``Scale.at`` in JavaScript so that the web component draws the
same picture as the server; tests compare the two in a browser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from neutral_timeline.resolve.answer import PhaseSpan

State = Literal["past", "now", "future"]
WHOLE = "stages"  # the phase that spans the whole schedule: the track itself, not a lane


@dataclass(frozen=True)
class Scale:
    """Calendar days ``start``..``end`` (inclusive) mapped onto 0..1."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def at(self, day: date) -> float:
        """The left edge of ``day``, clamped to the scale."""
        offset = min(max((day - self.start).days, 0), self.days)
        return offset / self.days

    def middle(self, day: date) -> float | None:
        """The middle of ``day`` (where a today marker goes), or None outside the scale."""
        if not self.start <= day <= self.end:
            return None
        return ((day - self.start).days + 0.5) / self.days

    def bar(self, start: date | None, end: date | None) -> tuple[float, float]:
        """Left edge and width of an inclusive span; an open side runs to the scale's edge."""
        left = self.at(start) if start is not None else 0.0
        right = self.at(date.fromordinal(end.toordinal() + 1)) if end is not None else 1.0
        return left, max(right - left, 0.0)


def scale_of(phases: Iterable[PhaseSpan]) -> Scale:
    spans = list(phases)
    return Scale(min(p.start for p in spans), max(p.end for p in spans))


def state(start: date | None, end: date | None, day: date | None) -> State:
    if day is None:
        return "future"
    if end is not None and end < day:
        return "past"
    if start is None or start <= day:
        return "now"
    return "future"


@dataclass(frozen=True)
class Segment:
    """One drawn stretch of the timeline bar."""

    phase: PhaseSpan
    left: float
    width: float
    state: State


def lanes(phases: Sequence[PhaseSpan], scale: Scale, day: date | None) -> list[list[Segment]]:
    """Every phase but the whole-schedule one, packed greedily into rows that do not overlap."""
    rows: list[list[Segment]] = []
    ends: list[date] = []
    for phase in sorted((p for p in phases if p.key != WHOLE), key=lambda p: (p.start, p.end, p.key)):
        left, width = scale.bar(phase.start, phase.end)
        segment = Segment(phase, left, width, state(phase.start, phase.end, day))
        for index, last in enumerate(ends):
            if last < phase.start:
                rows[index].append(segment)
                ends[index] = phase.end
                break
        else:
            rows.append([segment])
            ends.append(phase.end)
    return rows
