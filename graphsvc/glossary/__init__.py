"""The glossary: one word per concept, in Danish and English, and what it means.

Pages, maps, the recruitment list and the Kumu export name measures, broker roles and gaps with
the terms here; the glossary page (``/ordliste``, ``/glossary``) shows every entry, and a "?"
beside a measure leads to its entry. The entries are in :mod:`graphsvc.glossary.entries`.

>>> term("role_coordinator", "da")
'mellemmand i egen gruppe'
>>> term("betweenness", "en")
'Betweenness'
"""

from __future__ import annotations

from typing import Any

from .entries import ENTRIES, SECTIONS
from .model import Entry, Language, Section

__all__ = ["ENTRIES", "SECTIONS", "Entry", "Language", "Section", "as_json", "entry", "term"]

_BY_KEY: dict[str, Entry] = {e.key: e for e in ENTRIES}


def entry(key: str) -> Entry:
    """The entry for ``key``; ``KeyError`` names an unknown one."""
    return _BY_KEY[key]


def term(key: str, lang: Language) -> str:
    return _BY_KEY[key].term(lang)


def as_json() -> dict[str, Any]:
    """Every section and entry in both languages, as the pages read them."""
    return {
        "sections": [{"key": s.key, "title": {"da": s.title_da, "en": s.title_en}} for s in SECTIONS],
        "entries": [
            {
                "key": e.key,
                "section": e.section,
                "term": {"da": e.term_da, "en": e.term_en},
                "text": {"da": e.text_da, "en": e.text_en},
                "why": {"da": e.why_da, "en": e.why_en},
            }
            for e in ENTRIES
        ],
    }
