"""Organisations, associations and businesses of the demo municipality."""

from __future__ import annotations

from graphsvc.domain import Actor, Arena, Kind, Sector

from .builder import Builder
from .names import (
    ASSOCIATION_TYPES,
    BUSINESS_TYPES,
    BUSINESS_WORDS,
    COMMUNITY_ASSOCIATION,
    FIRST_NAMES,
    QUARTERS,
    SURNAMES,
    AssociationType,
)
from .places import LONELY_TOWN, NO_LEISURE_TOWN, Layout
from .sizes import SizeSpec

__all__ = ["CLIMBING_CLUB", "add_associations", "add_businesses", "add_organisations"]

# Every town has these (football, gymnastics, handball, scouts, church youth) before any other.
_CORE_TYPES = 5
CLIMBING_CLUB = "Klatreklub"  # category; Egelunde always has one ("maybe the answer lies in
# the climbing club rather than more of the same in school", as Helsefonden put it)

# National and regional organisations, all serving the municipality as a whole:
# (id, name, kind, sector, category, arenas).
_ORGANISATIONS = (
    ("org-helsefonden", "Helsefonden", Sector.PHILANTHROPY, "Fond", ()),
    ("org-apmoeller", "A.P. Møller Fonden", Sector.PHILANTHROPY, "Fond", ()),
    ("org-nordea-fonden", "Nordea-fonden", Sector.PHILANTHROPY, "Fond", ()),
    ("org-sparekassefond", "Fjordlev Sparekasses Fond", Sector.PHILANTHROPY, "Lokal fond", ()),
    ("org-sus", "SUS – Center for Socialt Udviklingsarbejde", Sector.KNOWLEDGE, "Videnscenter", ()),
    ("org-sundt-liv", "Center for Sundt Liv og Trivsel", Sector.KNOWLEDGE, "Videnscenter", ()),
    ("org-kraeftens-bekaempelse", "Kræftens Bekæmpelse", Sector.CIVIL_SOCIETY, "NGO", ("health",)),
    ("org-ventilen", "Ventilen", Sector.CIVIL_SOCIETY, "NGO mod ensomhed blandt unge", ("community",)),
    ("org-headspace", "headspace Fjordlev", Sector.CIVIL_SOCIETY, "Rådgivning for unge", ("health",)),
    ("org-region", "Region Sjælland – Børne- og Ungdomspsykiatrien", Sector.PUBLIC, "Region", ("health",)),
    ("org-politi", "Lokalpolitiet Fjordlev", Sector.PUBLIC, "Politi", ("community",)),
    ("org-erhvervsraad", "Fjordlev Erhvervsråd", Sector.BUSINESS, "Erhvervsforening", ("work",)),
)
# Municipality-wide associations: (id, name, category, arenas).
_WIDE_ASSOCIATIONS = (
    ("assoc-ungdomsraadet", "Ungdomsrådet i Fjordlev Kommune", "Ungdomsråd", ("community",)),
    (
        "assoc-roede-kors-ungdom",
        "Røde Kors Ungdom Fjordlev",
        "Frivillig ungdomsorganisation",
        ("leisure", "community"),
    ),
)


def add_organisations(b: Builder, layout: Layout) -> None:
    for id_, name, sector, category, arenas in _ORGANISATIONS:
        b.add(
            Actor(
                kind=Kind.ORGANISATION,
                id=id_,
                tenant=b.tenant,
                name=name,
                sector=sector,
                arenas=frozenset(Arena(a) for a in arenas),
                category=category,
                area=layout.municipality,
            )
        )


def add_associations(b: Builder, layout: Layout, spec: SizeSpec) -> None:
    rng = b.rng
    for id_, name, category, arenas in _WIDE_ASSOCIATIONS:
        _association(b, id_, name, category, arenas, layout.municipality)
    total = spec.associations - len(_WIDE_ASSOCIATIONS)
    total_weight = sum(t.weight for t in b.towns if t is not b.towns[NO_LEISURE_TOWN])
    extras = ASSOCIATION_TYPES[_CORE_TYPES:]
    extra_weights = [2 if t.sport else 1 for t in extras]
    number = 0
    for i, town in enumerate(b.towns):
        if i == NO_LEISURE_TOWN:
            kinds: list[AssociationType] = [COMMUNITY_ASSOCIATION]
        else:
            count = max(_CORE_TYPES, round(total * town.weight / total_weight))
            kinds = list(ASSOCIATION_TYPES[:_CORE_TYPES])
            if i == LONELY_TOWN:
                kinds.insert(0, next(t for t in extras if t.category == CLIMBING_CLUB))
            kinds += rng.choices(extras, weights=extra_weights, k=max(0, count - len(kinds)))
        for kind in kinds:
            number += 1
            # A second club of the same kind in town takes another name, or a quarter's.
            patterns = rng.sample(kind.patterns, len(kind.patterns))
            names = [p.format(town=place) for place in (town.name, *_quarters(town.name)) for p in patterns]
            _association(
                b, f"assoc-{number}", names, kind.category, kind.arenas, town.area_id, town=town.name
            )


def _quarters(town: str) -> list[str]:
    return [f"{town} {quarter}" for quarter in QUARTERS]


def _association(
    b: Builder,
    id_: str,
    names: str | list[str],
    category: str,
    arenas: tuple[str, ...],
    area: str,
    *,
    town: str | None = None,
) -> None:
    names = [names] if isinstance(names, str) else names
    b.add(
        Actor(
            kind=Kind.ASSOCIATION,
            id=id_,
            tenant=b.tenant,
            name=b.unique_name(*names, town=town),
            sector=Sector.CIVIL_SOCIETY,
            arenas=frozenset(Arena(a) for a in arenas),
            category=category,
            area=area,
        )
    )


def add_businesses(b: Builder, spec: SizeSpec) -> None:
    rng = b.rng
    total_weight = sum(t.weight for t in b.towns)
    shop = BUSINESS_TYPES[0]
    work_only = [t for t in BUSINESS_TYPES if "leisure" not in t.arenas]
    number = 0
    for i, town in enumerate(b.towns):
        kinds = work_only if i == NO_LEISURE_TOWN else list(BUSINESS_TYPES)
        weights = [t.weight for t in kinds]
        count = max(3, round(spec.businesses * town.weight / total_weight))
        # Every town has a supermarket: the first student job for many, and a sponsor.
        chosen = [shop, *rng.choices(kinds, weights=weights, k=count - 1)]
        for kind in chosen:
            number += 1
            # A few draws, then the town's quarters, before a name gets a number.
            names = [
                rng.choice(kind.patterns).format(
                    town=place,
                    surname=rng.choice(SURNAMES),
                    first=rng.choice(FIRST_NAMES),
                    word=rng.choice(BUSINESS_WORDS),
                )
                for place in (town.name, town.name, town.name, *_quarters(town.name)[:3])
            ]
            b.add(
                Actor(
                    kind=Kind.BUSINESS,
                    id=f"biz-{number}",
                    tenant=b.tenant,
                    name=b.unique_name(*names, town=town.name),
                    sector=Sector.BUSINESS,
                    arenas=frozenset(Arena(a) for a in kind.arenas),
                    category=kind.category,
                    area=town.area_id,
                )
            )
