"""Target groups and initiatives, modelled on the source texts.

* +DIG (Lejre): an open workshop in the culture house against loneliness among children and
  young people — here for the lonely 12-17 year-olds of Egelunde, funded by Helsefonden, with
  schools, the club, the library, the climbing club, Red Cross Youth, Ventilen and SUS, and no
  business (planted gap 3).
* #Ungogsundlivskraft (Kalundborg): the 12-29 year-olds with several challenges at once, led
  by the job centre with UU, SSP, Kræftens Bekæmpelse, SUS, local employers, funded by the
  A.P. Møller Foundation. Some young people are enrolled by hand (INCLUDED_IN).
* Gode Liv (Ishøj): wellbeing and high weight among children, led by the school health nurses
  with Center for Sundt Liv og Trivsel, schools, sports clubs and a supermarket.
"""

from __future__ import annotations

from graphsvc.domain import (
    AgeBand,
    Arena,
    Challenge,
    Initiative,
    Kind,
    ParticipationRole,
    TargetGroup,
    TieType,
    YoungPerson,
)

from .builder import Builder
from .organisations import CLIMBING_CLUB
from .places import LONELY_TOWN, MAIN, Layout

__all__ = ["add_programmes"]

_LEAD, _PARTNER, _FUNDER = (ParticipationRole.LEAD, ParticipationRole.PARTNER, ParticipationRole.FUNDER)
_TEENS = frozenset({AgeBand.B12_14, AgeBand.B15_17})
_SEVERAL = frozenset(
    {Challenge.MENTAL_HEALTH, Challenge.SUBSTANCE_USE, Challenge.CRIME, Challenge.NO_EDUCATION}
)


def add_programmes(b: Builder, layout: Layout) -> None:
    lonely = layout.towns[LONELY_TOWN]
    main = layout.towns[MAIN]
    t = b.tenant
    b.add(
        TargetGroup(
            id="tg-loneliness",
            tenant=t,
            name=f"Ensomme 12-17-årige i {lonely.name}",
            description="Børn og unge, der føler sig ensomme: 1-2 i hver skoleklasse. Alle skal "
            "føle sig set, hørt og anerkendt i skole, klub, hjem og forening.",
            criteria_age_bands=_TEENS,
            criteria_challenges=frozenset({Challenge.LONELINESS}),
            criteria_areas=frozenset({lonely.area_id}),
        )
    )
    b.add(
        TargetGroup(
            id="tg-several-challenges",
            tenant=t,
            name="Unge 12-29 år med flere udfordringer",
            description="Unge med flere udfordringer på én gang: mistrivsel, psykiske problemer, "
            "misbrug, kriminalitet, ingen uddannelse.",
            criteria_age_bands=frozenset(AgeBand),
            criteria_challenges=_SEVERAL,
        )
    )
    b.add(
        TargetGroup(
            id="tg-overweight",
            tenant=t,
            name="Børn og unge med høj vægt og lav trivsel",
            description="Mental trivsel og høj vægt blandt børn og unge i hele kommunen.",
            criteria_age_bands=_TEENS,
            criteria_challenges=frozenset({Challenge.OVERWEIGHT}),
        )
    )

    in_lonely_town = b.actors_where(area=lonely.area_id)
    leisure_there = [a.id for a in in_lonely_town if a.kind is Kind.ASSOCIATION and Arena.LEISURE in a.arenas]
    climbing = next(a.id for a in in_lonely_town if a.category == CLIMBING_CLUB)
    _initiative(
        b,
        "init-plus-dig",
        "+DIG – åbent værksted mod ensomhed",
        "Åbent værksted i kulturhuset, hvor borgere, foreninger, fagfolk og unge sammen finder "
        "løsninger på ensomhed blandt børn og unge (Open Space).",
        target="tg-loneliness",
        funder="org-helsefonden",
        since=2016,
        roles=[
            (layout.culture_houses[lonely.area_id], _LEAD),
            *((s, _PARTNER) for s in layout.schools[lonely.area_id]),
            *((c, _PARTNER) for c in layout.clubs[lonely.area_id]),
            (layout.libraries[lonely.area_id], _PARTNER),
            (climbing, _PARTNER),
            *((a, _PARTNER) for a in leisure_there[:3] if a != climbing),
            ("assoc-roede-kors-ungdom", _PARTNER),
            ("org-ventilen", _PARTNER),
            ("org-sus", _PARTNER),
        ],
    )

    employers = [
        a.id
        for a in b.actors_where(kind=Kind.BUSINESS, area=main.area_id)
        if a.category == "Produktionsvirksomhed"
    ][:4]
    sports_main = [
        a.id
        for a in b.actors_where(kind=Kind.ASSOCIATION, area=main.area_id)
        if a.category and "klub" in a.category
    ][:3]
    _initiative(
        b,
        "init-ungogsund",
        "#Ungogsundlivskraft",
        "Collective impact for unge med flere udfordringer: mål og aktiviteter udvikles sammen "
        "med kommunen, unge, frivillige og virksomheder.",
        target="tg-several-challenges",
        funder="org-apmoeller",
        since=2017,
        roles=[
            ("jobcenter", _LEAD),
            ("uu", _PARTNER),
            ("ssp", _PARTNER),
            ("ungeraadgivning", _PARTNER),
            ("org-kraeftens-bekaempelse", _PARTNER),
            ("org-sus", _PARTNER),
            ("org-headspace", _PARTNER),
            ("org-erhvervsraad", _PARTNER),
            *((e, _PARTNER) for e in employers),
            *((s, _PARTNER) for s in sports_main[:1]),
        ],
    )

    shop = next(
        a.id for a in b.actors_where(kind=Kind.BUSINESS, area=main.area_id) if a.category == "Supermarked"
    )
    _initiative(
        b,
        "init-gode-liv",
        "Gode Liv",
        "Partnerskab om mental trivsel og høj vægt blandt børn og unge: en systemtilgang med "
        "samskabelse mellem borgere, fagfolk, civilsamfund og lokale aktører.",
        target="tg-overweight",
        funder="org-helsefonden",
        since=2019,
        roles=[
            ("sundhedspleje", _LEAD),
            ("org-sundt-liv", _PARTNER),
            *((s, _PARTNER) for s in layout.schools[main.area_id]),
            *((s, _PARTNER) for s in sports_main),
            (shop, _PARTNER),
            ("org-region", _PARTNER),
        ],
    )
    _enrol_by_hand(b)


def _initiative(
    b: Builder,
    id_: str,
    name: str,
    description: str,
    *,
    target: str,
    funder: str,
    since: int,
    roles: list[tuple[str, ParticipationRole]],
) -> None:
    b.add(Initiative(id=id_, tenant=b.tenant, name=name, description=description))
    b.tie(TieType.TARGETS, id_, target)
    b.fund(funder, id_, since=since)
    seen = set()
    for actor, role in [*roles, (funder, _FUNDER)]:
        if actor not in seen:
            seen.add(actor)
            b.tie(TieType.PARTICIPATES_IN, actor, id_, role=role)


def _enrol_by_hand(b: Builder) -> None:
    """Front-line staff enrol some young people with several challenges explicitly."""
    rng = b.rng
    for node in b.nodes:
        if (
            isinstance(node, YoungPerson)
            and node.age_band is not AgeBand.B12_14
            and len(node.challenges) >= 2
            and rng.random() < 0.4
        ):
            b.tie(TieType.INCLUDED_IN, node.id, "tg-several-challenges")
