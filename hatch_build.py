"""Compiles the gettext catalogs (neutral_timeline/locale/<lang>/LC_MESSAGES/*.po) to .mo at build time.

Hatchling runs ``CatalogsHook`` for wheels (the .mo files are git-ignored, so the hook adds them
to the wheel itself); ``make setup`` runs ``python hatch_build.py [PO ...]`` for a checkout.

Each compiled catalog also gets CLDR's month and weekday names from Babel (msgctxt
``cldr:month``, ``cldr:month-abbr`` and ``cldr:weekday``; msgid "1".."12" or "0".."6" with
Monday 0), so that the package writes dates exactly as ``babel.dates.format_date`` does without
importing Babel when the CLI starts.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent
DOMAIN = "neutral_timeline"
LOCALE_DIR = ROOT / "neutral_timeline" / "locale"
MONTH, MONTH_ABBR, WEEKDAY = "cldr:month", "cldr:month-abbr", "cldr:weekday"  # as in neutral_timeline/i18n.py


def compiled(po: Path) -> bytes:
    """The .mo bytes of one .po file, with CLDR's date names for its language added."""
    from babel.dates import get_day_names, get_month_names
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    lang = po.parents[1].name
    with po.open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    problems = [f"{po}: {message.id!r}: {error}" for message, errors in catalog.check() for error in errors]
    if problems:
        raise ValueError("\n".join(problems))
    for context, names in (
        (MONTH, get_month_names("wide", "format", lang)),
        (MONTH_ABBR, get_month_names("abbreviated", "format", lang)),
        (WEEKDAY, get_day_names("wide", "format", lang)),
    ):
        for number, name in names.items():
            catalog.add(str(number), str(name), context=context)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def compile_catalogs(sources: list[Path] | None = None) -> list[Path]:
    """Writes each .po's .mo beside it (only when its bytes change); returns the .mo paths."""
    written = []
    for po in sources or sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = po.with_suffix(".mo")
        body = compiled(po)
        if not mo.exists() or mo.read_bytes() != body:
            mo.write_bytes(body)
        written.append(mo)
    if not written:
        raise FileNotFoundError(f"no {DOMAIN}.po under {LOCALE_DIR}")
    return written


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # `python hatch_build.py` needs Babel only
    BuildHookInterface = object  # type: ignore[assignment,misc]


class CatalogsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        for mo in compile_catalogs():
            if version != "editable":  # an editable install reads them from the checkout
                build_data["force_include"][str(mo)] = mo.relative_to(ROOT).as_posix()


if __name__ == "__main__":
    for path in compile_catalogs([Path(arg).resolve() for arg in sys.argv[1:]] or None):
        print(path.relative_to(ROOT))
