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
    "reporting": Text("Melaporkan pelanggaran", "Reporting a violation"),
    "election_offences": Text("pelanggaran pemilihan", "election offences"),
    "asn_neutrality": Text("pelanggaran netralitas ASN", "ASN neutrality violations"),
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
    "region_code": Text("Kode", "Code"),
    "regional": Text("khusus daerah", "regional,"),
    "region": Text("Daerah", "Region"),
    "province": Text("Provinsi", "Province"),
    "participation": Text("Keikutsertaan daerah", "Regional participation"),
    "not_in_progress": Text("Tahapan pemilihan ini tidak berlangsung pada tanggal tersebut.", "This election's stages are not running on that date."),
    # The widget, the home page and the timeline picture.
    "timeline": Text("Linimasa tahapan", "Election timeline"),
    "all_phases": Text("Semua tahapan", "All phases"),
    "phase": Text("Tahapan", "Phase"),
    "now_running": Text("sedang berlangsung", "in progress"),
    "today_marker": Text("Hari ini", "Today"),
    "past_phase": Text("selesai", "over"),
    "future_phase": Text("akan datang", "to come"),
    "rule_windows": Text("Masa berlaku aturan", "Rule windows"),
    "source": Text("Sumber", "Source"),
    "all_sources": Text("Semua sumber", "All sources"),
    "details": Text("Rincian", "Details"),
    "notes": Text("Catatan tafsiran", "Interpretation notes"),
    "note_ref": Text("lihat catatan {n} di bawah", "see note {n} below"),
    "loading": Text("Memuat…", "Loading…"),
    "load_failed": Text("Widget tidak dapat dimuat", "The widget could not be loaded"),
    "more": Text("Rincian lengkap dan sumber", "Full details and sources"),
    "data_version": Text("Versi data", "Data version"),
    "widget_title": Text("Netralitas ASN: {name}", "ASN neutrality: {name}"),
    "svg_title": Text("Linimasa {name}", "Timeline of {name}"),
    "svg_today": Text("Hari ini {date}", "Today {date}"),
    "svg_outside": Text("{date} berada di luar linimasa ini.", "{date} lies outside this timeline."),
    "home_title": Text("Netralitas ASN dalam pemilihan", "ASN neutrality in elections"),
    "home_intro": Text("Larangan bagi ASN (PNS dan PPPK) bergantung pada tahapan pemilihan. Halaman ini menunjukkan aturan yang berlaku pada tanggal ini, lengkap dengan dasar hukum dan sumbernya.", "What civil servants (ASN: PNS and PPPK) may not do depends on the election's phase. This page shows the rules in force on this date, with their legal basis and sources."),
    "today_heading": Text("Yang berlaku hari ini", "What applies today"),
    "subscribe": Text("Langganan kalender", "Calendar subscriptions"),
    "subscribe_intro": Text("Tahapan dan masa berlaku aturan sebagai kalender yang selalu diperbarui.", "Phases and rule windows as calendars that stay up to date."),
    "feed_all": Text("Semua pemilihan", "All elections"),
    "webcal": Text("Berlangganan", "Subscribe"),
    "google": Text("Google Kalender", "Google Calendar"),
    "download": Text("Unduh .ics", "Download .ics"),
    "embed": Text("Pasang widget", "Embed the widget"),
    "embed_intro": Text("Tampilkan aturan yang berlaku hari ini di situs berita atau dasbor Anda. Tanpa pelacak, huruf, atau permintaan ke pihak ketiga.", "Show what applies today on your news site or dashboard. No trackers, fonts or third-party requests."),
    "embed_iframe": Text("Iframe", "Iframe"),
    "embed_script": Text("Skrip dan elemen <neutral-timeline>", "Script and <neutral-timeline> element"),
    "embed_oembed": Text("oEmbed (WordPress)", "oEmbed (WordPress)"),
    "embed_oembed_help": Text("Tempelkan alamat widget ini di editor WordPress; WordPress menemukan titik oEmbed sendiri.", "Paste this widget address into the WordPress editor; WordPress finds the oEmbed endpoint by itself."),
    "preview": Text("Pratinjau langsung", "Live preview"),
    "language": Text("Bahasa", "Language"),
    "theme": Text("Tema", "Theme"),
    "theme_auto": Text("Ikuti sistem", "Follow the system"),
    "theme_light": Text("Terang", "Light"),
    "theme_dark": Text("Gelap", "Dark"),
    "show": Text("Perbarui", "Update"),
    "api": Text("API dan data", "API and data"),
    "api_docs": Text("Dokumentasi API (OpenAPI)", "API documentation (OpenAPI)"),
    "timeline_svg": Text("Gambar linimasa (SVG)", "Timeline picture (SVG)"),
    "error_title": Text("Tidak dapat ditampilkan", "Cannot be shown"),
    "back_home": Text("Kembali ke beranda", "Back to the home page"),
    "other_lang": Text("English", "Bahasa Indonesia"),
    "skip": Text("Langsung ke isi", "Skip to content"),
    "region_optional": Text("Daerah (kode atau nama, boleh kosong)", "Region (code or name, optional)"),
    "sections": Text("Bagian halaman", "Page sections"),
}  # fmt: skip


def label(key: str, lang: Lang, **values: object) -> str:
    return LABELS[key].get(lang).format(**values)


def countdown(days: int, voting_day: date, lang: Lang) -> str:
    """The countdown to voting day in the CLI's words: before, on, or after it."""
    when = short_date(voting_day, lang)
    if days > 0:
        return label("countdown_future", lang, days=days, date=when)
    if days == 0:
        return label("countdown_today", lang)
    return label("countdown_past", lang, days=-days, date=when)
