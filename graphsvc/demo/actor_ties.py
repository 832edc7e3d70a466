"""Ties between actors: collaboration, referral paths and funding.

First the ties any Danish municipality has by design (every school works with SSP, UU and the
school health nurses; clubs with the schools of their town; sponsors with the local football
club), then random collaborations, mostly within a town and a sector, some across. The
:class:`~graphsvc.demo.gaps.GapGuard` refuses whatever would close a planted gap, so the
order matters: the design ties come first and win.
"""

from __future__ import annotations

from graphsvc.domain import Actor, Arena, Kind, Sector

from .builder import Builder, Weighted
from .names import BUSINESS_TYPES
from .organisations import CLIMBING_CLUB
from .places import BROKER_TOWN, LONELY_TOWN, MAIN, NO_LEISURE_TOWN, Layout
from .sizes import SizeSpec

__all__ = ["add_actor_ties"]

_SPONSORS = frozenset(t.category for t in BUSINESS_TYPES if t.sponsor)

# Mean random collaborations an actor starts, before the size's scale.
_PICKS = {Kind.MUNICIPAL_UNIT: 1.2, Kind.ASSOCIATION: 1.6, Kind.BUSINESS: 1.3, Kind.ORGANISATION: 3.0}
# Whom each sector tends to work with (homophily, with some cross-sector ties).
_PARTNER_SECTORS: dict[Sector, Weighted[Sector]] = {
    Sector.PUBLIC: Weighted(
        (Sector.PUBLIC, Sector.CIVIL_SOCIETY, Sector.BUSINESS, Sector.KNOWLEDGE), (45, 35, 15, 5)
    ),
    Sector.CIVIL_SOCIETY: Weighted((Sector.CIVIL_SOCIETY, Sector.PUBLIC, Sector.BUSINESS), (55, 30, 15)),
    Sector.BUSINESS: Weighted((Sector.BUSINESS, Sector.PUBLIC, Sector.CIVIL_SOCIETY), (55, 20, 25)),
    Sector.PHILANTHROPY: Weighted((Sector.CIVIL_SOCIETY, Sector.PUBLIC, Sector.KNOWLEDGE), (50, 30, 20)),
    Sector.KNOWLEDGE: Weighted((Sector.PUBLIC, Sector.CIVIL_SOCIETY, Sector.PHILANTHROPY), (60, 20, 20)),
}
_SAME_AREA = 0.75


def add_actor_ties(b: Builder, layout: Layout, spec: SizeSpec) -> None:
    _public_backbone(b, layout)
    _leisure_ties(b, layout)
    _partners_of_note(b, layout)
    _business_ties(b)
    _leisure_referrals(b, layout)
    _funding(b)
    _random_collaborations(b, layout, spec)


def _public_backbone(b: Builder, layout: Layout) -> None:
    # The day-treatment school works with PPR only: it is the school without leisure (gap 2).
    b.collaborate(layout.closed_school, "ppr", required=True)
    b.refer("ppr", layout.closed_school, required=True)
    for area, schools in layout.schools.items():
        for school in schools:
            for service in ("ssp", "uu", "sundhedspleje", "ppr"):
                b.collaborate(school, service, required=True)
            b.refer(school, "ppr")
            b.refer(school, "sundhedspleje")
            if b.rng.random() < 0.5:
                b.collaborate(school, "ungdomsskole")
            for other in schools:
                if other > school and b.rng.random() < 0.7:
                    b.collaborate(school, other)
            for club in layout.clubs.get(area, ()):
                b.collaborate(school, club, required=True)
                b.refer(school, club)
    for clubs in layout.clubs.values():
        for club in clubs:
            b.collaborate("ssp", club, strength=4)
            b.refer("ssp", club)
    pairs = (
        ("ssp", "org-politi"),
        ("ssp", "familieafdeling"),
        ("ssp", "ungdomsskole"),
        ("ssp", "org-headspace"),
        ("uu", "jobcenter"),
        ("sundhedspleje", "ppr"),
        ("ppr", "org-region"),
        ("familieafdeling", "ppr"),
        ("jobcenter", "ungeraadgivning"),
        ("ungdomsskole", "musikskole"),
        ("ungeraadgivning", "org-region"),
    )
    for a, c in pairs:
        b.collaborate(a, c, strength=4)
    for a, c in (
        ("ssp", "ungeraadgivning"),
        ("uu", "jobcenter"),
        ("jobcenter", "uu"),
        ("sundhedspleje", "org-region"),
        ("ppr", "org-region"),
        ("ssp", "familieafdeling"),
    ):
        b.refer(a, c)


