"""The shape of each data file, as strict pydantic models (unknown keys and loose types refused)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from neutral_timeline.catalog.model import BINDS, HANDLES, TAGS, TERRITORY_SCOPES
from neutral_timeline.timescope import OffsetError, parse_offset

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
KEY_PATTERN = r"^[a-z][a-z0-9_]*$"
ANCHOR_PATTERN = r"^([a-z][a-z0-9_]*)\.(start|end)$"


def _url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#].[^\s]*$", value):
        raise ValueError(f"'{value}' is not an http(s) URL")
    return value


Url = Annotated[str, AfterValidator(_url)]


def _https(value: str) -> str:
    if not value.startswith("https://"):
        raise ValueError(f"'{value}' is not an https URL (an official text must be linked over https)")
    return value


HttpsUrl = Annotated[Url, AfterValidator(_https)]
NonEmpty = Annotated[str, Field(min_length=1)]
Id = Annotated[str, Field(pattern=ID_PATTERN)]


def Seq(**kwargs: Any) -> Any:
    """A TOML array as a tuple (strict mode alone would refuse lists)."""
    return Field(strict=False, **kwargs)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class TextFile(Strict):
    id: NonEmpty
    en: NonEmpty


class SourceFile(Strict):
    locator: NonEmpty
    verified: bool
    instrument: Id | None = None
    urls: tuple[Url, ...] = Seq(default=())
    note: TextFile | None = None


class PhaseFile(Strict):
    start: date
    end: date
    source: SourceFile
    name: TextFile | None = None

    @model_validator(mode="after")
    def _ordered(self) -> PhaseFile:
        if self.end < self.start:
            raise ValueError(
                f"end {self.end} is before start {self.start} (phases are inclusive: a one-day phase has start == end)"
            )
        return self


class RevisionFile(Strict):
    instrument: Id
    enacted: date
    phases: dict[Annotated[str, Field(pattern=KEY_PATTERN)], PhaseFile]
    note: TextFile | None = None


ProvinceCode = Annotated[str, Field(pattern=r"^\d{2}$")]
RegencyCode = Annotated[str, Field(pattern=r"^\d{2}\.\d{2}$")]


class ParticipationFile(Strict):
    """Which regions take part: by governor race (provinces) and by regency/city race."""

    provinces: Literal["all"] | Annotated[tuple[ProvinceCode, ...], Field(strict=False)]
    regencies: Literal["all"] | Annotated[tuple[RegencyCode, ...], Field(strict=False)]
    except_provinces: tuple[ProvinceCode, ...] = Seq(default=())
    except_regencies: tuple[RegencyCode, ...] = Seq(default=())
    complete: bool
    source: SourceFile

    @model_validator(mode="after")
    def _excepts_with_all(self) -> ParticipationFile:
        if self.except_provinces and self.provinces != "all":
            raise ValueError('except_provinces goes with provinces = "all"')
        if self.except_regencies and self.regencies != "all":
            raise ValueError('except_regencies goes with regencies = "all"')
        return self


class LocalFile(Strict):
    """A later schedule of the election for named regions: a re-vote (PSU) or a re-election."""

    kind: Literal["revote", "reelection"]
    name: TextFile
    regions: tuple[ProvinceCode | RegencyCode, ...] = Seq(min_length=1)
    instrument: Id
    enacted: date
    phases: dict[Annotated[str, Field(pattern=KEY_PATTERN)], PhaseFile]
    interpretation: TextFile
    note: TextFile | None = None


class ElectionFile(Strict):
    kind: Literal["pilkada", "pemilu"]
    name: TextFile
    revisions: dict[Id, RevisionFile] = Field(min_length=1)
    participation: ParticipationFile
    local: dict[Id, LocalFile] = Field(default_factory=dict)


class FactFile(Strict):
    """One thing known about an announced election, with its source."""

    text: TextFile
    source: SourceFile


class HeldByFile(Strict):
    """The last year a law or ruling lets an announced election's voting fall in, with its source."""

    year: int = Field(ge=1945, le=9999)
    source: SourceFile


