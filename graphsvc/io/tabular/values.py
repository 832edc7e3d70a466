"""Reading cell values: enum values in English or Danish, lists, whole numbers and 1-4 scales.

Each reader returns the value or raises :class:`CellError` with the problem and, where one is
close, a suggestion ("did you mean 'civil_society'?").
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

from graphsvc.domain import (
    AgeBand,
    Arena,
    Challenge,
    Frequency,
    Kind,
    ParticipationRole,
    Sector,
    SurveyStatus,
    TieType,
)

__all__ = [
    "VOCABULARIES",
    "CellError",
    "age_band_of",
    "lookup",
    "loose",
    "read_direction",
    "read_enum",
    "read_int",
    "read_list",
    "read_scale",
    "read_strength",
    "read_year",
    "split_names",
]

E = TypeVar("E", bound=Enum)

_SEPARATORS = re.compile(r"[\s_\-.*/()']+")
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e"})
_LIST = re.compile(r"[|,;\n]")


class CellError(ValueError):
    def __init__(self, problem: str, suggestion: str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.suggestion = suggestion


@functools.lru_cache(maxsize=8192)
def loose(text: str) -> str:
    """The form headings and values are compared in: ``Område``, ``omraade`` and ``OMRÅDE``
    are one heading; ``Civil society`` and ``civil_society`` one sector."""
    return _SEPARATORS.sub("", text.casefold().translate(_DANISH))


# Danish (and other common) words for each value, beside the value itself.
_WORDS: dict[type[Enum], dict[Enum, tuple[str, ...]]] = {
    Sector: {
        Sector.PUBLIC: (
            "offentlig",
            "offentlig sektor",
            "kommune",
            "kommunal",
            "region",
            "stat",
            "public sector",
        ),
        Sector.CIVIL_SOCIETY: (
            "civilsamfund",
            "civilsamfundet",
            "frivillig",
            "forening",
            "foreningsliv",
            "ngo",
            "civil",
        ),
        Sector.BUSINESS: ("erhvervslivet", "erhverv", "erhvervsliv", "privat", "virksomhed", "private"),
        Sector.PHILANTHROPY: ("fond", "fonde", "filantropi", "foundation", "philanthropic"),
        Sector.KNOWLEDGE: (
            "viden",
            "videninstitution",
            "videninstitutioner",
            "forskning",
            "universitet",
            "research",
        ),
        Sector.CITIZENS: ("borgere", "borger", "citizen"),
    },
    Kind: {
        Kind.ASSOCIATION: ("forening", "klub"),
        Kind.BUSINESS: ("virksomhed", "firma", "company"),
        Kind.MUNICIPAL_UNIT: ("kommunal enhed", "kommunal", "municipal", "unit"),
        Kind.ORGANISATION: ("organisation", "organization"),
        Kind.AREA: ("område", "area"),
        Kind.YOUNG_PERSON: ("ung", "unge", "young person"),
        Kind.PERSON: ("kontaktperson", "contact person", "person"),
        Kind.TARGET_GROUP: ("målgruppe", "target group"),
        Kind.INITIATIVE: ("indsats", "initiativ", "initiative"),
    },
    Arena: {
        Arena.SCHOOL: ("skole",),
        Arena.LEISURE: ("fritid",),
        Arena.HEALTH: ("sundhed",),
        Arena.WORK: ("arbejde", "job"),
        Arena.FAMILY: ("familie",),
        Arena.COMMUNITY: ("lokalsamfund", "fællesskab", "civilsamfund"),
    },
    Challenge: {
        Challenge.LONELINESS: ("ensomhed", "ensom"),
        Challenge.MENTAL_HEALTH: (
            "mistrivsel",
            "mental sundhed",
            "psykisk mistrivsel",
            "mental mistrivsel",
            "trivsel",
        ),
        Challenge.SUBSTANCE_USE: ("rusmidler", "misbrug", "rusmiddelbrug"),
        Challenge.CRIME: ("kriminalitet",),
        Challenge.NO_EDUCATION: ("uden uddannelse", "ingen uddannelse", "uddannelse"),
        Challenge.OVERWEIGHT: ("overvægt",),
    },
    Frequency: {
        Frequency.DAILY: ("dagligt", "daglig", "every day"),
        Frequency.WEEKLY: ("ugentligt", "ugentlig", "every week"),
        Frequency.MONTHLY: ("månedligt", "månedlig", "every month"),
        Frequency.QUARTERLY: ("kvartalsvis", "hvert kvartal", "every quarter"),
        Frequency.YEARLY: ("årligt", "årlig", "every year", "annually"),
        Frequency.RARELY: ("sjældent", "sjældnere", "never", "aldrig", "less than yearly"),
    },
    ParticipationRole: {
        ParticipationRole.LEAD: ("tovholder", "leder", "ansvarlig"),
        ParticipationRole.PARTNER: ("samarbejdspartner",),
        ParticipationRole.FUNDER: ("bidragyder", "finansierer", "sponsor"),
    },
    TieType: {
        TieType.COLLABORATES_WITH: (
            "samarbejder med",
            "samarbejde",
            "samarbejder",
            "partnerskab",
            "collaboration",
            "partnership",
        ),
        TieType.REFERS_TO: ("henviser til", "henvisning", "henviser", "referral"),
        TieType.FUNDS: (
            "finansierer",
            "støtter",
            "funding",
            "bevilling",
            "bevilger",
            "sponsorat",
            "sponsorerer",
            "tilskud",
            "donation",
            "grant",
            "sponsorship",
        ),
        TieType.ATTENDS: ("går på", "går i", "elev"),
        TieType.MEMBER_OF: ("medlem af", "medlem"),
        TieType.WORKS_AT: ("arbejder hos", "arbejder på", "fritidsjob"),
        TieType.USES: ("bruger", "benytter"),
        TieType.WORKS_FOR: ("ansat hos", "arbejder for", "ansat"),
        TieType.VOLUNTEERS_AT: ("frivillig hos", "frivillig"),
        TieType.PARTICIPATES_IN: ("deltager i", "deltager"),
        TieType.TARGETS: ("målrettet", "rettet mod", "målretter"),
        TieType.LOCATED_IN: ("ligger i",),
        TieType.PART_OF: ("del af", "ligger under"),
        TieType.INCLUDED_IN: ("med i målgruppe", "i målgruppe", "med i"),
    },
    SurveyStatus: {
        SurveyStatus.ANSWERED: ("besvaret", "svaret", "ja", "yes", "done", "complete"),
        SurveyStatus.NOT_ANSWERED: (
            "ikke besvaret",
            "ikke svaret",
            "mangler",
            "mangler svar",
            "nej",
            "no",
            "no answer",
            "not answered",
            "missing",
            "invited",
            "inviteret",
        ),
    },
    AgeBand: {},
}

# A PARTNER-style scale, 1-4, in words as the questionnaires put it.
_SCALE_WORDS = {
    1: ("not at all", "slet ikke", "ingen"),
    2: ("a small amount", "a little", "lidt", "i mindre grad", "i lav grad"),
    3: ("a fair amount", "en del", "i nogen grad"),
    4: ("a great deal", "meget", "i høj grad"),
}


@functools.cache
def _index(enum: type[Enum]) -> dict[str, Enum]:
    index: dict[str, Enum] = {}
    for member in enum:
        index[loose(str(member.value))] = member
        index.setdefault(loose(member.name), member)
    for member, words in _WORDS.get(enum, {}).items():
        for word in words:
            index.setdefault(loose(word), member)
    return index


def lookup(enum: type[E], text: str) -> E | None:
    """The member ``text`` names exactly (loosely spelt, English or Danish), or ``None``."""
    return _index(enum).get(loose(text))  # type: ignore[return-value]


VOCABULARIES: Mapping[type[Enum], Mapping[Enum, tuple[str, ...]]] = _WORDS


def _listing(enum: type[Enum]) -> str:
    return ", ".join(str(m.value) for m in enum)


def _closest(text: str, enum: type[Enum]) -> Enum | None:
    index = _index(enum)
    close = difflib.get_close_matches(loose(text), list(index), n=1, cutoff=0.6)
    return index[close[0]] if close else None


def read_enum(text: str, enum: type[E], what: str) -> E:
    """The member ``text`` names, in English or Danish, loosely spelt."""
    member = _index(enum).get(loose(text))
    if member is not None:
        return member  # type: ignore[return-value]
    close = _closest(text, enum)
    suggestion = f"did you mean {close.value!r}?" if close is not None else f"use one of {_listing(enum)}"
    raise CellError(f"{text!r} is not {what}", suggestion)


def read_list(text: str, enum: type[E], what: str) -> frozenset[E]:
    """Several members, separated by ``|``, ``,``, ``;`` or line breaks."""
    return frozenset(read_enum(item.strip(), enum, what) for item in _LIST.split(text) if item.strip())


def split_names(text: str) -> list[str]:
    """Several names or ids in one cell, separated by ``|`` or line breaks (names may hold
    commas: "Lejre Kommune, Skoleafdelingen")."""
    return [item.strip() for item in re.split(r"[|\n]", text) if item.strip()]


def read_int(text: str, what: str) -> int:
    """A whole number; ``3.0`` and ``3,0`` (decimal comma) count as 3."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"[+-]?\d+[.,]0*", cleaned):
        cleaned = re.split(r"[.,]", cleaned)[0]
    if not re.fullmatch(r"[+-]?\d+", cleaned):
        raise CellError(f"{text!r} is not a whole number ({what})")
    return int(cleaned)


