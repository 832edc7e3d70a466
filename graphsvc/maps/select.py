"""Which nodes each kind of map shows.

=================  =========================================================================
kind               nodes
=================  =========================================================================
``network``        every actor and young person (located in ``area`` or its sub-areas, if
                   given)
``target-group``   the support network of the gap report (actors within ``hops`` ties of the
                   members, and the actors of initiatives targeting the group), the members,
                   and those initiatives
``gaps``           as ``target-group``, plus the gap areas
``ego``            the actor and everyone within ``depth`` ties of it in the social graph
                   (only through actors when young people are not shown)
``brokers``        the actors of both arenas (in ``area``, if given) and every actor some
                   shortest path between them runs through; never young people
=================  =========================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from graphsvc.analytics import BrokerRanking, GapReport
from graphsvc.analytics.lookups import area_subtree
from graphsvc.analytics.projection import ACTOR_KINDS_STR, actor_graph, node_data, social_graph
from graphsvc.errors import InvalidInput, NotFound
from graphsvc.maps.options import MapKind, MapOptions, YoungPeople

__all__ = ["Selection", "select"]

_YOUNG = "YoungPerson"


@dataclass
class Selection:
    """The nodes of one map before young people are grouped: ``extra`` holds initiatives and
    gap areas; ``subject`` names what the map is about."""

    actors: set[str] = field(default_factory=set)
    young: set[str] = field(default_factory=set)
    extra: set[str] = field(default_factory=set)
    subject: str | None = None


def select(
    G: nx.DiGraph,
    options: MapOptions,
    young: YoungPeople,
    *,
    ranking: BrokerRanking | None = None,
    report: GapReport | None = None,
) -> Selection:
    """The nodes of the map ``options`` describes (see the module docstring). ``young`` is
    how young people will be drawn; with ``NONE`` none are selected."""
    data = node_data(G)
    kind = options.kind
    if kind is MapKind.NETWORK:
        found = _network(G, options.area)
    elif kind in (MapKind.TARGET_GROUP, MapKind.GAPS):
        if report is None:
            raise ValueError("a target-group or gaps map needs the gap report")
        found = Selection(
            actors=set(report.support.ids),
            young=set(report.members.members),
            extra=set(report.initiatives),
            subject=report.name,
        )
        if kind is MapKind.GAPS:
            found.extra |= {gap.area for gap in report.area_gaps}
    elif kind is MapKind.EGO:
        found = _ego(G, options, young)
    else:
        if ranking is None:
            raise ValueError("a brokers map needs the broker ranking")
        found = _brokers(G, options, ranking)
    if options.area is not None and found.subject is None:
        found.subject = data[options.area]["name"]
    if young is YoungPeople.NONE:
        found.young.clear()
    return found


def _in_area(G: nx.DiGraph, area: str | None) -> frozenset[str] | None:
    if area is None:
        return None
    data = node_data(G).get(area)
    if data is None or data["kind"] != "Area":
        raise NotFound(f"there is no area with id {area!r} in this tenant")
    return area_subtree(G, [area])


def _network(G: nx.DiGraph, area: str | None) -> Selection:
    inside = _in_area(G, area)
    found = Selection()
    for node, d in node_data(G).items():
        if inside is not None and d["area"] not in inside:
            continue
        if d["kind"] in ACTOR_KINDS_STR:
            found.actors.add(node)
        elif d["kind"] == _YOUNG:
            found.young.add(node)
    return found


def _ego(G: nx.DiGraph, options: MapOptions, young: YoungPeople) -> Selection:
    centre = str(options.actor)
    d = node_data(G).get(centre)
    if d is None:
        raise NotFound(f"there is no actor with id {centre!r} in this tenant")
    if d["kind"] not in ACTOR_KINDS_STR:
        raise InvalidInput(f"actor: an ego map is drawn around an actor, and {centre!r} is not one")
    H = actor_graph(G) if young is YoungPeople.NONE else social_graph(G)
    reach = nx.single_source_shortest_path_length(H, centre, cutoff=options.depth)
    found = Selection(subject=d["name"])
    for node in reach:
        (found.young if H.nodes[node]["kind"] == _YOUNG else found.actors).add(node)
    return found


def _brokers(G: nx.DiGraph, options: MapOptions, ranking: BrokerRanking) -> Selection:
    inside = _in_area(G, options.area)
    source, target = options.source_arena.value, options.target_arena.value
    found = Selection()
    for node, d in node_data(G).items():
        if d["kind"] not in ACTOR_KINDS_STR or (inside is not None and d["area"] not in inside):
            continue
        if source in d["arenas"] or target in d["arenas"]:
            found.actors.add(node)
    found.actors |= {b.node for b in ranking.brokers if b.share > 0}
    return found