class AnnouncedFile(Strict):
    """An election announced before any schedule exists: only what a law or ruling fixes, no dates."""

    kind: Literal["pemilu", "pilkada"]
    name: TextFile
    announced: date  # the day it became known (the ruling or law that announced it)
    source: SourceFile  # what announced it
    after: Id | None = None  # an announced election it follows (local elections after the national one)
    facts: tuple[FactFile, ...] = Seq(min_length=1)
    held_by: HeldByFile | None = None  # the last year a law or ruling lets its voting fall in, if one does
    note: TextFile | None = None


class PhaseNameFile(Strict):
    name: TextFile


class InstrumentFile(Strict):
    type: Annotated[str, Field(pattern=r"^[a-z][a-z-]*$")]
    short: NonEmpty
    title: TextFile
    enacted: date
    in_force_from: date
    in_force_until: date | None = None
    replaced_by: Id | None = None
    applies_to: tuple[Id, ...] = Seq(default=())
    region: Annotated[str, Field(pattern=r"^\d{2}(\.\d{2}){0,3}$")] | None = None
    official_url: HttpsUrl | None = None
    urls: tuple[Url, ...] = Seq(default=())
    verified: bool
    note: TextFile | None = None

    @model_validator(mode="after")
    def _ordered(self) -> InstrumentFile:
        if self.official_url is not None and self.official_url in self.urls:
            raise ValueError(f"official_url {self.official_url} is also in urls; list it once, as official_url")
        if self.in_force_until is not None and self.in_force_until < self.in_force_from:
            raise ValueError(f"in_force_until {self.in_force_until} is before in_force_from {self.in_force_from}")
        return self


def _offset(value: str) -> str:
    try:
        parse_offset(value)
    except OffsetError:
        raise ValueError(
            f"'{value}' is not a signed ISO 8601 duration of whole days, weeks, months or years (e.g. -P6M, P14D, -P1Y)"
        ) from None
    return value


class AnchorFile(Strict):
    anchor: Annotated[str, Field(pattern=ANCHOR_PATTERN)]
    offset: Annotated[str, AfterValidator(_offset)] | None = None


WINDOW_END_FORMS = (
    'an anchor such as "campaign.start", a table such as '
    '{ anchor = "candidate_determination.start", offset = "-P6M" }, or a date such as 2024-09-22'
)


