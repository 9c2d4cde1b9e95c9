"""Whether a region takes part in an election, said plainly in both languages. Pure."""

from __future__ import annotations

from functools import lru_cache

from neutral_timeline.catalog.model import Catalog, Election
from neutral_timeline.catalog.regions import Region
from neutral_timeline.resolve.answer import ParticipationInfo, ParticipationStatus, Race, RegionInfo
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


@lru_cache(maxsize=4096)
def _in_area(catalog: Catalog, election_id: str, province: str) -> tuple[Region, ...]:
    """The regencies and cities of ``province`` that hold a race of their own."""
    rules = catalog.elections[election_id].participation
    return tuple(
        r
        for r in catalog.regions
        if not r.is_province and r.province == province and "regency" in rules.races(r.province, r.code)
    )


BINDS_EVERYWHERE = Text(
    "Larangan netralitas yang berlaku secara nasional tetap mengikat setiap ASN di mana pun bertugas dan di mana "
    "pun calon berkompetisi (PP 94/2021 Pasal 5 huruf n; SKB netralitas ASN; UU 10/2016 Pasal 71 ayat (3): "
    '"di daerah sendiri maupun di daerah lain"), sehingga tetap berlaku di sini. Hanya aturan yang terikat pada '
    "daerah penyelenggara pemilihan (misalnya penggantian pejabat oleh kepala daerah, UU 10/2016 Pasal 71 ayat (2)) "
    "tidak berlaku.",
    "The national neutrality prohibitions still bind every ASN wherever they serve and wherever the candidate runs "
    '(PP 94/2021 Article 5 letter n; the ASN neutrality SKB; UU 10/2016 Article 71(3): "in their own region or in '
    'another"), so they apply here too. Only the rules tied to the regions holding the election (such as a regional '
    "head replacing officials, UU 10/2016 Article 71(2)) do not.",
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
        if in_area:
            races = (*races, "in_area")
    elif in_area:
        status, races = "races_in_area", ("in_area",)
        names = ", ".join(r.full_name for r in in_area)
        note = Text(
            f"{name} tidak menyelenggarakan pemilihan sendiri dalam {election_name.id}, tetapi daerah di wilayahnya "
            f"memilih: {names}. {BINDS_EVERYWHERE.id}",
            f"{name} holds no race of its own in {election_name.en}, but regions in its area vote: {names}. "
            f"{BINDS_EVERYWHERE.en}",
        )
    elif status == "not_taking_part":
        note = Text(
            f"{name} tidak menyelenggarakan pemilihan sendiri dalam {election_name.id}. {BINDS_EVERYWHERE.id}",
            f"{name} holds no race of its own in {election_name.en}. {BINDS_EVERYWHERE.en}",
        )
    else:
        note = Text(
            f"Belum terverifikasi apakah {name} ikut {election_name.id}: daftar daerah peserta dalam data belum "
            "lengkap. Aturan di bawah berlaku bila daerah ini ikut; pastikan ke KPU atau Bawaslu setempat.",
            f"It is not verified whether {name} takes part in {election_name.en}: the list of participating "
            "regions in the data is incomplete. The rules below apply if it does; check with the local KPU or Bawaslu.",
        )
    return ParticipationInfo(status, races, note, cite_source(catalog, rules.source))


def own_race(taking_part: ParticipationInfo | None) -> bool:
    """Whether rules that bind only where the election is held apply (no region asked: they do)."""
    return taking_part is None or taking_part.status in ("takes_part", "unknown")
