"""Whether a region takes part in an election, said plainly in both languages. Pure."""

from __future__ import annotations

from neutral_timeline.catalog.model import Catalog, Election
from neutral_timeline.catalog.regions import Region
from neutral_timeline.i18n import N_, say
from neutral_timeline.resolve.answer import ParticipationInfo, Race, RegionInfo
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
    "not_taking_part": N_(
        "{name} does not take part in {election}: no race is held there. Prohibitions tied to this "
        "election's stages do not apply there; the neutrality rules that apply at all times still do."
    ),
    "unknown": N_(
        "It is not verified whether {name} takes part in {election}: the list of participating "
        "regions in the data is incomplete. The rules below apply if it does; check with the local KPU or Bawaslu."
    ),
}


def region_info(catalog: Catalog, region: Region) -> RegionInfo:
    province = catalog.regions.province_of(region)
    return RegionInfo(region.code, region.name, region.type, province.code, province.name, region.zone)


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


def _note(key: str, name: str, election: Text) -> Text:
    return Text(*(say(NOTES[key], lang, name=name, election=election.get(lang)) for lang in LANGS))


def participation(catalog: Catalog, election: Election, region: Region | None) -> ParticipationInfo | None:
    """None without a region; else whether it takes part, through which races, and why we know."""
    if region is None:
        return None
    rules = election.participation
    regency = None if region.is_province else region.code
    races: tuple[Race, ...] = rules.races(region.province, regency)
    status = rules.status(region.province, regency)
    name, election_name = region.full_name, election.name
    if status == "takes_part" and election.kind == "pemilu":
        races = ("national",)
        note = _note("national", name, election_name)
    elif status == "takes_part":
        how = _races_text(catalog, region, races)
        note = Text(
            *(
                say(NOTES[status], lang, name=name, election=election_name.get(lang), races=how.get(lang))
                for lang in LANGS
            )
        )
    else:
        note = _note(status, name, election_name)
    return ParticipationInfo(status, races, note, cite_source(catalog, rules.source))