def _window_end(value: Any) -> AnchorFile | date:
    """One clear message for the three accepted forms of a window end."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        if not re.match(ANCHOR_PATTERN, value):
            raise ValueError(f"'{value}' is not a window end; expected {WINDOW_END_FORMS}")
        return AnchorFile(anchor=value)
    if isinstance(value, dict):
        return AnchorFile.model_validate(value)
    raise ValueError(f"{value!r} is not a window end; expected {WINDOW_END_FORMS}")


WindowEnd = Annotated[AnchorFile | date, BeforeValidator(_window_end)]


class WindowFile(Strict):
    from_: WindowEnd | None = Field(default=None, alias="from")
    until: WindowEnd | None = None


class BasisFile(Strict):
    instrument: Id
    locator: NonEmpty
    verified: bool
    quote: NonEmpty | None = None
    urls: tuple[Url, ...] = Seq(default=())


class SanctionFile(Strict):
    text: TextFile
    source: SourceFile


class TerritoryFile(Strict):
    """Where a rule binds: every ASN wherever they serve, or only in the regions holding the election."""

    scope: Literal[TERRITORY_SCOPES]  # type: ignore[valid-type]
    source: SourceFile
    note: TextFile | None = None


class RuleFile(Strict):
    kind: Literal["prohibition", "obligation"]
    title: TextFile
    summary: TextFile
    binds: tuple[Literal[BINDS], ...] = Seq(min_length=1)  # type: ignore[valid-type]
    tags: tuple[Literal[TAGS], ...] = Seq(default=())  # type: ignore[valid-type]
    basis: tuple[BasisFile, ...] = Seq(min_length=1)
    always: bool = False
    windows: tuple[WindowFile, ...] = Seq(default=())
    interpretation: TextFile | None = None
    election_notes: dict[Id, TextFile] = Field(default_factory=dict)  # election id -> a note for it only
    sanction: SanctionFile | None = None
    territory: TerritoryFile | None = None

    @model_validator(mode="after")
    def _one_scope(self) -> RuleFile:
        if self.always == bool(self.windows):
            raise ValueError(
                "give exactly one time scope: `always = true` or one or more [[windows]] "
                '(e.g. from = "campaign.start", until = "campaign.end")'
            )
        return self


class ReportingFile(Strict):
    """A body to which violations are reported, over an inclusive span of days (open ends allowed)."""

    name: TextFile
    handles: tuple[Literal[HANDLES], ...] = Seq(min_length=1)  # type: ignore[valid-type]
    from_: date | None = Field(default=None, alias="from")
    until: date | None = None
    url: Url | None = None
    source: SourceFile
    note: TextFile | None = None

    @model_validator(mode="after")
    def _ordered(self) -> ReportingFile:
        if self.from_ is not None and self.until is not None and self.until < self.from_:
            raise ValueError(f"until {self.until} is before from {self.from_} (both ends are inclusive)")
        if len(set(self.handles)) != len(self.handles):
            raise ValueError("handles lists a value twice")
        return self


Word = Annotated[str, Field(min_length=1, max_length=60)]


class AreaFile(Strict):
    """An activity area (a rule tag): its names and the words users give for it."""

    name: TextFile
    words: tuple[Word, ...] = Seq(default=())


class ActivityFile(Strict):
    """An everyday activity, the words people use for it, and the rules that prohibit it."""

    name: TextFile
    area: Literal[TAGS]  # type: ignore[valid-type]
    words: tuple[Word, ...] = Seq(min_length=1)
    rules: tuple[Id, ...] = Seq(default=())
    note: TextFile | None = None
    source: SourceFile | None = None
    political: Literal["inherent", "object"] | None = None

    @model_validator(mode="after")
    def _once(self) -> ActivityFile:
        if not self.rules and self.note is None:
            raise ValueError("rules lists no rule; list at least one, or give a note (with its source) saying why none")
        if self.rules and self.political is None:
            raise ValueError(
                'political is missing: say whether the activity is political by itself (political = "inherent") '
                'or only when the words name a candidate, party or campaign (political = "object")'
            )
        if not self.rules and self.political is not None:
            raise ValueError(
                "political is given but rules lists no rule: with nothing prohibited there is nothing to decide"
            )
        if (self.note is None) != (self.source is None):
            raise ValueError("note and source go together: a note says what the rules do not, its source where from")
        for key, values in (("words", [w.lower() for w in self.words]), ("rules", list(self.rules))):
            twice = sorted({v for v in values if values.count(v) > 1})
            if twice:
                raise ValueError(f"{key} lists {', '.join(twice)} twice; list each once")
        return self


class PoliticalFile(Strict):
    """What makes a question political: the words naming a candidate, party or campaign, and the ordinary
    phrases in which such a word names nothing political."""

    words: tuple[Word, ...] = Seq(min_length=1)
    ordinary: tuple[Word, ...] = Seq(default=())

    @model_validator(mode="after")
    def _once(self) -> PoliticalFile:
        values = [w.lower() for w in (*self.words, *self.ordinary)]
        twice = sorted({v for v in values if values.count(v) > 1})
        if twice:
            raise ValueError(f"words and ordinary list {', '.join(twice)} twice; list each once, in one of them")
        return self


class ActivitiesFile(Strict):
    """activities.toml: the areas (every rule tag), the activities and what makes a question political."""

    areas: dict[Literal[TAGS], AreaFile]  # type: ignore[valid-type]
    activities: dict[Id, ActivityFile] = Field(min_length=1)
    political: PoliticalFile | None = None


def known_keys() -> set[str]:
    """Every key any data file may use, for did-you-mean on unknown keys."""
    models: list[type[BaseModel]] = [
        TextFile, SourceFile, PhaseFile, RevisionFile, ElectionFile, InstrumentFile,
        AnchorFile, WindowFile, BasisFile, SanctionFile, RuleFile, TerritoryFile, ReportingFile, LocalFile,
        AnnouncedFile, FactFile, AreaFile, ActivityFile, PoliticalFile, ActivitiesFile,
    ]  # fmt: skip
    keys: set[str] = set()
    for model in models:
        for name, info in model.model_fields.items():
            keys.add(info.alias or name)
    return keys
