"""Adult contact persons: whom a coordinator calls to recruit a partner.

Every association and every school has at least one; most units and organisations too, and
some businesses (more of them in the town the loneliness initiative works in, where a
recommendation should find a business it can actually call). E-mail addresses are on
``example.dk``; phone numbers start with 0, which no Danish subscriber number does.
"""

from __future__ import annotations

from graphsvc.domain import Actor, Arena, Kind, Person, TieType

from .builder import Builder
from .names import FIRST_NAMES, SURNAMES, slug
from .places import LONELY_TOWN, Layout

__all__ = ["add_contacts"]

# Roles by category (the first is the leader); unknown categories use the kind's default.
_ROLES = {
    "Folkeskole": ("Skoleleder", "Trivselsmedarbejder", "AKT-lærer", "Viceskoleleder"),
    "Dagbehandlingsskole": ("Skoleleder",),
    "Ungdomsklub": ("Klubleder", "Pædagog"),
    "SSP (skole, socialforvaltning og politi)": ("SSP-koordinator", "SSP-konsulent"),
    "Ungdommens Uddannelsesvejledning": ("Leder af UU", "UU-vejleder"),
    "Jobcenter": ("Ungekonsulent", "Jobkonsulent"),
    "Sundhedspleje": ("Ledende sundhedsplejerske", "Skolesundhedsplejerske"),
    "PPR": ("Leder af PPR", "Psykolog"),
    "Ungdomsskole": ("Ungdomsskoleleder", "Underviser"),
    "Rusmiddelbehandling for unge": ("Rusmiddelkonsulent",),
    "Familieafdeling": ("Familierådgiver",),
    "Musikskole": ("Musikskoleleder",),
    "Bibliotek": ("Biblioteksleder", "Bibliotekar"),
    "Kulturhus": ("Kulturhusleder", "Projektleder"),
    "Dagtilbud": ("Dagtilbudsleder",),
    "Plejecenter": ("Centerleder",),
    "Tandpleje": ("Overtandlæge",),
    "Idrætshal": ("Halinspektør",),
    "Botilbud for unge": ("Afdelingsleder",),
    "Familiehus": ("Leder",),
    "Fritidshjem": ("Leder",),
    "Værested for unge": ("Leder", "Frivilligkoordinator"),
    "Spejdergruppe": ("Gruppeleder", "Spejderleder"),
    "Fond": ("Programchef", "Fondskonsulent"),
    "Lokal fond": ("Formand for bestyrelsen",),
    "Videnscenter": ("Konsulent", "Projektleder"),
}
_DEFAULT_ROLES = {
    Kind.ASSOCIATION: ("Formand", "Ungdomstræner", "Kasserer", "Træner"),
    Kind.BUSINESS: ("Indehaver", "Direktør", "Butikschef", "HR-ansvarlig"),
    Kind.ORGANISATION: ("Konsulent", "Projektleder"),
    Kind.MUNICIPAL_UNIT: ("Leder",),
}


def add_contacts(b: Builder, layout: Layout) -> None:
    rng = b.rng
    lonely_town = layout.towns[LONELY_TOWN].area_id
    number = 0
    volunteers: dict[str, list[str]] = {}  # town → ids of its leisure associations
    for actor in b.actors.values():
        if actor.kind is Kind.ASSOCIATION and actor.area and Arena.LEISURE in actor.arenas:
            volunteers.setdefault(actor.area, []).append(actor.id)
    for actor in list(b.actors.values()):
        count = _contact_count(actor, rng.random(), lonely_town)
        roles = _ROLES.get(actor.category or "", _DEFAULT_ROLES[actor.kind])
        for n in range(count):
            number += 1
            role = roles[0] if n == 0 else rng.choice(roles[1:] or roles)
            first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
            person_id = f"person-{number}"
            b.add(
                Person(
                    id=person_id,
                    tenant=b.tenant,
                    name=f"{first} {last}",
                    role=role,
                    email=f"{slug(first)}.{slug(last)}.{number}@example.dk",
                    phone="+45 0{} {:02d} {:02d} {:02d}".format(
                        rng.randrange(10), *(rng.randrange(100) for _ in range(3))
                    ),
                )
            )
            # Board members and coaches are volunteers; everyone else is staff.
            tie = TieType.VOLUNTEERS_AT if actor.kind is Kind.ASSOCIATION else TieType.WORKS_FOR
            b.tie(tie, person_id, actor.id)
            # Teachers and club staff who also coach in town: the warm introductions.
            if (
                actor.category in ("Folkeskole", "Ungdomsklub")
                and actor.id != layout.closed_school
                and actor.area in volunteers
                and rng.random() < 0.15
            ):
                b.tie(TieType.VOLUNTEERS_AT, person_id, rng.choice(volunteers[actor.area]))


def _contact_count(actor: Actor, draw: float, lonely_town: str) -> int:
    if actor.kind is Kind.ASSOCIATION:
        return 2 if draw < 0.3 else 1
    if actor.kind is Kind.BUSINESS:
        return 1 if draw < (0.5 if actor.area == lonely_town else 0.06) else 0
    if actor.category in ("Folkeskole", "Ungdomsklub"):
        return 2 if draw < 0.4 else 1
    if actor.category in ("Dagtilbud", "Plejecenter", "Tandpleje"):
        return 1 if draw < 0.3 else 0
    return 2 if draw < 0.3 else 1
