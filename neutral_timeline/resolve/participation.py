"""Whether a region takes part in an election, said plainly in both languages. Pure."""

from __future__ import annotations

from functools import lru_cache

from neutral_timeline.catalog.model import Catalog, Election
from neutral_timeline.catalog.regions import Region
from neutral_timeline.i18n import N_, say
from neutral_timeline.resolve.answer import (
    Bilingual,
    ParticipationInfo,
    ParticipationStatus,
    Race,
    RegionDetail,
    RegionInfo,
    RegionParticipation,
)
from neutral_timeline.resolve.index import cite_source
from neutral_timeline.text import LANGS, Text

RACES = {
    "governor": N_("the governor race of {province}"),
    "regent": N_("the regent race of {name}"),
    "mayor": N_("the mayoral race of {name}"),
}
NOTES = {
    "national": N_("{name} takes part in {election}: a national election held in every region."),
    "takes_part": N_("{name} takes part in {election}: {races}."),
    "races_in_area": N_(
        "{name} holds no race of its own in {election}, but regions in its area vote: {names}. {binds}"
    ),
    "not_taking_part": N_("{name} holds no race of its own in {election}. {binds}"),
    "races_in_area_again": N_(
        "{name} held its own race in {election} on the main schedule; regions in its area vote again on "
        "their own schedule: {names}. {binds}"
    ),
    "unknown": N_(
        "It is not verified whether {name} takes part in {election}: the list of participating "
        "regions in the data is incomplete. The rules below apply if it does; check with the local KPU or Bawaslu."
    ),
}
BINDS_EVERYWHERE = N_(
    'The national neutrality prohibitions still bind every ASN wherever they serve and wherever the candidate runs (the civil-service discipline regulation, PP 53/2010 and since 31 August 2021 PP 94/2021; the ASN neutrality SKB; UU 10/2016 Article 71(3): "in their own region or in another"), so they apply here too. Only the rules tied to the regions holding the election (such as a regional head replacing officials, UU 10/2016 Article 71(2)) do not.'
)


def region_info(catalog: Catalog, region: Region) -> RegionInfo:
    province = catalog.regions.province_of(region)
    return RegionInfo(region.code, region.name, region.type, province.code, province.name, region.zone)


def region_detail(catalog: Catalog, region: Region) -> RegionDetail:
    """The region with whether it takes part in each election (both languages: it has no ``lang``)."""
    found = []
    for election in catalog.elections.values():
        p = participation(catalog, election, region)
        assert p is not None  # a region was given
        found.append(RegionParticipation(election.id, p.status, p.races, Bilingual(p.note.id, p.note.en)))
    info = region_info(catalog, region)
    return RegionDetail(info.code, info.name, info.type, info.province, info.province_name, info.zone, tuple(found))


def _races_text(catalog: Catalog, region: Region, races: tuple[str, ...]) -> Text:
    province = catalog.regions.province_of(region).name
    keys = [race if race == "governor" else "mayor" if region.type == "kota" else "regent" for race in races]
    said = []
    for lang in LANGS:
        parts = [say(RACES[key], lang, province=province, name=region.name) for key in keys]
        while len(parts) > 1:  # "a and b"; no race has more than two parts
            parts[-2:] = [say(N_("{first} and {second}"), lang, first=parts[-2], second=parts[-1])]
        said.append(parts[0] if parts else "")
    return Text(*said)


def _note(key: str, name: str, election: Text, **values: str) -> Text:
    """A participation note in both languages; ``binds`` is said in each language too."""
    return Text(
        *(
            say(NOTES[key], lang, name=name, election=election.get(lang), binds=say(BINDS_EVERYWHERE, lang), **values)
            for lang in LANGS
        )
    )


@lru_cache(maxsize=4096)
def _in_area(catalog: Catalog, election_id: str, province: str) -> tuple[Region, ...]:
    """The regencies and cities of ``province`` that hold a race of their own."""
    rules = catalog.elections[election_id].participation
    return tuple(
        r
        for r in catalog.regions
        if not r.is_province and r.province == province and "regency" in rules.races(r.province, r.code)
    )


def participation(catalog: Catalog, election: Election, region: Region | None) -> ParticipationInfo | None:
    """None without a region; else whether it takes part, through which races, and why we know.

    A province with no race of its own whose regencies or cities vote (DI Yogyakarta in 2024)
    has ``races_in_area``; a regency takes part through its province's governor race too.
    """
    if region is None:
        return None
    rules = election.participation
    regency = None if region.is_province else region.code
    races: tuple[Race, ...] = rules.races(region.province, regency)
    status: ParticipationStatus = rules.status(region.province, regency)
    name, election_name = region.full_name, election.name
    in_area = _in_area(catalog, election.id, region.code) if region.is_province and election.kind != "pemilu" else ()
    if status == "takes_part" and election.kind == "pemilu":
        races = ("national",)
        note = _note("national", name, election_name)
    elif status == "takes_part":
        how = _races_text(catalog, region, races)
        note = Text(*(_note(status, name, election_name, races=how.get(lang)).get(lang) for lang in LANGS))
        if in_area:
            races = (*races, "in_area")
    elif in_area:
        status, races = "races_in_area", ("in_area",)
        note = _note(status, name, election_name, names=", ".join(r.full_name for r in in_area))
    else:
        note = _note(status, name, election_name)
    return ParticipationInfo(status, races, note, cite_source(catalog, rules.source))


def local_in_area(
    catalog: Catalog, election: Election, region: Region, codes: tuple[str, ...], given: ParticipationInfo | None
) -> ParticipationInfo:
    """A province some of whose regencies or cities (``codes``) vote again on local schedules: it has
    races in its area, as on the main schedule (DI Yogyakarta in 2024), whether or not it held a race
    of its own there (Kepulauan Bangka Belitung did in 2024; Bangka and Pangkalpinang voted again)."""
    names = ", ".join(r.full_name for code in codes if (r := catalog.regions.get(code)) and r.province == region.code)
    held = given is not None and given.status == "takes_part"
    note = _note("races_in_area_again" if held else "races_in_area", region.full_name, election.name, names=names)
    source = given.source if given else cite_source(catalog, election.participation.source)
    return ParticipationInfo("races_in_area", ("in_area",), note, source)


def own_race(taking_part: ParticipationInfo | None) -> bool:
    """Whether rules that bind only where the election is held apply (no region asked: they do)."""
    return taking_part is None or taking_part.status in ("takes_part", "unknown")
