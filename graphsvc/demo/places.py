"""Areas and municipal units: the public skeleton of the demo municipality.

The skeleton — towns and their weights, schools, clubs, libraries, culture houses and the
municipality-wide services — depends on the size only, never on the seed, so the ids the
planted gaps and the documentation name are always there. The other institutions (day care,
halls, care homes …) are drawn with the seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphsvc.domain import Actor, Area, Arena, Kind, Sector, TieType

from .builder import Builder, Town
from .gaps import PLANTED_GAPS
from .names import INSTITUTION_WORDS, QUARTERS, SCHOOL_WORDS, slug, town_names
from .sizes import SizeSpec

__all__ = [
    "BROKER_TOWN",
    "LONELY_TOWN",
    "MAIN",
    "NO_LEISURE_TOWN",
    "Layout",
    "add_places",
    "make_towns",
]

# Positions in the town list (see ``names.FIXED_TOWNS`` and ``gaps.py``).
MAIN, LONELY_TOWN, BROKER_TOWN, NO_LEISURE_TOWN = 0, 1, 2, 3

# Fixed population weights of the named towns; made-up towns get 0.4-1.3.
_WEIGHTS = (3.0, 1.6, 1.0, 0.25, 1.3, 1.1, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
# Share of young people aged 12-17 (they are the pupils) and pupils per school.
_PUPIL_SHARE, _PUPILS_PER_SCHOOL = 0.42, 230

# Municipality-wide units: (id, name, category, arenas).
_SERVICES = (
    ("ssp", "SSP Fjordlev", "SSP (skole, socialforvaltning og politi)", ("school", "leisure", "community")),
    ("uu", "UU Vejledning Fjordlev", "Ungdommens Uddannelsesvejledning", ("school", "work")),
    ("jobcenter", "Jobcenter Fjordlev", "Jobcenter", ("work",)),
    ("sundhedspleje", "Sundhedsplejen", "Sundhedspleje", ("health", "school")),
    ("ppr", "PPR – Pædagogisk Psykologisk Rådgivning", "PPR", ("school", "health")),
    ("ungdomsskole", "Fjordlev Ungdomsskole", "Ungdomsskole", ("school", "leisure")),
    ("ungeraadgivning", "Ungerådgivningen", "Rusmiddelbehandling for unge", ("health",)),
    ("familieafdeling", "Familieafdelingen", "Familieafdeling", ("family",)),
    ("musikskole", "Fjordlev Musikskole", "Musikskole", ("leisure",)),
)

# Other municipal institutions, mostly not for young people but part of the real count:
# (id prefix, category, name pattern, arenas, weight).
_FILLERS = (
    ("daycare", "Dagtilbud", "Børnehuset {word}", ("family",), 40),
    ("care", "Plejecenter", "Plejecentret {word}", ("community",), 12),
    ("dental", "Tandpleje", "Tandplejen {town}", ("health",), 6),
    (
        "hall",
        "Idrætshal",
        ("{town} Hallen", "{town} Idrætscenter", "{town} Svømmehal", "{town} Multihal"),
        ("leisure",),
        6,
    ),
    ("ungebo", "Botilbud for unge", "Ungebo {word}", ("family", "community"), 5),
    ("familyhouse", "Familiehus", "Familiehuset {town}", ("family",), 4),
    ("fritidshjem", "Fritidshjem", "Fritidshjemmet {word}", ("leisure", "family"), 8),
    ("vaerested", "Værested for unge", "Værestedet {word}", ("leisure", "community"), 3),
)


@dataclass
class Layout:
    """Where the named parts of the municipality are, for the generators that tie them."""

    municipality: str
    towns: list[Town]
    schools: dict[str, list[str]] = field(default_factory=dict)  # by area id
    clubs: dict[str, list[str]] = field(default_factory=dict)
    libraries: dict[str, str] = field(default_factory=dict)
    culture_houses: dict[str, str] = field(default_factory=dict)
    closed_school: str = PLANTED_GAPS.school_without_leisure

    def school_town(self, area: str) -> str:
        """Where the children of ``area`` go to school (villages without one: the main town)."""
        return area if self.schools.get(area) else self.towns[MAIN].area_id


def add_places(b: Builder, spec: SizeSpec) -> Layout:
    """Areas, schools, clubs, libraries, culture houses, services and other institutions."""
    layout = Layout(municipality=b.municipality.id, towns=b.towns)
    b.add(b.municipality)
    for town in b.towns:
        b.add(Area(id=town.area_id, tenant=b.tenant, name=town.name, area_type="town"))
        b.tie(TieType.PART_OF, town.area_id, b.municipality.id)
    for service_id, name, category, arenas in _SERVICES:
        _unit(b, service_id, name, category, arenas, layout.municipality)
    main = b.towns[MAIN]
    _unit(b, layout.closed_school, "Heldagsskolen Fjordlev", "Dagbehandlingsskole", ("school",), main.area_id)
    _add_schools_and_clubs(b, spec, layout)
    _add_culture(b, layout)
    remaining = spec.municipal_units - len(b.actors_where(kind=Kind.MUNICIPAL_UNIT))
    _add_fillers(b, layout, remaining)
    return layout


def make_towns(tenant: str, spec: SizeSpec) -> tuple[Area, list[Town]]:
    names = town_names(spec.towns)
    towns = []
    for i, name in enumerate(names):
        weight = _WEIGHTS[i] if i < len(_WEIGHTS) else 0.4 + ((i * 37) % 10) / 10
        towns.append(Town(area_id=f"area-{slug(name)}", name=name, slug=slug(name), weight=weight))
    municipality = Area(
        id=f"area-{slug(names[MAIN])}-kommune",
        tenant=tenant,
        name=f"{names[MAIN]} Kommune",
        area_type="municipality",
    )
    return municipality, towns


def _unit(
    b: Builder,
    id_: str,
    names: str | list[str],
    category: str,
    arenas: tuple[str, ...],
    area: str,
    *,
    town: str | None = None,
) -> Actor:
    names = [names] if isinstance(names, str) else names
    actor = Actor(
        kind=Kind.MUNICIPAL_UNIT,
        id=id_,
        tenant=b.tenant,
        name=b.unique_name(*names, town=town),
        sector=Sector.PUBLIC,
        arenas=frozenset(Arena(a) for a in arenas),
        category=category,
        area=area,
    )
    b.add(actor)
    return actor


def _add_schools_and_clubs(b: Builder, spec: SizeSpec, layout: Layout) -> None:
    with_school = [t for i, t in enumerate(b.towns) if i != NO_LEISURE_TOWN]
    total_weight = sum(t.weight for t in with_school)
    total = round(spec.young_people * _PUPIL_SHARE / _PUPILS_PER_SCHOOL)
    words = iter(SCHOOL_WORDS * (1 + total // len(SCHOOL_WORDS)))
    for i, town in enumerate(b.towns):
        if i == NO_LEISURE_TOWN:
            continue
        # The broker town needs two schools, and exactly one club, for its brokerage to show.
        count = max(2 if i == BROKER_TOWN else 1, round(total * town.weight / total_weight))
        schools = layout.schools.setdefault(town.area_id, [])
        for n in range(count):
            name = f"{town.name} Skole" if n == 0 else next(words)
            id_ = f"school-{town.slug}" + (f"-{n + 1}" if n else "")
            _unit(b, id_, name, "Folkeskole", ("school",), town.area_id, town=town.name)
            schools.append(id_)
        clubs = layout.clubs.setdefault(town.area_id, [])
        club_count = 1 if i == BROKER_TOWN else max(1, count // 3)
        for n in range(club_count):
            if club_count == 1:
                name = f"Ungdomsklubben {town.name}"
            else:
                quarter = ("Nord", "Syd", "Øst", "Vest")[n % 4]
                name = f"Ungdomsklubben {quarter}" if i == MAIN else (f"Ungdomsklubben {town.name} {quarter}")
            id_ = f"club-{town.slug}" + (f"-{n + 1}" if n else "")
            _unit(b, id_, name, "Ungdomsklub", ("leisure",), town.area_id, town=town.name)
            clubs.append(id_)


def _add_culture(b: Builder, layout: Layout) -> None:
    for i, town in enumerate(b.towns):
        # No library or hall in the broker's town (they would bridge school and leisure too),
        # and no leisure of any kind in the village without it.
        if i in (BROKER_TOWN, NO_LEISURE_TOWN) or (i > LONELY_TOWN and town.weight < 1.0):
            continue
        id_ = f"library-{town.slug}"
        _unit(b, id_, f"{town.name} Bibliotek", "Bibliotek", ("leisure", "community"), town.area_id)
        layout.libraries[town.area_id] = id_
        if i in (MAIN, LONELY_TOWN) or town.weight >= 1.2:
            id_ = f"kulturhus-{town.slug}"
            name = f"Kulturhuset {town.name}" if i != LONELY_TOWN else f"{town.name} Kulturhus"
            _unit(b, id_, name, "Kulturhus", ("leisure", "community"), town.area_id)
            layout.culture_houses[town.area_id] = id_


def _add_fillers(b: Builder, layout: Layout, count: int) -> None:
    if count <= 0:
        return
    rng = b.rng
    total_weight = sum(t.weight for t in b.towns)
    counters: dict[str, int] = {}
    for i, town in enumerate(b.towns):
        quiet = i in (BROKER_TOWN, NO_LEISURE_TOWN)  # see _add_culture
        kinds = [f for f in _FILLERS if not (quiet and "leisure" in f[3])]
        weights = [f[4] for f in kinds]
        for _ in range(max(1, round(count * town.weight / total_weight))):
            prefix, category, pattern, arenas, _w = rng.choices(kinds, weights=weights)[0]
            counters[prefix] = counters.get(prefix, 0) + 1
            patterns = (pattern,) if isinstance(pattern, str) else pattern
            words = rng.sample(INSTITUTION_WORDS, 3)
            names = [
                p.format(town=place, word=word)
                for place in (town.name, *(f"{town.name} {q}" for q in QUARTERS))
                for word in words
                for p in patterns
            ]
            _unit(b, f"{prefix}-{counters[prefix]}", names, category, arenas, town.area_id, town=town.name)
