"""Words of the user interface and dates in the Indonesian and English way.

Month and weekday names are a small table rather than pendulum's formatter so that the CLI
does not import pendulum just to print a date; tests check every day of 2020-2025 against
``pendulum.Date.format(..., locale=...)``.
"""

from __future__ import annotations

from datetime import date

from neutral_timeline.text import Lang, Text

MONTHS: dict[Lang, tuple[str, ...]] = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
}  # fmt: skip
WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def long_date(day: date, lang: Lang) -> str:
    """'Rabu, 27 November 2024' / 'Wednesday, 27 November 2024'."""
    return f"{WEEKDAYS[lang][day.weekday()]}, {day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def short_date(day: date, lang: Lang) -> str:
    """'27 November 2024'."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def span(start: date | None, end: date | None, lang: Lang) -> str:
    """An inclusive span in words; an open side says so."""
    since = LABELS["since"].get(lang)
    until = LABELS["until"].get(lang)
    if start is None and end is None:
        return LABELS["always"].get(lang)
    if start is None:
        assert end is not None
        return f"{until} {short_date(end, lang)}"
    if end is None:
        return f"{since} {short_date(start, lang)}"
    if start == end:
        return short_date(start, lang)
    return f"{short_date(start, lang)} – {short_date(end, lang)}"


def days(n: int, lang: Lang) -> str:
    if lang == "en":
        return f"{n} day" if n == 1 else f"{n} days"
    return f"{n} hari"


LABELS: dict[str, Text] = {
    "title": Text("Netralitas ASN: yang berlaku", "ASN neutrality: what applies"),
    "date": Text("Tanggal", "Date"),
    "zone": Text("zona waktu", "time zone"),
    "schedule": Text("Jadwal", "Schedule"),
    "as_of": Text("seperti diketahui pada", "as known on"),
    "superseded": Text("bukan jadwal terbaru", "not the latest schedule"),
    "phases": Text("Tahapan hari ini", "Phases today"),
    "no_phase": Text("Tidak ada tahapan yang berlangsung.", "No phase is running."),
    "day_of": Text("hari ke-{day} dari {days}, sisa {left} hari", "day {day} of {days}, {left} days left"),
    "rules": Text("Aturan yang berlaku", "Rules in force"),
    "no_rules": Text("Tidak ada aturan yang berlaku.", "No rule is in force."),
    "always_rules": Text("Aturan yang berlaku setiap saat", "Rules that apply at all times"),
    "rule": Text("Aturan", "Rule"),
    "window": Text("Berlaku", "In force"),
    "basis": Text("Dasar hukum", "Legal basis"),
    "opened_by": Text("dibuka oleh", "opened by"),
    "interpretation": Text("Tafsiran", "Interpretation"),
    "sanction": Text("Sanksi", "Sanction"),
    "unverified": Text("belum terverifikasi", "unverified"),
    "upcoming": Text("Perubahan 14 hari ke depan", "Changes in the next 14 days"),
    "no_upcoming": Text("Tidak ada perubahan dalam 14 hari ke depan.", "No changes in the next 14 days."),
    "countdown_future": Text("{days} hari menuju hari pemungutan suara ({date})", "{days} days to voting day ({date})"),
    "countdown_today": Text("Hari ini hari pemungutan suara", "Today is voting day"),
    "countdown_past": Text("Pemungutan suara telah berlangsung {days} hari lalu ({date})", "Voting took place {days} days ago ({date})"),
    "sources": Text("Sumber", "Sources"),
    "since": Text("sejak", "from"),
    "until": Text("sampai", "until"),
    "always": Text("setiap saat", "at all times"),
    "today": Text("hari ini", "today"),
    "in_days": Text("dalam {n} hari", "in {n} days"),
    "phase_start": Text("mulai", "starts"),
    "phase_end": Text("hari terakhir", "last day"),
    "rule_start": Text("mulai berlaku", "comes into force"),
    "rule_end": Text("hari terakhir berlaku", "last day in force"),
    "election": Text("Pemilihan", "Election"),
    "kind": Text("Jenis", "Kind"),
    "voting_day": Text("Hari pemungutan suara", "Voting day"),
    "revisions": Text("Revisi jadwal", "Schedule revisions"),
    "tags": Text("Kegiatan", "Activities"),
    "binds": Text("Mengikat", "Binds"),
    "not_in_progress": Text("Tahapan pemilihan ini tidak berlangsung pada tanggal tersebut.", "This election's stages are not running on that date."),
}  # fmt: skip


def label(key: str, lang: Lang, **values: object) -> str:
    return LABELS[key].get(lang).format(**values)
