"""The glossary entries a map needs: what its size measure, its highlights and its gap lines
mean, in the map's language. The map shows them under its legend, so the words travel with an
exported or shared map that has no way back to the glossary page."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graphsvc.glossary import Language, entry

from .model import MapData

__all__ = ["map_terms"]

HEADING = {"da": "Hvad ordene betyder", "en": "What the words mean"}

# The size measure's entry, by the map option's value.
_METRIC = {"degree": "degree", "betweenness": "betweenness", "broker": "broker_share"}
# The entries a highlight on the map calls for.
_MARK = {
    "broker": ("broker",),
    "spof": ("single_point_of_failure",),
    "gap_area": ("gap",),
    "school_gap": ("gap",),
    "group_gap": ("gap",),
}


def map_terms(m: MapData, lang: str, marks: Iterable[str]) -> dict[str, Any]:
    """``{"heading", "items": [{"key", "term", "text"}]}`` for the map ``m`` with the
    highlight codes ``marks`` in its legend."""
    keys = [_METRIC.get(m.options.metric.value, "degree")]
    for code in marks:
        keys += _MARK.get(code, ())
    if "missing" in m.facts:
        keys.append("missing_sector")
    if m.facts.get("under_represented"):
        keys.append("under_represented_sector")
    language: Language = "da" if lang == "da" else "en"
    items = []
    for key in dict.fromkeys(keys):  # once each, in the legend's order
        e = entry(key)
        items.append({"key": key, "term": e.term(language), "text": e.text(language)})
    return {"heading": HEADING[language], "items": items}
