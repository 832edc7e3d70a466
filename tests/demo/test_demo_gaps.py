"""The planted gaps of the demo municipality are true, checked with plain networkx on the
generated network (not with graphsvc's own analytics, which these gaps exist to test)."""

from __future__ import annotations

from functools import cache

import networkx as nx
import pytest

from graphsvc.demo import PLANTED_GAPS, generate_demo, planted_gaps
from graphsvc.domain import (
    Actor,
    Arena,
    Kind,
    Network,
    ParticipationRole,
    Sector,
    TargetGroup,
    TieType,
    YoungPerson,
)

GAPS = PLANTED_GAPS
ACTOR_TIES = {TieType.COLLABORATES_WITH, TieType.REFERS_TO, TieType.FUNDS}
# Small with several seeds (the gaps are planted by construction, not by luck), and medium.
CASES = [("small", 2635), ("small", 1), ("small", 99), ("medium", 2635)]


@cache
def demo(size: str, seed: int) -> Network:
    return generate_demo(size=size, seed=seed)


def graph(
    network: Network,
    *,
    without: frozenset[Kind] = frozenset(),
    ties: set[TieType] | None = None,
    areas: bool = True,
) -> nx.Graph:
    """Undirected graph of the network: nodes with their model, ties, and `area` links."""
    g = nx.Graph()
    for node in network.nodes:
        if node.kind not in without:
            g.add_node(node.id, node=node)
    for tie in network.ties:
        if (ties is None or tie.type in ties) and tie.source in g and tie.target in g:
            g.add_edge(tie.source, tie.target)
    if areas:
        for node in network.nodes:
            area = getattr(node, "area", None)
            if area and node.id in g and area in g:
                g.add_edge(node.id, area)
    return g


def actors(network: Network) -> dict[str, Actor]:
    return {n.id: n for n in network.nodes if isinstance(n, Actor)}


def leisure(actor: object) -> bool:
    return isinstance(actor, Actor) and Arena.LEISURE in actor.arenas


@pytest.fixture(params=CASES, ids=[f"{size}-{seed}" for size, seed in CASES])
def network(request: pytest.FixtureRequest) -> Network:
    return demo(*request.param)


def test_planted_gaps_names_ids_in_the_network(network: Network) -> None:
    assert planted_gaps(network) == GAPS
    with pytest.raises(ValueError, match="not a demo network"):
        planted_gaps(Network(tenant="demo"))


def test_an_area_has_young_people_but_no_leisure(network: Network) -> None:
    area = GAPS.area_without_leisure
    by_id = {n.id: n for n in network.nodes}
    residents = {n.id for n in network.nodes if isinstance(n, YoungPerson) and n.area == area}
    assert len(residents) >= 10
    located_there = [a for a in actors(network).values() if a.area == area]
    assert located_there, "the village has some actors, just none in the leisure arena"
    assert not [a.id for a in located_there if leisure(a)]
    g = graph(network, without=frozenset({Kind.AREA}))
    reached = {other for r in residents for other in g[r] if leisure(by_id[other])}
    assert reached == set()
    # Elsewhere young people do have leisure ties: the gap is the village's, not everyone's.
    others = [n for n in network.nodes if isinstance(n, YoungPerson) and n.area != area]
    assert any(leisure(by_id[o]) for n in others for o in g[n.id])


def test_a_school_has_no_leisure_actor_within_two_hops(network: Network) -> None:
    school = GAPS.school_without_leisure
    by_id = {n.id: n for n in network.nodes}
    # Actors, young people and contact persons: no areas, initiatives or target groups.
    g = graph(network, without=frozenset({Kind.AREA, Kind.INITIATIVE, Kind.TARGET_GROUP}))
    pupils = [p for p in g[school] if isinstance(by_id[p], YoungPerson)]
    assert pupils, "the school has pupils"
    near = nx.single_source_shortest_path_length(g, school, cutoff=2)
    assert [n for n in near if leisure(by_id[n])] == []
    # Every other school does reach leisure within two hops (its town's club, at least).
    for other in (a for a in actors(network).values() if a.category == "Folkeskole"):
        near = nx.single_source_shortest_path_length(g, other.id, cutoff=2)
        assert any(leisure(by_id[n]) for n in near), other.id


