"""The projection: attributes, merged ties, the social views and the lookups."""

from __future__ import annotations

import networkx as nx
import pytest

from graphsvc.analytics import actor_graph, introduction_graph, network_to_graph, social_graph
from graphsvc.analytics.lookups import (
    area_subtree,
    contact_persons,
    initiative_participants,
    initiatives_targeting,
    require_node,
)
from graphsvc.analytics.projection import directed_actor_graph
from graphsvc.domain import Network, Tie, TieType
from graphsvc.errors import NotFound

from .conftest import tiny_network


def test_nodes_carry_plain_attributes(tiny: nx.DiGraph) -> None:
    club = tiny.nodes["club-by"]
    assert club["kind"] == "MunicipalUnit" and type(club["kind"]) is str
    assert club["sector"] == "public" and club["arenas"] == frozenset({"leisure"})
    assert club["area"] == "area-by"
    young = tiny.nodes["yp-1"]
    assert young["sector"] == "citizens" and young["age_band"] == "12-14"
    assert young["challenges"] == frozenset({"loneliness"})
    assert tiny.nodes["tg-lonely"]["criteria_areas"] == frozenset({"area-kommune"})
    assert tiny.graph["tenant"] == "tiny"


def test_two_tie_types_on_one_pair_share_an_edge() -> None:
    net = tiny_network()
    extra = Tie(type=TieType.REFERS_TO, source="school-by", target="club-by", since=2019)
    G = network_to_graph(Network(tenant=net.tenant, nodes=net.nodes, ties=(*net.ties, extra)))
    assert G.edges["school-by", "club-by"]["types"] == frozenset({"COLLABORATES_WITH", "REFERS_TO"})
    assert G.edges["school-by", "club-by"]["since"] == 2019


def test_ties_to_unknown_nodes_are_refused() -> None:
    net = tiny_network()
    bad = Tie(type=TieType.ATTENDS, source="yp-1", target="school-nowhere")
    with pytest.raises(ValueError, match="school-nowhere"):
        network_to_graph(Network(tenant=net.tenant, nodes=net.nodes, ties=(*net.ties, bad)))


def test_social_graph_holds_actors_and_young_people_only(tiny: nx.DiGraph) -> None:
    H = social_graph(tiny)
    kinds = {d["kind"] for _, d in H.nodes(data=True)}
    assert kinds == {"MunicipalUnit", "Association", "Business", "Organisation", "YoungPerson"}
    assert not H.is_directed()
    assert H.has_edge("club-by", "school-by") and H.has_edge("yp-1", "assoc-fodbold")
    # Funding an initiative, persons, areas and target groups stay out.
    assert "init-venner" not in H and "person-kim" not in H and "area-by" not in H
    # Isolated actors are kept: they are candidates for recruitment.
    assert H.degree("biz-brugsen") == 0
    assert social_graph(tiny) is H  # cached


def test_actor_and_introduction_graphs(tiny: nx.DiGraph) -> None:
    A = actor_graph(tiny)
    assert "yp-1" not in A and A.has_edge("club-by", "assoc-fodbold")
    intro = introduction_graph(tiny)
    assert "yp-1" not in intro
    assert nx.shortest_path(intro, "assoc-fodbold", "biz-brugsen") == [
        "assoc-fodbold",
        "person-kim",
        "biz-brugsen",
    ]
    D = directed_actor_graph(tiny)
    # Collaboration has no direction: it counts both ways.
    assert D.has_edge("club-by", "school-by") and D.has_edge("school-by", "club-by")


def test_lookups(tiny: nx.DiGraph) -> None:
    assert area_subtree(tiny, ["area-kommune"]) == {"area-kommune", "area-by", "area-landsby"}
    assert initiatives_targeting(tiny, "tg-lonely") == ["init-venner"]
    assert sorted(initiative_participants(tiny, "init-venner")) == ["club-by", "org-fond"]
    assert contact_persons(tiny, "biz-brugsen") == [("person-kim", "WORKS_FOR")]
    assert contact_persons(tiny, "assoc-fodbold") == [("person-kim", "VOLUNTEERS_AT")]
    with pytest.raises(NotFound):
        require_node(tiny, "nobody")
    with pytest.raises(NotFound, match="not a TargetGroup"):
        require_node(tiny, "club-by", "TargetGroup")


def test_views_need_a_projection() -> None:
    with pytest.raises(TypeError, match="network_to_graph"):
        social_graph(nx.DiGraph())