def _leisure_ties(b: Builder, layout: Layout) -> None:
    rng = b.rng
    broker_town = layout.towns[BROKER_TOWN].area_id
    by_area = b.actors_by_area()
    for i, town in enumerate(layout.towns):
        if i == NO_LEISURE_TOWN:
            continue
        leisure = [
            a
            for a in by_area.get(town.area_id, ())
            if (Arena.LEISURE in a.arenas and a.kind is not Kind.MUNICIPAL_UNIT)
            or a.category in ("Idrætshal", "Fritidshjem", "Værested for unge")
        ]
        clubs = layout.clubs.get(town.area_id, [])
        # Gap 4: the broker town's club is tied to every leisure actor in town.
        share = 1.0 if town.area_id == broker_town else 0.5
        for club in clubs:
            for actor in leisure:
                if share == 1.0 or rng.random() < share:
                    b.collaborate(club, actor.id, required=share == 1.0)
        halls = [a.id for a in leisure if a.category == "Idrætshal"]
        sports = [a.id for a in leisure if a.kind is Kind.ASSOCIATION and "klub" in (a.category or "")]
        for hall in halls:
            for club in sports:
                b.collaborate(hall, club)
            for school in layout.schools.get(town.area_id, ()):
                b.collaborate(hall, school)
        library = layout.libraries.get(town.area_id)
        house = layout.culture_houses.get(town.area_id)
        for school in layout.schools.get(town.area_id, ()):
            if library:
                b.collaborate(library, school)
        if house:
            b.collaborate(house, library or layout.libraries[layout.towns[MAIN].area_id])
            for actor in leisure:
                if actor.kind is Kind.ASSOCIATION and rng.random() < 0.3:
                    b.collaborate(house, actor.id)


def _partners_of_note(b: Builder, layout: Layout) -> None:
    """The +DIG circle in Egelunde, and the national partners from the source texts."""
    town = layout.towns[LONELY_TOWN].area_id
    house = layout.culture_houses[town]
    for other in (
        *layout.schools[town],
        *layout.clubs[town],
        layout.libraries[town],
        "assoc-roede-kors-ungdom",
        "org-ventilen",
        "org-sus",
    ):
        b.collaborate(house, other, strength=4)
    climbing = next(
        a.id for a in b.actors_where(kind=Kind.ASSOCIATION, area=town) if a.category == CLIMBING_CLUB
    )
    b.collaborate(house, climbing, strength=5)
    main = layout.towns[MAIN].area_id
    for a, c in (
        ("org-sus", "jobcenter"),
        ("org-sus", "ssp"),
        ("org-sundt-liv", "sundhedspleje"),
        ("org-kraeftens-bekaempelse", "jobcenter"),
        ("org-kraeftens-bekaempelse", "sundhedspleje"),
        ("org-headspace", "uu"),
        ("org-ventilen", "assoc-roede-kors-ungdom"),
        ("org-politi", "ssp"),
        ("assoc-ungdomsraadet", "ssp"),
        ("assoc-ungdomsraadet", "ungdomsskole"),
        ("assoc-roede-kors-ungdom", layout.libraries[main]),
        ("org-erhvervsraad", "jobcenter"),
        ("org-erhvervsraad", "uu"),
    ):
        b.collaborate(a, c)


def _business_ties(b: Builder) -> None:
    """Internships and jobs: UU, the job centre and the business council know many firms,
    and UU and the job centre place young people there (referral paths)."""
    rng = b.rng
    for business in b.actors_where(kind=Kind.BUSINESS):
        for partner, chance in (("uu", 0.08), ("jobcenter", 0.08), ("org-erhvervsraad", 0.12)):
            if rng.random() < chance:
                b.collaborate(partner, business.id)
        for partner in ("uu", "jobcenter"):
            if rng.random() < 0.06:
                b.refer(partner, business.id)


def _leisure_referrals(b: Builder, layout: Layout) -> None:
    """Leisure passes ("fritidspas"): SSP and the clubs refer young people at risk to local
    associations."""
    rng = b.rng
    for a in b.actors_where(kind=Kind.ASSOCIATION):
        if Arena.LEISURE not in a.arenas:
            continue
        if rng.random() < 0.2:
            b.refer("ssp", a.id)
        for club in layout.clubs.get(a.area or "", ()):
            if rng.random() < 0.25:
                b.refer(club, a.id)


def _funding(b: Builder) -> None:
    rng = b.rng
    associations: dict[str | None, list[str]] = {}
    for a in b.actors_where(kind=Kind.ASSOCIATION):
        if Arena.LEISURE in a.arenas:
            associations.setdefault(a.area, []).append(a.id)
    everyone = [a for ids in associations.values() for a in ids]
    # Local sponsors: the supermarket's and the bank's logo on the football shirts.
    for business in b.actors_where(kind=Kind.BUSINESS):
        local = associations.get(business.area)
        if business.category in _SPONSORS and local and rng.random() < 0.6:
            for target in rng.sample(local, k=min(len(local), rng.choice((1, 1, 2, 3)))):
                b.fund(business.id, target)
    for foundation, share in (
        ("org-sparekassefond", 0.08),
        ("org-nordea-fonden", 0.03),
        ("org-helsefonden", 0.01),
    ):
        for target in everyone:
            if rng.random() < share:
                b.fund(foundation, target)


def _random_collaborations(b: Builder, layout: Layout, spec: SizeSpec) -> None:
    rng = b.rng
    pools: dict[tuple[str | None, Sector], list[str]] = {}
    candidates: list[Actor] = []
    for actor in b.actors.values():
        if actor.id == layout.closed_school:
            continue  # it stays closed (gap 2)
        pools.setdefault((actor.area, actor.sector), []).append(actor.id)
        candidates.append(actor)
    areas = sorted({area for area, _ in pools if area is not None})
    for actor in candidates:
        mean = _PICKS[actor.kind] * spec.collaborations
        sectors = _PARTNER_SECTORS[actor.sector]
        for _ in range(int(rng.expovariate(1 / mean) + 0.5)):
            for _attempt in range(3):
                area = actor.area if rng.random() < _SAME_AREA else rng.choice(areas)
                pool = pools.get((area, sectors.pick(rng)))
                if pool and b.collaborate(actor.id, rng.choice(pool)):
                    break
