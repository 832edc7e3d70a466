"""A map from a projection and the analytics results: nodes, ties, sizes, highlights, places.

:func:`build_map` is pure and runs in a worker thread; the services give it the tenant's
projection and the results it needs (:class:`MapInputs`), memoised with the projection.

Young people
------------
Unless the caller may see individuals *and* asked for them, young people are drawn as groups,
one per area and age band, labelled with their count; a group's tie to an actor stands for
the members tied to it (its ``weight``). Nothing else about young people reaches a map: no
names of grouped people, never their ``challenges``.

Highlights
----------
* brokers map: the ``top`` brokers (rank, how many actors of each arena they link, share);
* gaps map: single points of failure, schools with no leisure actor within two ties, the gap
  areas (drawn as nodes, tied to the young people who live there) and those young people;
* ego map: the actor at the centre, drawn in the middle with rings by step
  (:func:`~graphsvc.maps.layout.radial_layout`).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graphsvc.analytics import BrokerRanking, GapReport
from graphsvc.analytics.lookups import area_subtree
from graphsvc.analytics.members import age_band_of
from graphsvc.analytics.projection import node_data, social_graph
from graphsvc.errors import InvalidInput
from graphsvc.maps.layout import layout, radial_layout
from graphsvc.maps.model import Highlight, MapData, MapEdge, MapNode
from graphsvc.maps.options import MapKind, MapOptions, Metric, TieClass, YoungPeople
from graphsvc.maps.select import Selection, select
from graphsvc.maps.style import YOUNG_PERSON_SIZE, node_sizes
from graphsvc.maps.words import GROUP_KIND

__all__ = ["MAX_MAP_NODES", "MapInputs", "build_map", "young_people_shown"]

# Beyond this a browser no longer draws a map within seconds, nor can anyone read it.
MAX_MAP_NODES = 5000
_INITIATIVE_TIES = frozenset({"PARTICIPATES_IN", "FUNDS"})
_FIXED_SIZE = 18.0  # initiatives and gap areas
_ACTOR_TIES = (
    ("COLLABORATES_WITH", TieClass.COLLABORATION),
    ("REFERS_TO", TieClass.REFERRAL),
    ("FUNDS", TieClass.FUNDING),
)


@dataclass(frozen=True)
class MapInputs:
    """Analytics results a map uses: betweenness per node (for ``metric=betweenness``), the
    broker ranking (brokers maps and ``metric=broker``) and the gap report (target-group and
    gaps maps)."""

    betweenness: Mapping[str, float] | None = None
    ranking: BrokerRanking | None = None
    report: GapReport | None = None


def young_people_shown(options: MapOptions, *, individuals_allowed: bool) -> YoungPeople:
    """How young people are drawn: a brokers map never shows them; individuals only when
    asked for by a caller who may see them."""
    if options.kind is MapKind.BROKERS:
        return YoungPeople.NONE
    if options.young is YoungPeople.INDIVIDUALS and not individuals_allowed:
        return YoungPeople.GROUPS
    return options.young


def build_map(
    G: nx.DiGraph,
    options: MapOptions,
    *,
    individuals_allowed: bool,
    inputs: MapInputs | None = None,
    seed: int = 0,
    reference_year: int | None = None,
    max_nodes: int = MAX_MAP_NODES,
) -> MapData:
    """The map ``options`` describes, on the projection ``G`` (module docstring).

    Raises :class:`~graphsvc.errors.InvalidInput` when it would hold more than ``max_nodes``
    nodes, and :class:`~graphsvc.errors.NotFound` for an unknown actor or area.
    """
    inputs = inputs or MapInputs()
    young = young_people_shown(options, individuals_allowed=individuals_allowed)
    chosen = select(G, options, young, ranking=inputs.ranking, report=inputs.report)
    data = node_data(G)
    year = reference_year if reference_year is not None else datetime.date.today().year
    drawn_as, groups = _group_young(data, chosen.young, grouped=young is YoungPeople.GROUPS, year=year)
    total = len(chosen.actors) + len(set(drawn_as.values())) + len(chosen.extra)
    if total > max_nodes:
        advice = "show young people as groups or not at all, or " if young is YoungPeople.INDIVIDUALS else ""
        raise InvalidInput(
            f"this map would show {total:,} nodes, more than the {max_nodes:,} a "
            f"browser draws readably: {advice}choose an area or a smaller map"
        )
    edges = _edges(G, chosen, drawn_as)
    highlights = _highlights(G, options, chosen, inputs, drawn_as)
    S = social_graph(G)
    nodes: dict[str, dict[str, Any]] = {}
    individuals = set() if young is YoungPeople.GROUPS else set(drawn_as)
    for node in chosen.actors | chosen.extra | individuals:
        d = data[node]
        metrics: dict[str, float] = {"degree": float(S.degree(node)) if node in S else 0.0}
        if inputs.betweenness is not None and node in chosen.actors:
            metrics["betweenness"] = round(inputs.betweenness.get(node, 0.0), 4)
        if inputs.ranking is not None and node in chosen.actors:
            metrics["broker"] = round(_shares(inputs.ranking).get(node, 0.0), 4)
        nodes[node] = {
            "id": node,
            "name": d["name"],
            "kind": d["kind"],
            "sector": d["sector"],
            "arenas": tuple(sorted(d["arenas"])),
            "area": d["area"],
            "metrics": metrics,
        }
        if node in individuals:
            nodes[node]["age_band"] = age_band_of(d, year)
    for gid, group in groups.items():
        nodes[gid] = {
            "id": gid,
            "name": "",
            "kind": GROUP_KIND,
            "sector": "citizens",
            "area": group["area"],
            "age_band": group["band"],
            "count": group["count"],
        }
    sizes = _sizes(nodes, options.metric, chosen)
    ties = [(e.source, e.target) for e in edges]
    order = lambda n: (nodes[n]["sector"] or "", nodes[n]["name"], n)  # noqa: E731
    if options.kind is MapKind.EGO and options.actor in nodes:
        positions = radial_layout(list(nodes), ties, centre=options.actor, sort_key=order)
    else:
        area_of = {n: v.get("area") for n, v in nodes.items()}
        positions = layout(list(nodes), ties, area_of=area_of, seed=seed, sort_key=order)
    placed = tuple(
        MapNode(
            **fields,
            size=sizes[node],
            x=positions[node][0],
            y=positions[node][1],
            highlights=highlights.get(node, ()),
        )
        for node, fields in sorted(nodes.items())
    )
    areas = {
        a: data[a]["name"]
        for a in {n.area for n in placed} | _areas_of(chosen, data)
        if a is not None and a in data
    }
    facts: dict[str, tuple[str, ...]] = {}
    if options.kind is MapKind.GAPS and inputs.report is not None:
        facts = {
            "missing": tuple(inputs.report.sectors.missing),
            "under_represented": tuple(inputs.report.sectors.under_represented),
        }
    return MapData(
        options=options,
        nodes=placed,
        edges=edges,
        young=young,
        subject=chosen.subject,
        areas=areas,
        facts=facts,
    )


def _group_young(
    data: Mapping[str, dict[str, Any]], young: set[str], *, grouped: bool, year: int
) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """Each young person's drawn node (their group, or themselves), and the groups."""
    if not grouped:
        return {y: y for y in young}, {}
    drawn_as: dict[str, str] = {}
    groups: dict[str, dict[str, Any]] = {}
    for person in sorted(young):
        d = data[person]
        band, area = age_band_of(d, year), d["area"]
        gid = f"young-group/{area or 'unknown'}/{band or 'unknown'}"
        drawn_as[person] = gid
        group = groups.setdefault(gid, {"area": area, "band": band, "count": 0})
        group["count"] += 1
    return drawn_as, groups


