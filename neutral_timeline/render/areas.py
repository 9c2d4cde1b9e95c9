"""Rules grouped by activity area, for the short views (terminal, widget): no rich, no templates."""

from __future__ import annotations

from neutral_timeline.i18n import N_, say
from neutral_timeline.resolve.answer import RuleInForce, Situation
from neutral_timeline.text import Lang

OTHER = N_("Other")


def by_area(result: Situation, lang: Lang) -> list[tuple[str, list[RuleInForce]]]:
    """The prohibitions in force, grouped under each rule's first named area (in the vocabulary's order)."""
    names = {a.id: a.name.get(lang) for a in result.areas}
    groups: dict[str, list[RuleInForce]] = {}
    for rule in result.rules:
        if rule.kind != "prohibition":
            continue
        area = next((t for t in rule.tags if t in names), None)
        groups.setdefault(names[area] if area else say(OTHER, lang), []).append(rule)
    order = [names[a.id] for a in result.areas]
    return sorted(groups.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))
