"""What an actor is, read from the word a coordinator writes in a Type column: "Skole",
"Fond", "Idrætsforening", "Jobcenter".

Kumu projects, Gephi files and home-made spreadsheets carry one Type column where graphsvc has
three fields: the kind of actor, its sector and its arenas. A type word gives a *profile* of
all three; fields the row gives itself take precedence. Beside the built-in words, a type can
be spelt out as a list of kind, sector and arena words ("kommunal enhed, offentlig, skole"),
which is also how a coordinator maps a word of their own ("Bibliotek=municipal_unit, public,
community"); such mappings are remembered per tenant by :mod:`graphsvc.services.import_memory`.

>>> skole = read_profile("Skole")
>>> skole.kind, skole.sector, sorted(skole.arenas)
(<Kind.MUNICIPAL_UNIT: 'MunicipalUnit'>, <Sector.PUBLIC: 'public'>, [<Arena.SCHOOL: 'school'>])
>>> read_profile("fond").kind, read_profile("fond").sector
(<Kind.ORGANISATION: 'Organisation'>, <Sector.PHILANTHROPY: 'philanthropy'>)
>>> read_profile("kommunal enhed, offentlig, lokalsamfund").arenas
frozenset({<Arena.COMMUNITY: 'community'>})
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from graphsvc.domain import ACTOR_KINDS, Arena, Kind, Sector
from graphsvc.io.tabular.values import CellError, lookup, loose

__all__ = ["TYPE_WORDS", "Profile", "read_profile"]


@dataclass(frozen=True)
class Profile:
    kind: Kind | None = None
    sector: Sector | None = None
    arenas: frozenset[Arena] = frozenset()


_MU, _ORG, _ASSOC, _BIZ = Kind.MUNICIPAL_UNIT, Kind.ORGANISATION, Kind.ASSOCIATION, Kind.BUSINESS
_PUB, _CIV, _BUS = Sector.PUBLIC, Sector.CIVIL_SOCIETY, Sector.BUSINESS
_PHI, _KNO, _CIT = Sector.PHILANTHROPY, Sector.KNOWLEDGE, Sector.CITIZENS
_SCH, _LEI, _HEA, _WOR = Arena.SCHOOL, Arena.LEISURE, Arena.HEALTH, Arena.WORK
_FAM, _COM = Arena.FAMILY, Arena.COMMUNITY


def _p(kind: Kind, sector: Sector, *arenas: Arena) -> Profile:
    return Profile(kind, sector, frozenset(arenas))


# The types Danish Collective Impact maps use, in Danish and English.
TYPE_WORDS: Mapping[str, Profile] = {
    **dict.fromkeys(
        ("skole", "folkeskole", "kommunal skole", "specialskole", "school", "primary school"),
        _p(_MU, _PUB, _SCH),
    ),
    **dict.fromkeys(("privatskole", "friskole", "efterskole", "private school"), _p(_ORG, _CIV, _SCH)),
    **dict.fromkeys(
        ("gymnasium", "erhvervsskole", "uddannelsesinstitution", "hf", "upper secondary school"),
        _p(_ORG, _PUB, _SCH),
    ),
    **dict.fromkeys(("ungdomsskole", "youth school"), _p(_MU, _PUB, _SCH, _LEI)),
    **dict.fromkeys(
        ("fritidsklub", "ungdomsklub", "klubtilbud", "youth club"),
        _p(_MU, _PUB, _LEI),
    ),
    **dict.fromkeys(
        (
            "forening",
            "idrætsforening",
            "sportsforening",
            "fodboldklub",
            "klub",
            "spejder",
            "spejdergruppe",
            "association",
            "club",
            "sports club",
        ),
        _p(_ASSOC, _CIV, _LEI),
    ),
    **dict.fromkeys(
        ("frivillig organisation", "ngo", "socialøkonomisk virksomhed", "non-profit"),
        _p(_ORG, _CIV, _COM),
    ),
    **dict.fromkeys(("fond", "fonden", "foundation", "trust fund"), _p(_ORG, _PHI)),
    **dict.fromkeys(
        ("virksomhed", "firma", "butik", "erhverv", "erhvervsdrivende", "business", "company", "shop"),
        _p(_BIZ, _BUS, _WOR),
    ),
    **dict.fromkeys(
        ("kommune", "kommunal enhed", "forvaltning", "afdeling", "municipality", "municipal unit"),
        _p(_MU, _PUB),
    ),
    **dict.fromkeys(("jobcenter", "ungdommens uddannelsesvejledning", "uu"), _p(_MU, _PUB, _WOR, _SCH)),
    **dict.fromkeys(("ssp", "ssp samarbejde"), _p(_MU, _PUB, _COM)),
    **dict.fromkeys(
        ("sundhedspleje", "sundhedsplejen", "sundhedstilbud", "psykiatri", "health service"),
        _p(_MU, _PUB, _HEA),
    ),
    **dict.fromkeys(("region", "hospital", "praktiserende læge", "læge"), _p(_ORG, _PUB, _HEA)),
    **dict.fromkeys(("bibliotek", "kulturhus", "library"), _p(_MU, _PUB, _COM, _LEI)),
    **dict.fromkeys(
        ("universitet", "professionshøjskole", "forskning", "university", "research"),
        _p(_ORG, _KNO),
    ),
    **dict.fromkeys(("borgergruppe", "netværk", "forældregruppe", "citizens group"), _p(_ORG, _CIT, _COM)),
    **dict.fromkeys(("organisation", "organization"), Profile(_ORG)),
}
_BY_WORD = {loose(word): profile for word, profile in TYPE_WORDS.items()}
_PARTS = re.compile(r"[,;|/+]")


def read_profile(text: str, own: Mapping[str, Profile] | None = None) -> Profile:
    """The profile a type word names: the tenant's own words first, then the built-in ones,
    then a list of kind, sector and arena words. Raises :class:`CellError` naming the word."""
    key = loose(text)
    if own and key in own:
        return own[key]
    if key in _BY_WORD:
        return _BY_WORD[key]
    kinds: set[Kind | None] = set()
    sectors: set[Sector | None] = set()
    arenas: set[Arena] = set()
    unknown: list[str] = []
    for part in (p.strip() for p in _PARTS.split(text)):
        if not part:
            continue
        word = loose(part)
        kind, sector, arena = lookup(Kind, word), lookup(Sector, word), lookup(Arena, word)
        if kind in ACTOR_KINDS:
            kinds.add(kind)
        elif sector is not None:
            sectors.add(sector)
        elif arena is not None:
            arenas.add(arena)
        elif word in _BY_WORD:  # "skole, fritid": a type word and an arena
            found = _BY_WORD[word]
            kinds |= {found.kind} - {None}
            sectors |= {found.sector} - {None}
            arenas |= found.arenas
        else:
            unknown.append(part)
    if unknown or len(kinds) > 1 or len(sectors) > 1 or not (kinds or sectors or arenas):
        raise CellError(
            f"{text!r} is not a type graphsvc knows",
            "map it to a kind, a sector and arenas, e.g. "
            f"'{text}=municipal_unit, public, school' (forening, fond, skole, virksomhed, "
            "kommune are known)",
        )
    return Profile(
        next(iter(kinds), None),  # type: ignore[arg-type]
        next(iter(sectors), None),  # type: ignore[arg-type]
        frozenset(arenas),  # type: ignore[arg-type]
    )