def _edges(G: nx.DiGraph, chosen: Selection, drawn_as: Mapping[str, str]) -> tuple[MapEdge, ...]:
    S = social_graph(G)
    weights: Counter[tuple[str, str]] = Counter()
    ties: dict[tuple[str, str], TieClass] = {}
    for actor in chosen.actors:
        for other in S[actor]:
            if other in chosen.actors:
                if actor < other:
                    weights[actor, other] = _strength(G, actor, other)
                    ties[actor, other] = _actor_tie(G, actor, other)
            elif other in drawn_as:
                weights[drawn_as[other], actor] += 1
                ties[drawn_as[other], actor] = TieClass.YOUTH
        for target, tie in G._succ[actor].items():
            if target in chosen.extra and not tie["types"].isdisjoint(_INITIATIVE_TIES):
                weights[actor, target] = 1
                ties[actor, target] = (
                    TieClass.PARTICIPATION if "PARTICIPATES_IN" in tie["types"] else TieClass.FUNDING
                )
    for area in chosen.extra:
        if node_data(G)[area]["kind"] != "Area":
            continue
        inside = area_subtree(G, [area])
        for person in chosen.young:
            if node_data(G)[person]["area"] in inside:
                weights[drawn_as[person], area] += 1
                ties[drawn_as[person], area] = TieClass.RESIDENCE
    return tuple(
        MapEdge(source=u, target=v, weight=w, tie=ties[u, v].value) for (u, v), w in sorted(weights.items())
    )


