"""Words for the sentences the analytics write, in English and Danish.

Sentences are English for now; every number in them is also a field of the result, so the
web pages can write their own. The Danish labels serve the recruitment list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

__all__ = [
    "ARENA_LABELS",
    "KIND_LABELS",
    "SECTOR_ACTOR_WORDS",
    "SECTOR_LABELS",
    "Finding",
    "Language",
    "Severity",
    "count",
    "label",
    "percent",
]

Language = Literal["en", "da"]

SECTOR_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "public": "public sector",
        "civil_society": "civil society",
        "business": "business",
        "philanthropy": "philanthropy",
        "knowledge": "knowledge institutions",
        "citizens": "citizens",
    },
    "da": {
        "public": "offentlig sektor",
        "civil_society": "civilsamfundet",
        "business": "erhvervslivet",
        "philanthropy": "fonde",
        "knowledge": "videninstitutioner",
        "citizens": "borgere",
    },
}
# "No public-sector actor ...": the sector as a word before "actor".
SECTOR_ACTOR_WORDS: dict[str, str] = {
    "public": "public-sector",
    "civil_society": "civil-society",
    "business": "business",
    "philanthropy": "philanthropic",
    "knowledge": "knowledge-institution",
    "citizens": "citizen",
}
ARENA_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "school": "school",
        "leisure": "leisure",
        "health": "health",
        "work": "work",
        "family": "family",
        "community": "community",
    },
    "da": {
        "school": "skole",
        "leisure": "fritid",
        "health": "sundhed",
        "work": "arbejde",
        "family": "familie",
        "community": "lokalsamfund",
    },
}
KIND_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "Association": "association",
        "Business": "business",
        "MunicipalUnit": "municipal unit",
        "Organisation": "organisation",
        "YoungPerson": "young person",
        "Person": "person",
        "Area": "area",
        "TargetGroup": "target group",
        "Initiative": "initiative",
    },
    "da": {
        "Association": "forening",
        "Business": "virksomhed",
        "MunicipalUnit": "kommunal enhed",
        "Organisation": "organisation",
        "YoungPerson": "ung",
        "Person": "person",
        "Area": "område",
        "TargetGroup": "målgruppe",
        "Initiative": "indsats",
    },
}


def label(table: Mapping[str, Mapping[str, str]], value: str | None, language: Language = "en") -> str:
    """The word for ``value`` in ``language``; the value itself when there is none."""
    if value is None:
        return ""
    return table[language].get(value, value)


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``"1 school actor"``, ``"3 school actors"``."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def percent(share: float) -> str:
    """A share as a whole percentage; "<1%" rather than a misleading "0%"."""
    if 0 < share < 0.005:
        return "<1%"
    return f"{round(share * 100)}%"


class Severity(StrEnum):
    """How urgent a finding is. Each finding type states its own rule (see ``gaps``)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True)
class Finding:
    """One thing a coordinator should know, with its numbers.

    Attributes
    ----------
    code : str
        What kind of finding (``"missing_sector"``, ``"area_gap"``, ...): stable, for
        translation and filtering.
    severity : Severity
        By the rule stated for the finding's type.
    sentence : str
        The finding in plain English.
    subjects : tuple[str, ...]
        Ids of the nodes it is about (an area, a school, an actor), or sector names.
    values : Mapping[str, Any]
        Every number and name in the sentence, by name, so it can be written in another
        language. Treat as read-only.
    """

    code: str
    severity: Severity
    sentence: str
    subjects: tuple[str, ...] = ()
    values: Mapping[str, Any] = field(default_factory=dict, hash=False)
