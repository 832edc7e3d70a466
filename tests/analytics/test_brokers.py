"""Brokers between arenas: the subset-betweenness share, its undirected halving, and the
ranking on the tiny municipality."""

from __future__ import annotations

import networkx as nx
import pytest

from graphsvc.analytics import pair_dependencies, path_shares, rank_brokers
from graphsvc.analytics.engines import igraph_available

ENGINES = [
    "networkx",
    pytest.param(
        "igraph", marks=pytest.mark.skipif(not igraph_available(), reason="igraph is not installed")
    ),
]


@pytest.mark.parametrize("engine", ENGINES)
def test_networkx_halves_undirected_subset_betweenness_and_we_do_not(engine: str) -> None:
    H = nx.path_graph(["school", "X", "leisure"])
    # The quirk: NetworkX scales undirected subset betweenness by 1/2 even though each
    # (school, leisure) pair is visited from one end only.
    assert nx.betweenness_centrality_subset(H, ["school"], ["leisure"])["X"] == 0.5
    assert pair_dependencies(H, ["school"], ["leisure"], engine=engine)["X"] == 1.0
    shares = path_shares(H, ["school"], ["leisure"], engine=engine)
    assert shares.shares == {"school": 0.0, "X": 1.0, "leisure": 0.0}
    assert shares.connected_pairs == 1


@pytest.mark.parametrize("engine", ENGINES)
def test_share_splits_over_equal_shortest_paths(engine: str) -> None:
    # s1 reaches t through X or Y (two shortest paths); s2 only through Y; s3 is cut off.
    H = nx.Graph([("s1", "X"), ("s1", "Y"), ("X", "t"), ("Y", "t"), ("s2", "Y")])
    H.add_node("s3")
    shares = path_shares(H, ["s1", "s2", "s3"], ["t"], engine=engine)
    assert shares.pairs == 3 and shares.connected_pairs == 2
    assert shares.shares["X"] == pytest.approx(0.5 / 2)
    assert shares.shares["Y"] == pytest.approx((0.5 + 1) / 2)


def test_the_planted_broker_ranks_first(tiny: nx.DiGraph) -> None:
    ranking = rank_brokers(tiny)
    assert (ranking.sources, ranking.targets, ranking.connected_pairs) == (4, 3, 12)
    first, second, third = ranking.brokers
    # club-by is on every path from the four school-arena actors to the football club and
    # the scouts (8 pairs); its own 4 pairs as a target do not count for it.
    assert first.node == "club-by" and first.share == 1.0
    assert (first.sources_linked, first.targets_linked) == (4, 2)
    assert first.sentence.startswith(
        "links 4 school actors to 2 leisure actors; 100% of school→leisure paths run through"
    )
    # school-by carries the 6 pairs from unit-ppr and school-landsby, out of the 9 it is not
    # an end of; unit-ppr the 3 from school-landsby.
    assert (second.node, second.share) == ("school-by", pytest.approx(6 / 9))
    assert (third.node, third.share) == ("unit-ppr", pytest.approx(3 / 9))
    # Gould-Fernandez with sectors: public school-by/-2 -> club -> civil society clubs is
    # representative (4), the reverse gatekeeper (4), school to school coordinator (2),
    # football club to scouts itinerant (2).
    assert (
        first.roles.representative,
        first.roles.gatekeeper,
        first.roles.coordinator,
        first.roles.itinerant,
        first.roles.liaison,
    ) == (4, 4, 2, 2, 0)
    assert first.constraint is not None and first.effective_size is not None


def test_area_and_reverse_question(tiny: nx.DiGraph) -> None:
    in_town = rank_brokers(tiny, area="area-by")
    assert (in_town.sources, in_town.targets) == (2, 3)
    assert in_town.brokers[0].node == "club-by"
    reverse = rank_brokers(tiny, source_arena="leisure", target_arena="school")
    assert reverse.brokers[0].node == "club-by"


def test_arena_groups(tiny: nx.DiGraph) -> None:
    ranking = rank_brokers(tiny, group_by="arena")
    assert ranking.brokers[0].main_role_group == "leisure"


@pytest.mark.skipif(not igraph_available(), reason="igraph is not installed")
@pytest.mark.parametrize("young", [False, True])
def test_engines_agree(tiny: nx.DiGraph, young: bool) -> None:
    a = rank_brokers(tiny, include_young_people=young, engine="networkx")
    b = rank_brokers(tiny, include_young_people=young, engine="igraph")
    assert [(x.node, round(x.share, 12), x.sources_linked, x.targets_linked) for x in a.brokers] == [
        (x.node, round(x.share, 12), x.sources_linked, x.targets_linked) for x in b.brokers
    ]


def test_unknown_arena_is_refused(tiny: nx.DiGraph) -> None:
    with pytest.raises(ValueError, match="unknown arena"):
        rank_brokers(tiny, source_arena="skole")
