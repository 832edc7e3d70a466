"""The deterministic demo municipality: ``generate_demo(size=..., seed=...)``.

Same tenant, size and seed → the same network, node for node and tie for tie (only
``random.Random(seed)`` is used, and nothing iterates over an unordered set). The skeleton —
towns, schools, clubs, libraries, services, organisations, target groups, initiatives and the
planted gaps (see ``gaps.py``) — depends on the size only; the seed decides names of clubs
and firms, the other institutions, who collaborates with whom, and all the young people.

Counting ties: a network's ``ties`` never hold LOCATED_IN — an actor's or young person's
``area`` stands for it (see ``graphsvc.domain.Network``). The sizes below count both, as the
graph in Neo4j will: ``len(network.ties)`` plus one LOCATED_IN per node with an ``area``.

Sizes with the default seed (2635); times on one core of a shared 2-core machine, and the
peak memory of the process:

======  =======  =========  ======  ========
size     nodes     ties      time    memory
======  =======  =========  ======  ========
small     2,099      7,916   0.2 s
medium   13,117     60,009   1.5 s   ~120 MB
large   157,678    999,131    26 s   ~700 MB
======  =======  =========  ======  ========
"""

from __future__ import annotations

import random

from graphsvc.domain import Arena, Network, Sector

from .actor_ties import add_actor_ties
from .builder import Builder
from .contacts import add_contacts
from .gaps import PLANTED_GAPS, GapGuard
from .organisations import add_associations, add_businesses, add_organisations
from .places import BROKER_TOWN, LONELY_TOWN, Layout, add_places, make_towns
from .programmes import add_programmes
from .sizes import SIZES
from .youth import add_young_people

__all__ = ["DEFAULT_SEED", "count_ties", "generate_demo"]

DEFAULT_SEED = 2635  # Ishøj's postcode, after "Gode Liv 2635"

# Municipality-wide actors the lonely 12-17 year-olds of the lonely town may use (gap 3): they
# get no business partner. UU and the job centre are left out: they work with employers.
_BUSINESS_FREE_WIDE = frozenset(
    {
        "ssp",
        "sundhedspleje",
        "ppr",
        "ungdomsskole",
        "musikskole",
        "familieafdeling",
        "org-ventilen",
        "org-headspace",
        "org-region",
        "assoc-roede-kors-ungdom",
        "assoc-ungdomsraadet",
        PLANTED_GAPS.school_without_leisure,
    }
)


def generate_demo(*, tenant: str = "demo", size: str = "small", seed: int = DEFAULT_SEED) -> Network:
    """A fictional Danish municipality with young people, actors, ties and planted gaps.

    ``size`` is one of :data:`SIZES` (``small``, ``medium``, ``large``). The result passes
    :func:`graphsvc.network_check.check_network`; its planted gaps are
    :data:`~graphsvc.demo.gaps.PLANTED_GAPS`.
    """
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}; choose one of {', '.join(SIZES)}")
    spec = SIZES[size]
    municipality, towns = make_towns(tenant, spec)
    b = Builder(tenant=tenant, rng=random.Random(seed), municipality=municipality, towns=towns)
    layout = add_places(b, spec)
    add_organisations(b, layout)
    add_associations(b, layout, spec)
    add_businesses(b, spec)
    business_free = _business_free(b, layout)
    b.guard = _guard(b, layout, business_free)
    add_actor_ties(b, layout, spec)
    add_contacts(b, layout)
    add_young_people(b, layout, spec, business_free)
    add_programmes(b, layout)
    return b.network()


def count_ties(network: Network) -> int:
    """Ties as stored in Neo4j: the network's ties plus one LOCATED_IN per node with an area."""
    return len(network.ties) + sum(1 for n in network.nodes if getattr(n, "area", None))


def _business_free(b: Builder, layout: Layout) -> frozenset[str]:
    town = layout.towns[LONELY_TOWN].area_id
    local = {a.id for a in b.actors.values() if a.area == town and a.sector is not Sector.BUSINESS}
    return frozenset(local | _BUSINESS_FREE_WIDE)


def _guard(b: Builder, layout: Layout, business_free: frozenset[str]) -> GapGuard:
    town = layout.towns[BROKER_TOWN].area_id
    broker = layout.clubs[town][0]
    if broker != PLANTED_GAPS.lone_broker or layout.closed_school != (PLANTED_GAPS.school_without_leisure):
        raise RuntimeError("the demo layout no longer matches PLANTED_GAPS")
    leisure = frozenset(a.id for a in b.actors.values() if a.area == town and Arena.LEISURE in a.arenas)
    return GapGuard(
        actors=b.actors,
        business_free=business_free,
        closed_school=layout.closed_school,
        broker=broker,
        broker_schools=frozenset(layout.schools[town]),
        broker_leisure=leisure,
    )
