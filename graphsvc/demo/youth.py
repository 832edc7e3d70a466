"""Young people and their ties: school, clubs, associations, student jobs and services.

Young people are pseudonyms ("Blå Ræv 42"), never real-looking names. Age bands are weighted
like a rural Danish municipality (fewer 18-29 year-olds, who leave for education). Most have
no challenge; loneliness is most common among 12-17 year-olds, and several challenges at once
are concentrated in a minority of 15-29 year-olds (Kalundborg: ~1,000 of 9,200). Young people
with challenges join fewer associations and use more services.

Two planted gaps constrain whom some young people are tied to (see ``gaps.py``): those living
in Østermose and the pupils of Heldagsskolen get no tie to any leisure actor, and the lonely
12-17 year-olds of Egelunde are tied only to actors that have no business partner.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field

from graphsvc.domain import Actor, AgeBand, Arena, Challenge, Kind, TieType, YoungPerson

from .builder import NOW_YEAR, Builder, Weighted
from .names import ANIMALS, BUSINESS_TYPES, COLOURS
from .places import LONELY_TOWN, MAIN, NO_LEISURE_TOWN, Layout
from .sizes import SizeSpec

__all__ = ["add_young_people"]

_C = Challenge
_BANDS = (AgeBand.B12_14, AgeBand.B15_17, AgeBand.B18_24, AgeBand.B25_29)
_BAND_WEIGHTS = (21, 21, 33, 25)
_FIRST_AGE = {AgeBand.B12_14: 12, AgeBand.B15_17: 15, AgeBand.B18_24: 18, AgeBand.B25_29: 25}
_AGES = {AgeBand.B12_14: 3, AgeBand.B15_17: 3, AgeBand.B18_24: 7, AgeBand.B25_29: 5}

# Chance of several challenges at once, per band, and which ones cluster.
_SEVERAL = (0.03, 0.10, 0.13, 0.10)
_SEVERAL_POOL = (_C.MENTAL_HEALTH, _C.SUBSTANCE_USE, _C.CRIME, _C.NO_EDUCATION, _C.LONELINESS)
_SEVERAL_WEIGHTS = (5, 3, 2, 4, 3)
# Otherwise each challenge on its own, per band.
_SINGLE = (
    (_C.LONELINESS, (0.12, 0.14, 0.09, 0.07)),
    (_C.MENTAL_HEALTH, (0.04, 0.08, 0.09, 0.08)),
    (_C.OVERWEIGHT, (0.12, 0.11, 0.08, 0.07)),
    (_C.NO_EDUCATION, (0.0, 0.02, 0.08, 0.06)),
    (_C.SUBSTANCE_USE, (0.0, 0.01, 0.02, 0.01)),
    (_C.CRIME, (0.0, 0.01, 0.01, 0.005)),
)
# How many associations, per band: weights of 0, 1, 2, 3 memberships.
_MEMBERSHIPS = ((30, 45, 25, 8), (40, 40, 20, 6), (47, 35, 14, 4), (50, 34, 12, 4))
# Chance per band of: going to a folkeskole, a youth club, the youth school; having a job.
_SCHOOL, _CLUB, _YOUTH_SCHOOL = (0.97, 0.55, 0.0, 0.0), (0.35, 0.3, 0.0, 0.0), (0.25, 0.2, 0, 0)
_JOB = (0.0, 0.35, 0.6, 0.75)
_CLOSED_SCHOOL_SHARE = 0.03  # pupils at the day-treatment school
# Services: (id, or "library"/"culture" for the local one; chance per band; chance with a
# challenge, applied only where the band uses the service at all).
_LOCAL = ("library", "culture")
_SERVICES: tuple[tuple[str, tuple[float, ...], dict[Challenge, float]], ...] = (
    ("sundhedspleje", (0.45, 0.25, 0, 0), {_C.OVERWEIGHT: 0.9, _C.LONELINESS: 0.5, _C.MENTAL_HEALTH: 0.5}),
    ("uu", (0.35, 0.6, 0.2, 0), {_C.NO_EDUCATION: 0.8}),
    ("ssp", (0.05, 0.1, 0.03, 0), {_C.CRIME: 0.85, _C.SUBSTANCE_USE: 0.6}),
    ("jobcenter", (0, 0, 0.15, 0.12), {_C.NO_EDUCATION: 0.7}),
    ("ppr", (0.05, 0.04, 0, 0), {_C.MENTAL_HEALTH: 0.3}),
    ("ungeraadgivning", (0, 0.02, 0.02, 0), {_C.SUBSTANCE_USE: 0.7}),
    ("familieafdeling", (0.03, 0.03, 0, 0), {_C.CRIME: 0.3, _C.SUBSTANCE_USE: 0.2}),
    ("org-headspace", (0.01, 0.04, 0.05, 0.03), {_C.MENTAL_HEALTH: 0.45, _C.LONELINESS: 0.25}),
    ("org-ventilen", (0, 0.01, 0.02, 0.01), {_C.LONELINESS: 0.3}),
    ("org-region", (0, 0.01, 0.01, 0), {_C.MENTAL_HEALTH: 0.3}),
    ("musikskole", (0.08, 0.06, 0, 0), {}),
    ("library", (0.35, 0.3, 0.25, 0.2), {}),
    ("culture", (0.1, 0.12, 0.1, 0.06), {}),
    ("assoc-roede-kors-ungdom", (0.02, 0.03, 0.02, 0.01), {_C.LONELINESS: 0.1}),
)
_JOBS_BY_CATEGORY = {t.category: t.jobs for t in BUSINESS_TYPES}


@dataclass
class _Pools:
    """Where young people can go, by area, with the gap restrictions precomputed."""

    leisure: set[str] = field(default_factory=set)
    business_free: frozenset[str] = frozenset()
    associations: dict[str | None, list[str]] = field(default_factory=dict)  # leisure ones
    all_associations: list[str] = field(default_factory=list)
    community: dict[str | None, list[str]] = field(default_factory=dict)
    jobs: dict[str | None, Weighted[str]] = field(default_factory=dict)
    work_only_jobs: dict[str | None, Weighted[str]] = field(default_factory=dict)
    job_areas: list[str] = field(default_factory=list)


def add_young_people(b: Builder, layout: Layout, spec: SizeSpec, business_free: frozenset[str]) -> None:
    rng = b.rng
    pools = _pools(b.actors.values(), business_free)
    towns = layout.towns
    pick_town = Weighted([t.area_id for t in towns], [t.weight for t in towns])
    pick_band = Weighted(range(4), _BAND_WEIGHTS)
    pick_memberships = [
        Weighted(range(spec.max_memberships + 1), w[: spec.max_memberships + 1]) for w in _MEMBERSHIPS
    ]
    services = _services_by_band(spec.service_use)
    width = max(5, len(str(spec.young_people)))
    lonely_town = towns[LONELY_TOWN].area_id
    no_leisure_town = towns[NO_LEISURE_TOWN].area_id
    main = towns[MAIN].area_id
    for n in range(1, spec.young_people + 1):
        area = pick_town.pick(rng)
        band_no = pick_band.pick(rng)
        band = _BANDS[band_no]
        challenges = _challenges(rng, band_no)
        yp_id = f"yp-{n:0{width}d}"
        b.add(
            YoungPerson(
                id=yp_id,
                tenant=b.tenant,
                name=f"{rng.choice(COLOURS)} {rng.choice(ANIMALS)} {n}",
                age_band=band,
                birth_year=NOW_YEAR - _FIRST_AGE[band] - rng.randrange(_AGES[band]),
                challenges=challenges,
                area=area,
            )
        )
        targets: list[tuple[TieType, str]] = []
        school = _school(rng, layout, area, band_no)
        if school:
            targets.append((TieType.ATTENDS, school))
        # The planted gaps decide what this young person may be tied to.
        no_leisure = area == no_leisure_town or school == layout.closed_school
        lonely_member = area == lonely_town and band_no < 2 and _C.LONELINESS in challenges
        struggling = len(challenges) >= 2 or _C.LONELINESS in challenges
        school_town = layout.school_town(area)
        if rng.random() < _CLUB[band_no]:
            targets.append((TieType.ATTENDS, rng.choice(layout.clubs[school_town])))
        if rng.random() < _YOUTH_SCHOOL[band_no]:
            targets.append((TieType.ATTENDS, "ungdomsskole"))
        count = pick_memberships[band_no].pick(rng)
        if struggling and count and rng.random() < 0.5:
            count -= 1  # lonely young people, and those with several challenges, join less
        targets += _memberships(
            rng, pools, area, count, restricted=no_leisure or lonely_member, wide=layout.municipality
        )
        if not lonely_member:
            targets += _job(rng, pools, area, main, band_no, challenges, work_only=no_leisure)
        for service, chance, boosts in services[band_no]:
            if challenges:
                chance = max(chance, *(boosts.get(c, 0.0) for c in challenges))
            if rng.random() < chance:
                target = _local(layout, service, area) if service in _LOCAL else service
                targets.append((TieType.USES, target))
        seen: set[str] = set()
        for tie_type, target in targets:
            if (
                target in seen
                or (no_leisure and target in pools.leisure)
                or (lonely_member and target not in pools.business_free)
            ):
                continue
            seen.add(target)
            since = NOW_YEAR - rng.randrange(1, 6) if tie_type in _DATED else None
            b.tie(tie_type, yp_id, target, since=since)


_DATED = frozenset({TieType.MEMBER_OF, TieType.WORKS_AT})


def _pools(actors: Iterable[Actor], business_free: frozenset[str]) -> _Pools:
    pools = _Pools(business_free=business_free)
    jobs: dict[str | None, list[tuple[str, float]]] = {}
    work_only: dict[str | None, list[tuple[str, float]]] = {}
    for a in actors:
        leisure = Arena.LEISURE in a.arenas
        if leisure:
            pools.leisure.add(a.id)
        if a.kind is Kind.ASSOCIATION:
            if leisure:
                pools.associations.setdefault(a.area, []).append(a.id)
                pools.all_associations.append(a.id)
            else:
                pools.community.setdefault(a.area, []).append(a.id)
        elif a.kind is Kind.BUSINESS:
            weight = _JOBS_BY_CATEGORY.get(a.category or "", 1.0)
            jobs.setdefault(a.area, []).append((a.id, weight))
            if not leisure:
                work_only.setdefault(a.area, []).append((a.id, weight))
    for source, target in ((jobs, pools.jobs), (work_only, pools.work_only_jobs)):
        for area, items in source.items():
            target[area] = Weighted([i for i, _ in items], [w for _, w in items])
    pools.job_areas = sorted(area for area in pools.jobs if area is not None)
    return pools


def _services_by_band(scale: float) -> list[list[tuple[str, float, dict[Challenge, float]]]]:
    """Per band, the services it uses at all, with the chances scaled for the size."""
    return [
        [
            (
                service,
                min(0.95, by_band[band_no] * scale),
                {c: min(0.95, p * scale) for c, p in boosts.items()},
            )
            for service, by_band, boosts in _SERVICES
            if by_band[band_no]
        ]
        for band_no in range(len(_BANDS))
    ]


def _challenges(rng: random.Random, band_no: int) -> frozenset[Challenge]:
    if rng.random() < _SEVERAL[band_no]:
        pick = _SEVERAL_CHALLENGES[band_no == 0]
        chosen = {pick.pick(rng) for _ in range(rng.choice((2, 2, 2, 3, 3, 4)))}
        if len(chosen) >= 2:
            return frozenset(chosen)
    return frozenset(c for c, chances in _SINGLE if rng.random() < chances[band_no])


# Several challenges at once: [15-29, 12-14] (the youngest are still in school).
_SEVERAL_CHALLENGES = (
    Weighted(_SEVERAL_POOL, _SEVERAL_WEIGHTS),
    Weighted(
        *zip(
            *(
                (c, w)
                for c, w in zip(_SEVERAL_POOL, _SEVERAL_WEIGHTS, strict=True)
                if c is not _C.NO_EDUCATION
            ),
            strict=True,
        )
    ),
)


def _school(rng: random.Random, layout: Layout, area: str, band_no: int) -> str | None:
    if rng.random() >= _SCHOOL[band_no]:
        return None
    if rng.random() < _CLOSED_SCHOOL_SHARE:
        return layout.closed_school
    return rng.choice(layout.schools[layout.school_town(area)])


def _memberships(
    rng: random.Random, pools: _Pools, area: str, count: int, *, restricted: bool, wide: str
) -> list[tuple[TieType, str]]:
    if restricted:
        # Planted gaps: only the associations near home (the gap checks still apply to
        # them), or a community association such as the youth council.
        near = [
            *pools.associations.get(area, ()),
            *pools.community.get(area, ()),
            *pools.community.get(wide, ()),
        ]
        return [(TieType.MEMBER_OF, rng.choice(near)) for _ in range(count) if near]
    ties = []
    local = pools.associations.get(area)
    for _ in range(count):
        pool = local if local and rng.random() < 0.8 else pools.all_associations
        ties.append((TieType.MEMBER_OF, rng.choice(pool)))
    return ties


def _job(
    rng: random.Random,
    pools: _Pools,
    area: str,
    main: str,
    band_no: int,
    challenges: frozenset[Challenge],
    *,
    work_only: bool,
) -> list[tuple[TieType, str]]:
    chance = (
        _JOB[band_no]
        * (0.6 if _C.NO_EDUCATION in challenges else 1.0)
        * (0.6 if len(challenges) >= 2 else 1.0)
    )
    if rng.random() >= chance:
        return []
    where = rng.random()
    jobs = pools.work_only_jobs if work_only else pools.jobs
    place = area if where < 0.7 else main if where < 0.9 else rng.choice(pools.job_areas)
    return [(TieType.WORKS_AT, (jobs.get(place) or jobs[area]).pick(rng))]


def _local(layout: Layout, service: str, area: str) -> str:
    """The library or culture house in town, or else the main town's."""
    table = layout.libraries if service == "library" else layout.culture_houses
    return table.get(area) or table[layout.towns[MAIN].area_id]