def read_year(text: str, what: str) -> int:
    year = read_int(text, what)
    if not 1900 <= year <= 2100:
        raise CellError(f"{year} is not a year ({what})", "write the year with four digits")
    return year


def read_scale(text: str, what: str) -> int:
    """1-4, as a number or in the questionnaire's words ("i høj grad")."""
    key = loose(text)
    for score, words in _SCALE_WORDS.items():
        if key in {loose(w) for w in words}:
            return score
    try:
        score = read_int(text, what)
    except CellError:
        raise CellError(f"{text!r} is not a score ({what})", "use 1, 2, 3 or 4") from None
    if not 1 <= score <= 4:
        raise CellError(f"{score} is outside the scale ({what})", "use 1, 2, 3 or 4")
    return score


# Kumu and hand-drawn maps give a tie's strength in words; graphsvc's scale is 1-5.
_STRENGTH_WORDS = {
    1: ("svag", "svage", "weak", "lav", "low"),
    2: ("let", "light"),
    3: ("middel", "mellem", "medium", "moderate", "moderat"),
    4: ("god", "good"),
    5: ("stærk", "stærke", "strong", "høj", "high", "meget stærk", "very strong"),
}
_STRENGTHS = {loose(word): score for score, words in _STRENGTH_WORDS.items() for word in words}


