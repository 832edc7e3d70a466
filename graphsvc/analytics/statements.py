"""Sentences in English and Danish, for the what-if and the weaving list.

The older analytics write English and leave Danish to the pages; a what-if is read on the
command line and in slides as much as on a page, so each of its statements carries both
languages, written from the same numbers (which it also carries, by name, in ``values``).

>>> arena_actor(["leisure", "work"], "da")
'en fritids- eller arbejdsmarkedsaktør'
>>> members_text(1837, "da")
'1.837 unge i målgruppen'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .wording import ARENA_LABELS, Language, label

__all__ = [
    "Statement",
    "arena_actor",
    "arena_pair_actors",
    "joined",
    "members_text",
    "number",
    "percent_text",
    "sector_text",
    "statement",
]

# Danish compounds: "fritids-" + "aktør"; the arena names are the English labels' keys.
_DA_PREFIX = {
    "school": "skole",
    "leisure": "fritids",
    "health": "sundheds",
    "work": "arbejdsmarkeds",
    "family": "familie",
    "community": "lokalsamfunds",
}
# The sector as a subject in a Danish sentence ("erhvervslivet ville ikke længere mangle").
_DA_SECTOR = {
    "public": "den offentlige sektor",
    "civil_society": "civilsamfundet",
    "business": "erhvervslivet",
    "philanthropy": "fondene",
    "knowledge": "videninstitutionerne",
    "citizens": "borgerne",
}
_EN_SECTOR = {
    "public": "the public sector",
    "civil_society": "civil society",
    "business": "business",
    "philanthropy": "philanthropy",
    "knowledge": "knowledge institutions",
    "citizens": "citizens",
}


@dataclass(frozen=True)
class Statement:
    """One thing a change would do, in both languages.

    Attributes
    ----------
    code : str
        What kind of statement (``"recruit"``, ``"leisure_access"``, ...): stable.
    sentence, sentence_da : str
        The statement in English and in Danish.
    values : Mapping[str, Any]
        Every number and name in the sentences, by name. Treat as read-only.
    """

    code: str
    sentence: str
    sentence_da: str
    values: Mapping[str, Any] = field(default_factory=dict, hash=False)


def statement(code: str, en: str, da: str, **values: Any) -> Statement:
    return Statement(code=code, sentence=_capital(en), sentence_da=_capital(da), values=values)


def number(n: int, lang: Language) -> str:
    """ "1,837" / "1.837"."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "da" else text


def percent_text(share: float, lang: Language) -> str:
    """ "41%" / "41 %"; "<1" rather than a misleading 0."""
    text = "<1" if 0 < share < 0.005 else str(round(share * 100))
    return f"{text} %" if lang == "da" else f"{text}%"


def members_text(n: int, lang: Language) -> str:
    """ "3 members" / "3 unge i målgruppen"."""
    if lang == "da":
        return f"{number(n, lang)} {'ung' if n == 1 else 'unge'} i målgruppen"
    return f"{number(n, lang)} {'member' if n == 1 else 'members'}"


def joined(items: Iterable[str], lang: Language, word: str = "and") -> str:
    """ "A, B and C" / "A, B og C" (``word`` "and" or "or")."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    conjunction = {"and": "og", "or": "eller"}[word] if lang == "da" else word
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def arena_actor(arenas: Iterable[str], lang: Language) -> str:
    """ "a leisure or work actor" / "en fritids- eller arbejdsmarkedsaktør"."""
    names = [a for a in ARENA_LABELS["en"] if a in set(arenas)]
    if not names:
        return "en aktør" if lang == "da" else "an actor"
    if lang == "da":
        parts = [f"{_DA_PREFIX[a]}-" for a in names[:-1]] + [f"{_DA_PREFIX[names[-1]]}aktør"]
        return "en " + joined(parts, lang, "or")
    return "a " + joined((label(ARENA_LABELS, a) for a in names), lang, "or") + " actor"


def arena_pair_actors(first: str, second: str, lang: Language) -> str:
    """ "school and leisure actors" / "skole- og fritidsaktører"."""
    if lang == "da":
        return f"{_DA_PREFIX[first]}- og {_DA_PREFIX[second]}aktører"
    return f"{label(ARENA_LABELS, first)} and {label(ARENA_LABELS, second)} actors"


def sector_text(sector: str, lang: Language) -> str:
    """The sector as a subject: "business" / "erhvervslivet"."""
    return (_DA_SECTOR if lang == "da" else _EN_SECTOR).get(sector, sector)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
