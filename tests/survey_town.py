"""A small municipality for the partner-survey tests: nine organisations of Hvalsø, a young
person and a contact person (who must never reach a respondent), and one collaboration that
is older than any survey (with a strength the answers must not erase).

::

    school ---- club          (strength 3, since 2025: the coordinator's own record)
    yp-1 ATTENDS school, MEMBER_OF club;  p-1 WORKS_FOR club
    esport: no ties (not invited: a partner one step further out)
"""

from __future__ import annotations

from graphsvc.domain import Actor, Area, Arena, Kind, Network, Person, Sector, Tie, TieType, YoungPerson

# Invited to answer, in this order.
ORGANISATIONS = {
    "school": ("Hvalsø Skole", Kind.MUNICIPAL_UNIT, Sector.PUBLIC, Arena.SCHOOL),
    "club": ("Hvalsø Klatreklub", Kind.ASSOCIATION, Sector.CIVIL_SOCIETY, Arena.LEISURE),
    "scouts": ("Hvalsø Spejderne", Kind.ASSOCIATION, Sector.CIVIL_SOCIETY, Arena.LEISURE),
    "library": ("Hvalsø Bibliotek", Kind.MUNICIPAL_UNIT, Sector.PUBLIC, Arena.COMMUNITY),
    "youthclub": ("Ungdomsklubben Hvalsø", Kind.MUNICIPAL_UNIT, Sector.PUBLIC, Arena.LEISURE),
    "kfum": ("KFUM & KFUK Hvalsø", Kind.ASSOCIATION, Sector.CIVIL_SOCIETY, Arena.LEISURE),
    "carpenter": ("Kjær & Søn Tømrer", Kind.BUSINESS, Sector.BUSINESS, Arena.WORK),
    "fund": ("Helsefonden", Kind.ORGANISATION, Sector.PHILANTHROPY, Arena.HEALTH),
}
NOT_INVITED = {"esport": ("Fjordlev E-sport", Kind.ASSOCIATION, Sector.CIVIL_SOCIETY, Arena.LEISURE)}
YOUNG_PERSON = "Blå Ræv"
CONTACT = ("Mette Jensen", "mette@example.dk", "+45 20 30 40 50")


def survey_town(tenant: str, *, mark: str = "") -> Network:
    """The town in ``tenant``; ``mark`` is added to every name (another tenant's secret)."""
    suffix = f" {mark}" if mark else ""
    actors = tuple(
        Actor(
            kind=kind,
            id=actor_id,
            tenant=tenant,
            name=name + suffix,
            sector=sector,
            arenas=frozenset({arena}),
            area="hvalsoe",
        )
        for actor_id, (name, kind, sector, arena) in {**ORGANISATIONS, **NOT_INVITED}.items()
    )
    nodes = (
        Area(id="hvalsoe", tenant=tenant, name="Hvalsø" + suffix, area_type="town"),
        *actors,
        YoungPerson(id="yp-1", tenant=tenant, name=YOUNG_PERSON, age_band="12-14", area="hvalsoe"),
        Person(id="p-1", tenant=tenant, name=CONTACT[0], email=CONTACT[1], phone=CONTACT[2]),
    )
    ties = (
        Tie(type=TieType.COLLABORATES_WITH, source="school", target="club", strength=3, since=2025),
        Tie(type=TieType.ATTENDS, source="yp-1", target="school"),
        Tie(type=TieType.MEMBER_OF, source="yp-1", target="club"),
        Tie(type=TieType.WORKS_FOR, source="p-1", target="club"),
    )
    return Network(tenant=tenant, nodes=nodes, ties=ties)
