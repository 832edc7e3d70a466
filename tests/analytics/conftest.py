"""A tiny hand-built municipality with known gaps, a known broker and a known best recruit.

::

    Areas: Kommunen  <- PART_OF -  Byen, Landsby

    school-by ----- club-by ----- assoc-fodbold  (leisure)
    school-by-2 --/        \\---- assoc-spejder  (leisure)
    unit-ppr ---- school-by
    school-landsby ---- unit-ppr
    biz-brugsen (Byen), biz-fabrik (Kommunen): no social ties
    person-kim WORKS_FOR biz-brugsen and VOLUNTEERS_AT assoc-fodbold
    person-anne WORKS_FOR school-by
    init-venner TARGETS tg-lonely; club-by leads it, org-fond funds it

    Target group tg-lonely: 12-14, loneliness, in Kommunen (and so its towns), plus yp-6
    enrolled by hand. Members: yp-1 (school-by, fodbold), yp-2 (school-by only), yp-3
    (school-landsby only, lives in Landsby), yp-5 (club-by only), yp-6 (school-by-2,
    spejder). yp-4 (15-17, no challenge: not a member) attends school-by and spejder.

Planted: club-by is the school→leisure broker (every path from a school-arena actor to the
other leisure actors runs through it); Landsby is an area gap; school-landsby has no leisure
within two hops; no business (and no knowledge institution) supports the group; the right
recruit is biz-brugsen, introduced by the football club's volunteer Kim.
"""

from __future__ import annotations

import networkx as nx
import pytest

from graphsvc.analytics import network_to_graph
from graphsvc.domain import (
    Actor,
    AgeBand,
    Area,
    Arena,
    Challenge,
    Initiative,
    Kind,
    Network,
    ParticipationRole,
    Person,
    Sector,
    TargetGroup,
    Tie,
    TieType,
    YoungPerson,
)

T = "tiny"


def _actor(id_: str, kind: Kind, sector: Sector, arenas: set[Arena], area: str) -> Actor:
    return Actor(
        kind=kind,
        id=id_,
        tenant=T,
        name=id_.replace("-", " ").title(),
        sector=sector,
        arenas=frozenset(arenas),
        area=area,
    )


def _young(id_: str, band: AgeBand, area: str, lonely: bool = True) -> YoungPerson:
    return YoungPerson(
        id=id_,
        tenant=T,
        name=f"Pseudonym {id_}",
        age_band=band,
        area=area,
        challenges=frozenset({Challenge.LONELINESS}) if lonely else frozenset(),
    )


def tiny_network() -> Network:
    mu, assoc, biz, org = Kind.MUNICIPAL_UNIT, Kind.ASSOCIATION, Kind.BUSINESS, Kind.ORGANISATION
    pub, civ = Sector.PUBLIC, Sector.CIVIL_SOCIETY
    school, leisure = Arena.SCHOOL, Arena.LEISURE
    nodes = [
        Area(id="area-kommune", tenant=T, name="Kommunen", area_type="municipality"),
        Area(id="area-by", tenant=T, name="Byen", area_type="town"),
        Area(id="area-landsby", tenant=T, name="Landsby", area_type="town"),
        _actor("school-by", mu, pub, {school}, "area-by"),
        _actor("school-by-2", mu, pub, {school}, "area-by"),
        _actor("school-landsby", mu, pub, {school}, "area-landsby"),
        _actor("unit-ppr", mu, pub, {school, Arena.HEALTH}, "area-kommune"),
        _actor("club-by", mu, pub, {leisure}, "area-by"),
        _actor("assoc-fodbold", assoc, civ, {leisure}, "area-by"),
        _actor("assoc-spejder", assoc, civ, {leisure}, "area-by"),
        _actor("biz-brugsen", biz, Sector.BUSINESS, {Arena.WORK}, "area-by"),
        _actor("biz-fabrik", biz, Sector.BUSINESS, {Arena.WORK}, "area-kommune"),
        _actor("org-fond", org, Sector.PHILANTHROPY, set(), "area-kommune"),
        Person(
            id="person-kim",
            tenant=T,
            name="Kim Holm",
            role="Indehaver",
            email="kim@example.dk",
            phone="+45 01 02 03 04",
        ),
        Person(id="person-anne", tenant=T, name="Anne Berg", role="Skoleleder"),
        _young("yp-1", AgeBand.B12_14, "area-by"),
        _young("yp-2", AgeBand.B12_14, "area-by"),
        _young("yp-3", AgeBand.B12_14, "area-landsby"),
        _young("yp-4", AgeBand.B15_17, "area-by", lonely=False),
        _young("yp-5", AgeBand.B12_14, "area-by"),
        _young("yp-6", AgeBand.B15_17, "area-by", lonely=False),
        TargetGroup(
            id="tg-lonely",
            tenant=T,
            name="Ensomme 12-14-årige",
            criteria_age_bands=frozenset({AgeBand.B12_14}),
            criteria_challenges=frozenset({Challenge.LONELINESS}),
            criteria_areas=frozenset({"area-kommune"}),
        ),
        Initiative(id="init-venner", tenant=T, name="Venner"),
    ]
    C, A, M = TieType.COLLABORATES_WITH, TieType.ATTENDS, TieType.MEMBER_OF
    pairs = [
        (TieType.PART_OF, "area-by", "area-kommune"),
        (TieType.PART_OF, "area-landsby", "area-kommune"),
        (C, "school-by", "club-by"),
        (C, "school-by-2", "club-by"),
        (C, "club-by", "assoc-fodbold"),
        (C, "club-by", "assoc-spejder"),
        (C, "unit-ppr", "school-by"),
        (C, "school-landsby", "unit-ppr"),
        (A, "yp-1", "school-by"),
        (M, "yp-1", "assoc-fodbold"),
        (A, "yp-2", "school-by"),
        (A, "yp-3", "school-landsby"),
        (A, "yp-4", "school-by"),
        (M, "yp-4", "assoc-spejder"),
        (A, "yp-5", "club-by"),
        (A, "yp-6", "school-by-2"),
        (M, "yp-6", "assoc-spejder"),
        (TieType.INCLUDED_IN, "yp-6", "tg-lonely"),
        (TieType.WORKS_FOR, "person-kim", "biz-brugsen"),
        (TieType.VOLUNTEERS_AT, "person-kim", "assoc-fodbold"),
        (TieType.WORKS_FOR, "person-anne", "school-by"),
        (TieType.TARGETS, "init-venner", "tg-lonely"),
        (TieType.FUNDS, "org-fond", "init-venner"),
    ]
    ties = [Tie(type=t, source=s, target=d) for t, s, d in pairs]
    ties += [
        Tie(
            type=TieType.PARTICIPATES_IN, source="club-by", target="init-venner", role=ParticipationRole.LEAD
        ),
        Tie(
            type=TieType.PARTICIPATES_IN,
            source="org-fond",
            target="init-venner",
            role=ParticipationRole.FUNDER,
        ),
    ]
    return Network(tenant=T, nodes=tuple(nodes), ties=tuple(ties))


@pytest.fixture(scope="session")
def tiny() -> nx.DiGraph:
    """The projection of :func:`tiny_network` (read-only: views are cached on it)."""
    return network_to_graph(tiny_network())
