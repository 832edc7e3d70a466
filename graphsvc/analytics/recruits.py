"""What recruiting one candidate would do: the members it would reach, and its sector's gap.

The **members it would reach** are the members within two hops of it after the change (tied to
it, or to an actor tied to it) who do not reach an actor of its arenas within two hops now —
"would give 3 more members in Vestby a leisure or work actor within two hops".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from .projection import actor_graph, node_data, social_graph
from .scenario import PlannedRecruit
from .whatif_difference import Gaps

__all__ = ["RecruitEffect", "recruit_effect"]


@dataclass(frozen=True)
class RecruitEffect:
    """One recruit as planned and the members it would reach (module docstring).

    ``by_area`` lists ``(area id, area name, members)`` for those members, most first;
    ``sector_gap_closed`` says whether its sector is missing now and would not be after.
    """

    node: str
    name: str
    sector: str | None
    arenas: tuple[str, ...]
    via: str | None
    via_name: str | None
    ties_to: tuple[str, ...]
    ties_to_names: tuple[str, ...]
    ties_from: str
    initiative: str | None
    initiative_name: str | None
    members_reached: int
    by_area: tuple[tuple[str, str, int], ...]
    sector_gap_closed: bool


def recruit_effect(
    G: nx.DiGraph,
    G2: nx.DiGraph,
    r: PlannedRecruit,
    arenas_before: Mapping[str, frozenset[str]],
    before: Gaps,
    after: Gaps,
) -> RecruitEffect:
    """What recruiting ``r`` would do: the members it would reach (module docstring) and
    whether it would close its sector's gap."""
    nodes = node_data(G)
    data = nodes[r.actor]
    own: frozenset[str] = data["arenas"]
    H2, A2 = social_graph(G2), actor_graph(G2)
    near = {m for x in (r.actor, *A2._adj[r.actor]) for m in H2._adj[x] if m in arenas_before}
    reached = [m for m in near if own - arenas_before[m]]
    places = Counter(nodes[m]["area"] for m in reached)
    return RecruitEffect(
        node=r.actor,
        name=data["name"],
        sector=data["sector"],
        arenas=tuple(sorted(own)),
        via=r.via,
        via_name=nodes[r.via]["name"] if r.via else None,
        ties_to=r.ties_to,
        ties_to_names=tuple(nodes[t]["name"] for t in r.ties_to),
        ties_from=r.ties_from,
        initiative=r.initiative,
        initiative_name=nodes[r.initiative]["name"] if r.initiative else None,
        members_reached=len(reached),
        by_area=tuple(
            (a or "unknown", nodes[a]["name"] if a in nodes else "unknown area", n)
            for a, n in sorted(places.items(), key=lambda p: (-p[1], str(p[0])))
        ),
        sector_gap_closed=data["sector"] in before.sectors.missing
        and data["sector"] not in after.sectors.missing,
    )
