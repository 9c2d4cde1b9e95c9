"""Parse iCalendar files with libical (Debian's libical3 through GObject introspection), strictly.

Run by the system python (``/usr/bin/python3``, which has ``python3-gi`` and ``gir1.2-ical-3.0``),
never the project's virtualenv: ``python3 libical_check.py FILE...``. Prints one JSON object per
file: the events libical found and every error it reported (X-LIC-ERROR properties after parsing
and after ``icalrestriction_check``, the check that refuses an iTIP PUBLISH without ORGANIZER).
"""

import json
import sys
from typing import Any

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def errors(component: Any) -> list[str]:
    found: list[str] = []
    prop = component.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        found.append(f"{ICalGLib.Component.kind_to_string(component.isa())}: {prop.get_xlicerror()}")
        prop = component.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = component.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        found += errors(child)
        child = component.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    return found


def check(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    calendar = ICalGLib.Component.new_from_string(text)
    if calendar is None or calendar.isa() != ICalGLib.ComponentKind.VCALENDAR_COMPONENT:
        return {"file": path, "events": 0, "errors": ["not a VCALENDAR"]}
    found = errors(calendar)
    ICalGLib.restriction_check(calendar)
    found += [e for e in errors(calendar) if e not in found]
    events = calendar.count_components(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    return {"file": path, "events": events, "errors": found}


for name in sys.argv[1:]:
    print(json.dumps(check(name)))