def read_strength(text: str) -> int:
    """1-5, as a number (Gephi's ``2.0`` too) or in words ("svag", "stærk")."""
    score = _STRENGTHS.get(loose(text))
    if score is not None:
        return score
    try:
        score = read_int(text, "strength")
    except CellError:
        raise CellError(
            f"{text!r} is not a strength", "use 1 (svag) to 5 (stærk), or svag, middel, stærk"
        ) from None
    if not 1 <= score <= 5:
        raise CellError(f"{score} is outside the strength scale", "use 1 (svag) to 5 (stærk)")
    return score


# A tie's direction as Kumu writes it (directed, undirected, mutual), in English or Danish.
_DIRECTIONS = {
    "directed": ("directed", "rettet", "envejs", "one way", "retning"),
    "undirected": ("undirected", "urettet", "ingen retning", "none", "ingen"),
    "mutual": ("mutual", "gensidig", "begge veje", "tovejs", "both", "two way", "reciprocal"),
}
_DIRECTION_WORDS = {loose(word): name for name, words in _DIRECTIONS.items() for word in words}


def read_direction(text: str) -> str:
    """``directed``, ``undirected`` or ``mutual``, from Kumu's words or Danish ones."""
    direction = _DIRECTION_WORDS.get(loose(text))
    if direction is None:
        raise CellError(f"{text!r} is not a direction", "use directed, undirected or mutual (gensidig)")
    return direction


def age_band_of(text: str) -> AgeBand:
    """An age band, or the band an age in years falls in (14 -> 12-14)."""
    try:
        return read_enum(text, AgeBand, "an age band")
    except CellError:
        pass
    try:
        age = read_int(text, "age")
    except CellError:
        raise CellError(f"{text!r} is not an age band", "use 12-14, 15-17, 18-24 or 25-29") from None
    for band in AgeBand:
        low, high = (int(part) for part in band.value.split("-"))
        if low <= age <= high:
            return band
    raise CellError(f"{age} is outside the age bands", "graphsvc holds young people of 12-29")
