"""Whether a region takes part in an election, said plainly in both languages. Pure."""

from __future__ import annotations

from neutral_timeline.catalog.model import Catalog, Election
from neutral_timeline.catalog.regions import Region
from neutral_timeline.resolve.answer import ParticipationInfo, Race, RegionInfo
from neutral_timeline.resolve.index import cite_source
from neutral_timeline.text import Text

RACES = {
    "governor": Text("pemilihan gubernur {province}", "the governor race of {province}"),
    "regency": Text("pemilihan {head} {name}", "the {head_en} race of {name}"),
}


def region_info(catalog: Catalog, region: Region) -> RegionInfo:
    province = catalog.regions.province_of(region)
    return RegionInfo(region.code, region.name, region.type, province.code, province.name, region.zone)


def _races_text(catalog: Catalog, region: Region, races: tuple[str, ...]) -> Text:
    province = catalog.regions.province_of(region).name
    head_id, head_en = ("wali kota", "mayoral") if region.type == "kota" else ("bupati", "regent")
    parts = (
        [RACES[race].id.format(province=province, head=head_id, name=region.name) for race in races],
        [RACES[race].en.format(province=province, head_en=head_en, name=region.name) for race in races],
    )
    return Text(" dan ".join(parts[0]), " and ".join(parts[1]))


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
        note = Text(
            f"{name} ikut {election_name.id}: pemilihan umum nasional di seluruh daerah.",
            f"{name} takes part in {election_name.en}: a national election held in every region.",
        )
    elif status == "takes_part":
        how = _races_text(catalog, region, races)
        note = Text(
            f"{name} ikut {election_name.id}: {how.id}.",
            f"{name} takes part in {election_name.en}: {how.en}.",
        )
    elif status == "not_taking_part":
        note = Text(
            f"{name} tidak ikut {election_name.id}: tidak ada pemilihan di daerah ini. Larangan yang terikat "
            "tahapan pemilihan ini tidak berlaku di sini; aturan netralitas yang berlaku setiap saat tetap berlaku.",
            f"{name} does not take part in {election_name.en}: no race is held there. Prohibitions tied to this "
            "election's stages do not apply there; the neutrality rules that apply at all times still do.",
        )
    else:
        note = Text(
            f"Belum terverifikasi apakah {name} ikut {election_name.id}: daftar daerah peserta dalam data belum "
            "lengkap. Aturan di bawah berlaku bila daerah ini ikut; pastikan ke KPU atau Bawaslu setempat.",
            f"It is not verified whether {name} takes part in {election_name.en}: the list of participating "
            "regions in the data is incomplete. The rules below apply if it does; check with the local KPU or Bawaslu.",
        )
    return ParticipationInfo(status, races, note, cite_source(catalog, rules.source))
