"""Open triangles against a brute-force count, and the weaving list on Holdby in miniature and
the tiny municipality: school ↔ leisure first, never a pair that is tied already, the shared
partners as introducers, and the effect a what-if of the tie reports."""

from __future__ import annotations

import itertools
import random

import networkx as nx
import pytest

from graphsvc.analytics import actor_graph, gap_report, network_to_graph
from graphsvc.analytics.open_triangles import open_pairs, open_triangles
from graphsvc.analytics.scenario import Scenario, tied
from graphsvc.analytics.weaving import PER_ACTOR, weaving_list
from graphsvc.analytics.whatif import what_if
from graphsvc.demo import generate_demo
from graphsvc.domain import Tie, TieType
from tests import weaving_town as town

from .conftest import tiny_network


def _brute_force(H: nx.Graph) -> dict[tuple[object, object], int]:
    """Every pair of nodes, one by one: not tied, and how many neighbours they share."""
    found = {}
    for u, v in itertools.combinations(list(H), 2):
        if not H.has_edge(u, v):
            shared = len((set(H[u]) - {u}) & (set(H[v]) - {v}))
            if shared:
                found[(u, v)] = shared
    return found


@pytest.mark.parametrize("seed", range(40))
def test_open_triangles_equal_a_brute_force_count(seed: int) -> None:
    draw = random.Random(seed)
    H = nx.gnp_random_graph(draw.randint(0, 30), draw.choice([0.05, 0.15, 0.3, 0.6]), seed=seed)
    H = nx.relabel_nodes(H, {n: f"actor-{draw.randint(0, 10**6)}-{n}" for n in H})
    if seed % 5 == 0 and len(H):
        H.add_edge(next(iter(H)), next(iter(H)))  # a self-loop is no neighbour of one's own
    assert open_triangles(H) == _brute_force(H)
    assert int(open_pairs(H).shared.sum()) == sum(_brute_force(H).values())


def test_open_triangles_of_a_demo_actor_graph_equal_a_brute_force_count_of_a_part_of_it() -> None:
    A = actor_graph(network_to_graph(generate_demo(size="small")))
    part = A.subgraph(list(A)[:250]).copy()
    assert open_triangles(part) == _brute_force(part)


@pytest.fixture(scope="module")
def holdby() -> nx.DiGraph:
    return network_to_graph(town.weaving_town("holdby"))


@pytest.fixture(scope="module")
def tiny_graph() -> nx.DiGraph:
    return network_to_graph(tiny_network())


@pytest.fixture(scope="module")
def holdby_crossed() -> nx.DiGraph:
    """Holdby with the job centre working with the youth club: now a school ↔ leisure pair
    within one sector (Vestby Skole, the club) competes with a pair across sectors that is not
    school ↔ leisure (the job centre, the scouts)."""
    network = town.weaving_town("holdby")
    extra = Tie(type=TieType.COLLABORATES_WITH, source="jobcenter-holdby", target="club-holdby")
    return network_to_graph(network.model_copy(update={"ties": (*network.ties, extra)}))


def test_the_planted_school_leisure_pair_is_suggested_first_with_its_introducer(holdby: nx.DiGraph) -> None:
    report = gap_report(holdby, town.TARGET_GROUP)
    found = weaving_list(holdby, report)
    first = found.suggestions[0]
    assert (first.first.node, first.second.node) == ("school-holdby", "assoc-spejder")
    assert first.school_leisure and first.cross_sector
    assert [i.node for i in first.introducers] == ["club-holdby"] and first.shared_partners == 1
    assert first.why.sentence.startswith(
        "Holdby Skole (school; public sector) and Holdby Spejderne (leisure; civil society) both work "
        "with Ungdomsklubben Holdby but not with each other"
    )
    assert first.why.sentence_da.startswith("Holdby Skole (skole; offentlig sektor) og Holdby Spejderne")


@pytest.mark.parametrize("which", ["holdby", "holdby_crossed", "tiny"])
def test_school_leisure_pairs_come_first_and_no_pair_is_tied(
    which: str, request: pytest.FixtureRequest
) -> None:
    G = request.getfixturevalue("tiny_graph" if which == "tiny" else which)
    group = "tg-lonely" if which == "tiny" else town.TARGET_GROUP
    report = gap_report(G, group, engine="networkx")
    found = weaving_list(G, report, top=100)
    flags = [s.school_leisure for s in found.suggestions]
    assert flags == sorted(flags, reverse=True) and any(flags)
    A = actor_graph(G)
    for s in found.suggestions:
        u, v = s.first.node, s.second.node
        assert not tied(G, u, v), (u, v)
        assert {i.node for i in s.introducers} <= set(A[u]) & set(A[v])
        assert s.shared_partners == len(set(A[u]) & set(A[v]))
        assert s.first.partner or s.second.partner  # around the target group
        if s.school_leisure:
            assert "school" in s.first.arenas and "leisure" in s.second.arenas
    counted = {
        (min(s.first.node, s.second.node), max(s.first.node, s.second.node)) for s in found.suggestions
    }
    assert len(counted) == len(found.suggestions)


def test_each_suggestion_s_effect_is_what_a_what_if_of_the_tie_reports(tiny_graph: nx.DiGraph) -> None:
    report = gap_report(tiny_graph, "tg-lonely", engine="networkx")
    found = weaving_list(tiny_graph, report, top=100)
    assert any(s.effect.members_reached for s in found.suggestions)
    for s in found.suggestions:
        r = what_if(
            tiny_graph,
            "tg-lonely",
            Scenario(add_ties=((s.first.node, s.second.node),)),
            before=report,
            brokers=False,
            engine="networkx",
        )
        assert (s.effect.members_reached, s.effect.leisure_gained) == (
            r.effect.members_reached,
            r.effect.leisure_gained,
        ), (s.first.node, s.second.node)
        gained = {a.arena for a in r.arenas if a.gained}
        assert set(s.effect.arenas) == gained


def test_no_actor_fills_the_list_and_the_counts_are_of_every_open_pair_around_the_group() -> None:
    G = network_to_graph(generate_demo(size="small"))
    report = gap_report(G, "tg-several-challenges")
    found = weaving_list(G, report, top=60)
    appearances: dict[str, int] = {}
    for s in found.suggestions:
        for end in (s.first.node, s.second.node):
            appearances[end] = appearances.get(end, 0) + 1
    assert max(appearances.values()) <= PER_ACTOR
    pairs = open_triangles(actor_graph(G))
    around = [p for p in pairs if set(p) & report.support.ids]
    assert found.open_pairs == len(around) and found.school_leisure_pairs > 0
    assert len(found.suggestions) == 60
    assert [s.rank for s in found.suggestions] == list(range(1, 61))
