"""Partner recommendations on the tiny municipality: the planted recruit comes first."""

from __future__ import annotations

import networkx as nx
import pytest

from graphsvc.analytics import (
    Recommendations,
    ScoreWeights,
    gap_report,
    network_to_graph,
    recommend_partners,
)
from graphsvc.domain import Network

from .conftest import tiny_network


@pytest.fixture(scope="module")
def recommendations(tiny: nx.DiGraph) -> Recommendations:
    return recommend_partners(tiny, gap_report(tiny, "tg-lonely", engine="networkx"))


def test_the_planted_recruit_comes_first(recommendations: Recommendations) -> None:
    # Candidates: the two businesses (every other actor is in the support network).
    assert recommendations.candidates == 2
    first, second = recommendations.recommendations
    assert first.node == "biz-brugsen"
    # 3 for the missing business sector, 1 for sitting in Byen where 4 members live, and 0.5
    # for Kim, who volunteers at the football club (a current partner).
    assert [(r.code, r.points) for r in first.reasons] == [
        ("missing_sector", 3.0),
        ("members_area", 1.0),
        ("warmth", 0.5),
    ]
    assert first.score == 4.5 and first.warmth == 1
    assert [(c.node, c.relation, c.email) for c in first.contacts] == [
        ("person-kim", "WORKS_FOR", "kim@example.dk")
    ]
    assert [s.node for s in first.introduction_path] == ["assoc-fodbold", "person-kim", "biz-brugsen"]
    assert first.sentence.endswith("introduction: Assoc Fodbold → Kim Holm → Biz Brugsen")
    # The factory fills the sector too, but sits nowhere near the members and nobody knows it.
    assert (second.node, second.score, second.introduction_path) == ("biz-fabrik", 3.0, ())


def test_weights_are_parameters(tiny: nx.DiGraph) -> None:
    report = gap_report(tiny, "tg-lonely", engine="networkx")
    local_first = recommend_partners(tiny, report, weights=ScoreWeights(members_area=0.0))
    assert [r.score for r in local_first.recommendations] == [3.5, 3.0]
    assert len(recommend_partners(tiny, report, top=1).recommendations) == 1


def test_warmth_alone_recommends_nobody() -> None:
    # Only the public sector expected: no sector gap. Moved out of town, Brugsen closes no
    # gap either; that Kim can introduce it is not a reason to recruit it.
    net = tiny_network()
    nodes = tuple(
        n.model_copy(update={"area": "area-kommune"}) if n.id == "biz-brugsen" else n for n in net.nodes
    )
    G = network_to_graph(Network(tenant=net.tenant, nodes=nodes, ties=net.ties))
    report = gap_report(G, "tg-lonely", expected_sectors=("public",), engine="networkx")
    assert recommend_partners(G, report).recommendations == ()
    # In town it sits where members live: that is a reason, and then warmth counts too.
    G = network_to_graph(net)
    report = gap_report(G, "tg-lonely", expected_sectors=("public",), engine="networkx")
    [only] = recommend_partners(G, report).recommendations
    assert [r.code for r in only.reasons] == ["members_area", "warmth"]