def members_of(network: Network, group: TargetGroup) -> set[str]:
    """Young people matching every criterion, plus explicit members."""
    matching = {
        n.id
        for n in network.nodes
        if isinstance(n, YoungPerson)
        and (not group.criteria_age_bands or n.age_band in group.criteria_age_bands)
        and (not group.criteria_areas or n.area in group.criteria_areas)
        and group.criteria_challenges <= n.challenges
    }
    explicit = {t.source for t in network.ties if t.type is TieType.INCLUDED_IN and t.target == group.id}
    return matching | explicit


def test_a_target_group_has_no_business_within_two_hops(network: Network) -> None:
    group_id, sector = GAPS.target_group_missing_sector
    assert sector is Sector.BUSINESS
    group = next(n for n in network.nodes if n.id == group_id)
    assert isinstance(group, TargetGroup)
    assert group.criteria_areas == {GAPS.target_group_area}
    members = members_of(network, group)
    assert len(members) >= 5
    everyone = actors(network)
    g = graph(network, without=frozenset({Kind.AREA}))  # everything but the areas
    near = nx.multi_source_dijkstra_path_length(g, members, cutoff=2)
    reached = {n for n in near if n in everyone}
    assert reached, "the members do have a support network"
    assert [n for n in reached if everyone[n].sector is sector] == []
    # The initiative for them has no business either ...
    initiative = GAPS.target_group_initiative
    assert any(
        t.type is TieType.TARGETS and t.source == initiative and t.target == group_id for t in network.ties
    )
    partners = {
        t.source for t in network.ties if t.type is TieType.PARTICIPATES_IN and t.target == initiative
    }
    assert len(partners) >= 5
    assert [p for p in partners if everyone[p].sector is sector] == []
    # ... although businesses exist, in the members' town too, some with a contact person.
    businesses = [a for a in everyone.values() if a.sector is sector]
    local = {a.id for a in businesses if a.area == GAPS.target_group_area}
    assert len(businesses) > 100 and local
    contacts = {t.target for t in network.ties if t.type is TieType.WORKS_FOR}
    assert local & contacts


def test_one_actor_bridges_school_and_leisure_in_a_town(network: Network) -> None:
    broker, town = GAPS.lone_broker, GAPS.lone_broker_area
    everyone = actors(network)
    assert everyone[broker].area == town
    g = graph(
        network,
        without=frozenset(
            set(Kind) - {Kind.ASSOCIATION, Kind.BUSINESS, Kind.MUNICIPAL_UNIT, Kind.ORGANISATION}
        ),
        ties=ACTOR_TIES,
        areas=False,
    )
    schools = {a.id for a in everyone.values() if a.area == town and a.category == "Folkeskole"}
    leisure_actors = {a.id for a in everyone.values() if a.area == town and leisure(a)}
    targets = leisure_actors - {broker}
    assert len(schools) >= 2 and len(targets) >= 4
    # The broker is the only actor tied both to a school and to a leisure actor in town.
    both = {n for n in g if any(s in g[n] for s in schools) and any(t in g[n] for t in targets)}
    assert both == {broker}
    # So every shortest school → leisure path in town runs through it ...
    without = g.copy()
    without.remove_node(broker)
    for s in schools:
        for t in targets:
            length = nx.shortest_path_length(g, s, t)
            assert length == 2
            assert not nx.has_path(without, s, t) or nx.shortest_path_length(without, s, t) > 2
    # ... and it has the highest school → leisure betweenness in the actor graph.
    betweenness = nx.betweenness_centrality_subset(
        g, sources=schools, targets=leisure_actors, normalized=True
    )
    top = max(betweenness, key=betweenness.__getitem__)
    assert top == broker
    assert betweenness[broker] > 0


def test_initiatives_have_leads_partners_and_funders(network: Network) -> None:
    roles: dict[str, set[ParticipationRole]] = {}
    for t in network.ties:
        if t.type is TieType.PARTICIPATES_IN:
            assert t.role is not None
            roles.setdefault(t.target, set()).add(t.role)
    assert set(roles) == {"init-plus-dig", "init-ungogsund", "init-gode-liv"}
    assert all(r == set(ParticipationRole) for r in roles.values())
    funded = {t.target for t in network.ties if t.type is TieType.FUNDS}
    assert set(roles) <= funded
