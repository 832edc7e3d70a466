"""Lookups on a projection: nodes of a kind, areas and their sub-areas, initiatives and
their participants, an actor's contact persons."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from graphsvc.domain import TieType
from graphsvc.errors import NotFound

from .projection import ACTOR_KINDS_STR, cached

__all__ = [
    "actors",
    "area_subtree",
    "contact_persons",
    "initiative_participants",
    "initiatives_targeting",
    "is_actor",
    "nodes_of_kind",
    "require_node",
]


def require_node(G: nx.Graph, node_id: str, kind: str | None = None) -> dict[str, Any]:
    """The node's attributes; :class:`~graphsvc.errors.NotFound` naming the id when it is
    missing or of another kind."""
    data = G.nodes.get(node_id)
    if data is None:
        raise NotFound(f"no node {node_id!r} in this tenant")
    if kind is not None and data["kind"] != kind:
        raise NotFound(f"{node_id!r} is a {data['kind']}, not a {kind}")
    return data  # type: ignore[no-any-return]


def is_actor(data: dict[str, Any]) -> bool:
    return data.get("kind") in ACTOR_KINDS_STR


def nodes_of_kind(G: nx.Graph, *kinds: str) -> list[str]:
    """Ids of the nodes of the given kinds, in the projection's order."""
    wanted = frozenset(kinds)
    return [n for n, d in G.nodes(data=True) if d.get("kind") in wanted]


def actors(G: nx.Graph) -> list[str]:
    return nodes_of_kind(G, *ACTOR_KINDS_STR)


def area_subtree(G: nx.DiGraph, area_ids: Iterable[str]) -> frozenset[str]:
    """The given areas and every area PART_OF them, at any depth."""
    children = cached(G, "area_children", lambda: _area_children(G))
    seen: set[str] = set()
    stack = list(area_ids)
    while stack:
        area = stack.pop()
        if area not in seen:
            seen.add(area)
            stack.extend(children.get(area, ()))
    return frozenset(seen)


def _area_children(G: nx.DiGraph) -> dict[str, list[str]]:
    children: dict[str, list[str]] = {}
    for u, v, types in G.edges(data="types"):
        if TieType.PART_OF.value in types:
            children.setdefault(v, []).append(u)
    return children


def _sources_by(G: nx.DiGraph, target: str, tie: str) -> list[str]:
    return [u for u in G.predecessors(target) if tie in G.edges[u, target]["types"]]


def initiatives_targeting(G: nx.DiGraph, target_group: str) -> list[str]:
    """Initiatives with a TARGETS tie to the target group."""
    return _sources_by(G, target_group, TieType.TARGETS.value)


def initiative_participants(G: nx.DiGraph, initiative: str) -> list[str]:
    """Actors taking part in the initiative (PARTICIPATES_IN) or funding it (FUNDS)."""
    found = [
        u
        for u in G.predecessors(initiative)
        if G.edges[u, initiative]["types"] & {TieType.PARTICIPATES_IN.value, TieType.FUNDS.value}
    ]
    return [u for u in found if G.nodes[u]["kind"] in ACTOR_KINDS_STR]


def contact_persons(G: nx.DiGraph, actor: str) -> list[tuple[str, str]]:
    """``(person id, tie type)`` for every adult who WORKS_FOR or VOLUNTEERS_AT the actor,
    staff first, then by id."""
    found = []
    for u in G.predecessors(actor):
        types = G.edges[u, actor]["types"]
        for tie in (TieType.WORKS_FOR.value, TieType.VOLUNTEERS_AT.value):
            if tie in types:
                found.append((u, tie))
                break
    return sorted(found, key=lambda p: (p[1] != TieType.WORKS_FOR.value, p[0]))