def _actor_tie(G: nx.DiGraph, u: str, v: str) -> TieClass:
    """What ties two actors, in the legend's terms: collaboration before referral before
    funding, when they have more than one."""
    types: set[str] = set()
    for a, b in ((u, v), (v, u)):
        if b in G._succ[a]:
            types |= G._succ[a][b]["types"]
    for name, tie in _ACTOR_TIES:
        if name in types:
            return tie
    return TieClass.COLLABORATION


def _strength(G: nx.DiGraph, u: str, v: str) -> int:
    found = [G._succ[a][b].get("strength") for a, b in ((u, v), (v, u)) if b in G._succ[a]]
    return max([s for s in found if s], default=1)


def _shares(ranking: BrokerRanking) -> dict[str, float]:
    return {b.node: b.share for b in ranking.brokers}


def _sizes(nodes: Mapping[str, dict[str, Any]], metric: Metric, chosen: Selection) -> dict[str, float]:
    sizes: dict[str, float] = {}
    groups = {n: float(v["count"]) for n, v in nodes.items() if v["kind"] == GROUP_KIND}
    sizes.update(node_sizes(groups, low=10.0, high=32.0))
    actors = {n: nodes[n]["metrics"].get(metric.value, 0.0) for n in chosen.actors}
    sizes.update(node_sizes(actors))
    for n, v in nodes.items():
        if n not in sizes:
            sizes[n] = YOUNG_PERSON_SIZE if v["kind"] == "YoungPerson" else _FIXED_SIZE
    return sizes


def _highlights(
    G: nx.DiGraph, options: MapOptions, chosen: Selection, inputs: MapInputs, drawn_as: Mapping[str, str]
) -> dict[str, tuple[Highlight, ...]]:
    found: dict[str, list[Highlight]] = {}

    def mark(node: str, code: str, **values: Any) -> None:
        if node in chosen.actors or node in chosen.extra or node in drawn_as.values():
            found.setdefault(node, []).append(Highlight(code, values))

    if options.kind is MapKind.BROKERS and inputs.ranking is not None:
        for b in inputs.ranking.brokers:
            if b.rank <= options.top and b.share > 0:
                mark(
                    b.node,
                    "broker",
                    rank=b.rank,
                    sources=b.sources_linked,
                    targets=b.targets_linked,
                    share=b.share,
                )
    if options.kind is MapKind.EGO and options.actor is not None:
        mark(options.actor, "centre")
    if options.kind is MapKind.GAPS and inputs.report is not None:
        report = inputs.report
        for f in report.single_points_of_failure:
            mark(f.node, "spof", cut=f.members_cut_off)
        for s in report.schools_without_leisure:
            mark(s.school, "school_gap", members=s.members_attending)
        for gap in report.area_gaps:
            mark(gap.area, "gap_area", members=gap.members)
            inside = area_subtree(G, [gap.area])
            for node in sorted({drawn_as[p] for p in chosen.young if node_data(G)[p]["area"] in inside}):
                if not any(h.code == "group_gap" for h in found.get(node, ())):
                    mark(node, "group_gap")
    return {node: tuple(marks) for node, marks in found.items()}


def _areas_of(chosen: Selection, data: Mapping[str, dict[str, Any]]) -> set[str]:
    return {n for n in chosen.extra if data[n]["kind"] == "Area"}
