"""The gaps planted in every demo network, and the guard that keeps them true.

A demo network is only useful for gap and broker reports if they have something true to find.
Four gaps are built in on purpose, in the same places for every size and seed:

1. **Area without leisure** — Østermose, a village where young people live, has no actor in the
   leisure arena, and no leisure actor anywhere has a tie to a young person living there.
2. **School without leisure** — Heldagsskolen (a day-treatment school) has no leisure-arena actor
   within two hops: its only actor tie is to PPR, PPR has no leisure partners, and its pupils
   have no leisure ties (no association, club, library or youth school).
3. **Sector missing around a target group** — no ``business`` actor lies within two hops of the
   lonely 12-17 year-olds in Egelunde (``tg-loneliness``), and no business takes part in +DIG,
   although businesses exist in Egelunde and everywhere else. Two hops: a member's school,
   club, association or service (one hop) has no business partner, sponsor or funder.
4. **Lone broker** — in Kirke Hvidinge the youth club is the only actor tied both to the
   town's schools and to its leisure actors, so in the actor graph every shortest path from a
   school there to a leisure actor there runs through it.

Gaps 2-4 are about actor–actor ties made at random elsewhere; :class:`GapGuard` refuses the
ties that would close them. Gap 1 and the young people's side of gaps 2 and 3 are kept by the
young-people generator, which knows who lives where and who goes to which school.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from graphsvc.domain import Actor, Arena, Network, Sector

__all__ = ["PLANTED_GAPS", "DemoGaps", "GapGuard", "planted_gaps"]


@dataclass(frozen=True)
class DemoGaps:
    """Ids of what was planted; the same for every size and seed."""

    area_without_leisure: str
    school_without_leisure: str
    target_group_missing_sector: tuple[str, Sector]
    target_group_area: str
    target_group_initiative: str
    lone_broker: str
    lone_broker_area: str


PLANTED_GAPS = DemoGaps(
    area_without_leisure="area-oestermose",
    school_without_leisure="school-heldagsskolen",
    target_group_missing_sector=("tg-loneliness", Sector.BUSINESS),
    target_group_area="area-egelunde",
    target_group_initiative="init-plus-dig",
    lone_broker="club-kirke-hvidinge",
    lone_broker_area="area-kirke-hvidinge",
)


def planted_gaps(network: Network) -> DemoGaps:
    """The planted gaps of a generated demo ``network``; ``ValueError`` if it is not one."""
    ids = {node.id for node in network.nodes}
    gaps = PLANTED_GAPS
    wanted = (
        gaps.area_without_leisure,
        gaps.school_without_leisure,
        gaps.target_group_missing_sector[0],
        gaps.target_group_area,
        gaps.target_group_initiative,
        gaps.lone_broker,
        gaps.lone_broker_area,
    )
    missing = [node_id for node_id in wanted if node_id not in ids]
    if missing:
        raise ValueError(f"not a demo network: it has no {', '.join(missing)}")
    return gaps


def is_leisure(actor: Actor) -> bool:
    return Arena.LEISURE in actor.arenas


class GapGuard:
    """Decides whether a new actor–actor tie (of any type) keeps gaps 2-4 true.

    It only sees actor ties: ties to young people, persons and initiatives never change
    the actor graph the gaps are defined on. Ties must be :meth:`record`-ed once made.
    """

    def __init__(
        self,
        *,
        actors: Mapping[str, Actor],
        business_free: frozenset[str],
        closed_school: str,
        broker: str,
        broker_schools: frozenset[str],
        broker_leisure: frozenset[str],
    ) -> None:
        self._actors = actors
        self._business_free = business_free
        self._closed_school = closed_school
        self._broker = broker
        self._broker_schools = broker_schools
        self._broker_leisure = broker_leisure - {broker}
        # Counts of special neighbours, so every check is O(1) however big the network.
        self._leisure_neighbours: Counter[str] = Counter()
        self._broker_school_neighbours: Counter[str] = Counter()
        self._broker_leisure_neighbours: Counter[str] = Counter()
        self._near_closed_school: set[str] = set()

    def allows(self, a: str, b: str) -> bool:
        return self._one_way(a, b) and self._one_way(b, a)

    def _one_way(self, u: str, v: str) -> bool:
        actors = self._actors
        # Gap 3: nothing the lonely members touch may have a business partner.
        if u in self._business_free and actors[v].sector is Sector.BUSINESS:
            return False
        # Gap 2: no leisure actor one or two hops from the closed school.
        if u == self._closed_school and (is_leisure(actors[v]) or self._leisure_neighbours[v]):
            return False
        if is_leisure(actors[u]) and v in self._near_closed_school:
            return False
        # Gap 4: school and leisure in the broker's town share no neighbour but the broker.
        if u in self._broker_schools:
            if v in self._broker_leisure:
                return False
            if v != self._broker and self._broker_leisure_neighbours[v]:
                return False
        return not (u in self._broker_leisure and v != self._broker and self._broker_school_neighbours[v])

    def record(self, a: str, b: str) -> None:
        for u, v in ((a, b), (b, a)):
            if is_leisure(self._actors[v]):
                self._leisure_neighbours[u] += 1
            if v in self._broker_schools:
                self._broker_school_neighbours[u] += 1
            if v in self._broker_leisure:
                self._broker_leisure_neighbours[u] += 1
            if v == self._closed_school:
                self._near_closed_school.add(u)
