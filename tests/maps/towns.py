"""Two small towns with known groups of young people and known gaps, for the map, API and
browser tests of maps.

::

    Areas: Kommunen <- PART_OF - Byen, Landsby

    school-by ---- club-by            (club-by: leisure, in Byen)
        \\
         ssp ---- school-landsby      (ssp: school and leisure, no area)
    biz-by: no ties                   fond FUNDS init; club-by PARTICIPATES_IN init

    yp-1 (12-14, Byen, loneliness)      ATTENDS school-by, MEMBER_OF club-by
    yp-2 (12-14, Byen, loneliness)      ATTENDS school-by
    yp-3 (15-17, Landsby, loneliness)   ATTENDS school-landsby
    yp-4 (15-17, Landsby, mental_health) ATTENDS school-landsby

    tg-lonely: loneliness → members yp-1, yp-2, yp-3; init TARGETS tg-lonely.

Landsby is an area gap (its members reach no leisure actor). ``hostile=True`` gives the club,
the school, a young person and the target group names that are markup.
"""

from __future__ import annotations

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
    Sector,
    TargetGroup,
    Tie,
    TieType,
    YoungPerson,
)

T = "maps"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"


def two_towns(tenant: str = T, *, hostile: bool = False) -> Network:
    def actor(id_: str, name: str, kind: Kind, sector: Sector, arenas: set[Arena], area: str | None) -> Actor:
        return Actor(
            kind=kind, id=id_, tenant=tenant, name=name, sector=sector, arenas=frozenset(arenas), area=area
        )

    def young(id_: str, name: str, band: AgeBand, area: str, challenge: Challenge) -> YoungPerson:
        return YoungPerson(
            id=id_, tenant=tenant, name=name, age_band=band, area=area, challenges=frozenset({challenge})
        )

    lonely, school, leisure = Challenge.LONELINESS, Arena.SCHOOL, Arena.LEISURE
    nodes = (
        Area(id="kommune", tenant=tenant, name="Kommunen", area_type="municipality"),
        Area(id="by", tenant=tenant, name="Byen", area_type="town"),
        Area(id="landsby", tenant=tenant, name="Landsby", area_type="town"),
        actor(
            "school-by",
            SCRIPT if hostile else "Byens Skole",
            Kind.MUNICIPAL_UNIT,
            Sector.PUBLIC,
            {school},
            "by",
        ),
        actor("school-landsby", "Landsbyskolen", Kind.MUNICIPAL_UNIT, Sector.PUBLIC, {school}, "landsby"),
        actor(
            "club-by",
            IMG if hostile else "Byens Klatreklub",
            Kind.ASSOCIATION,
            Sector.CIVIL_SOCIETY,
            {leisure},
            "by",
        ),
        actor("ssp", "SSP", Kind.MUNICIPAL_UNIT, Sector.PUBLIC, {school, leisure}, None),
        actor("biz-by", "Brugsen", Kind.BUSINESS, Sector.BUSINESS, {Arena.WORK}, "by"),
        actor("fond", "Fonden", Kind.ORGANISATION, Sector.PHILANTHROPY, set(), None),
        young("yp-1", IMG if hostile else "Blå Ræv", AgeBand.B12_14, "by", lonely),
        young("yp-2", "Grøn Ugle", AgeBand.B12_14, "by", lonely),
        young("yp-3", "Rød Ræv", AgeBand.B15_17, "landsby", lonely),
        young("yp-4", "Gul Hare", AgeBand.B15_17, "landsby", Challenge.MENTAL_HEALTH),
        TargetGroup(
            id="tg-lonely",
            tenant=tenant,
            name=SCRIPT if hostile else "Ensomme unge",
            criteria_challenges=frozenset({lonely}),
        ),
        Initiative(id="init", tenant=tenant, name="Venner"),
    )
    C, A = TieType.COLLABORATES_WITH, TieType.ATTENDS
    pairs = [
        (TieType.PART_OF, "by", "kommune"),
        (TieType.PART_OF, "landsby", "kommune"),
        (C, "school-by", "club-by"),
        (C, "ssp", "school-by"),
        (C, "ssp", "school-landsby"),
        (A, "yp-1", "school-by"),
        (TieType.MEMBER_OF, "yp-1", "club-by"),
        (A, "yp-2", "school-by"),
        (A, "yp-3", "school-landsby"),
        (A, "yp-4", "school-landsby"),
        (TieType.TARGETS, "init", "tg-lonely"),
        (TieType.FUNDS, "fond", "init"),
    ]
    ties = [Tie(type=t, source=s, target=d) for t, s, d in pairs]
    ties.append(
        Tie(type=TieType.PARTICIPATES_IN, source="club-by", target="init", role=ParticipationRole.LEAD)
    )
    return Network(tenant=tenant, nodes=nodes, ties=tuple(ties))
