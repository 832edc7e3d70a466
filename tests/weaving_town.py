"""Holdby Kommune in miniature, with what a what-if and a weaving list must find planted.

::

    Areas: Holdby Kommune  <- PART_OF -  Holdby, Vestby

    school-holdby ---- club-holdby ---- assoc-spejder        (Holdby)
    school-vestby ---- jobcenter-holdby                      (Vestby school, Holdby job centre)
    biz-toemrer "Vestby Tømrer" (work and leisure, Vestby): no tie; Lone Holm WORKS_FOR the
        job centre and VOLUNTEERS_AT the carpenter's youth workshop
    biz-sparekasse (Holdby Kommune), org-fond, org-videncenter: no social ties
    init-faelles TARGETS tg-ensomme; club-holdby leads it, org-fond funds it

    Members of tg-ensomme (lonely 12-17 year-olds in Holdby Kommune):
      yp-h1, yp-h2 attend school-holdby only; yp-h3 attends club-holdby only;
      yp-h4 attends school-holdby and is a member of assoc-spejder           (Holdby)
      yp-v1, yp-v2, yp-v3 attend school-vestby and use jobcenter-holdby;
      yp-v4 attends school-vestby only                                      (Vestby)
    yp-old (25-29) uses the job centre: no member.

Planted:

* No business supports the group. **Recruiting Vestby Tømrer** — introduced by the job centre,
  where Lone works — closes the business gap and gives exactly yp-v1, yp-v2 and yp-v3 (the
  job centre's members, in Vestby) a leisure actor within two hops; yp-v4 stays three hops
  away.
* **club-holdby is the lone broker** of Holdby: without it yp-h1, yp-h2 and yp-h3 lose their
  leisure actor within two hops; yp-h4 keeps the scouts.
* Open triangles: school-holdby and assoc-spejder share club-holdby (school ↔ leisure, across
  sectors); club-holdby and school-vestby share nobody.
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
    Person,
    Sector,
    TargetGroup,
    Tie,
    TieType,
    YoungPerson,
)

TARGET_GROUP = "tg-ensomme"
RECRUIT = "biz-toemrer"
INTRODUCER = "jobcenter-holdby"
REACHED = frozenset({"yp-v1", "yp-v2", "yp-v3"})
LONE_BROKER = "club-holdby"
CUT_OFF = frozenset({"yp-h1", "yp-h2", "yp-h3"})
CONTACT = "person-lone"
RECRUIT_SENTENCE = (
    "Recruiting Vestby Tømrer via Jobcenter Holdby would give 3 more members in Vestby a leisure or work "
    "actor within two hops, and close the business gap."
)
RECRUIT_SENTENCE_DA = (
    "At rekruttere Vestby Tømrer via Jobcenter Holdby ville give 3 flere unge i målgruppen i Vestby en "
    "fritids- eller arbejdsmarkedsaktør inden for to led, og erhvervslivet ville ikke længere mangle "
    "omkring målgruppen."
)

_MU, _ASSOC, _BIZ, _ORG = Kind.MUNICIPAL_UNIT, Kind.ASSOCIATION, Kind.BUSINESS, Kind.ORGANISATION
_PUB, _CIV = Sector.PUBLIC, Sector.CIVIL_SOCIETY
_SCHOOL, _LEISURE, _WORK = Arena.SCHOOL, Arena.LEISURE, Arena.WORK
_ACTORS = {
    "school-holdby": ("Holdby Skole", _MU, _PUB, {_SCHOOL}, "area-holdby"),
    "school-vestby": ("Vestby Skole", _MU, _PUB, {_SCHOOL}, "area-vestby"),
    "club-holdby": ("Ungdomsklubben Holdby", _MU, _PUB, {_LEISURE}, "area-holdby"),
    "assoc-spejder": ("Holdby Spejderne", _ASSOC, _CIV, {_LEISURE}, "area-holdby"),
    "jobcenter-holdby": ("Jobcenter Holdby", _MU, _PUB, {_WORK}, "area-holdby"),
    "biz-toemrer": ("Vestby Tømrer", _BIZ, Sector.BUSINESS, {_WORK, _LEISURE}, "area-vestby"),
    "biz-sparekasse": ("Holdby Sparekasse", _BIZ, Sector.BUSINESS, set(), "area-kommune"),
    "org-fond": ("Holdby Fonden", _ORG, Sector.PHILANTHROPY, set(), "area-kommune"),
    "org-videncenter": ("Videncenter Ung", _ORG, Sector.KNOWLEDGE, set(), "area-kommune"),
}
_YOUNG = {
    "yp-h1": (AgeBand.B12_14, "area-holdby", ["school-holdby"]),
    "yp-h2": (AgeBand.B15_17, "area-holdby", ["school-holdby"]),
    "yp-h3": (AgeBand.B12_14, "area-holdby", ["club-holdby"]),
    "yp-h4": (AgeBand.B15_17, "area-holdby", ["school-holdby", "assoc-spejder"]),
    "yp-v1": (AgeBand.B12_14, "area-vestby", ["school-vestby", "jobcenter-holdby"]),
    "yp-v2": (AgeBand.B15_17, "area-vestby", ["school-vestby", "jobcenter-holdby"]),
    "yp-v3": (AgeBand.B15_17, "area-vestby", ["school-vestby", "jobcenter-holdby"]),
    "yp-v4": (AgeBand.B12_14, "area-vestby", ["school-vestby"]),
    "yp-old": (AgeBand.B25_29, "area-vestby", ["jobcenter-holdby"]),
}
_YOUTH_TIE = {Kind.MUNICIPAL_UNIT: TieType.ATTENDS, Kind.ASSOCIATION: TieType.MEMBER_OF}


def weaving_town(tenant: str, *, mark: str = "") -> Network:
    """The town in ``tenant``; ``mark`` is added to every name (another tenant's secret)."""
    suffix = f" {mark}" if mark else ""
    nodes: list = [
        Area(id="area-kommune", tenant=tenant, name=f"Holdby Kommune{suffix}", area_type="municipality"),
        Area(id="area-holdby", tenant=tenant, name=f"Holdby{suffix}", area_type="town"),
        Area(id="area-vestby", tenant=tenant, name=f"Vestby{suffix}", area_type="town"),
    ]
    for actor_id, (name, kind, sector, arenas, area) in _ACTORS.items():
        nodes.append(
            Actor(
                kind=kind,
                id=actor_id,
                tenant=tenant,
                name=name + suffix,
                sector=sector,
                arenas=frozenset(arenas),
                area=area,
            )
        )
    for person_id, (band, area, _) in _YOUNG.items():
        nodes.append(
            YoungPerson(
                id=person_id,
                tenant=tenant,
                name=f"Pseudonym {person_id.upper()}{suffix}",
                age_band=band,
                area=area,
                challenges=frozenset({Challenge.LONELINESS}),
            )
        )
    nodes += [
        Person(id=CONTACT, tenant=tenant, name=f"Lone Holm{suffix}", role="Virksomhedskonsulent",
               email="lone@example.dk", phone="+45 11 22 33 44"),
        TargetGroup(
            id=TARGET_GROUP,
            tenant=tenant,
            name=f"Ensomme 12-17-årige{suffix}",
            criteria_age_bands=frozenset({AgeBand.B12_14, AgeBand.B15_17}),
            criteria_challenges=frozenset({Challenge.LONELINESS}),
            criteria_areas=frozenset({"area-kommune"}),
        ),
        Initiative(id="init-faelles", tenant=tenant, name=f"Fællesskab for alle{suffix}"),
    ]  # fmt: skip
    C = TieType.COLLABORATES_WITH
    pairs = [
        (TieType.PART_OF, "area-holdby", "area-kommune"),
        (TieType.PART_OF, "area-vestby", "area-kommune"),
        (C, "school-holdby", "club-holdby"),
        (C, "club-holdby", "assoc-spejder"),
        (C, "school-vestby", "jobcenter-holdby"),
        (TieType.WORKS_FOR, CONTACT, "jobcenter-holdby"),
        (TieType.VOLUNTEERS_AT, CONTACT, "biz-toemrer"),
        (TieType.TARGETS, "init-faelles", TARGET_GROUP),
        (TieType.FUNDS, "org-fond", "init-faelles"),
    ]
    kinds = {actor_id: spec[1] for actor_id, spec in _ACTORS.items()}
    for person_id, (_, _, actors) in _YOUNG.items():
        for actor in actors:
            tie = TieType.USES if actor == "jobcenter-holdby" else _YOUTH_TIE[kinds[actor]]
            pairs.append((tie, person_id, actor))
    ties = [Tie(type=t, source=s, target=d) for t, s, d in pairs]
    takes_part = TieType.PARTICIPATES_IN
    ties += [
        Tie(type=takes_part, source="club-holdby", target="init-faelles", role=ParticipationRole.LEAD),
        Tie(type=takes_part, source="org-fond", target="init-faelles", role=ParticipationRole.FUNDER),
    ]
    return Network(tenant=tenant, nodes=tuple(nodes), ties=tuple(ties))
